// @ts-check

const FIELDS = ['incident', 'technical', 'communication', 'channel', 'runbook'];

/**
 * Ownership edits become per-field overrides of catalog-info.yaml: a stored
 * field replaces the file's value ('' = removed), a field not stored follows
 * the file. Rows saved before stored every field (absent = removed), so they
 * are rewritten with '' for the absent fields: what people see does not
 * change. `baseline` keeps the file's values of the overridden fields at the
 * time of the edit, to tell when the file changed since.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_ownership', table => {
    table
      .text('baseline')
      .nullable()
      .comment(
        "JSON: catalog-info.yaml's values of the overridden fields when edited",
      );
  });
  const rows = await knex('readiness_ownership').select('entity_ref', 'roles');
  for (const row of rows) {
    const roles = JSON.parse(row.roles);
    const full = Object.fromEntries(FIELDS.map(f => [f, roles[f] ?? '']));
    await knex('readiness_ownership')
      .where('entity_ref', row.entity_ref)
      .update({ roles: JSON.stringify(full) });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_ownership', table => {
    table.dropColumn('baseline');
  });
};

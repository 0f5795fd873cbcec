// @ts-check

/**
 * The checks of each result that do not apply to the entity (`|a|b|`, as
 * failing_checks), for the CSV export and GET /results. The result hashes are
 * cleared, and every evaluated entity marked changed, so that the next
 * evaluation cycle evaluates and rewrites every result with the column filled
 * (the check history is unchanged: only what differs from the stored result is
 * recorded as a change; entities count as seen, so nothing is probed anew).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_results', table => {
    table
      .text('not_applicable_checks')
      .notNullable()
      .defaultTo('')
      .comment('|a|b|: checks whose `when:` does not hold for the entity');
  });
  await knex('readiness_results').update({ hash: '' });
  await knex('readiness_evaluation_state')
    .whereNotNull('input_hash')
    .update({ input_hash: 'before-not-applicable-checks' });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_results', table => {
    table.dropColumn('not_applicable_checks');
  });
};

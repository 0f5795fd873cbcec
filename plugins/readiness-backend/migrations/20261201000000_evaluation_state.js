// @ts-check

/**
 * What the evaluator last saw of each entity, so that an unchanged entity is
 * not evaluated again: a hash of its catalog data (with ownership edits and
 * the organisation it is evaluated against), the evidence version it read,
 * when its result can change by time alone, and its owners (so the entity
 * route needs no catalog round trip). Evidence writes bump
 * `evidence_version`; the entity is evaluated again while it differs from
 * `evaluated_version`.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_evaluation_state', table => {
    table.string('entity_ref', 255).notNullable().primary();
    table
      .string('input_hash', 64)
      .nullable()
      .comment('Hash of what the evaluation read from the catalog');
    table
      .integer('evidence_version')
      .notNullable()
      .defaultTo(0)
      .comment('Bumped by every fact, attestation or exemption write');
    table
      .integer('evaluated_version')
      .notNullable()
      .defaultTo(0)
      .comment('evidence_version as the last evaluation read it');
    table
      .dateTime('recheck_at', { useTz: true })
      .nullable()
      .comment('Evaluate again at this time even when nothing changed');
    table
      .text('owners')
      .nullable()
      .comment('JSON: the owners the entity route returns, as evaluated');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_evaluation_state');
};

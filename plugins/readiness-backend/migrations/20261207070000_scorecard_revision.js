// @ts-check

/**
 * The scorecard revision every result and daily point was evaluated under
 * (`metadata.revision` and the content hash, e.g. `2026-Q4 · 3f2a…`), and
 * on each logged check change whether the scorecard's revision changed with
 * it: history tells "the rule changed" from "the service changed". Rows
 * written before this have none (unknown), and are not marked.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_results', table => {
    table
      .string('revision', 140)
      .nullable()
      .comment('scorecard revision the result was evaluated under');
  });
  await knex.schema.alterTable('readiness_history', table => {
    table
      .string('revision', 140)
      .nullable()
      .comment('scorecard revision of the day’s point');
  });
  await knex.schema.alterTable('readiness_changes', table => {
    table
      .boolean('by_scorecard')
      .nullable()
      .comment('true when the scorecard revision changed in that evaluation');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_changes', table => {
    table.dropColumn('by_scorecard');
  });
  await knex.schema.alterTable('readiness_history', table => {
    table.dropColumn('revision');
  });
  await knex.schema.alterTable('readiness_results', table => {
    table.dropColumn('revision');
  });
};

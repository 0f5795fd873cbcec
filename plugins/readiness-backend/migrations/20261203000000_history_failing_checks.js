// @ts-check

/**
 * The failing checks of each daily point (`|a|b|`, as in readiness_results),
 * so that the org page can show a check's pass rate over time, filtered like
 * the results. Points written before this migration have none (null) and are
 * left out of check pass rates.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_history', table => {
    table
      .text('failing_checks')
      .nullable()
      .comment('|a|b|: the checks the point failed; null before 2026-12-03');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_history', table => {
    table.dropColumn('failing_checks');
  });
};

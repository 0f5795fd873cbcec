// @ts-check

/**
 * Checks not enforced yet (`enforceFrom` ahead) that do not pass, per
 * result and per daily point: what an initiative on those checks counts,
 * before they join the score. Results are written again at the next
 * evaluation (their hash is cleared), so the column fills within a full pass.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_results', table => {
    table
      .text('upcoming_checks')
      .nullable()
      .comment('|a|b|: not yet enforced, not passing');
  });
  await knex.schema.alterTable('readiness_history', table => {
    table
      .text('upcoming_checks')
      .nullable()
      .comment('|a|b|: not yet enforced, not passing');
  });
  await knex('readiness_results').update({ hash: '' });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_history', table => {
    table.dropColumn('upcoming_checks');
  });
  await knex.schema.alterTable('readiness_results', table => {
    table.dropColumn('upcoming_checks');
  });
};

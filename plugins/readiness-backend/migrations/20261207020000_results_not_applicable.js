// @ts-check

/**
 * The checks of each result that do not apply to the entity (`|a|b|`, as
 * failing_checks), for the CSV export and GET /results. The stored hashes are
 * cleared so that the next evaluation cycle rewrites every result with the
 * column filled (their check history is unchanged: only what differs from the
 * stored result is recorded as a change).
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
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_results', table => {
    table.dropColumn('not_applicable_checks');
  });
};

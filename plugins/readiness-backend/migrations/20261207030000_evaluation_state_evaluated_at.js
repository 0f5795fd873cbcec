// @ts-check

/**
 * When each entity was last evaluated, also when its result did not change
 * (the stored result keeps the time it last changed): so the tab shows the
 * time of a Re-evaluate on an unchanged entity.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_evaluation_state', table => {
    table
      .dateTime('evaluated_at', { useTz: true })
      .nullable()
      .comment('When the entity was last evaluated');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_evaluation_state', table => {
    table.dropColumn('evaluated_at');
  });
};

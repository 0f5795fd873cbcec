// @ts-check

/**
 * One row per check change: an entity's check flips once per evaluation
 * time. The unique index lets a batch written again (after a lost
 * connection whose commit had in fact gone through) add no second copy.
 * Copies already there are removed first, keeping the first of each.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex('readiness_changes')
    .whereNotIn(
      'id',
      knex('readiness_changes')
        .min('id')
        .groupBy('entity_ref', 'scorecard', 'check_id', 'changed_at'),
    )
    .delete();
  await knex.schema.alterTable('readiness_changes', table => {
    table.unique(['entity_ref', 'scorecard', 'check_id', 'changed_at'], {
      indexName: 'readiness_changes_once_idx',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_changes', table => {
    table.dropUnique(
      ['entity_ref', 'scorecard', 'check_id', 'changed_at'],
      'readiness_changes_once_idx',
    );
  });
};

// @ts-check

/**
 * The go-live phases' checklist items ticked off (T-7, T-1, T-0, T+1 from
 * checklist [001], weeks 2–4 from [004]): one row per item, go-live date and
 * occurrence (`week-2`… for the weekly reviews, '' otherwise), with who and when.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_phase_items', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('go_live_date', 10).notNullable();
    table.string('phase', 32).notNullable();
    table.string('occurrence', 16).notNullable();
    table.string('item', 100).notNullable();
    table.string('done_by', 255).notNullable();
    table.dateTime('done_at', { useTz: true }).notNullable();
    table.text('note').nullable();
    table.primary([
      'entity_ref',
      'go_live_date',
      'phase',
      'occurrence',
      'item',
    ]);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_phase_items');
};

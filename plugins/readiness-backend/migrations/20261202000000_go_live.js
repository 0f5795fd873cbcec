// @ts-check

/**
 * The go-live workflow: sign-offs (void once the status drops below Ready),
 * the first week's daily checks, risky actions and the closure review; the
 * log of notifications sent, for de-duplication.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // The go-live date as the last evaluation saw it, to list go-lives; clearing
  // the input hashes makes the next cycle evaluate (and record) every entity.
  await knex.schema.alterTable('readiness_evaluation_state', table => {
    table.string('go_live_date', 10).nullable().index();
  });
  await knex('readiness_evaluation_state').update({ input_hash: null });
  await knex.schema.createTable('readiness_signoffs', table => {
    table.increments('id');
    table.string('entity_ref', 255).notNullable().index();
    table.string('scorecard', 255).notNullable();
    table.string('go_live_date', 10).notNullable();
    table.string('role', 100).notNullable();
    table.string('signed_by', 255).notNullable();
    table.dateTime('signed_at', { useTz: true }).notNullable();
    table.text('note').nullable();
    table.dateTime('voided_at', { useTz: true }).nullable();
    table.text('void_reason').nullable();
  });
  // One valid sign-off per role and go-live: two people signing at once, one wins.
  await knex.raw(
    'CREATE UNIQUE INDEX readiness_signoffs_valid ON readiness_signoffs (entity_ref, scorecard, go_live_date, role) WHERE voided_at IS NULL',
  );
  await knex.schema.createTable('readiness_daily_checks', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('day', 10).notNullable();
    table.text('items').notNullable();
    table.string('checked_by', 255).notNullable();
    table.dateTime('checked_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'day']);
  });
  await knex.schema.createTable('readiness_risky_actions', table => {
    table.increments('id');
    table.string('entity_ref', 255).notNullable().index();
    table.string('kind', 32).notNullable();
    table.text('description').notNullable();
    table.string('owner', 255).notNullable();
    table.string('outcome', 32).notNullable();
    table.text('note').nullable();
    table.string('recorded_by', 255).notNullable();
    table.dateTime('recorded_at', { useTz: true }).notNullable();
  });
  // Notifications sent, by key, so each is sent once (or once per window).
  await knex.schema.createTable('readiness_notifications', table => {
    table.string('key', 400).primary();
    table.dateTime('sent_at', { useTz: true }).notNullable();
    // What was said last (a status), to tell again only when it differs.
    table.string('value', 100).nullable();
  });
  await knex.schema.createTable('readiness_closure_reviews', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('go_live_date', 10).notNullable();
    table.text('incidents').notNullable();
    table.text('support_requests').notNullable();
    table.text('quality_deviations').notNullable();
    table.text('missing_runbook_steps').notNullable();
    table.string('reviewed_by', 255).notNullable();
    table.dateTime('reviewed_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'go_live_date']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_evaluation_state', table => {
    table.dropIndex(['go_live_date']);
    table.dropColumn('go_live_date');
  });
  await knex.schema.dropTable('readiness_closure_reviews');
  await knex.schema.dropTable('readiness_notifications');
  await knex.schema.dropTable('readiness_risky_actions');
  await knex.schema.dropTable('readiness_daily_checks');
  await knex.schema.dropTable('readiness_signoffs');
};

// @ts-check

/**
 * Owner re-confirmation: the latest confirmation of each entity's role (who
 * held it, who confirmed, when, why), read by every evaluation; and, in the
 * ownership history, which roles a row confirmed (`confirmed`, a JSON list).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_owner_confirmations', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('role', 16).notNullable();
    table.string('owner_ref', 255).notNullable();
    table.string('confirmed_by', 255).notNullable();
    table.dateTime('confirmed_at', { useTz: true }).notNullable();
    table.text('reason').nullable();
    table.primary(['entity_ref', 'role']);
  });
  await knex.schema.alterTable('readiness_ownership_changes', table => {
    table.text('confirmed').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_ownership_changes', table => {
    table.dropColumn('confirmed');
  });
  await knex.schema.dropTable('readiness_owner_confirmations');
};

// @ts-check

/**
 * Attestations and exemptions made from the tab: both can be revoked, and an
 * exemption can be requested by one person and granted by another.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_attestations', table => {
    table.dateTime('revoked_at', { useTz: true }).nullable();
    table.string('revoked_by', 255).nullable();
  });
  await knex.schema.alterTable('readiness_exemptions', table => {
    table.string('approved_by', 255).nullable().alter();
    table.string('requested_by', 255).nullable();
    table.dateTime('granted_at', { useTz: true }).nullable();
    table.dateTime('revoked_at', { useTz: true }).nullable();
    table.string('revoked_by', 255).nullable();
  });
  // Exemptions stored before were granted when they were created.
  await knex('readiness_exemptions')
    .whereNotNull('approved_by')
    .update({ granted_at: knex.ref('created_at') });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex('readiness_exemptions').whereNull('approved_by').delete();
  await knex.schema.alterTable('readiness_exemptions', table => {
    table.dropColumn('requested_by');
    table.dropColumn('granted_at');
    table.dropColumn('revoked_at');
    table.dropColumn('revoked_by');
  });
  await knex.schema.alterTable('readiness_exemptions', table => {
    table.string('approved_by', 255).notNullable().alter();
  });
  await knex.schema.alterTable('readiness_attestations', table => {
    table.dropColumn('revoked_at');
    table.dropColumn('revoked_by');
  });
};

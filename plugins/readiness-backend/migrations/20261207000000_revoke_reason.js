// @ts-check

/**
 * Why an attestation or exemption was revoked: asked of whoever revokes, kept
 * for the audit trail and shown on the check ("revoked by … on …: …").
 * Revocations before this migration have none.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const name of ['readiness_attestations', 'readiness_exemptions']) {
    await knex.schema.alterTable(name, table => {
      table.text('revoke_reason').nullable();
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of ['readiness_attestations', 'readiness_exemptions']) {
    await knex.schema.alterTable(name, table => {
      table.dropColumn('revoke_reason');
    });
  }
};

// @ts-check

/**
 * Initiatives: a goal on a scorecard (a level, or checks passing) for the
 * entities of a scope, by a deadline; versioned for optimistic locking.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_initiatives', table => {
    table.bigIncrements('id').primary();
    table.string('title', 200).notNullable();
    table.text('description').nullable();
    table.string('scorecard', 100).notNullable();
    table.text('goal').notNullable().comment('JSON: { level } or { checks }');
    table.text('scope').notNullable().comment('JSON: the /results filters');
    table.string('starts_on', 10).notNullable();
    table.string('deadline', 10).notNullable();
    table.string('owner_ref', 255).notNullable();
    table.string('sponsor_ref', 255).nullable();
    table.string('status', 16).notNullable();
    table.integer('version').notNullable();
    table.string('created_by', 255).notNullable();
    table.dateTime('created_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
    table.dateTime('updated_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_initiatives');
};

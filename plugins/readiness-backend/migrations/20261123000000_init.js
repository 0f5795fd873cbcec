/*
 * Readiness backend tables. Runs on SQLite and PostgreSQL.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // Latest result per entity and scorecard. Filter columns are denormalised
  // from the entity so that /results and /summary need no join.
  await knex.schema.createTable('readiness_results', table => {
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('kind:namespace/name, lower case');
    table.string('scorecard', 100).notNullable();
    table.string('kind', 64).notNullable();
    table.string('namespace', 64).notNullable();
    table.string('name', 255).notNullable();
    table.string('title', 255).nullable();
    table.string('type', 64).nullable();
    table.string('lifecycle', 64).nullable();
    table.string('owner', 255).nullable().comment('spec.owner as a full ref');
    table.string('system', 255).nullable();
    table.string('domain', 255).nullable();
    table.string('status', 16).notNullable();
    table.float('score').notNullable();
    table.string('level', 64).nullable();
    table
      .text('failing_checks')
      .notNullable()
      .comment('|id|id| of counted checks that do not pass');
    table
      .text('failing_areas')
      .notNullable()
      .comment('|id|id| of areas with a failing check');
    table
      .text('area_scores')
      .notNullable()
      .comment('JSON: area id -> score, for /summary');
    table.text('result').notNullable().comment('EntityReadiness as JSON');
    table
      .string('hash', 64)
      .notNullable()
      .comment('sha256 of the result without its time');
    table
      .string('search', 512)
      .notNullable()
      .comment('lower-case ref and title, for text search');
    table.dateTime('changed_at', { useTz: true }).notNullable();
    table.boolean('stale').notNullable().defaultTo(false);
    table.primary(['entity_ref', 'scorecard']);
    table.index(
      ['scorecard', 'status'],
      'readiness_results_scorecard_status_idx',
    );
    table.index(
      ['scorecard', 'owner'],
      'readiness_results_scorecard_owner_idx',
    );
    table.index(
      ['scorecard', 'system'],
      'readiness_results_scorecard_system_idx',
    );
    table.index(
      ['scorecard', 'score'],
      'readiness_results_scorecard_score_idx',
    );
  });

  // One row per entity, scorecard and day.
  await knex.schema.createTable('readiness_history', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('scorecard', 100).notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table.string('status', 16).notNullable();
    table.float('score').notNullable();
    table.string('level', 64).nullable();
    table.primary(['entity_ref', 'scorecard', 'day']);
    table.index(['day'], 'readiness_history_day_idx');
  });

  // Which checks flipped, and why.
  await knex.schema.createTable('readiness_changes', table => {
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('scorecard', 100).notNullable();
    table.string('check_id', 100).notNullable();
    table.string('old_result', 16).nullable();
    table.string('new_result', 16).nullable();
    table.text('old_message').nullable();
    table.text('new_message').nullable();
    table.dateTime('changed_at', { useTz: true }).notNullable();
    table.index(
      ['entity_ref', 'scorecard', 'changed_at'],
      'readiness_changes_entity_idx',
    );
    table.index(['changed_at'], 'readiness_changes_time_idx');
  });

  // When each evaluation shard last ran, and last succeeded.
  await knex.schema.createTable('readiness_shards', table => {
    table.integer('shard').notNullable().primary();
    table.integer('shards').notNullable();
    table.dateTime('last_attempt_at', { useTz: true }).nullable();
    table.dateTime('last_success_at', { useTz: true }).nullable();
    table.text('last_error').nullable();
  });

  // The latest value of each fact per entity (older values are not kept).
  await knex.schema.createTable('readiness_facts', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('fact_id', 100).notNullable();
    table.text('value').notNullable().comment('JSON');
    table.dateTime('observed_at', { useTz: true }).notNullable();
    table.string('source', 255).nullable();
    table.primary(['entity_ref', 'fact_id']);
  });

  await knex.schema.createTable('readiness_attestations', table => {
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 100).notNullable();
    table.string('attested_by', 255).notNullable();
    table.dateTime('attested_at', { useTz: true }).notNullable();
    table.dateTime('expires_at', { useTz: true }).nullable();
    table.text('evidence_url').nullable();
    table.text('note').nullable();
    table.index(
      ['entity_ref', 'check_id'],
      'readiness_attestations_entity_idx',
    );
  });

  await knex.schema.createTable('readiness_exemptions', table => {
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 100).notNullable();
    table.text('reason').notNullable();
    table.string('approved_by', 255).notNullable();
    table.dateTime('created_at', { useTz: true }).notNullable();
    table.dateTime('expires_at', { useTz: true }).nullable();
    table.index(['entity_ref', 'check_id'], 'readiness_exemptions_entity_idx');
  });

  // Ownership roles edited from the UI, with a version for optimistic locking,
  // and the log of every change.
  await knex.schema.createTable('readiness_ownership', table => {
    table.string('entity_ref', 255).notNullable().primary();
    table
      .text('roles')
      .notNullable()
      .comment('JSON: incident, technical, communication, channel, runbook');
    table.integer('version').notNullable();
    table.string('updated_by', 255).notNullable();
    table.dateTime('updated_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('readiness_ownership_changes', table => {
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.text('old_roles').nullable().comment('JSON');
    table.text('new_roles').notNullable().comment('JSON');
    table.string('changed_by', 255).notNullable();
    table.dateTime('changed_at', { useTz: true }).notNullable();
    table.text('reason').nullable();
    table.index(
      ['entity_ref', 'changed_at'],
      'readiness_ownership_changes_entity_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of [
    'readiness_ownership_changes',
    'readiness_ownership',
    'readiness_exemptions',
    'readiness_attestations',
    'readiness_facts',
    'readiness_shards',
    'readiness_changes',
    'readiness_history',
    'readiness_results',
  ]) {
    await knex.schema.dropTable(table);
  }
};

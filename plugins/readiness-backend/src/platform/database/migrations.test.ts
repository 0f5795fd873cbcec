import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import { applyDatabaseMigrations } from './migrations';

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const config = {
  directory: resolvePackagePath(
    '@readiness/backstage-plugin-readiness-backend',
    'migrations',
  ),
  tableName: 'readiness_knex_migrations',
};

describe('migrations', () => {
  it.each(databases.eachSupportedId())(
    'turn ownership edits saved before per-field overrides into overrides that show the same on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // The schema as it was before 20261130000000_ownership_overrides.
      await knex.migrate.up({ ...config, name: '20261123000000_init.js' });
      await knex.migrate.up({
        ...config,
        name: '20261129000000_manual_evidence.js',
      });
      // An edit saved then: every field stored; absent meant "removed".
      await knex('readiness_ownership').insert({
        entity_ref: 'component:default/ledger-service',
        roles: JSON.stringify({
          incident: 'group:default/sre-oncall',
          channel: 'slack:#ledger',
        }),
        version: 3,
        updated_by: 'user:default/guest',
        updated_at: new Date('2026-11-23T12:00:00Z'),
      });
      await applyDatabaseMigrations(knex);
      const row = await knex('readiness_ownership').first();
      expect(JSON.parse(row.roles)).toEqual({
        incident: 'group:default/sre-oncall',
        technical: '',
        communication: '',
        channel: 'slack:#ledger',
        runbook: '',
      });
      expect(row.baseline).toBeNull();
      expect(Number(row.version)).toBe(3);
      await knex.migrate.down({
        ...config,
        name: '20261130000000_ownership_overrides.js',
      });
      expect(
        await knex.schema.hasColumn('readiness_ownership', 'baseline'),
      ).toBe(false);
    },
  );

  it.each(databases.eachSupportedId())(
    'add and drop the evaluation state on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      expect(await knex.schema.hasTable('readiness_evaluation_state')).toBe(
        true,
      );
      await knex.migrate.down({
        ...config,
        name: '20261201000000_evaluation_state.js',
      });
      expect(await knex.schema.hasTable('readiness_evaluation_state')).toBe(
        false,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'keep one row per check change, removing copies already there, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      for (const name of [
        '20261123000000_init.js',
        '20261129000000_manual_evidence.js',
        '20261130000000_ownership_overrides.js',
        '20261201000000_evaluation_state.js',
        '20261202000000_go_live.js',
        '20261203000000_history_failing_checks.js',
      ])
        await knex.migrate.up({ ...config, name });
      const change = {
        entity_ref: 'component:default/a',
        scorecard: 'production',
        check_id: 'runbook',
        old_result: 'fail',
        new_result: 'pass',
        changed_at: new Date('2026-11-30T12:00:00Z'),
      };
      await knex('readiness_changes').insert([change, change]);
      await applyDatabaseMigrations(knex);
      expect(await knex('readiness_changes').select('check_id')).toEqual([
        { check_id: 'runbook' },
      ]);
      const again = await knex('readiness_changes')
        .insert(change)
        .then(
          () => 'inserted a second copy',
          () => 'refused',
        );
      expect(again).toBe('refused');
      expect(
        Number((await knex('readiness_changes').count({ n: '*' }))[0].n),
      ).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'add the not-applicable checks to results, clearing the hashes so the next cycle fills them, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      for (const name of fs
        .readdirSync(config.directory)
        .filter(f => f.endsWith('.js') && f < '20261207020000')
        .sort())
        await knex.migrate.up({ ...config, name });
      await knex('readiness_results').insert({
        entity_ref: 'component:default/a',
        scorecard: 'production',
        kind: 'component',
        namespace: 'default',
        name: 'a',
        status: 'ready',
        score: 100,
        failing_checks: '',
        failing_areas: '',
        area_scores: '{}',
        result: '{}',
        hash: 'abc',
        search: 'component:default/a',
        changed_at: new Date('2026-12-01T12:00:00Z'),
      });
      await knex('readiness_evaluation_state').insert([
        { entity_ref: 'component:default/a', input_hash: 'h-a' },
        { entity_ref: 'component:default/b', input_hash: null },
      ]);
      await applyDatabaseMigrations(knex);
      expect(
        await knex('readiness_results').select('hash', 'not_applicable_checks'),
      ).toEqual([{ hash: '', not_applicable_checks: '' }]);
      // Evaluated again at the next cycle (changed), not probed as new (null).
      expect(
        await knex('readiness_evaluation_state')
          .select('entity_ref', 'input_hash')
          .orderBy('entity_ref'),
      ).toEqual([
        {
          entity_ref: 'component:default/a',
          input_hash: 'before-not-applicable-checks',
        },
        { entity_ref: 'component:default/b', input_hash: null },
      ]);
      await knex.migrate.down({
        ...config,
        name: '20261207020000_results_not_applicable.js',
      });
      expect(
        await knex.schema.hasColumn(
          'readiness_results',
          'not_applicable_checks',
        ),
      ).toBe(false);
    },
  );
});

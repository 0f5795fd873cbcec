import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  applyDatabaseMigrations,
  DatabaseReadinessStore,
} from './DatabaseReadinessStore';
import { resultRow } from './testData';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const NOW = '2026-11-23T12:00:00.000Z';

async function storeFor(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const store = await DatabaseReadinessStore.create({
    database: mockServices.database({ knex }),
  });
  return { knex, store };
}

describe('DatabaseReadinessStore', () => {
  it.each(databases.eachSupportedId())(
    'migrates up and down and up again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      expect(await knex.schema.hasTable('readiness_results')).toBe(true);
      const directory = require('node:path').resolve(
        __dirname,
        '../../migrations',
      );
      await knex.migrate.rollback(
        { directory, tableName: 'readiness_knex_migrations' },
        true,
      );
      for (const t of [
        'readiness_results',
        'readiness_history',
        'readiness_changes',
        'readiness_facts',
        'readiness_ownership',
      ]) {
        expect(await knex.schema.hasTable(t)).toBe(false);
      }
      await applyDatabaseMigrations(knex);
      expect(await knex.schema.hasTable('readiness_ownership_changes')).toBe(
        true,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'pings, and rejects when the connection is gone, on %p',
    async databaseId => {
      const { knex, store } = await storeFor(databaseId);
      await expect(store.ping()).resolves.toBeUndefined();
      await knex.destroy();
      await expect(store.ping()).rejects.toThrow();
    },
  );

  it.each(databases.eachSupportedId())(
    'writes results, reads hashes, details and summaries on %p',
    async databaseId => {
      const { store } = await storeFor(databaseId);
      const rows = [
        resultRow('a', {
          status: 'blocked',
          score: 40,
          failing: [{ id: 'incident-owner', area: 'ownership' }],
        }),
        resultRow('b', { score: 100 }),
      ];
      await store.writeResults(rows, [], NOW);
      expect(
        await store.getHashes([
          'component:default/a',
          'component:default/b',
          'component:default/x',
        ]),
      ).toEqual(
        new Map([
          ['component:default/a|production', 'h-a'],
          ['component:default/b|production', 'h-b'],
        ]),
      );
      const details = await store.getDetails([
        'component:default/a|production',
      ]);
      expect(details.get('component:default/a|production')).toMatchObject({
        status: 'blocked',
        score: 40,
        failingChecks: ['incident-owner'],
        areaScores: { ownership: 50 },
        changedAt: NOW,
        stale: false,
        result: { entityRef: 'component:default/a' },
      });
      expect(await store.listSummaries()).toEqual(
        expect.arrayContaining([
          {
            entityRef: 'component:default/a',
            scorecard: 'production',
            status: 'blocked',
            score: 40,
          },
        ]),
      );
      // Writing again replaces, never duplicates.
      await store.writeResults(
        [resultRow('a', { status: 'ready', hash: 'h2' })],
        [],
        NOW,
      );
      expect((await store.listKeys()).sort()).toEqual([
        'component:default/a|production',
        'component:default/b|production',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'filters, sorts, pages and streams results on %p',
    async databaseId => {
      const { store } = await storeFor(databaseId);
      await store.writeResults(
        [
          resultRow('alpha', {
            status: 'blocked',
            score: 10,
            owner: 'group:default/payments',
            system: 'system:default/checkout',
            failing: [{ id: 'runbook', area: 'ownership' }],
          }),
          resultRow('beta', {
            status: 'needs-work',
            score: 80,
            owner: 'group:default/identity',
            title: 'Beta 100%_ok',
          }),
          resultRow('gamma', {
            status: 'ready',
            score: 100,
            owner: 'group:default/payments',
          }),
        ],
        [],
        NOW,
      );
      const names = async (filter: object, sort?: any) =>
        (
          await store.queryResults({
            filter: { scorecard: 'production', ...filter },
            sort,
          })
        ).items.map(i => i.name);
      expect(await names({})).toEqual(['alpha', 'beta', 'gamma']);
      expect(await names({}, '-score')).toEqual(['gamma', 'beta', 'alpha']);
      expect(await names({ status: ['blocked', 'ready'] }, 'name')).toEqual([
        'alpha',
        'gamma',
      ]);
      expect(await names({ owner: ['group:default/identity'] })).toEqual([
        'beta',
      ]);
      expect(await names({ system: ['system:default/checkout'] })).toEqual([
        'alpha',
      ]);
      expect(await names({ failingCheck: 'runbook' })).toEqual(['alpha']);
      expect(await names({ failingArea: 'ownership' })).toEqual(['alpha']);
      expect(await names({ failingCheck: 'run' })).toEqual([]);
      expect(await names({ text: 'GAM' })).toEqual(['gamma']);
      expect(await names({ text: '100%_' })).toEqual(['beta']);
      expect(await names({ text: '%' })).toEqual(['beta']);
      const page = await store.queryResults({
        filter: { scorecard: 'production' },
        sort: 'name',
        offset: 1,
        limit: 1,
      });
      expect(page).toMatchObject({ totalItems: 3, items: [{ name: 'beta' }] });
      const batches: string[][] = [];
      for await (const b of store.streamResults({
        filter: { scorecard: 'production' },
        sort: 'name',
        batchSize: 2,
      })) {
        batches.push(b.map(r => r.name));
      }
      expect(batches).toEqual([['alpha', 'beta'], ['gamma']]);
      expect(
        (await store.getCheckFailures('production', 'runbook')).map(
          r => r.name,
        ),
      ).toEqual(['alpha']);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps one history point per day, updated only on change, and prunes on %p',
    async databaseId => {
      const { knex, store } = await storeFor(databaseId);
      const point = (day: string, score: number, changed: boolean) => ({
        entityRef: 'component:default/a',
        scorecard: 'production',
        day,
        status: 'ready' as const,
        score,
        changed,
      });
      expect(await store.recordHistory([point('2026-11-22', 90, true)])).toBe(
        1,
      );
      expect(await store.recordHistory([point('2026-11-23', 95, false)])).toBe(
        1,
      ); // missing: added
      expect(await store.recordHistory([point('2026-11-23', 96, false)])).toBe(
        0,
      ); // unchanged: no write
      expect(await store.recordHistory([point('2026-11-23', 97, true)])).toBe(
        1,
      ); // changed: updated
      const rows = await knex('readiness_history')
        .orderBy('day')
        .select('day', 'score');
      expect(rows.map(r => [r.day, Number(r.score)])).toEqual([
        ['2026-11-22', 90],
        ['2026-11-23', 97],
      ]);
      await store.writeResults(
        [resultRow('a')],
        [
          {
            entityRef: 'component:default/a',
            scorecard: 'production',
            checkId: 'x',
            oldResult: 'pass',
            newResult: 'fail',
            oldMessage: 'ok',
            newMessage: 'bad',
            changedAt: '2026-11-22T10:00:00.000Z',
          },
        ],
        NOW,
      );
      const history = await store.getHistory(
        'component:default/a',
        '2026-11-01',
      );
      expect(history.points).toHaveLength(2);
      expect(history.changes).toEqual([
        expect.objectContaining({
          checkId: 'x',
          oldResult: 'pass',
          newResult: 'fail',
          changedAt: '2026-11-22T10:00:00.000Z',
        }),
      ]);
      await store.pruneHistory('2026-11-23');
      expect(
        (
          await store.getHistory('component:default/a', '2026-11-01')
        ).points.map(p => p.day),
      ).toEqual(['2026-11-23']);
      expect(
        (await store.getHistory('component:default/a', '2026-11-01')).changes,
      ).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'deletes results with their history, and marks results stale, on %p',
    async databaseId => {
      const { knex, store } = await storeFor(databaseId);
      await store.writeResults([resultRow('a'), resultRow('b')], [], NOW);
      await store.recordHistory([
        {
          entityRef: 'component:default/a',
          scorecard: 'production',
          day: '2026-11-23',
          status: 'ready',
          score: 1,
          changed: true,
        },
      ]);
      await store.setStale(['component:default/b'], true);
      expect(
        (await store.getEntityResults('component:default/b'))[0].stale,
      ).toBe(true);
      expect(
        await store.deleteResults(['component:default/a|production']),
      ).toBe(1);
      expect(await store.listKeys()).toEqual([
        'component:default/b|production',
      ]);
      expect(
        Number((await knex('readiness_history').count({ n: '*' }))[0].n),
      ).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores facts (latest per id), attestations and exemptions on %p',
    async databaseId => {
      const { store } = await storeFor(databaseId);
      const ref = 'component:default/a';
      await store.upsertFacts([
        {
          entityRef: ref,
          fact: {
            id: 'load',
            value: { p95: 300 },
            observedAt: '2026-11-01T00:00:00Z',
            source: 'ci',
          },
        },
      ]);
      await store.upsertFacts([
        {
          entityRef: ref,
          fact: {
            id: 'load',
            value: { p95: 120 },
            observedAt: '2026-11-20T00:00:00Z',
          },
        },
      ]);
      await store.addAttestation(ref, {
        checkId: 'runbook-reviewed',
        attestedBy: 'user:default/grace',
        attestedAt: '2026-11-10T00:00:00Z',
        note: 'ok',
      });
      await store.addExemption(
        ref,
        {
          checkId: 'restore-tested',
          reason: 'stateless',
          approvedBy: 'user:default/priya',
        },
        NOW,
      );
      const evidence = await store.loadEvidence([
        ref,
        'component:default/none',
      ]);
      expect(evidence.facts[ref]).toEqual([
        {
          id: 'load',
          value: { p95: 120 },
          observedAt: '2026-11-20T00:00:00.000Z',
          source: undefined,
        },
      ]);
      expect(evidence.attestations[ref]).toEqual([
        {
          checkId: 'runbook-reviewed',
          attestedBy: 'user:default/grace',
          attestedAt: '2026-11-10T00:00:00.000Z',
          expiresAt: undefined,
          evidenceUrl: undefined,
          note: 'ok',
        },
      ]);
      expect(evidence.exemptions[ref]).toEqual([
        {
          checkId: 'restore-tested',
          reason: 'stateless',
          approvedBy: 'user:default/priya',
          expiresAt: undefined,
        },
      ]);
      await store.replaceManualEvidence([ref], [], []);
      expect((await store.loadEvidence([ref])).attestations).toEqual({});
    },
  );

  it.each(databases.eachSupportedId())(
    'records shard runs on %p',
    async databaseId => {
      const { store } = await storeFor(databaseId);
      await store.recordShardRun({ shard: 0, shards: 2, lastAttemptAt: NOW });
      await store.recordShardRun({ shard: 0, shards: 2, lastSuccessAt: NOW });
      await store.recordShardRun({ shard: 1, shards: 2, lastError: 'boom' });
      expect(await store.listShardRuns()).toEqual([
        {
          shard: 0,
          shards: 2,
          lastAttemptAt: NOW,
          lastSuccessAt: NOW,
          lastError: undefined,
        },
        {
          shard: 1,
          shards: 2,
          lastAttemptAt: undefined,
          lastSuccessAt: undefined,
          lastError: 'boom',
        },
      ]);
    },
  );
});

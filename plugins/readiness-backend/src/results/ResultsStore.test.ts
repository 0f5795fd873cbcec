import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { createReadinessStores } from '../stores';
import { resultRow } from './testData';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const NOW = '2026-11-23T12:00:00.000Z';
const A = { entityRef: 'component:default/a', scorecard: 'production' };
const B = { entityRef: 'component:default/b', scorecard: 'production' };

async function storeFor(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const stores = await createReadinessStores({
    database: mockServices.database({ knex }),
  });
  return { knex, stores };
}

describe('ResultsStore and HistoryStore', () => {
  it.each(databases.eachSupportedId())(
    'writes results, reads hashes, details and summaries on %p',
    async databaseId => {
      const { stores } = await storeFor(databaseId);
      const rows = [
        resultRow('a', {
          status: 'blocked',
          score: 40,
          failing: [{ id: 'incident-owner', area: 'ownership' }],
        }),
        resultRow('b', { score: 100 }),
      ];
      await stores.results.writeResults(rows, [], NOW);
      const hashes = await stores.results.getHashes([
        'component:default/a',
        'component:default/b',
        'component:default/x',
      ]);
      expect([...hashes.entries()]).toEqual([
        [A, 'h-a'],
        [{ entityRef: 'component:default/b', scorecard: 'production' }, 'h-b'],
      ]);
      const details = await stores.results.getDetails([
        A,
        { entityRef: 'component:default/x', scorecard: 'production' },
      ]);
      expect(details.size).toBe(1);
      expect(details.get(A)).toMatchObject({
        status: 'blocked',
        score: 40,
        failingChecks: ['incident-owner'],
        areaScores: { ownership: 50 },
        changedAt: NOW,
        stale: false,
        result: { entityRef: 'component:default/a' },
      });
      expect(await stores.results.listSummaries()).toEqual(
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
      await stores.results.writeResults(
        [resultRow('a', { status: 'ready', hash: 'h2' })],
        [],
        NOW,
      );
      expect(await stores.results.listKeys()).toEqual(
        expect.arrayContaining([A, B]),
      );
      expect(await stores.results.listKeys()).toHaveLength(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'filters, sorts, pages and streams results on %p',
    async databaseId => {
      const { stores } = await storeFor(databaseId);
      await stores.results.writeResults(
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
          await stores.results.queryResults({
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
      // LIKE's wildcards are literal characters here, not "anything".
      expect(await names({ failingCheck: '%' })).toEqual([]);
      expect(await names({ failingArea: '_%' })).toEqual([]);
      expect(await names({ text: 'GAM' })).toEqual(['gamma']);
      expect(await names({ text: '100%_' })).toEqual(['beta']);
      expect(await names({ text: '%' })).toEqual(['beta']);
      const page = await stores.results.queryResults({
        filter: { scorecard: 'production' },
        sort: 'name',
        offset: 1,
        limit: 1,
      });
      expect(page).toMatchObject({ totalItems: 3, items: [{ name: 'beta' }] });
      const batches: string[][] = [];
      for await (const b of stores.results.streamResults({
        filter: { scorecard: 'production' },
        sort: 'name',
        batchSize: 2,
      })) {
        batches.push(b.map(r => r.name));
      }
      expect(batches).toEqual([['alpha', 'beta'], ['gamma']]);
      expect(
        (await stores.results.getCheckFailures('production', 'runbook')).map(
          r => r.name,
        ),
      ).toEqual(['alpha']);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps one history point per day, updated only on change, and prunes on %p',
    async databaseId => {
      const { knex, stores } = await storeFor(databaseId);
      const point = (day: string, score: number, changed: boolean) => ({
        entityRef: 'component:default/a',
        scorecard: 'production',
        day,
        status: 'ready' as const,
        score,
        changed,
      });
      expect(
        await stores.history.recordHistory([point('2026-11-22', 90, true)]),
      ).toBe(1);
      expect(
        await stores.history.recordHistory([point('2026-11-23', 95, false)]),
      ).toBe(1); // missing: added
      expect(
        await stores.history.recordHistory([point('2026-11-23', 96, false)]),
      ).toBe(0); // unchanged: no write
      expect(
        await stores.history.recordHistory([point('2026-11-23', 97, true)]),
      ).toBe(1); // changed: updated
      const rows = await knex('readiness_history')
        .orderBy('day')
        .select('day', 'score');
      expect(rows.map(r => [r.day, Number(r.score)])).toEqual([
        ['2026-11-22', 90],
        ['2026-11-23', 97],
      ]);
      await stores.results.writeResults(
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
      const history = await stores.history.getHistory(
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
      await stores.history.pruneHistory('2026-11-23');
      expect(
        (
          await stores.history.getHistory('component:default/a', '2026-11-01')
        ).points.map(p => p.day),
      ).toEqual(['2026-11-23']);
      expect(
        (await stores.history.getHistory('component:default/a', '2026-11-01'))
          .changes,
      ).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'deletes results with their history, and marks results stale, on %p',
    async databaseId => {
      const { knex, stores } = await storeFor(databaseId);
      await stores.results.writeResults(
        [resultRow('a'), resultRow('b')],
        [],
        NOW,
      );
      await stores.history.recordHistory([
        {
          entityRef: 'component:default/a',
          scorecard: 'production',
          day: '2026-11-23',
          status: 'ready',
          score: 1,
          changed: true,
        },
      ]);
      await stores.results.setStale(['component:default/b'], true);
      expect(
        (await stores.results.getEntityResults('component:default/b'))[0].stale,
      ).toBe(true);
      expect(await stores.results.deleteResults([A])).toBe(1);
      expect(await stores.results.listKeys()).toEqual([B]);
      expect(
        Number((await knex('readiness_history').count({ n: '*' }))[0].n),
      ).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'counts statuses and a check’s failures per day, filtered in the database, on %p',
    async databaseId => {
      const { stores } = await storeFor(databaseId);
      const runbook = [{ id: 'runbook', area: 'ownership' }];
      await stores.results.writeResults(
        [
          resultRow('a', { owner: 'group:default/payments' }),
          resultRow('b', {
            owner: 'group:default/payments',
            status: 'blocked',
            failing: runbook,
          }),
          resultRow('c', { owner: 'group:default/identity' }),
        ],
        [],
        NOW,
      );
      const point = (
        name: string,
        day: string,
        status: 'ready' | 'blocked',
        failingChecks?: string[],
      ) => ({
        entityRef: `component:default/${name}`,
        scorecard: 'production',
        day,
        status,
        score: 1,
        changed: true,
        failingChecks,
      });
      await stores.history.recordHistory([
        // Before failing checks were recorded: counted, not in check rates.
        point('a', '2026-11-21', 'blocked'),
        point('a', '2026-11-22', 'blocked', ['runbook']),
        point('b', '2026-11-22', 'blocked', ['runbook', 'dashboard']),
        point('c', '2026-11-22', 'ready', []),
        point('a', '2026-11-23', 'ready', []),
        point('b', '2026-11-23', 'blocked', ['runbook']),
      ]);
      // c has no point on the 23rd: the day is filled from its result.
      await stores.history.fillDay('2026-11-23');
      const all = await stores.history.orgHistory({
        scorecard: 'production',
        sinceDay: '2026-11-21',
        checkId: 'runbook',
      });
      expect(all).toEqual([
        {
          day: '2026-11-21',
          counts: { ready: 0, 'needs-work': 0, blocked: 1 },
          check: { failing: 0, total: 0 },
        },
        {
          day: '2026-11-22',
          counts: { ready: 1, 'needs-work': 0, blocked: 2 },
          check: { failing: 2, total: 3 },
        },
        {
          day: '2026-11-23',
          counts: { ready: 2, 'needs-work': 0, blocked: 1 },
          check: { failing: 1, total: 3 },
        },
      ]);
      const payments = await stores.history.orgHistory({
        scorecard: 'production',
        sinceDay: '2026-11-22',
        entityRefs: stores.results.entityRefsMatching({
          scorecard: 'production',
          owner: ['group:default/payments'],
        }),
      });
      expect(payments.map(d => [d.day, d.counts.blocked, d.check])).toEqual([
        ['2026-11-22', 2, undefined],
        ['2026-11-23', 1, undefined],
      ]);
      // A LIKE wildcard in a check id matches nothing but itself.
      const wild = await stores.history.orgHistory({
        scorecard: 'production',
        sinceDay: '2026-11-22',
        checkId: '%',
      });
      expect(wild.map(d => d.check!.failing)).toEqual([0, 0]);
    },
  );
});

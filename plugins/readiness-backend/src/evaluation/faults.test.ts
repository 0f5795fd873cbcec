import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { Knex } from 'knex';
import { createReadinessStores } from '../stores';
import { exampleEntities, readinessConfig } from '../__testUtils__/testUtils';
import { CatalogReader } from './CatalogReader';
import { Evaluator } from './Evaluator';
import { ScorecardRegistry } from './ScorecardRegistry';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
type DatabaseId = Parameters<typeof databases.init>[0];

async function setup(databaseId: DatabaseId, entities: Entity[]) {
  const knex = await databases.init(databaseId);
  const stores = await createReadinessStores({
    database: mockServices.database({ knex }),
  });
  const catalog = catalogServiceMock({ entities });
  const scorecards = ScorecardRegistry.fromConfig(
    mockServices.rootConfig({ data: readinessConfig() }),
  );
  const logger = mockServices.logger.mock();
  let now = new Date('2026-11-30T08:00:00.000Z');
  const evaluator = new Evaluator({
    stores,
    reader: new CatalogReader(catalog, mockServices.auth(), scorecards),
    scorecards,
    logger,
    historyRetentionDays: 30,
    now: () => now,
  });
  return {
    knex,
    catalog,
    evaluator,
    logger,
    setNow: (d: string) => (now = new Date(d)),
  };
}

const count = async (knex: Knex, table: string, where: object = {}) =>
  Number((await knex(table).where(where).count({ n: '*' }))[0].n);

/** `n` production components, each with a runbook annotation `runbook`. */
function manyComponents(n: number, runbook: string): Entity[] {
  return Array.from({ length: n }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `svc-${i}`,
      annotations: { 'readiness/runbook': runbook },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team' },
  }));
}

describe.each(databases.eachSupportedId())(
  'evaluation under faults on %s',
  databaseId => {
    it('keeps results marked stale, with the last good time, when the catalog fails halfway through a read, and recovers on the next run', async () => {
      const entities = exampleEntities();
      const { knex, catalog, evaluator, logger, setNow } = await setup(
        databaseId,
        entities,
      );
      await evaluator.runShard(0, 1);
      const results = await count(knex, 'readiness_results');
      expect(results).toBeGreaterThan(10);

      // The catalog answers the first request of the next read, then fails.
      const real = catalog.queryEntities.bind(catalog);
      let calls = 0;
      const spy = jest
        .spyOn(catalog, 'queryEntities')
        .mockImplementation(async (req, opts) => {
          calls += 1;
          if (calls > 1) throw new Error('ECONNRESET from the catalog');
          return real(req, opts);
        });
      setNow('2026-11-30T09:00:00.000Z');
      const failed = await evaluator.runShard(0, 1);
      expect(calls).toBeGreaterThan(1);
      expect(failed.stale).toBe(true);
      expect(await count(knex, 'readiness_results')).toBe(results);
      expect(await count(knex, 'readiness_results', { stale: true })).toBe(
        results,
      );
      const [shard] = await knex('readiness_shards').select();
      expect(shard.last_error).toContain('ECONNRESET from the catalog');
      // The last good time is the first run's.
      expect(new Date(shard.last_success_at).toISOString()).toBe(
        '2026-11-30T08:00:00.000Z',
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('catalog could not be read'),
      );

      // Back: the next run evaluates again and nothing is stale.
      spy.mockRestore();
      setNow('2026-11-30T10:00:00.000Z');
      const recovered = await evaluator.runShard(0, 1);
      expect(recovered.stale).toBe(false);
      expect(await count(knex, 'readiness_results', { stale: true })).toBe(0);
      const [after] = await knex('readiness_shards').select();
      expect(new Date(after.last_success_at).toISOString()).toBe(
        '2026-11-30T10:00:00.000Z',
      );
    });
  },
);

const postgres = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));

/**
 * Makes each INSERT into `table` take 50 ms, so a transaction writing it is
 * open long enough to be cut, and kills the backend connection that runs
 * one (`pg_terminate_backend`) once. Resolves whether it killed one.
 */
async function killDuringInsert(knex: Knex, table: string) {
  const database = (knex.client as any).connectionSettings.database;
  const admin = knexFactory({
    client: 'pg',
    connection: `${process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING}/${database}`,
  });
  await admin.raw(`
    CREATE OR REPLACE FUNCTION slow_insert() RETURNS trigger AS $$
    BEGIN PERFORM pg_sleep(0.05); RETURN NULL; END $$ LANGUAGE plpgsql;
    CREATE TRIGGER slow_insert BEFORE INSERT ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION slow_insert();`);
  let stop = false;
  const killed = (async () => {
    try {
      for (let i = 0; i < 3000 && !stop; i++) {
        const rows = await admin.raw(
          `SELECT pid FROM pg_stat_activity
            WHERE datname = ? AND pid <> pg_backend_pid() AND state = 'active'
              AND query ILIKE ?`,
          [database, `insert into "${table}"%`],
        );
        for (const { pid } of rows.rows) {
          const r = await admin.raw('SELECT pg_terminate_backend(?) AS t', [
            pid,
          ]);
          if (r.rows[0].t) return true;
        }
        await new Promise(res => setTimeout(res, 5));
      }
      return false;
    } finally {
      await admin.raw(`DROP TRIGGER slow_insert ON ${table}`);
      await admin.destroy();
    }
  })();
  return {
    killed: () => {
      stop = true;
      return killed;
    },
  };
}

(postgres.length ? describe : describe.skip)(
  'a database connection lost during a batch write on POSTGRES_15',
  () => {
    const N = 600;
    /** N components evaluated once; the next read gives each a change. */
    async function evaluatedThenChanged() {
      const env = await setup(
        'POSTGRES_15',
        manyComponents(N, 'https://runbooks/one'),
      );
      await env.evaluator.runShard(0, 1);
      expect(await count(env.knex, 'readiness_results')).toBe(N);
      expect(await count(env.knex, 'readiness_changes')).toBe(0);
      // Every result changes on the next run (no runbook link), so its batch
      // holds N results and N check changes in one transaction.
      const changed = manyComponents(N, '');
      jest
        .spyOn(env.catalog, 'queryEntities')
        .mockImplementation(async (req, opts) =>
          catalogServiceMock({ entities: changed }).queryEntities(req, opts),
        );
      env.setNow('2026-11-30T09:00:00.000Z');
      return env;
    }
    /** Results failing the runbook check: 0 after the first run, N after the second. */
    const runbookFailing = async (knex: Knex) =>
      Number(
        (
          await knex('readiness_results')
            .where('failing_checks', 'like', '%|runbook|%')
            .count({ n: '*' })
        )[0].n,
      );

    afterEach(() => jest.restoreAllMocks());

    it('leaves nothing of a batch whose connection is killed before its commit', async () => {
      const { knex, evaluator } = await evaluatedThenChanged();
      // No second attempt here: what the failed one left is what is seen.
      jest
        .spyOn(Evaluator.prototype as any, 'retrying')
        .mockImplementation((write: any) => write());
      // The changes are written after the results, in the same transaction.
      const killer = await killDuringInsert(knex, 'readiness_changes');
      await expect(evaluator.runShard(0, 1)).rejects.toThrow();
      expect(await killer.killed()).toBe(true);
      // Rolled back: every result is still the first one, and no change is logged.
      expect(await runbookFailing(knex)).toBe(0);
      expect(await count(knex, 'readiness_changes')).toBe(0);
    });

    it('writes the batch again after the lost connection, once', async () => {
      const { knex, evaluator, logger } = await evaluatedThenChanged();
      const killer = await killDuringInsert(knex, 'readiness_changes');
      const report = await evaluator.runShard(0, 1);
      expect(await killer.killed()).toBe(true);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          'database connection lost during a write, trying again',
        ),
      );
      expect(report.written).toBe(N);
      // Every result is the new one, and each check change is logged once.
      expect(await runbookFailing(knex)).toBe(N);
      expect(
        await count(knex, 'readiness_changes', { check_id: 'runbook' }),
      ).toBe(N);
      const copies = await knex('readiness_changes')
        .select('entity_ref', 'check_id')
        .count({ n: '*' })
        .groupBy('entity_ref', 'check_id')
        .havingRaw('count(*) > 1');
      expect(copies).toEqual([]);
      expect(await count(knex, 'readiness_history')).toBe(N);
    });
  },
);

import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { Knex } from 'knex';
import { Evaluator } from './evaluation/Evaluator';
import { readinessPlugin } from './plugin';
import { exampleEntities, readinessConfig } from './__testUtils__/testUtils';

jest.setTimeout(150_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const postgres = databases.eachSupportedId();
const WINDOW_MS = 21_000;
const FREQUENCY_S = 4;

// Two backend replicas on one PostgreSQL database, with Backstage's real
// scheduler: each shard must run on one replica at a time, about once per
// period, and history must hold one row per entity, scorecard and day.
(postgres.length ? describe : describe.skip)(
  // POSTGRES_15 in the title: the CI guard counts it among the PostgreSQL cases.
  'two replicas on one POSTGRES_15 database',
  () => {
    it('evaluate each shard once per schedule, never concurrently, without duplicate history', async () => {
      const knex = await databases.init('POSTGRES_15');
      const runs: Array<{ shard: number; start: number; end: number }> = [];
      const original = Evaluator.prototype.runShard;
      const spy = jest
        .spyOn(Evaluator.prototype, 'runShard')
        .mockImplementation(async function (this: Evaluator, shard, shards) {
          const start = Date.now();
          try {
            // Make each run take a while, so that two replicas running the same
            // shard at the same time would show as overlapping runs.
            await new Promise(r => setTimeout(r, 1500));
            return await original.call(this, shard, shards);
          } finally {
            runs.push({ shard, start, end: Date.now() });
          }
        });
      const config = readinessConfig({
        evaluation: {
          shards: 2,
          schedule: {
            frequency: { seconds: FREQUENCY_S },
            timeout: { seconds: 30 },
            initialDelay: { seconds: 0 },
          },
        },
      });
      const replica = () =>
        startTestBackend({
          features: [
            readinessPlugin,
            mockServices.database.factory({ knex }),
            mockServices.rootConfig.factory({ data: config }),
            catalogServiceMock.factory({ entities: exampleEntities() }),
            schedulerServiceFactory,
          ],
        });
      // One after the other: two backends creating the scheduler's tables in
      // an empty database at the same instant can collide on PostgreSQL's
      // catalog (seen once in CI); this test is about running, not migrating.
      const a = await replica();
      const b = await replica();
      await new Promise(r => setTimeout(r, WINDOW_MS));
      await Promise.all([a.stop(), b.stop()]);
      spy.mockRestore();

      for (const shard of [0, 1]) {
        const mine = runs
          .filter(r => r.shard === shard)
          .sort((x, y) => x.start - y.start);
        // Once per period: two replicas would give about twice as many.
        expect(mine.length).toBeGreaterThanOrEqual(2);
        expect(mine.length).toBeLessThanOrEqual(
          Math.ceil(WINDOW_MS / 1000 / FREQUENCY_S) + 1,
        );
        for (let i = 1; i < mine.length; i++)
          expect(mine[i].start).toBeGreaterThanOrEqual(mine[i - 1].end);
      }
      const history = await knex('readiness_history').select(
        'entity_ref',
        'scorecard',
        'day',
      );
      const results = await knex('readiness_results').count({ n: '*' });
      expect(history.length).toBe(Number(results[0].n));
      expect(
        new Set(history.map(h => `${h.entity_ref}|${h.scorecard}|${h.day}`))
          .size,
      ).toBe(history.length);
    });

    it('runs a shard again on the other replica within one period when the replica running it dies mid-shard', async () => {
      const knex = await databases.init('POSTGRES_15');
      // Each replica has its own connection pool. The replica that starts
      // shard 0 first dies during it: its pool is closed (its connections
      // gone, as with a killed process) and the run never ends. The shard's
      // lock stays taken until the run's timeout passes and Backstage's
      // scheduler janitor (once a minute) frees it.
      const PERIOD_S = 90;
      let hung: { evaluator: Evaluator; start: number } | undefined;
      let bothStarted = () => {};
      const started = new Promise<void>(r => (bothStarted = r));
      let release = () => {};
      const recovered: Array<{ evaluator: Evaluator; start: number }> = [];
      const original = Evaluator.prototype.runShard;
      const spy = jest
        .spyOn(Evaluator.prototype, 'runShard')
        .mockImplementation(async function (this: Evaluator, shard, shards) {
          if (shard === 0 && !hung) {
            hung = { evaluator: this, start: Date.now() };
            // Dies once both replicas have started: a pool closed while
            // its own start-up still persists tasks fails the start-up.
            await started;
            const db: Knex = (this as any).options.stores.results.db;
            await db.destroy();
            await new Promise<void>(r => (release = r));
            throw new Error('killed');
          }
          const start = Date.now();
          const report = await original.call(this, shard, shards);
          if (shard === 0) recovered.push({ evaluator: this, start });
          return report;
        });
      const config = readinessConfig({
        evaluation: {
          shards: 2,
          schedule: {
            frequency: { seconds: PERIOD_S },
            timeout: { seconds: 3 },
            initialDelay: { seconds: 0 },
          },
        },
      });
      const pools: Knex[] = [];
      const pool = () => {
        const p = knexFactory({
          client: 'pg',
          connection: (knex.client as any).connectionSettings,
          pool: { min: 0, max: 5 },
        });
        pools.push(p);
        return p;
      };
      const replica = () =>
        startTestBackend({
          features: [
            readinessPlugin,
            mockServices.database.factory({ knex: pool() }),
            mockServices.rootConfig.factory({ data: config }),
            catalogServiceMock.factory({ entities: exampleEntities() }),
            schedulerServiceFactory,
          ],
        });
      // Backstage's scheduler starts its janitor (which frees the locks of
      // runs past their timeout) only outside NODE_ENV=test.
      const nodeEnv = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
      let a;
      let b;
      try {
        a = await replica();
        b = await replica();
      } finally {
        process.env.NODE_ENV = nodeEnv;
        bothStarted();
      }
      for (let i = 0; i < PERIOD_S && recovered.length === 0; i++) {
        await new Promise(r => setTimeout(r, 1000));
      }
      release();
      // The dead replica's shutdown cannot reach its database: it may fail.
      await Promise.allSettled([a.stop(), b.stop()]);
      await Promise.allSettled(pools.map(p => p.destroy()));
      spy.mockRestore();

      expect(hung).toBeDefined();
      expect(recovered.length).toBeGreaterThanOrEqual(1);
      // On the other replica, started within one period of the dead run's start.
      expect(recovered[0].evaluator).not.toBe(hung!.evaluator);
      expect(recovered[0].start - hung!.start).toBeLessThan(PERIOD_S * 1000);
      const [shard0] = await knex('readiness_shards')
        .where({ shard: 0 })
        .select();
      expect(shard0.last_success_at).not.toBeNull();
    });
  },
);

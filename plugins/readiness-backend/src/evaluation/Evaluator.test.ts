import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { parseEvidence } from '@readiness/backstage-plugin-readiness-common';
import fs from 'node:fs';
import path from 'node:path';
import { createReadinessStores } from '../stores';
import { writeEvidence } from '../__testUtils__/exampleEvidence';
import {
  EXAMPLES,
  exampleEntities,
  readinessConfig,
} from '../__testUtils__/testUtils';
import { CatalogReader } from './CatalogReader';
import { diffChecks } from './diffChecks';
import { Evaluator } from './Evaluator';
import { ScorecardRegistry } from './ScorecardRegistry';

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const NOW = new Date('2026-11-23T12:00:00.000Z');

async function setup(
  databaseId: Parameters<typeof databases.init>[0],
  entities: Entity[] = exampleEntities(),
) {
  const knex = await databases.init(databaseId);
  const stores = await createReadinessStores({
    database: mockServices.database({ knex }),
  });
  await writeEvidence(
    knex,
    parseEvidence(
      JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'evidence.json'), 'utf8')),
    ),
  );
  const catalog = catalogServiceMock({ entities });
  const scorecards = ScorecardRegistry.fromConfig(
    mockServices.rootConfig({ data: readinessConfig() }),
  );
  let now = NOW;
  const evaluator = new Evaluator({
    stores,
    reader: new CatalogReader(catalog, mockServices.auth(), scorecards),
    scorecards,
    logger: mockServices.logger.mock(),
    historyRetentionDays: 30,
    now: () => now,
  });
  return { knex, stores, catalog, evaluator, setNow: (d: Date) => (now = d) };
}

const count = async (knex: any, table: string) =>
  Number((await knex(table).count({ n: '*' }))[0].n);

describe('Evaluator', () => {
  it.each(databases.eachSupportedId())(
    'runs the shards of a cycle together on one catalog read, roll-ups scored after every part, on %p',
    async databaseId => {
      const { evaluator, catalog } = await setup(databaseId);
      const query = jest.spyOn(catalog, 'queryEntities');
      const reports = await Promise.all(
        [0, 1, 2, 3].map(shard => evaluator.runShard(shard, 4)),
      );
      // One read (scoped kinds, organisation kinds; refs and etags, then in
      // full as these entities have none) for the four shards.
      expect(query).toHaveBeenCalledTimes(4);
      expect(reports.every(r => r.written > 0)).toBe(true);
      // Had a roll-up been scored before a shard wrote its parts, this
      // unchanged run would rewrite it.
      for (const shard of [0, 1, 2, 3]) {
        const again = await evaluator.runShard(shard, 4);
        expect({ shard, written: again.written }).toEqual({
          shard,
          written: 0,
        });
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'evaluates every shard once, then writes nothing on an unchanged run, on %p',
    async databaseId => {
      const { knex, evaluator } = await setup(databaseId);
      const first = [];
      for (const s of [0, 1, 2]) first.push(await evaluator.runShard(s, 3));
      // 30 entities of the scoped kinds; 24 results: 15 components + 6 systems + 3 domains.
      expect(first.reduce((n, r) => n + r.entities, 0)).toBe(30);
      expect(await count(knex, 'readiness_results')).toBe(25);
      expect(await count(knex, 'readiness_history')).toBe(25);

      const second = await Promise.all(
        [0, 1, 2].map(s => evaluator.runShard(s, 3)),
      );
      expect(
        second.map(r => [r.written, r.changes, r.historyRows, r.deleted]),
      ).toEqual([
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ]);
      expect(await count(knex, 'readiness_history')).toBe(25);
    },
  );

  it.each(databases.eachSupportedId())(
    're-evaluates on organisation changes: a group, a membership, a system moving domain, on %p',
    async databaseId => {
      const entities = exampleEntities();
      const { knex, evaluator } = await setup(databaseId, entities);
      const run = async () => {
        const r = await evaluator.runShard(0, 1);
        return { evaluated: r.evaluated, written: r.written };
      };
      await run();
      expect(await run()).toEqual({ evaluated: 0, written: 0 });
      const find = (kind: string, name: string) =>
        entities.find(e => e.kind === kind && e.metadata.name === name)!;

      // Customer support loses its e-mail: the services whose communication
      // owner it is are no longer reachable there.
      const support = find('Group', 'customer-support');
      (support.spec as any).profile = { displayName: 'Customer support' };
      delete support.metadata.annotations;
      const afterGroup = await run();
      expect(afterGroup.evaluated).toBeGreaterThan(0);
      expect(afterGroup.written).toBeGreaterThan(0);
      expect(await run()).toEqual({ evaluated: 0, written: 0 });

      // Someone joins a team.
      (find('User', 'guest').spec as any).memberOf = ['payments', 'platform'];
      expect((await run()).evaluated).toBeGreaterThan(0);
      expect(await run()).toEqual({ evaluated: 0, written: 0 });

      // Checkout moves from Commerce to Operations: both domains' roll-ups change.
      const domainOf = async () =>
        Object.fromEntries(
          (
            await knex('readiness_results')
              .where('kind', 'domain')
              .select('entity_ref', 'result')
          ).map((r: any) => [
            r.entity_ref,
            JSON.stringify(
              (typeof r.result === 'string' ? JSON.parse(r.result) : r.result)
                .checks,
            ),
          ]),
        );
      const before = await domainOf();
      (find('System', 'checkout').spec as any).domain = 'operations';
      const moved = await run();
      expect(moved.evaluated).toBeGreaterThan(0);
      const after = await domainOf();
      expect(after['domain:default/commerce']).not.toBe(
        before['domain:default/commerce'],
      );
      expect(after['domain:default/operations']).not.toBe(
        before['domain:default/operations'],
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'evaluates only what changed: the entity, its evidence, or time running out, on %p',
    async databaseId => {
      const entities = exampleEntities();
      const { knex, stores, evaluator, setNow } = await setup(
        databaseId,
        entities,
      );
      const run = async () => {
        const r = await evaluator.runShard(0, 1);
        return { evaluated: r.evaluated, written: r.written };
      };
      expect(await run()).toEqual({ evaluated: 30, written: 25 });
      // Nothing changed: nothing evaluated, nothing written, not even history.
      const unchanged = await evaluator.runShard(0, 1);
      expect(unchanged).toMatchObject({
        entities: 30,
        evaluated: 0,
        written: 0,
        historyRows: 0,
        deleted: 0,
      });

      // One entity changed in the catalog: that one (and roll-ups, which read it).
      const ledger = entities.find(e => e.metadata.name === 'ledger-service')!;
      ledger.metadata.annotations!['readiness/incident-owner'] =
        'group:sre-oncall';
      expect(await run()).toEqual({ evaluated: 1, written: 2 }); // ledger and its system
      expect(await run()).toEqual({ evaluated: 0, written: 0 });

      // New evidence for one entity: that one.
      await stores.evidence.upsertFacts([
        {
          entityRef: 'component:default/session-service',
          fact: {
            id: 'load-test',
            value: { p95Ms: 90, errorRate: 0 },
            observedAt: '2026-11-23T11:00:00.000Z',
          },
        },
      ]);
      expect((await run()).evaluated).toBe(1);
      expect(await run()).toEqual({ evaluated: 0, written: 0 });

      // The next day every result has its point, evaluated or not.
      setNow(new Date('2026-11-24T01:00:00.000Z'));
      const nextDay = await evaluator.runShard(0, 1);
      expect(nextDay).toMatchObject({ evaluated: 0, historyRows: 25 });
      expect(
        Number(
          (
            await knex('readiness_history')
              .where('day', '2026-11-24')
              .count({ n: '*' })
          )[0].n,
        ),
      ).toBe(25);

      // Time: those whose evidence runs out first, and only those.
      const states = await knex('readiness_evaluation_state').select();
      const time = (r: any) => new Date(r.recheck_at).getTime();
      const first = Math.min(...states.map(time));
      const due = states.filter(r => time(r) <= first).length;
      expect(due).toBeGreaterThan(0);
      expect(due).toBeLessThan(30);
      setNow(new Date(first));
      expect((await run()).evaluated).toBe(due);

      // A day after its last evaluation (the full pass) each is evaluated again.
      setNow(new Date(first + 86_400_000));
      expect((await run()).evaluated).toBe(30);
    },
  );

  it.each(databases.eachSupportedId())(
    'logs flipped checks, removes entities gone from the catalog, on %p',
    async databaseId => {
      const entities = exampleEntities();
      const { knex, evaluator, catalog, setNow } = await setup(
        databaseId,
        entities,
      );
      await evaluator.runShard(0, 1);
      // Fix ledger-service's incident owner in the catalog, and delete deploy-bot.
      const ledger = entities.find(e => e.metadata.name === 'ledger-service')!;
      ledger.metadata.annotations!['readiness/incident-owner'] =
        'group:sre-oncall';
      const remaining = entities.filter(e => e.metadata.name !== 'deploy-bot');
      jest.spyOn(catalog, 'queryEntities').mockImplementation(async req =>
        catalogServiceMock({ entities: remaining }).queryEntities(req, {
          credentials: undefined as any,
        }),
      );
      setNow(new Date('2026-11-23T18:00:00.000Z'));
      const report = await evaluator.runShard(0, 1);
      expect(report.deleted).toBe(1);
      expect(
        await knex('readiness_results')
          .where('entity_ref', 'component:default/deploy-bot')
          .select(),
      ).toEqual([]);
      const changes = await knex('readiness_changes')
        .where('entity_ref', 'component:default/ledger-service')
        .select();
      expect(changes).toEqual([
        expect.objectContaining({
          check_id: 'incident-owner',
          old_result: 'fail',
          new_result: 'pass',
          old_message:
            'incident owner group:default/billing-oncall does not exist in the catalog',
        }),
      ]);
      const history = await knex('readiness_history')
        .where('entity_ref', 'component:default/ledger-service')
        .orderBy('day')
        .select('day', 'status');
      // One point per day, updated because the result changed.
      expect(history).toEqual([{ day: '2026-11-23', status: 'ready' }]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the last results, marked stale, when the catalog cannot be read, on %p',
    async databaseId => {
      const { knex, evaluator, catalog } = await setup(databaseId);
      await evaluator.runShard(0, 1);
      jest
        .spyOn(catalog, 'queryEntities')
        .mockRejectedValue(new Error('catalog is down'));
      const report = await evaluator.runShard(0, 1);
      expect(report.stale).toBe(true);
      expect(await count(knex, 'readiness_results')).toBe(25);
      expect(
        Number(
          (
            await knex('readiness_results')
              .where('stale', true)
              .count({ n: '*' })
          )[0].n,
        ),
      ).toBe(25);
      const [shard] = await knex('readiness_shards').select();
      expect(shard.last_error).toContain('catalog is down');
      expect(shard.last_success_at).not.toBeNull();
    },
  );

  it.each(databases.eachSupportedId())(
    're-evaluates one entity now on %p',
    async databaseId => {
      const { evaluator, knex } = await setup(databaseId);
      const results = await evaluator.evaluateNow(
        'component:default/session-service',
      );
      expect(results).toEqual([
        expect.objectContaining({
          scorecard: 'production',
          status: 'blocked', // roles-separate is critical
        }),
      ]);
      // The entity, and the roll-ups above (here all 9, none scored before:
      // 6 systems and 3 domains), before evaluateNow returns.
      expect(await count(knex, 'readiness_results')).toBe(10);
      await expect(
        evaluator.evaluateNow('component:default/ghost'),
      ).rejects.toThrow('No entity component:default/ghost in the catalog');
    },
  );
});

describe('diffChecks', () => {
  const result = (checks: Array<[string, string, string]>) =>
    ({
      entityRef: 'e',
      scorecard: 's',
      checks: checks.map(([checkId, r, message]) => ({
        checkId,
        result: r,
        message,
      })),
    } as any);

  it('reports flips, new messages, new and removed checks', () => {
    const before = result([
      ['a', 'pass', 'ok'],
      ['b', 'fail', 'x is 1'],
      ['gone', 'pass', 'ok'],
    ]);
    const after = result([
      ['a', 'pass', 'ok'],
      ['b', 'fail', 'x is 2'],
      ['new', 'unknown', 'no data'],
    ]);
    expect(
      diffChecks(before, after, 't').map(c => [
        c.checkId,
        c.oldResult,
        c.newResult,
      ]),
    ).toEqual([
      ['b', 'fail', 'fail'],
      ['new', undefined, 'unknown'],
      ['gone', 'pass', undefined],
    ]);
  });
});

import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  startReadinessBackend,
  testActions,
} from './__testUtils__/testBackend';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const PAYMENTS_DEV = 'user:default/payments-dev';
const OUTSIDER = 'user:default/outsider';
const CURIOUS = 'user:default/curious';
const SYSTEMS_ONLY = 'user:default/systems-only';
const owner = (claims: string[]) => ({
  rule: 'IS_ENTITY_OWNER',
  resourceType: 'catalog-entity',
  params: { claims },
});

/**
 * A conditional policy on catalog.entity.read, as organisations configure
 * "only entities you own": every list and aggregate shows only those.
 */
describe('results are limited to the entities the caller may read in the catalog', () => {
  it.each(databases.eachSupportedId())(
    'in lists, counts, CSV, checks, statuses and history, on %p',
    async databaseId => {
      const actions = testActions();
      /**
       * Payments' entities, once known: the permission backend answers a
       * request about one entity by applying the conditions to it.
       */
      const ownedByPayments = new Set<string>();
      const { server } = await startReadinessBackend({
        databases,
        databaseId,
        features: [actions.feature],
        authorize: (r, user) =>
          user === PAYMENTS_DEV &&
          r.permission.name === 'catalog.entity.read' &&
          r.resourceRef &&
          !ownedByPayments.has(r.resourceRef)
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
        authorizeConditional: (_r, user) => {
          if (user === PAYMENTS_DEV)
            return {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: owner(['group:default/payments']),
            } as any;
          if (user === SYSTEMS_ONLY)
            return {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: {
                allOf: [
                  owner(['group:default/payments']),
                  {
                    not: {
                      rule: 'IS_ENTITY_KIND',
                      resourceType: 'catalog-entity',
                      params: { kinds: ['Component'] },
                    },
                  },
                ],
              },
            } as any;
          if (user === CURIOUS)
            return {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: {
                rule: 'HAS_ANNOTATION',
                resourceType: 'catalog-entity',
                params: { annotation: 'x' },
              },
            } as any;
          if (user === OUTSIDER) return { result: AuthorizeResult.DENY };
          return { result: AuthorizeResult.ALLOW };
        },
      });
      const as = (user: string | undefined, path: string) => {
        const r = request(server).get(`/api/readiness${path}`);
        return user
          ? r.set('Authorization', mockCredentials.user.header(user))
          : r;
      };

      // What everyone may see, and the part Payments owns.
      const all = (await as(undefined, '/results?limit=200')).body.items;
      const owned = all
        .filter((r: any) => r.owner === 'group:default/payments')
        .map((r: any) => r.entityRef)
        .sort();
      owned.forEach((ref: string) => ownedByPayments.add(ref));
      expect(owned.length).toBeGreaterThan(2);
      expect(owned.length).toBeLessThan(all.length);

      const mine = (await as(PAYMENTS_DEV, '/results?limit=200')).body;
      expect(mine.items.map((r: any) => r.entityRef).sort()).toEqual(owned);
      expect(mine.totalItems).toBe(owned.length);

      const summary = (await as(PAYMENTS_DEV, '/summary')).body;
      expect(summary.overall.total).toBe(owned.length);
      // The cache of summaries does not serve one caller's view to another.
      expect((await as(undefined, '/summary')).body.overall.total).toBe(
        all.length,
      );

      const csv = (await as(PAYMENTS_DEV, '/results?format=csv')).text
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n')
        .slice(1)
        .map(l => l.split(',')[0])
        .sort();
      expect(csv).toEqual(owned);

      const failing = new Map<string, number>();
      for (const r of mine.items)
        for (const c of r.failingChecks)
          failing.set(c, (failing.get(c) ?? 0) + 1);
      const checks = (await as(PAYMENTS_DEV, '/checks/production')).body.items;
      for (const c of checks)
        expect([c.checkId, c.failing]).toEqual([
          c.checkId,
          failing.get(c.checkId) ?? 0,
        ]);
      const [someCheck] = [...failing.keys()];
      const failures = (
        await as(PAYMENTS_DEV, `/checks/production/${someCheck}/failures`)
      ).body.items;
      expect(failures.length).toBe(failing.get(someCheck));
      expect(
        failures.every((f: any) => f.owner === 'group:default/payments'),
      ).toBe(true);

      const blocked = (await as(PAYMENTS_DEV, '/statuses?status=blocked')).body
        .items;
      // Across scorecards: Payments' systems and domain count too.
      const ownedAnywhere = new Set(owned);
      for (const r of (
        await as(undefined, '/results?scorecard=system-rollup&limit=200')
      ).body.items)
        if (r.owner === 'group:default/payments')
          ownedAnywhere.add(r.entityRef);
      expect(blocked.length).toBeGreaterThan(0);
      expect(blocked.every((s: any) => ownedAnywhere.has(s.entityRef))).toBe(
        true,
      );

      const history = (await as(PAYMENTS_DEV, '/history?days=2')).body.days;
      const today = history[history.length - 1].counts;
      expect(today.ready + today['needs-work'] + today.blocked).toBe(
        owned.length,
      );

      // Conditions combine: Payments' systems and domains, no components.
      const systems = (
        await as(SYSTEMS_ONLY, '/results?scorecard=system-rollup&limit=200')
      ).body.items;
      expect(systems.length).toBeGreaterThan(0);
      expect(
        systems.every(
          (r: any) =>
            r.owner === 'group:default/payments' && r.kind !== 'component',
        ),
      ).toBe(true);
      expect(
        (await as(SYSTEMS_ONLY, '/results?limit=200')).body.totalItems,
      ).toBe(0);

      // Denied: nothing, everywhere.
      expect((await as(OUTSIDER, '/results')).body.totalItems).toBe(0);
      expect((await as(OUTSIDER, '/summary')).body.overall.total).toBe(0);
      expect(
        (await as(OUTSIDER, '/statuses?status=blocked')).body.items,
      ).toEqual([]);

      // The MCP actions answer from the same query: a parent group's failing
      // entities are only the ones Payments owns, and others are not found.
      const act = (name: string, input: object) =>
        actions.run(name, input, mockCredentials.user(PAYMENTS_DEV));
      const failingAll = (
        await as(
          undefined,
          '/results?owner=engineering&status=blocked&status=needs-work&limit=200',
        )
      ).body.items.map((r: any) => r.entityRef);
      const failingMine = failingAll.filter((ref: string) =>
        owned.includes(ref),
      );
      expect(failingMine.length).toBeGreaterThan(0);
      expect(failingMine.length).toBeLessThan(failingAll.length);
      const listed = await act('list-failing-checks-for-owner', {
        owner: 'engineering',
      });
      expect(
        listed.output.entities.map((e: any) => e.entityRef).sort(),
      ).toEqual([...failingMine].sort());
      const notMine = failingAll.find((ref: string) => !owned.includes(ref));
      await expect(
        act('get-entity-readiness', { entityRef: notMine }),
      ).rejects.toThrow(/No entity/);
      const [kind, rest] = notMine.split(':');
      expect((await as(PAYMENTS_DEV, `/entities/${kind}/${rest}`)).status).toBe(
        404,
      );

      // A rule Readiness cannot apply is refused, by name: never more than the catalog shows.
      const refused = await as(CURIOUS, '/results');
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('HAS_ANNOTATION');
    },
  );
});

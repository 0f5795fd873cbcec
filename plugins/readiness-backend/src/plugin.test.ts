import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  startReadinessBackend,
  TestAuthorizeRequest,
} from './__testUtils__/testBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function start(
  options: {
    databaseId?: Parameters<typeof databases.init>[0];
    permissions?: AuthorizeResult;
    /** Decides each request; overrides `permissions`. */
    authorize?: (request: TestAuthorizeRequest) => AuthorizeResult;
    auditor?: ReturnType<typeof mockServices.auditor.mock>;
    config?: object;
  } = {},
) {
  return startReadinessBackend({
    databases,
    databaseId: options.databaseId,
    authorize: r =>
      options.authorize?.(r) ?? options.permissions ?? AuthorizeResult.ALLOW,
    config: options.config,
    features: options.auditor ? [options.auditor.factory] : [],
  });
}

describe.each(databases.eachSupportedId())(
  'readiness backend plugin on %s',
  databaseId => {
    it('evaluates the example catalog and serves results', async () => {
      const { server } = await start({ databaseId });

      const health = await request(server)
        .get('/api/readiness/health')
        .set('Authorization', mockCredentials.none.header());
      expect(health.status).toBe(200);

      const scorecards = await request(server).get('/api/readiness/scorecards');
      expect(scorecards.body.items.map((s: any) => s.name)).toEqual([
        'production',
        'system-rollup',
      ]);

      const ledger = await request(server).get(
        '/api/readiness/entities/component/default/ledger-service',
      );
      expect(ledger.status).toBe(200);
      expect(ledger.body.owners).toMatchObject({
        incident: 'group:default/billing-oncall',
        technical: 'group:default/payments',
      });
      expect(ledger.body.results[0]).toMatchObject({
        scorecard: 'production',
        status: 'blocked',
        stale: false,
      });
      expect(
        ledger.body.results[0].checks.find(
          (c: any) => c.checkId === 'incident-owner',
        ),
      ).toMatchObject({
        result: 'fail',
        message:
          'incident owner group:default/billing-oncall does not exist in the catalog',
      });

      const results = await request(server).get(
        '/api/readiness/results?scorecard=production&limit=100',
      );
      const byName = Object.fromEntries(
        results.body.items.map((r: any) => [r.name, r.status]),
      );
      expect(results.body.totalItems).toBe(16); // 15 in production, loyalty-points going live
      expect(byName).toMatchObject({
        'payments-api': 'ready',
        'support-portal': 'needs-work',
        'session-service': 'blocked',
        'deploy-bot': 'blocked',
      });
    });

    it('filters /results, expands owner groups, and exports CSV with one row per entity', async () => {
      const { server } = await start({ databaseId });
      const get = (q: string) =>
        request(server).get(`/api/readiness/results?${q}`);
      const names = (res: request.Response) =>
        res.body.items.map((r: any) => r.name).sort();

      const blocked = [
        'deploy-bot',
        'fraud-scoring',
        'invoice-generator',
        'ledger-service',
        'loyalty-points',
        'notification-service',
        'search-indexer',
        'session-service',
        'ticket-router',
        'user-profile-service',
      ];
      expect(names(await get('status=blocked'))).toEqual(blocked);
      expect(names(await get('owner=group:default/payments'))).toEqual([
        'checkout-web',
        'fraud-scoring',
        'invoice-generator',
        'ledger-service',
        'loyalty-points',
        'payments-api',
      ]);
      expect(names(await get('owner=group:default/payments-risk'))).toEqual([
        'fraud-scoring',
      ]);
      // Short forms, as people type them: kind and namespace implied, any case.
      for (const owner of ['payments', 'Payments', 'group:payments']) {
        expect(names(await get(`owner=${owner}`))).toHaveLength(6);
      }
      const checkout = names(await get('system=system:default/checkout'));
      expect(checkout.length).toBeGreaterThan(0);
      expect(names(await get('system=Checkout'))).toEqual(checkout);
      expect(names(await get('system=system:checkout'))).toEqual(checkout);
      expect(names(await get('domain=operations&area=ownership'))).toEqual([
        'deploy-bot',
        'search-indexer',
        'support-portal',
      ]);
      expect((await get('system=system:')).body.error.message).toBe(
        'system: "system:" is not an entity ref',
      );
      expect(names(await get('check=roles-separate'))).toEqual([
        'fraud-scoring',
        'loyalty-points',
        'session-service',
      ]);
      expect(
        names(await get('area=go-live&domain=domain:default/operations')),
      ).toEqual(['notification-service']);
      expect(
        names(await get('area=ownership&domain=domain:default/operations')),
      ).toEqual(['deploy-bot', 'search-indexer', 'support-portal']);
      expect(names(await get('q=payments'))).toEqual(['payments-api']);
      expect(
        names(
          await get(
            'entity=component:default/ledger-service&entity=Component:default/auth-service',
          ),
        ),
      ).toEqual(['auth-service', 'ledger-service']);
      // The worst status per entity, across scorecards, for the catalog.
      const statuses = (q: string) =>
        request(server).get(`/api/readiness/statuses?${q}`);
      expect(
        (
          await statuses(
            'entity=component:default/payments-api&entity=Component:default/ledger-service&entity=component:default/nope',
          )
        ).body.items,
      ).toEqual([
        { entityRef: 'component:default/ledger-service', status: 'blocked' },
        { entityRef: 'component:default/payments-api', status: 'ready' },
      ]);
      const blockedComponents = (await statuses('status=blocked')).body.items
        .filter((i: any) => i.entityRef.startsWith('component:'))
        .map((i: any) => i.entityRef.split('/')[1]);
      expect(blockedComponents).toEqual(blocked);
      expect((await statuses('status=great')).body.error.message).toContain(
        'status/0 must be equal to one of the allowed values',
      );
      expect((await statuses('')).status).toBe(400);
      const page = await get('sort=-score&limit=2&offset=0');
      expect(page.body).toMatchObject({ totalItems: 16, offset: 0, limit: 2 });
      expect(page.body.items.map((r: any) => r.score)).toEqual([100, 100]);

      const csv = await get('format=csv&status=blocked&sort=name');
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const lines = csv.text
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'entity_ref,title,kind,type,lifecycle,owner,system,domain,scorecard,status,score,level,failing_checks,not_applicable_checks,changed_at,stale',
      );
      expect(lines.slice(1).map(l => l.split(',')[0])).toEqual(
        blocked.map(name => `component:default/${name}`),
      );
      const accept = await request(server)
        .get('/api/readiness/results?status=ready')
        .set('Accept', 'text/csv');
      expect(accept.text.trim().split('\r\n')).toHaveLength(6);

      // checkout-web keeps no state and calls no model (its annotations say
      // "false"): those checks do not apply, in the JSON and in the CSV.
      const stateless =
        'entity=component:default/checkout-web&scorecard=production';
      const na = (await get(stateless)).body.items[0].notApplicableChecks;
      expect([...na].sort()).toEqual(['model-rollback', 'restore-tested']);
      const row = (await get(`${stateless}&format=csv`)).text.split('\r\n')[1];
      // Quoted: spreadsheets in many locales split on `;`.
      expect(row.split(',')[13]).toMatch(
        /^"(model-rollback; restore-tested|restore-tested; model-rollback)"$/,
      );
    });

    it('answers 400 with the field for bad parameters, and 404 for unknown things', async () => {
      const { server } = await start({ databaseId });
      const bad = await request(server).get(
        '/api/readiness/results?status=great',
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('status');
      expect(
        (await request(server).get('/api/readiness/results?scorecard=nope'))
          .body.error.message,
      ).toBe(
        'scorecard: no scorecard named "nope"; known: production, system-rollup',
      );
      expect(
        (await request(server).get('/api/readiness/results?limit=0')).status,
      ).toBe(400);
      expect(
        (await request(server).get('/api/readiness/scorecards/nope')).status,
      ).toBe(404);
      expect(
        (
          await request(server).get(
            '/api/readiness/checks/production/nope/failures',
          )
        ).status,
      ).toBe(404);
      expect(
        (
          await request(server).get(
            '/api/readiness/entities/component/default/ghost',
          )
        ).status,
      ).toBe(404);
      expect(
        (
          await request(server).post(
            '/api/readiness/entities/component/default/ghost/evaluate',
          )
        ).status,
      ).toBe(404);
      const ghostHistory = await request(server).get(
        '/api/readiness/entities/component/default/ghost/history',
      );
      expect(ghostHistory.status).toBe(404);
      expect(ghostHistory.body.error.message).toBe(
        'No entity component:default/ghost in the catalog',
      );
      expect(
        (
          await request(server).get(
            '/api/readiness/entities/component/default/payments-api/history',
          )
        ).status,
      ).toBe(200);
    });

    it('summarises per owner with the group hierarchy, and per system', async () => {
      const { server } = await start({ databaseId });
      const owners = (
        await request(server).get('/api/readiness/summary?groupBy=owner')
      ).body;
      const group = (k: string) => owners.groups.find((g: any) => g.key === k);
      expect(owners.overall).toMatchObject({
        total: 16,
        counts: { ready: 5, 'needs-work': 1, blocked: 10 },
      });
      expect(group('group:default/payments')).toMatchObject({
        total: 6,
        direct: 5,
        counts: { ready: 2, blocked: 4 },
      });
      expect(group('group:default/engineering')).toMatchObject({
        total: 13,
        direct: 0,
      });
      expect(group('group:default/leadership').total).toBe(16);
      expect(group('group:default/payments').areaPassRate.ownership).toBe(33.3);
      const systems = (
        await request(server).get(
          '/api/readiness/summary?groupBy=system&scorecard=production',
        )
      ).body;
      expect(
        systems.groups.find((g: any) => g.key === 'system:default/billing')
          .counts.blocked,
      ).toBe(2);
    });

    it('serves a summary computed once per version of the results, never an outdated one', async () => {
      const { server, knex } = await start({ databaseId });
      const summary = async () =>
        (await request(server).get('/api/readiness/summary?groupBy=lifecycle'))
          .body.overall.counts;
      expect(await summary()).toEqual({
        ready: 5,
        'needs-work': 1,
        blocked: 10,
      });
      expect(await summary()).toEqual({
        ready: 5,
        'needs-work': 1,
        blocked: 10,
      });
      // Another replica writes a result…
      await knex('readiness_results')
        .where({ entity_ref: 'component:default/deploy-bot' })
        .update({ status: 'ready', changed_at: new Date().toISOString() });
      expect(await summary()).toEqual({
        ready: 6,
        'needs-work': 1,
        blocked: 9,
      });
      // … or deletes one.
      await knex('readiness_results')
        .where({ entity_ref: 'component:default/deploy-bot' })
        .delete();
      expect(await summary()).toEqual({
        ready: 5,
        'needs-work': 1,
        blocked: 9,
      });
    });

    it('lists failing checks and the entities failing one', async () => {
      const { server } = await start({ databaseId });
      const checks = (
        await request(server).get('/api/readiness/checks/production')
      ).body.items;
      expect(
        checks.find((c: any) => c.checkId === 'incident-owner'),
      ).toMatchObject({ failing: 3, severity: 'critical', area: 'ownership' });
      const failures = (
        await request(server).get(
          '/api/readiness/checks/production/incident-owner/failures',
        )
      ).body.items;
      expect(failures.map((f: any) => f.entityRef)).toEqual([
        'component:default/fraud-scoring',
        'component:default/ledger-service',
        'component:default/loyalty-points',
      ]);
    });

    it('rolls systems up from their parts', async () => {
      const { server } = await start({ databaseId });
      const checkout = (
        await request(server).get(
          '/api/readiness/entities/system/default/checkout',
        )
      ).body;
      expect(checkout.results[0]).toMatchObject({
        scorecard: 'system-rollup',
        status: 'blocked',
      });
    });

    it('re-evaluates an entity on request, keeps a history point per day, and audits it', async () => {
      const events: Array<{ eventId: string; meta?: any; outcome?: any }> = [];
      const auditor = mockServices.auditor.mock({
        createEvent: async (options: any) => {
          const event = { eventId: options.eventId, meta: options.meta } as any;
          events.push(event);
          return {
            success: async (o?: any) => {
              event.outcome = { success: o?.meta };
            },
            fail: async (o: any) => {
              event.outcome = { fail: o.error.message };
            },
          };
        },
      });
      const { server, knex } = await start({ databaseId, auditor });
      // Forget the stored result: only a real re-evaluation brings it back.
      await knex('readiness_results')
        .where({ entity_ref: 'component:default/payments-api' })
        .delete();
      const res = await request(server).post(
        '/api/readiness/entities/component/default/payments-api/evaluate',
      );
      expect(res.status).toBe(200);
      expect(res.body.results[0]).toMatchObject({
        status: 'ready',
        score: 100,
      });
      expect(
        (
          await request(server).get(
            '/api/readiness/entities/component/default/payments-api',
          )
        ).body.results.map((r: any) => r.status),
      ).toEqual(['ready']);
      // Again with nothing changed: the result is not rewritten, but the
      // tab shows the new evaluation time, also after a reload.
      const first = res.body.results[0].evaluatedAt;
      await new Promise(r => setTimeout(r, 20));
      const again = await request(server).post(
        '/api/readiness/entities/component/default/payments-api/evaluate',
      );
      const second = again.body.results[0].evaluatedAt;
      expect(second > first).toBe(true);
      expect(
        (
          await request(server).get(
            '/api/readiness/entities/component/default/payments-api',
          )
        ).body.results[0].evaluatedAt,
      ).toBe(second);
      // One audit event per re-evaluation.
      const audited = {
        eventId: 'entity-evaluate',
        meta: { entityRef: 'component:default/payments-api' },
        outcome: { success: { results: ['production:ready'] } },
      };
      expect(events.filter(e => e.eventId === 'entity-evaluate')).toEqual([
        audited,
        audited,
      ]);
      const history = (
        await request(server).get(
          '/api/readiness/entities/component/default/payments-api/history?days=7',
        )
      ).body;
      expect(history.points).toEqual([
        expect.objectContaining({
          scorecard: 'production',
          status: 'ready',
          score: 100,
        }),
      ]);
    });

    it('decides re-evaluation per entity, and audits a refusal', async () => {
      const events: Array<{ eventId: string; failed?: string }> = [];
      const auditor = mockServices.auditor.mock({
        createEvent: async (options: any) => {
          const event: any = { eventId: options.eventId };
          events.push(event);
          return {
            success: async () => {},
            fail: async (o: any) => {
              event.failed = o.error.message;
            },
          };
        },
      });
      const { server } = await start({
        databaseId,
        auditor,
        authorize: r =>
          r.permission.name !== 'readiness.entity.evaluate' ||
          r.resourceRef === 'component:default/payments-api'
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      });
      const evaluate = (name: string) =>
        request(server).post(
          `/api/readiness/entities/component/default/${name}/evaluate`,
        );
      expect((await evaluate('payments-api')).status).toBe(200);
      const denied = await evaluate('ledger-service');
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toContain(
        'component:default/ledger-service',
      );
      expect(events.map(e => e.failed)).toEqual([
        undefined,
        expect.stringContaining('readiness.entity.evaluate'),
      ]);
    });

    it('denies reads and re-evaluation without permission', async () => {
      const { server } = await start({
        databaseId,
        permissions: AuthorizeResult.DENY,
      });
      const read = await request(server).get('/api/readiness/results');
      expect(read.status).toBe(403);
      expect(read.body.error.message).toContain('readiness.results.read');
      const evaluate = await request(server).post(
        '/api/readiness/entities/component/default/payments-api/evaluate',
      );
      expect(evaluate.status).toBe(403);
      expect(evaluate.body.error.message).toContain(
        'readiness.entity.evaluate',
      );
    });

    it('answers 404 for an entity the caller may not see in the catalog, and serves kinds no scorecard reads from the catalog', async () => {
      const { server } = await start({
        databaseId,
        authorize: r =>
          r.permission.name === 'catalog.entity.read' &&
          r.resourceRef === 'component:default/ledger-service'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      });
      const hidden = await request(server).get(
        '/api/readiness/entities/component/default/ledger-service',
      );
      expect(hidden.status).toBe(404);
      expect(hidden.body.error.message).toBe(
        'No entity component:default/ledger-service in the catalog',
      );
      const visible = await request(server).get(
        '/api/readiness/entities/component/default/payments-api',
      );
      expect(visible.status).toBe(200);
      expect(visible.body.owners.owner).toBe('group:default/payments');
      // Groups are not evaluated: owners from the catalog, no results.
      const group = await request(server).get(
        '/api/readiness/entities/group/default/payments',
      );
      expect(group.status).toBe(200);
      expect(group.body.results).toEqual([]);
    });
  },
);

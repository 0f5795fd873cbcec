import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startReadinessBackend } from './__testUtils__/testBackend';
import { spec } from './schema/openapi.generated';
import { MAX_BODY_BYTES } from './platform/http/requestGuards';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const API = '/api/readiness';

/** A valid body for each entity operation that takes one, so only the entity is wrong. */
const BODIES: Record<string, object> = {
  'put /entities/{kind}/{namespace}/{name}/ownership': {
    roles: { incident: 'payments' },
  },
  'post /entities/{kind}/{namespace}/{name}/ownership/revert': {
    fields: ['incident'],
  },
  'post /entities/{kind}/{namespace}/{name}/attestations': {
    checkId: 'runbook-reviewed',
  },
  'delete /entities/{kind}/{namespace}/{name}/attestations/{id}': {
    reason: 'r',
  },
  'post /entities/{kind}/{namespace}/{name}/exemptions': {
    checkId: 'load-test-p95',
    reason: 'r',
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  },
  'post /entities/{kind}/{namespace}/{name}/go-live/signoffs': {
    role: 'security',
  },
  'post /entities/{kind}/{namespace}/{name}/go-live/phase-items': {
    phase: 'checklist',
    item: 'team-briefed',
  },
  'post /entities/{kind}/{namespace}/{name}/go-live/daily-checks': {
    day: new Date().toISOString().slice(0, 10),
    items: {
      errorRate: { ok: true },
      latency: { ok: true },
      failedJobs: { ok: true },
      userFeedback: { ok: true },
      connectorHealth: { ok: true },
    },
  },
  'post /entities/{kind}/{namespace}/{name}/go-live/risky-actions': {
    kind: 'external-call',
    description: 'd',
    owner: 'group:default/payments',
    outcome: 'reverted',
  },
  'post /entities/{kind}/{namespace}/{name}/go-live/closure-review': {
    incidents: 'none',
    supportRequests: 'none',
    qualityDeviations: 'none',
    missingRunbookSteps: 'none',
  },
};

describe.each(databases.eachSupportedId())(
  'bad input to the REST API on %s',
  databaseId => {
    let server: Awaited<ReturnType<typeof startReadinessBackend>>['server'];
    beforeAll(async () => {
      ({ server } = await startReadinessBackend({ databases, databaseId }));
    });

    it('answers 404 naming the entity on every entity route for an entity not in the catalog', async () => {
      const operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter(() => path.startsWith('/entities/{kind}'))
          .map(method => ({ path, method })),
      );
      expect(operations.length).toBeGreaterThan(15);
      for (const { path, method } of operations) {
        const url = `${API}${path}`
          .replace('{kind}', 'component')
          .replace('{namespace}', 'default')
          .replace('{name}', 'ghost')
          .replace('{id}', '1');
        const res = await (request(server) as any)
          [method](url)
          .set('If-Match', '"0"')
          .send(BODIES[`${method} ${path}`] ?? {});
        expect({ method, path, status: res.status }).toEqual({
          method,
          path,
          status: 404,
        });
        expect(res.body.error.message).toContain('component:default/ghost');
      }
    });

    it('reads %, _ and \\ in filters as themselves, not as SQL wildcards', async () => {
      const all = await request(server).get(`${API}/results?limit=100`);
      expect(all.body.totalItems).toBeGreaterThan(10);
      for (const query of [
        'check=%25',
        'check=_%25',
        'area=_%25',
        'area=%25',
        'q=%25',
        'q=_',
        'q=%5C',
        'owner=%25',
        'system=%25',
        'lifecycle=%25',
        'type=_',
      ]) {
        const res = await request(server).get(`${API}/results?${query}`);
        expect({
          query,
          status: res.status,
          total: res.body.totalItems,
        }).toEqual({
          query,
          status: 200,
          total: 0,
        });
      }
      const failures = await request(server).get(
        `${API}/checks/production/%25/failures`,
      );
      expect(failures.status).toBe(404);
    });

    it('refuses a body over the limit with 413, and NUL characters with 400 naming the field', async () => {
      const big = await request(server)
        .post(`${API}/facts`)
        .set('Authorization', mockCredentials.service.header())
        .set('Content-Type', 'application/json')
        .send(
          JSON.stringify({
            entityRef: 'component:default/payments-api',
            facts: [{ id: 'big', value: 'x'.repeat(MAX_BODY_BYTES) }],
          }),
        );
      expect(big.status).toBe(413);
      expect(big.body.error.message).toBe(
        'body: larger than the limit of 4 MB',
      );

      const nulNote = await request(server)
        .post(`${API}/entities/component/default/payments-api/attestations`)
        .send({ checkId: 'runbook-reviewed', note: 'ok\u0000' });
      expect(nulNote.status).toBe(400);
      expect(nulNote.body.error.message).toBe(
        'body.note: contains the NUL character (U+0000)',
      );
      const nulQuery = await request(server).get(`${API}/results?owner=a%00`);
      expect(nulQuery.status).toBe(400);
      expect(nulQuery.body.error.message).toBe(
        'query.owner: contains the NUL character (U+0000)',
      );
      const nulPath = await request(server).get(
        `${API}/entities/component/default/pay%00ments`,
      );
      expect(nulPath.status).toBe(400);
    });

    it('answers 400 naming the path parameter that cannot be part of a ref, and a JSON 404 for a path no route has', async () => {
      const slash = await request(server).get(
        `${API}/entities/component/${encodeURIComponent('a/b')}/payments-api`,
      );
      expect(slash.status).toBe(400);
      expect(slash.body.error.message).toBe(
        'namespace: "a/b" cannot be part of an entity ref',
      );
      const empty = await request(server).get(
        `${API}/entities/component/default//ownership`,
      );
      expect(empty.status).toBe(404);
      expect(empty.body.error.message).toBe(
        'No route GET /entities/component/default//ownership in the Readiness API',
      );
    });

    // Found by the fuzz: a number too large for a date gave a 500.
    it('answers 400 naming days when it is beyond any date', async () => {
      for (const days of ['1e309', '0', '1.5'])
        expect(
          (
            await request(server).get(
              `${API}/entities/component/default/payments-api/history?days=${days}`,
            )
          ).body.error?.message,
        ).toMatch(/days/);
    });
  },
);

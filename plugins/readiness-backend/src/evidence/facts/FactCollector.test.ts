import { createBackendModule } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  ReadinessFactProvider,
  readinessFactProvidersExtensionPoint,
} from '@readiness/backstage-plugin-readiness-node';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { startReadinessBackend } from '../../__testUtils__/testBackend';
import {
  exampleEntities,
  readinessConfig,
} from '../../__testUtils__/testUtils';

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const PAYMENTS = 'component:default/payments-api';
const DAILY = {
  frequency: { hours: 24 },
  timeout: { minutes: 1 },
  initialDelay: { seconds: 1 },
};

let server: http.Server;
let healthy = true;
let base = '';
beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.statusCode = healthy ? 200 : 503;
    res.end();
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise(r => server.close(r)));

/** The example catalog, with payments-api's health URL on the local server. */
function entities(): Entity[] {
  return exampleEntities().map(e =>
    e.metadata.name === 'payments-api'
      ? {
          ...e,
          metadata: {
            ...e.metadata,
            annotations: {
              ...e.metadata.annotations,
              'readiness/health-url': `${base}/healthz`,
            },
          },
        }
      : e,
  );
}

const calls: string[][] = [];
const oncall: ReadinessFactProvider = {
  id: 'oncall',
  schedule: DAILY,
  appliesTo: e => e.kind === 'Component',
  async collect(list, { now }) {
    calls.push(list.map(e => e.metadata.name));
    return [
      ...list.map(e => ({
        entityRef: `component:default/${e.metadata.name}`,
        fact: {
          id: 'oncall',
          value: { declared: true },
          observedAt: now.toISOString(),
        },
      })),
      // Neither of these is stored: a bad id, and an entity not asked for.
      {
        entityRef: PAYMENTS,
        fact: { id: 'Bad Id', value: 1, observedAt: now.toISOString() },
      },
      {
        entityRef: 'group:default/payments',
        fact: { id: 'x', value: 1, observedAt: now.toISOString() },
      },
    ];
  },
};
const broken: ReadinessFactProvider = {
  id: 'broken',
  schedule: DAILY,
  async collect() {
    throw new Error('upstream down');
  },
};

const testModule = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'test-facts',
  register(env) {
    env.registerInit({
      deps: { providers: readinessFactProvidersExtensionPoint },
      async init({ providers }) {
        providers.addFactProvider(oncall, broken);
      },
    });
  },
});

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean) {
  let value = await read();
  for (let i = 0; i < 100 && !ok(value); i++) {
    await new Promise(r => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

describe('fact providers', () => {
  it.each(databases.eachSupportedId())(
    'run from the extension point and the built-in prober, are stored, and re-evaluate on %p',
    async databaseId => {
      const { server: backend, knex } = await startReadinessBackend({
        databases,
        databaseId,
        entities: entities(),
        config: readinessConfig({
          probes: { allow: ['127.0.0.1'], schedule: DAILY },
        }),
        features: [testModule],
      });

      // The module's provider ran over the components; the broken one did not stop it.
      const facts = await waitFor(
        () => knex('readiness_facts').where({ fact_id: 'oncall' }).select(),
        rows => rows.length > 0,
      );
      expect(facts.map(r => r.source)).toContain('oncall');
      expect(facts.find(r => r.entity_ref === PAYMENTS)).toBeDefined();
      expect(
        await knex('readiness_facts').whereIn('fact_id', ['Bad Id', 'x']),
      ).toEqual([]);
      expect(calls[0]).toContain('payments-api');
      expect(calls[0]).not.toContain('payments'); // the group is not a Component

      // The prober probed the local server and payments-api's http checks read it.
      const check = async (id: string) => {
        const res = await request(backend).get(
          '/api/readiness/entities/component/default/payments-api',
        );
        return res.body.results[0]?.checks.find((c: any) => c.checkId === id);
      };
      const responds = await waitFor(
        () => check('health-responds'),
        c => c?.evidence?.source === 'probe:http',
      );
      expect(responds).toMatchObject({
        result: 'pass',
        message: `${base}/healthz answered 200`,
      });

      // Re-evaluate probes again first: the service went down, and it shows at once.
      healthy = false;
      const again = await request(backend).post(
        '/api/readiness/entities/component/default/payments-api/evaluate',
      );
      expect(again.status).toBe(200);
      expect(
        again.body.results[0].checks.find(
          (c: any) => c.checkId === 'health-responds',
        ),
      ).toMatchObject({
        result: 'fail',
        message: `${base}/healthz answered 503, expected 2xx or 3xx`,
      });
      healthy = true;
    },
  );

  it.each(databases.eachSupportedId())(
    'probe an entity before its first evaluation, though the scheduled probe run is an hour away, on %p',
    async databaseId => {
      const { server: backend } = await startReadinessBackend({
        databases,
        databaseId,
        entities: entities(),
        config: readinessConfig({
          probes: {
            allow: ['127.0.0.1'],
            schedule: { ...DAILY, initialDelay: { hours: 1 } },
          },
          evaluation: {
            shards: 2,
            schedule: { frequency: { hours: 24 }, timeout: { minutes: 5 } },
          },
        }),
        // The shards (no initial delay) run; the probe run (an hour) does not.
        runDelayedTasks: false,
      });
      // The first evaluation (which startReadinessBackend waited for) has it.
      const res = await request(backend).get(
        '/api/readiness/entities/component/default/payments-api',
      );
      expect(
        res.body.results[0].checks.find(
          (c: any) => c.checkId === 'health-responds',
        ),
      ).toMatchObject({
        result: 'pass',
        message: `${base}/healthz answered 200`,
        evidence: { source: 'probe:http' },
      });
    },
  );
});

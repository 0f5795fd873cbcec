import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import Ajv from 'ajv';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startReadinessBackend } from '../__testUtils__/testBackend';
import { spec } from './openapi.generated';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema({ ...(spec as object), $id: 'readiness' });

/** The validator of an operation's 200 JSON response in openapi.yaml. */
function responseSchema(path: string, method: string) {
  const pointer = ['paths', path, method, 'responses', '200', 'content']
    .map(p => p.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/');
  return ajv.compile({
    $ref: `readiness#/${pointer}/application~1json/schema`,
  });
}

const PREFIX = '/api/readiness';

describe('every response matches openapi.yaml exactly', () => {
  it('holds for each route, and the check would catch an undeclared field', async () => {
    const ASKER = 'user:default/asker';
    const { server } = await startReadinessBackend({
      databases,
      // One user who may only ask for exemptions, so a request waits to be granted.
      authorize: (r, user) =>
        user === ASKER && r.permission.name === 'readiness.exemption.create'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    });
    const asker = mockCredentials.user.header(ASKER);
    const requested = await request(server)
      .post(
        `${PREFIX}${'/entities/component/default/ledger-service'}/exemptions`,
      )
      .set('Authorization', asker)
      .send({
        checkId: 'load-test-p95',
        reason: 'contract test',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
    const requestId = requested.body.items[0].id;
    const attestation = await request(server)
      .post(
        `${PREFIX}${'/entities/component/default/ledger-service'}/attestations`,
      )
      .send({ checkId: 'runbook-reviewed' });
    const attestationId = attestation.body.items[0].id;
    const entity = '/entities/component/default/ledger-service';
    const checks = await request(server).get(`${PREFIX}/checks/production`);
    const failing = checks.body.items.find((c: any) => c.failing > 0).checkId;
    const ownership = await request(server).get(`${PREFIX}${entity}/ownership`);

    const cases: Array<[string, string, () => request.Test]> = [
      ['/health', 'get', () => request(server).get(`${PREFIX}/health`)],
      ['/scorecards', 'get', () => request(server).get(`${PREFIX}/scorecards`)],
      [
        '/scorecards/{id}',
        'get',
        () => request(server).get(`${PREFIX}/scorecards/production`),
      ],
      [
        '/entities/{kind}/{namespace}/{name}',
        'get',
        () => request(server).get(`${PREFIX}${entity}`),
      ],
      [
        '/entities/{kind}/{namespace}/{name}/evaluate',
        'post',
        () => request(server).post(`${PREFIX}${entity}/evaluate`),
      ],
      [
        '/entities/{kind}/{namespace}/{name}/history',
        'get',
        () => request(server).get(`${PREFIX}${entity}/history`),
      ],
      [
        '/entities/{kind}/{namespace}/{name}/ownership',
        'get',
        () => request(server).get(`${PREFIX}${entity}/ownership`),
      ],
      [
        '/entities/{kind}/{namespace}/{name}/ownership',
        'put',
        () =>
          request(server)
            .put(`${PREFIX}${entity}/ownership`)
            .set('If-Match', `"${ownership.body.version}"`)
            .send({
              roles: { incident: 'payments', runbook: 'https://runbooks/l' },
              reason: 'contract test',
            }),
      ],
      [
        '/entities/{kind}/{namespace}/{name}/ownership/revert',
        'post',
        () =>
          request(server)
            .post(`${PREFIX}${entity}/ownership/revert`)
            .set('If-Match', `"${ownership.body.version + 1}"`)
            .send({ fields: ['runbook'] }),
      ],
      [
        '/ownership/named',
        'get',
        () =>
          request(server).get(
            `${PREFIX}/ownership/named?owner=${encodeURIComponent(
              'group:default/payments',
            )}`,
          ),
      ],
      [
        '/ownership',
        'get',
        () =>
          request(server)
            .get(`${PREFIX}/ownership`)
            .set('Authorization', mockCredentials.service.header()),
      ],
      [
        '/results',
        'get',
        () => request(server).get(`${PREFIX}/results?limit=100`),
      ],
      [
        '/summary',
        'get',
        () => request(server).get(`${PREFIX}/summary?groupBy=owner`),
      ],
      [
        '/summary',
        'get',
        () => request(server).get(`${PREFIX}/summary?groupBy=system`),
      ],
      ['/checks/{scorecard}', 'get', () => checks as unknown as request.Test],
      [
        '/entities/{kind}/{namespace}/{name}/attestations',
        'get',
        () => request(server).get(`${PREFIX}${entity}/attestations`),
      ],
      [
        '/entities/{kind}/{namespace}/{name}/attestations',
        'post',
        () =>
          request(server)
            .post(`${PREFIX}${entity}/attestations`)
            .send({ checkId: 'support-ready', note: 'contract' }),
      ],
      [
        '/entities/{kind}/{namespace}/{name}/attestations/{id}',
        'delete',
        () =>
          request(server).delete(
            `${PREFIX}${entity}/attestations/${attestationId}`,
          ),
      ],
      [
        '/entities/{kind}/{namespace}/{name}/exemptions',
        'get',
        () => request(server).get(`${PREFIX}${entity}/exemptions`),
      ],
      [
        '/entities/{kind}/{namespace}/{name}/exemptions',
        'post',
        () =>
          request(server)
            .post(`${PREFIX}${entity}/exemptions`)
            .send({
              checkId: 'load-test-errors',
              reason: 'contract',
              expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
            }),
      ],
      [
        '/entities/{kind}/{namespace}/{name}/exemptions/{id}/grant',
        'post',
        () =>
          request(server).post(
            `${PREFIX}${entity}/exemptions/${requestId}/grant`,
          ),
      ],
      [
        '/entities/{kind}/{namespace}/{name}/exemptions/{id}',
        'delete',
        () =>
          request(server).delete(`${PREFIX}${entity}/exemptions/${requestId}`),
      ],
      [
        '/facts',
        'post',
        () =>
          request(server)
            .post(`${PREFIX}/facts`)
            .set('Authorization', mockCredentials.service.header())
            .send({
              entityRef: 'component:default/ledger-service',
              facts: [{ id: 'contract', value: { ok: true } }],
            }),
      ],
      [
        '/checks/{scorecard}/{checkId}/failures',
        'get',
        () =>
          request(server).get(
            `${PREFIX}/checks/production/${failing}/failures`,
          ),
      ],
    ];

    const seen: string[] = [];
    for (const [path, method, send] of cases) {
      const res = await send();
      expect({ path, method, status: res.status }).toEqual({
        path,
        method,
        status: 200,
      });
      const validate = responseSchema(path, method);
      const valid = validate(res.body);
      expect({ path, method, errors: validate.errors ?? null }).toEqual({
        path,
        method,
        errors: null,
      });
      expect(valid).toBe(true);
      // The schemas are closed: an undeclared field would fail.
      expect(validate({ ...res.body, undeclared: 1 })).toBe(false);
      seen.push(`${method} ${path}`);
    }

    // Every operation in the spec is covered.
    const operations = Object.entries(spec.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map(m => `${m} ${p}`),
    );
    expect([...new Set(seen)].sort()).toEqual(operations.sort());
  });
});

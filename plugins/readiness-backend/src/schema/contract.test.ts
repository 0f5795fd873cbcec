import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import Ajv from 'ajv';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startReadinessBackend } from '../__testUtils__/testBackend';
import fs from 'node:fs';
import { join } from 'node:path';
import {
  EXAMPLES,
  exampleEntities,
  exampleUserInfo,
} from '../__testUtils__/testUtils';
import { spec } from './openapi.generated';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema({ ...(spec as object), $id: 'readiness' });

/** The validator of an operation's 200 JSON response in openapi.yaml. */
function responseSchema(path: string, method: string, status = '200') {
  const pointer = ['paths', path, method, 'responses', status, 'content']
    .map(p => p.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/');
  return ajv.compile({
    $ref: `readiness#/${pointer}/application~1json/schema`,
  });
}

const PREFIX = '/api/readiness';

describe.each(databases.eachSupportedId())(
  'every response matches openapi.yaml exactly on %s',
  databaseId => {
    it('holds for each route, and the check would catch an undeclared field', async () => {
      const ASKER = 'user:default/asker';
      const DAY = 86_400_000;
      const day = (n: number) =>
        new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
      const { server } = await startReadinessBackend({
        databases,
        databaseId,
        // payments-api (Ready) went live 8 days ago: sign-off, a daily check
        // and the closure review are all possible.
        // checkout-web (Ready) goes live tomorrow: sign-off can be given and asked.
        entities: exampleEntities().map(e => {
          const date: Record<string, string> = {
            'payments-api': day(-8),
            'checkout-web': day(1),
          };
          return e.kind === 'Component' && date[e.metadata.name]
            ? {
                ...e,
                metadata: {
                  ...e.metadata,
                  annotations: {
                    ...e.metadata.annotations,
                    'readiness/go-live-date': date[e.metadata.name],
                  },
                },
              }
            : e;
        }),
        // The mock user is in Security, so it may sign that role.
        features: [
          exampleUserInfo({ 'user:default/mock': ['group:default/security'] }),
        ],
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
      const live = '/entities/component/default/payments-api';
      const checks = await request(server).get(`${PREFIX}/checks/production`);
      const failing = checks.body.items.find((c: any) => c.failing > 0).checkId;
      const ownership = await request(server).get(
        `${PREFIX}${entity}/ownership`,
      );

      const cases: Array<[string, string, () => request.Test]> = [
        ['/health', 'get', () => request(server).get(`${PREFIX}/health`)],
        [
          '/scorecards',
          'get',
          () => request(server).get(`${PREFIX}/scorecards`),
        ],
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
        ['/inbox', 'get', () => request(server).get(`${PREFIX}/inbox`)],
        [
          '/ownership/confirm',
          'post',
          () =>
            request(server)
              .post(`${PREFIX}/ownership/confirm`)
              .send({ owner: 'sre-oncall', reason: 'contract test' }),
        ],
        [
          '/entities/{kind}/{namespace}/{name}/ownership/confirm',
          'post',
          () =>
            request(server)
              .post(`${PREFIX}${entity}/ownership/confirm`)
              .send({ roles: ['incident'] }),
        ],
        [
          '/ownership/onboarding',
          'get',
          () =>
            request(server).get(
              `${PREFIX}/ownership/onboarding?owner=payments&field=incident`,
            ),
        ],
        [
          '/ownership/bulk',
          'post',
          () =>
            request(server)
              .post(`${PREFIX}/ownership/bulk`)
              .send({
                field: 'channel',
                reason: 'contract test',
                items: [
                  {
                    entityRef: 'component:default/fraud-scoring',
                    value: 'slack:#payments-risk',
                    version: 0,
                  },
                  // Stale: one failing entity is an outcome, not an error.
                  {
                    entityRef: 'component:default/ledger-service',
                    value: 'slack:#ledger',
                    version: 99,
                  },
                ],
              }),
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
          '/history',
          'get',
          () =>
            request(server).get(
              `${PREFIX}/history?owner=payments&check=runbook&days=90`,
            ),
        ],
        [
          '/statuses',
          'get',
          () =>
            request(server).get(
              `${PREFIX}/statuses?entity=component:default/payments-api&entity=system:default/checkout`,
            ),
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
            request(server)
              .delete(`${PREFIX}${entity}/attestations/${attestationId}`)
              .send({ reason: 'contract' }),
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
            request(server).delete(
              `${PREFIX}${entity}/exemptions/${requestId}`,
            ),
        ],
        ['/go-lives', 'get', () => request(server).get(`${PREFIX}/go-lives`)],
        [
          '/entities/{kind}/{namespace}/{name}/go-live',
          'get',
          () => request(server).get(`${PREFIX}${live}/go-live`),
        ],
        [
          '/entities/{kind}/{namespace}/{name}/go-live/signoffs',
          'post',
          () =>
            request(server)
              .post(
                `${PREFIX}/entities/component/default/checkout-web/go-live/signoffs`,
              )
              .send({ role: 'security', note: 'contract' }),
        ],
        [
          '/entities/{kind}/{namespace}/{name}/go-live/phase-items',
          'post',
          () =>
            request(server)
              .post(
                `${PREFIX}/entities/component/default/checkout-web/go-live/phase-items`,
              )
              .send({ phase: 'checklist', item: 'team-briefed' }),
        ],
        [
          '/entities/{kind}/{namespace}/{name}/go-live/signoff-requests',
          'post',
          () =>
            request(server).post(
              `${PREFIX}/entities/component/default/checkout-web/go-live/signoff-requests`,
            ),
        ],
        [
          '/entities/{kind}/{namespace}/{name}/go-live/daily-checks',
          'post',
          () =>
            request(server)
              .post(`${PREFIX}${live}/go-live/daily-checks`)
              .send({
                day: day(-1),
                items: {
                  errorRate: { ok: true },
                  latency: { ok: false, note: 'slow' },
                  failedJobs: { ok: true },
                  userFeedback: { ok: true },
                  connectorHealth: { ok: true },
                },
              }),
        ],
        [
          '/entities/{kind}/{namespace}/{name}/go-live/risky-actions',
          'post',
          () =>
            request(server)
              .post(`${PREFIX}${live}/go-live/risky-actions`)
              .send({
                kind: 'external-call',
                description: 'contract',
                owner: 'group:default/payments',
                outcome: 'reverted',
                note: 'n',
              }),
        ],
        [
          '/entities/{kind}/{namespace}/{name}/go-live/closure-review',
          'post',
          () =>
            request(server)
              .post(`${PREFIX}${live}/go-live/closure-review`)
              .send({
                incidents: 'none',
                supportRequests: 'none',
                qualityDeviations: 'none',
                missingRunbookSteps: 'none',
              }),
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

      // The go-live note is Markdown, not JSON.
      const note = await request(server).get(`${PREFIX}${live}/report`);
      expect(note.status).toBe(200);
      expect(note.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(note.text).toMatch(/^# Go-live note: /);
      seen.push('get /entities/{kind}/{namespace}/{name}/report');

      // An initiative: created (201), then listed, read, edited and summarised.
      const initiative = {
        title: 'Runbooks everywhere',
        scorecard: 'production',
        goal: { checks: ['runbook'] },
        scope: { owner: ['payments'] },
        startsOn: day(-10),
        deadline: day(20),
        owner: 'group:default/platform',
        status: 'active',
      };
      const created = await request(server)
        .post(`${PREFIX}/initiatives`)
        .send(initiative);
      expect(created.status).toBe(201);
      const createdSchema = responseSchema('/initiatives', 'post', '201');
      expect(createdSchema(created.body)).toBe(true);
      expect(createdSchema({ ...created.body, undeclared: 1 })).toBe(false);
      seen.push('post /initiatives');
      const id = created.body.id;
      for (const [path, method, send] of [
        [
          '/initiatives',
          'get',
          () => request(server).get(`${PREFIX}/initiatives`),
        ],
        [
          '/initiatives/{id}',
          'get',
          () => request(server).get(`${PREFIX}/initiatives/${id}`),
        ],
        [
          '/initiatives/{id}/standing',
          'get',
          () => request(server).get(`${PREFIX}/initiatives/${id}/standing`),
        ],
        [
          '/scorecards/preview',
          'post',
          () =>
            request(server)
              .post(`${PREFIX}/scorecards/preview`)
              .send({
                // A stricter passing score moves entities: moves are checked too.
                yaml: fs
                  .readFileSync(
                    join(EXAMPLES, 'scorecards/production.yaml'),
                    'utf8',
                  )
                  .replace('passingScore: 95', 'passingScore: 100'),
              }),
        ],
        [
          '/scorecards/reload',
          'post',
          () => request(server).post(`${PREFIX}/scorecards/reload`),
        ],
        [
          '/initiatives/{id}',
          'put',
          () =>
            request(server)
              .put(`${PREFIX}/initiatives/${id}`)
              .set('If-Match', '"1"')
              .send({ ...initiative, deadline: day(30) }),
        ],
      ] as const) {
        const res = await send();
        expect({ path, method, status: res.status }).toEqual({
          path,
          method,
          status: 200,
        });
        const validate = responseSchema(path, method);
        expect({
          path,
          method,
          valid: validate(res.body),
          errors: validate.errors ?? null,
        }).toEqual({
          path,
          method,
          valid: true,
          errors: null,
        });
        expect(validate({ ...res.body, undeclared: 1 })).toBe(false);
        seen.push(`${method} ${path}`);
      }
      const summary = await request(server).get(
        `${PREFIX}/initiatives/${id}/summary`,
      );
      expect(summary.status).toBe(200);
      expect(summary.headers['content-type']).toBe(
        'text/markdown; charset=utf-8',
      );
      expect(summary.text).toMatch(/^# Runbooks everywhere\n/);
      seen.push('get /initiatives/{id}/summary');

      // Every operation in the spec is covered.
      const operations = Object.entries(spec.paths).flatMap(([p, ops]) =>
        Object.keys(ops).map(m => `${m} ${p}`),
      );
      expect([...new Set(seen)].sort()).toEqual(operations.sort());
    });
  },
);

import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startReadinessBackend } from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const SESSION = 'component:default/invoice-generator';
const NOW = Date.now();
const at = (minutesAgo: number) =>
  new Date(NOW - minutesAgo * 60_000).toISOString();

const check = (body: any, id: string) =>
  body.results[0].checks.find((c: any) => c.checkId === id);

describe.each(databases.eachSupportedId())('POST /facts on %s', databaseId => {
  it('stores facts from CI, re-evaluates at once, and a retry changes nothing', async () => {
    const { server, knex } = await startReadinessBackend({
      databases,
      databaseId,
    });
    const push = (body: object) =>
      request(server)
        .post('/api/readiness/facts')
        .set('Authorization', mockCredentials.service.header())
        .send(body);
    const entity = () =>
      request(server).get(
        '/api/readiness/entities/component/default/invoice-generator',
      );
    expect(check((await entity()).body, 'load-test-p95').result).not.toBe(
      'pass',
    );

    const body = {
      entityRef: 'Component:default/invoice-generator',
      facts: [
        {
          id: 'load-test',
          value: { p95Ms: 120, errorRate: 0.0001 },
          observedAt: at(5),
          source: 'ci:k6',
        },
      ],
    };
    const first = await push(body);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      stored: 1,
      unchanged: 0,
      entityRefs: [SESSION],
    });
    // Re-evaluated before the answer: the check reads the new fact now.
    expect(check((await entity()).body, 'load-test-p95')).toMatchObject({
      result: 'pass',
      evidence: { source: 'ci:k6' },
    });

    // The same push again, and an older report arriving late: nothing changes.
    expect((await push(body)).body).toMatchObject({
      stored: 0,
      unchanged: 1,
    });
    const late = await push({
      ...body,
      facts: [{ ...body.facts[0], value: { p95Ms: 900 }, observedAt: at(60) }],
    });
    expect(late.body).toMatchObject({ stored: 0, unchanged: 1 });
    const rows = await knex('readiness_facts').where({
      entity_ref: SESSION,
      fact_id: 'load-test',
    });
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].value)).toEqual({
      p95Ms: 120,
      errorRate: 0.0001,
    });

    // A batch, with the caller as the default source.
    const batch = await push({
      items: [
        {
          entityRef: SESSION,
          facts: [{ id: 'secret-scan', value: { findings: 0 } }],
        },
        {
          entityRef: 'component:default/payments-api',
          facts: [{ id: 'custom.metric', value: 3 }],
        },
      ],
    });
    expect(batch.body).toMatchObject({ stored: 2, unchanged: 0 });
    const custom = await knex('readiness_facts')
      .where({ fact_id: 'custom.metric' })
      .first();
    expect(custom.source).toBe('service:external:test-service');
  });

  it('answers 401 without a token, 403 without the permission, and 400 naming the field', async () => {
    const { server } = await startReadinessBackend({
      databases,
      databaseId,
      authorize: r =>
        r.permission.name === 'readiness.facts.write' &&
        r.resourceRef === 'component:default/payments-api'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    });
    const push = (body: object, auth = mockCredentials.user().principal) =>
      request(server)
        .post('/api/readiness/facts')
        .set('Authorization', mockCredentials.user.header(auth.userEntityRef))
        .send(body);
    const fact = { id: 'load-test', value: { p95Ms: 1 } };

    const anonymous = await request(server)
      .post('/api/readiness/facts')
      .set('Authorization', mockCredentials.none.header())
      .send({ entityRef: SESSION, facts: [fact] });
    expect(anonymous.status).toBe(401);

    const denied = await push({
      items: [
        { entityRef: SESSION, facts: [fact] },
        { entityRef: 'component:default/payments-api', facts: [fact] },
      ],
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe(
      'You may not push facts for component:default/payments-api (readiness.facts.write)',
    );

    const cases: Array<[object, string]> = [
      [
        { entityRef: SESSION, facts: [{ ...fact, id: 'Bad Id' }] },
        'facts[0].id: "Bad Id" is not a fact id',
      ],
      [
        { entityRef: 'component:', facts: [fact] },
        'entityRef: "component:" is not an entity ref',
      ],
      [
        { entityRef: 'nope', facts: [fact] },
        'entityRef: component:default/nope is not in the catalog',
      ],
      [
        {
          items: [
            { entityRef: SESSION, facts: [fact] },
            { entityRef: 'component:default/ghost', facts: [fact] },
          ],
        },
        'items[1].entityRef: component:default/ghost is not in the catalog',
      ],
      [
        {
          entityRef: SESSION,
          facts: [
            { ...fact, observedAt: new Date(NOW + 86_400_000).toISOString() },
          ],
        },
        'facts[0].observedAt:',
      ],
      [
        { entityRef: SESSION, facts: [{ ...fact, observedAt: 'yesterday' }] },
        'facts[0].observedAt: "yesterday" is not an ISO 8601 time',
      ],
      [
        { entityRef: SESSION, facts: [{ ...fact, value: 'x'.repeat(70_000) }] },
        'facts[0].value: 70002 bytes of JSON',
      ],
      [{ entityRef: SESSION, facts: [] }, 'facts: send at least one fact'],
      [{ entityRef: SESSION, facts: [{ value: 1 }] }, 'id'],
      [
        { entityRef: SESSION, facts: [fact], extra: 1 },
        'must NOT have additional properties',
      ],
    ];
    for (const [body, message] of cases) {
      const res = await push(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.error.message).toContain(message);
    }
  });
});

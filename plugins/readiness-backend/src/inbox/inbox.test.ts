import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startReadinessBackend } from '../__testUtils__/testBackend';
import { exampleEntities, exampleUserInfo } from '../__testUtils__/testUtils';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const API = '/api/readiness';
const ASKER = 'user:default/priya.raman';
const GRANTER = 'user:default/mock';
const DAY = 86_400_000;
const day = (n: number) =>
  new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const as = (user: string) => mockCredentials.user.header(user);

/** Set true to let the asker grant too (after it asked). */
let askerGrants = false;

async function start(databaseId: Parameters<typeof databases.init>[0]) {
  askerGrants = false;
  const { server } = await startReadinessBackend({
    databases,
    databaseId,
    // checkout-web (Ready) goes live tomorrow: its roles can be signed.
    entities: exampleEntities().map(e =>
      e.metadata.name === 'checkout-web'
        ? {
            ...e,
            metadata: {
              ...e.metadata,
              annotations: {
                ...e.metadata.annotations,
                'readiness/go-live-date': day(1),
              },
            },
          }
        : e,
    ),
    // The granter is in Security, so it may sign that role.
    features: [exampleUserInfo({ [GRANTER]: ['group:default/security'] })],
    // Only the granter grants exemptions, and not for status-page.
    authorize: (r, user) =>
      r.permission.name === 'readiness.exemption.create' &&
      (user === ASKER
        ? !askerGrants
        : user !== GRANTER || r.resourceRef === 'component:default/status-page')
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
  });
  return server;
}

const inbox = async (server: any, user: string) => {
  const res = await request(server)
    .get(`${API}/inbox`)
    .set('Authorization', as(user));
  expect(res.status).toBe(200);
  return res.body.items as any[];
};

describe.each(databases.eachSupportedId())('the inbox on %s', databaseId => {
  it('lists requests the caller may grant, roles it may sign and its own expiring attestations; granting empties it', async () => {
    const server = await start(databaseId);
    for (const name of ['ledger-service', 'status-page']) {
      const asked = await request(server)
        .post(`${API}/entities/component/default/${name}/exemptions`)
        .set('Authorization', as(ASKER))
        .send({
          checkId: 'runbook-reviewed',
          reason: 'The runbook moves to the new wiki next week',
          expiresAt: `${day(20)}T00:00:00Z`,
        });
      expect(asked.status).toBe(200);
    }
    const attested = await request(server)
      .post(`${API}/entities/component/default/ledger-service/attestations`)
      .set('Authorization', as(ASKER))
      .send({
        checkId: 'alert-thresholds',
        evidenceUrl: 'https://wiki.acme.example/ledger/alerts',
        expiresAt: `${day(5)}T00:00:00Z`,
      });
    expect(attested.status).toBe(200);

    const granter = await inbox(server, GRANTER);
    const requests = granter.filter(i => i.kind === 'exemption-request');
    // Not status-page: the granter may not grant there.
    expect(requests).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/ledger-service',
        checkId: 'runbook-reviewed',
        title:
          'Grant or refuse an exemption from runbook-reviewed for ledger-service',
        detail: `${ASKER} asked: The runbook moves to the new wiki next week`,
        exemptionId: expect.any(String),
      }),
    ]);
    expect(granter).toContainEqual(
      expect.objectContaining({
        kind: 'signoff',
        entityRef: 'component:default/checkout-web',
        role: 'security',
        due: day(1),
      }),
    );
    // loyalty-points goes live today but is Blocked: nothing to sign yet.
    expect(
      granter.filter(i => i.kind === 'signoff').map(i => i.entityRef),
    ).toEqual(['component:default/checkout-web']);
    // Someone else's attestation is not the granter's to renew.
    expect(granter.some(i => i.kind === 'attestation-expiring')).toBe(false);

    // Its own requests wait for someone else, even once it may grant.
    askerGrants = true;
    const asker = await inbox(server, ASKER);
    expect(asker.some(i => i.kind === 'exemption-request')).toBe(false);
    expect(asker).toContainEqual(
      expect.objectContaining({
        kind: 'attestation-expiring',
        entityRef: 'component:default/ledger-service',
        checkId: 'alert-thresholds',
      }),
    );

    const granted = await request(server)
      .post(
        `${API}/entities/component/default/ledger-service/exemptions/${requests[0].exemptionId}/grant`,
      )
      .set('Authorization', as(GRANTER));
    expect(granted.status).toBe(200);
    expect(
      (await inbox(server, GRANTER)).some(i => i.kind === 'exemption-request'),
    ).toBe(false);
  });

  it("lists the initiatives the caller's groups own that are behind, and no one else's", async () => {
    const server = await start(databaseId);
    const create = async (title: string, owner: string, deadline: number) => {
      const res = await request(server)
        .post(`${API}/initiatives`)
        .set('Authorization', as(GRANTER))
        .send({
          title,
          scorecard: 'production',
          goal: { checks: ['runbook'] },
          scope: { owner: ['payments'] },
          startsOn: day(-30),
          deadline: day(deadline),
          owner,
          status: 'active',
        });
      expect(res.status).toBe(201);
      return res.body;
    };
    // Payments has services without a runbook: near the deadline, behind.
    const behind = await create('Runbooks', 'group:default/security', 3);
    await create('Runbooks, by another team', 'group:default/payments', 3);
    // Started a month ago, ends in four years: 2 % of the way, so on pace.
    await create('Runbooks, in time', 'group:default/security', 1460);
    expect(behind.progress.open).toBeGreaterThan(0);

    const items = (await inbox(server, GRANTER)).filter(
      i => i.kind === 'initiative-behind',
    );
    expect(items).toEqual([
      expect.objectContaining({
        entityRef: 'group:default/security',
        initiativeId: behind.id,
        title: 'Initiative "Runbooks" is behind',
        due: day(3),
        detail: expect.stringContaining(
          `${behind.progress.met} of ${behind.progress.total} meet the goal`,
        ),
      }),
    ]);
    // The asker (platform) is in no group that owns one.
    expect(
      (await inbox(server, ASKER)).some(i => i.kind === 'initiative-behind'),
    ).toBe(false);
  });

  it('is for signed-in people only', async () => {
    const server = await start(databaseId);
    const res = await request(server)
      .get(`${API}/inbox`)
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(403);
  });
});

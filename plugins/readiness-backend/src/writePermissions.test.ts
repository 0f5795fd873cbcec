import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  captureNotifications,
  startReadinessBackend,
  TestAuthorizeRequest,
} from './__testUtils__/testBackend';
import {
  exampleEntities,
  exampleUserInfo,
  readinessConfig,
} from './__testUtils__/testUtils';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const API = '/api/readiness/entities/component/default';
const DAY = 86_400_000;
const day = (n: number) =>
  new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

// Each person may write on one service only; anyone may read.
const PAYMENTS_LEAD = 'user:default/liam.byrne';
const CHECKOUT_LEAD = 'user:default/fatima.haddad';
const GRANTER = 'user:default/maria.okafor';
const MINE: Record<string, string> = {
  [PAYMENTS_LEAD]: 'component:default/payments-api',
  [CHECKOUT_LEAD]: 'component:default/checkout-web',
};
/** Who may grant exemptions, besides MINE's writes; changed by a test. */
const granters = new Set<string>([GRANTER]);

/**
 * A policy that decides by the entity (resourceRef), as a real one does with
 * IS_ENTITY_OWNER: a write is allowed only on the caller's own service; a
 * request without an entity is refused.
 */
function byEntity(r: TestAuthorizeRequest, user?: string) {
  const name = r.permission.name;
  if (name === 'readiness.results.read' || name === 'catalog.entity.read')
    return AuthorizeResult.ALLOW;
  if (!user || !r.resourceRef) return AuthorizeResult.DENY;
  if (name === 'readiness.exemption.create')
    return granters.has(user) ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
  return MINE[user] === r.resourceRef.toLowerCase()
    ? AuthorizeResult.ALLOW
    : AuthorizeResult.DENY;
}

/** Both services go live tomorrow. */
function entities() {
  return exampleEntities().map(e =>
    e.kind === 'Component' &&
    ['payments-api', 'checkout-web'].includes(e.metadata.name)
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
  );
}

describe.each(databases.eachSupportedId())(
  'every write decides by the entity on %s',
  databaseId => {
    it('offers a service token (a CI pipeline) none of what a person vouches for, even where the policy allows everything', async () => {
      const { server } = await startReadinessBackend({
        databases,
        databaseId,
        authorize: () => AuthorizeResult.ALLOW,
        entities: entities(),
      });
      const ci = (path: string) =>
        request(server)
          .get(`${API}/payments-api${path}`)
          .set('Authorization', mockCredentials.service.header());
      const goLive = (await ci('/go-live')).body;
      expect([goLive.canSign, goLive.canRecord]).toEqual([false, false]);
      expect((await ci('/ownership')).body.canEdit).toBe(false);
      expect((await ci('/attestations')).body.canAttest).toBe(false);
      const attest = await request(server)
        .post(`${API}/payments-api/attestations`)
        .set('Authorization', mockCredentials.service.header())
        .send({ checkId: 'alert-thresholds', note: 'CI says so' });
      expect(attest.status).toBe(403);
    });

    it('lets an owner of payments-api write there and refuses every write on checkout-web', async () => {
      granters.clear();
      granters.add(GRANTER);
      const { server } = await startReadinessBackend({
        databases,
        databaseId,
        authorize: byEntity,
        entities: entities(),
        features: [
          exampleUserInfo({ [PAYMENTS_LEAD]: ['group:default/platform'] }),
        ],
      });
      const as = (user: string) => (method: string, path: string) =>
        (request(server) as any)
          [method](`${API}${path}`)
          .set('Authorization', mockCredentials.user.header(user));
      const firstId = async (name: string, what: string) =>
        (await as(GRANTER)('get', `/${name}/${what}`)).body.items[0]?.id;

      // Something to revoke and to grant on each service.
      const setup = async (name: string, lead: string) => {
        const asked = await as(lead)('post', `/${name}/exemptions`).send({
          checkId: 'load-test-p95',
          reason: 'Load test environment is being rebuilt',
          expiresAt: `${day(20)}T00:00:00Z`,
        });
        expect(asked.status).toBe(200);
        const request_ = asked.body.items.find(
          (e: any) => e.status === 'requested',
        );
        return {
          attestation: await firstId(name, 'attestations'),
          request: request_.id,
        };
      };
      const ids = {
        'payments-api': await setup('payments-api', PAYMENTS_LEAD),
        'checkout-web': await setup('checkout-web', CHECKOUT_LEAD),
      };
      const version = async (name: string) =>
        String(
          (await as(GRANTER)('get', `/${name}/ownership`)).body.version ?? 0,
        );

      type Write = [string, (name: string) => Promise<request.Response>];
      const writes: Write[] = [
        [
          'attest',
          name =>
            as(PAYMENTS_LEAD)('post', `/${name}/attestations`).send({
              checkId: 'alert-thresholds',
              evidenceUrl: 'https://grafana.acme.example/alerts',
              note: 'Thresholds reviewed',
            }),
        ],
        [
          'revoke an attestation',
          name =>
            as(PAYMENTS_LEAD)(
              'delete',
              `/${name}/attestations/${
                ids[name as keyof typeof ids].attestation
              }`,
            ).send({ reason: 'Out of date' }),
        ],
        [
          'ask for an exemption',
          name =>
            as(PAYMENTS_LEAD)('post', `/${name}/exemptions`).send({
              checkId: 'techdocs',
              reason: 'Docs move to the new portal next month',
              expiresAt: `${day(20)}T00:00:00Z`,
            }),
        ],
        [
          'sign off',
          name =>
            as(PAYMENTS_LEAD)('post', `/${name}/go-live/signoffs`).send({
              role: 'infrastructure',
            }),
        ],
        [
          'request sign-off',
          name =>
            as(PAYMENTS_LEAD)('post', `/${name}/go-live/signoff-requests`),
        ],
        [
          'tick a go-live item',
          name =>
            as(PAYMENTS_LEAD)('post', `/${name}/go-live/phase-items`).send({
              phase: 'checklist',
              item: 'team-briefed',
            }),
        ],
        [
          'record a daily check',
          name =>
            as(PAYMENTS_LEAD)('post', `/${name}/go-live/daily-checks`).send({
              items: {},
            }),
        ],
        [
          'record a risky action',
          name =>
            as(PAYMENTS_LEAD)('post', `/${name}/go-live/risky-actions`).send({
              kind: 'write',
              description: 'Backfill',
              owner: 'group:default/payments',
              outcome: 'as-expected',
            }),
        ],
        [
          'record the closure review',
          name =>
            as(PAYMENTS_LEAD)('post', `/${name}/go-live/closure-review`).send({
              incidents: 'none',
              supportRequests: 'none',
              qualityDeviations: 'none',
              missingRunbookSteps: 'none',
            }),
        ],
        [
          'edit ownership',
          async name =>
            as(PAYMENTS_LEAD)('put', `/${name}/ownership`)
              .set('If-Match', await version(name))
              .send({ roles: { channel: 'slack:#payments-war-room' } }),
        ],
        ['re-evaluate', name => as(PAYMENTS_LEAD)('post', `/${name}/evaluate`)],
      ];
      const outcome: Record<string, [number, number]> = {};
      for (const [what, write] of writes) {
        const other = await write('checkout-web');
        const own = await write('payments-api');
        outcome[what] = [own.status, other.status];
        expect(other.body.error?.message).toMatch(/^You may not /);
      }
      // On its own service each write gets past the permission check (a
      // daily check before the first week is refused for what it is: 400).
      expect(outcome).toEqual({
        attest: [200, 403],
        'revoke an attestation': [200, 403],
        'ask for an exemption': [200, 403],
        'sign off': [200, 403],
        'request sign-off': [200, 403],
        'tick a go-live item': [200, 403],
        'record a daily check': [400, 403],
        'record a risky action': [200, 403],
        'record the closure review': [409, 403],
        'edit ownership': [200, 403],
        're-evaluate': [200, 403],
      });

      // Granting and revoking exemptions: the granter may; an owner may not.
      const grant = (user: string, name: keyof typeof ids) =>
        as(user)('post', `/${name}/exemptions/${ids[name].request}/grant`);
      expect((await grant(PAYMENTS_LEAD, 'checkout-web')).status).toBe(403);
      expect((await grant(GRANTER, 'checkout-web')).status).toBe(200);
      const revoke = (user: string, name: keyof typeof ids) =>
        as(user)('delete', `/${name}/exemptions/${ids[name].request}`);
      expect((await revoke(PAYMENTS_LEAD, 'checkout-web')).status).toBe(403);
      expect((await revoke(GRANTER, 'checkout-web')).status).toBe(200);
    });

    it('lets someone else grant an exemption request, never the person who asked, and tells the granters', async () => {
      granters.clear();
      const { sent, feature: notifications } = captureNotifications();
      const { server } = await startReadinessBackend({
        databases,
        databaseId,
        authorize: byEntity,
        entities: entities(),
        config: readinessConfig({
          exemptions: { grantedBy: ['group:default/platform'] },
        }),
        features: [notifications],
      });
      const as = (user: string) => (method: string, path: string) =>
        (request(server) as any)
          [method](`${API}/payments-api${path}`)
          .set('Authorization', mockCredentials.user.header(user));
      // Asked while the lead may not grant: the request waits.
      const asked = await as(PAYMENTS_LEAD)('post', '/exemptions').send({
        checkId: 'load-test-p95',
        reason: 'Load test environment is being rebuilt',
        expiresAt: `${day(20)}T00:00:00Z`,
      });
      const id = asked.body.items.find((e: any) => e.status === 'requested').id;
      // The people who grant exemptions hear that one waits (not the asker).
      expect(
        sent.filter(n => n.payload.title.includes('waits for a grant')),
      ).toEqual([
        expect.objectContaining({
          recipients: {
            type: 'entity',
            entityRef: ['group:default/platform'],
            excludeEntityRef: PAYMENTS_LEAD,
          },
        }),
      ]);
      // The lead becomes a granter: still not of their own request.
      granters.add(PAYMENTS_LEAD);
      granters.add(GRANTER);
      const own = await as(PAYMENTS_LEAD)('post', `/exemptions/${id}/grant`);
      expect(own.status).toBe(403);
      expect(own.body.error.message).toBe(
        'Someone else must grant an exemption you asked for',
      );
      const other = await as(GRANTER)('post', `/exemptions/${id}/grant`);
      expect(other.status).toBe(200);
      expect(other.body.items.find((e: any) => e.id === id)).toMatchObject({
        status: 'granted',
        approvedBy: GRANTER,
        requestedBy: PAYMENTS_LEAD,
      });
    });
  },
);

import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  notificationService,
  NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startReadinessBackend } from '../__testUtils__/testBackend';
import { spiedCatalog } from '../__testUtils__/spiedCatalog';
import { exampleEntities, readinessConfig } from '../__testUtils__/testUtils';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const API = '/api/readiness';

const sent: NotificationSendOptions[] = [];
const notifications = createServiceFactory({
  service: notificationService,
  deps: {},
  factory: () => ({
    send: async (n: NotificationSendOptions) => {
      sent.push(n);
    },
  }),
});

/** A scorecard whose incident owner must be confirmed every 90 days. */
function confirmingScorecard() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-confirm-'));
  const file = path.join(dir, 'confirmed.yaml');
  fs.writeFileSync(
    file,
    `apiVersion: readiness/v1
kind: Scorecard
metadata: { name: confirmed, title: Confirmed owners }
spec:
  appliesTo: { kinds: [Component] }
  passingScore: 100
  areas:
    - id: owners
      title: Owners
      checks:
        - id: incident-confirmed
          title: Incident owner confirmed in the last 90 days
          severity: critical
          type: ownership
          with: { rule: role, role: incident, confirmedWithin: P90D }
`,
  );
  return readinessConfig({ scorecards: [{ file }] });
}

async function start(
  databaseId: Parameters<typeof databases.init>[0],
  /** Entities the caller may edit; every entity when not given. */
  editable?: string[],
  config?: object,
) {
  sent.length = 0;
  const catalog = spiedCatalog(exampleEntities());
  const { server } = await startReadinessBackend({
    databases,
    databaseId,
    catalog,
    authorize: r =>
      r.permission.name === 'readiness.ownership.update' &&
      editable &&
      !editable.includes(r.resourceRef!)
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    waitForEvaluation: false,
    features: [notifications],
    config,
  });
  return { server, catalog };
}

const onboarding = (server: any, owner: string, field: string) =>
  request(server).get(
    `${API}/ownership/onboarding?${new URLSearchParams({ owner, field })}`,
  );

const ownershipNotices = () =>
  sent.filter(n => n.payload.topic === 'readiness-ownership');

describe.each(databases.eachSupportedId())(
  'bulk onboarding on %s',
  databaseId => {
    it('lists what a group owns, sub-groups included, with suggestions and who may edit each', async () => {
      const { server } = await start(databaseId, [
        'component:default/fraud-scoring',
      ]);
      const res = await onboarding(server, 'payments', 'incident');
      expect(res.status).toBe(200);
      expect(res.body.owner).toBe('group:default/payments');
      const byRef = Object.fromEntries(
        res.body.items.map((i: any) => [i.entityRef, i]),
      );
      // Owned by the sub-group payments-risk: listed too.
      expect(byRef['component:default/fraud-scoring']).toEqual({
        entityRef: 'component:default/fraud-scoring',
        title: expect.any(String),
        owner: 'group:default/payments-risk',
        version: 0,
        suggestion: {
          value: 'group:default/sre-oncall',
          source: 'on-call group under group:default/engineering',
        },
        canEdit: true,
      });
      expect(byRef['component:default/ledger-service']).toMatchObject({
        current: 'group:default/billing-oncall',
        canEdit: false,
      });
      // A library the scorecards do not score, and another team's service: not listed.
      expect(byRef['component:default/payments-sdk']).toBeUndefined();
      expect(byRef['component:default/auth-service']).toBeUndefined();

      const technical = await onboarding(server, 'payments', 'technical');
      expect(
        technical.body.items.find(
          (i: any) => i.entityRef === 'component:default/fraud-scoring',
        ).suggestion,
      ).toEqual({ value: 'group:default/payments-risk', source: 'spec.owner' });
      const communication = await onboarding(
        server,
        'group:default/payments-risk',
        'communication',
      );
      expect(communication.body.items).toEqual([
        expect.objectContaining({
          entityRef: 'component:default/fraud-scoring',
          suggestion: {
            value: 'group:default/customer-support',
            source: 'customer-facing group under group:default/leadership',
          },
        }),
      ]);
    });

    it('refuses an unknown field or an owner that is not a group or user, naming it', async () => {
      const { server } = await start(databaseId);
      const field = await onboarding(server, 'payments', 'goLiveDate');
      expect(field.status).toBe(400);
      expect(field.body.error.message).toMatch(/field/);
      const owner = await onboarding(
        server,
        'component:default/payments-api',
        'incident',
      );
      expect(owner.status).toBe(400);
      expect(owner.body.error.message).toMatch(/^owner: /);
    });

    it('saves each entity as its own edit, reports failures per entity and tells each new owner once', async () => {
      const { server } = await start(databaseId, [
        'component:default/fraud-scoring',
        'component:default/invoice-generator',
        'component:default/loyalty-points',
      ]);
      const res = await request(server)
        .post(`${API}/ownership/bulk`)
        .send({
          field: 'incident',
          reason: 'Onboarding payments',
          items: [
            {
              entityRef: 'component:default/fraud-scoring',
              value: 'group:default/platform',
              version: 0,
            },
            // Not the caller's to edit.
            {
              entityRef: 'component:default/ledger-service',
              value: 'group:default/platform',
              version: 0,
            },
            // Stale version: someone else saved first.
            {
              entityRef: 'component:default/invoice-generator',
              value: 'group:default/platform',
              version: 4,
            },
            {
              entityRef: 'component:default/loyalty-points',
              value: 'group:default/platform',
              version: 0,
            },
            // No such owner: the one field is checked as in a single edit.
            {
              entityRef: 'component:default/invoice-generator',
              value: 'group:default/nobody',
              version: 0,
            },
          ],
        });
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: any) => i.ok && i.changed)).toEqual([
        true,
        false,
        false,
        true,
        false,
      ]);
      expect(res.body.items.map((i: any) => i.error?.name)).toEqual([
        undefined,
        'NotAllowedError',
        'ConflictError',
        undefined,
        'InputError',
      ]);
      expect(res.body.items[4].error.message).toMatch(/incident/);
      expect(res.body).toMatchObject({ changed: 2, failed: 3, notified: 1 });

      // One notice for the group named on two services.
      expect(ownershipNotices()).toHaveLength(1);
      expect(ownershipNotices()[0]).toMatchObject({
        recipients: {
          type: 'entity',
          entityRef: 'group:default/platform',
          excludeEntityRef: 'user:default/mock',
        },
        payload: {
          title: 'You are now incident owner of 2 services',
          description: expect.stringContaining(
            'fraud-scoring, loyalty-points: Onboarding payments',
          ),
        },
      });

      // Each a normal edit: stored, versioned, in the history with its reason.
      const fraud = await request(server).get(
        `${API}/entities/component/default/fraud-scoring/ownership`,
      );
      expect(fraud.body).toMatchObject({
        version: 1,
        effective: { incident: 'group:default/platform' },
        overridden: ['incident'],
      });
      expect(fraud.body.history[0]).toMatchObject({
        changedBy: 'user:default/mock',
        reason: 'Onboarding payments',
      });
      // And re-evaluated: its incident-owner check now passes.
      const result = await request(server).get(
        `${API}/entities/component/default/fraud-scoring`,
      );
      const checks = result.body.results.flatMap((r: any) => r.checks);
      expect(
        checks.find((c: any) => c.checkId === 'incident-owner').result,
      ).toBe('pass');
      const ledger = await request(server).get(
        `${API}/entities/component/default/ledger-service/ownership`,
      );
      expect(ledger.body.version).toBe(0);
    });

    it('tells nobody of a channel or runbook, and nothing when nothing changed', async () => {
      const { server } = await start(databaseId);
      const items = [
        {
          entityRef: 'component:default/fraud-scoring',
          value: 'slack:#payments-risk',
          version: 0,
        },
      ];
      const first = await request(server)
        .post(`${API}/ownership/bulk`)
        .send({ field: 'channel', items });
      expect(first.body).toMatchObject({ changed: 1, failed: 0, notified: 0 });
      const again = await request(server)
        .post(`${API}/ownership/bulk`)
        .send({ field: 'channel', items: [{ ...items[0], version: 1 }] });
      expect(again.body.items[0]).toMatchObject({ ok: true, changed: false });
      expect(ownershipNotices()).toHaveLength(0);
    });

    it('takes bulk edits from signed-in people only, and at most 200 entities', async () => {
      const { server } = await start(databaseId);
      const item = {
        entityRef: 'component:default/fraud-scoring',
        value: 'group:default/platform',
        version: 0,
      };
      const service = await request(server)
        .post(`${API}/ownership/bulk`)
        .set('Authorization', mockCredentials.service.header())
        .send({ field: 'incident', items: [item] });
      expect(service.status).toBe(403);
      const many = await request(server)
        .post(`${API}/ownership/bulk`)
        .send({ field: 'incident', items: Array(201).fill(item) });
      expect(many.status).toBe(400);
      expect(many.body.error.message).toMatch(/items/);
      const field = await request(server)
        .post(`${API}/ownership/bulk`)
        .send({ field: 'goLiveDate', items: [item] });
      expect(field.status).toBe(400);
      expect(field.body.error.message).toMatch(/field/);
      const fraud = await request(server).get(
        `${API}/entities/component/default/fraud-scoring/ownership`,
      );
      expect(fraud.body.version).toBe(0);
    });

    it('confirms the owners of one service: recorded per role, in the history, and the check passes', async () => {
      const { server } = await start(
        databaseId,
        undefined,
        confirmingScorecard(),
      );
      const url = `${API}/entities/component/default/payments-api`;
      const check = async () =>
        (await request(server).get(url)).body.results[0].checks[0];
      expect((await check()).result).toBe('fail');
      expect((await check()).message).toMatch(/never confirmed/);

      const res = await request(server)
        .post(`${url}/ownership/confirm`)
        .send({ roles: ['incident'], reason: 'Weekly ops review' });
      expect(res.status).toBe(200);
      expect(res.body.confirmations).toEqual({
        incident: {
          entityRef: 'component:default/payments-api',
          role: 'incident',
          ownerRef: 'group:default/sre-oncall',
          confirmedBy: 'user:default/mock',
          confirmedAt: expect.any(String),
          reason: 'Weekly ops review',
        },
      });
      expect(res.body.history[0]).toMatchObject({
        confirmed: ['incident'],
        reason: 'Weekly ops review',
      });
      // Nothing changed but the confirmation: no version to conflict with.
      expect(res.body.version).toBe(0);
      const passed = await check();
      expect(passed.result).toBe('pass');
      expect(passed.message).toMatch(/confirmed on \d{4}-\d{2}-\d{2} \(until/);

      // A new owner is confirmed by whoever names it; the old confirmation no longer shows.
      const renamed = await request(server)
        .put(`${url}/ownership`)
        .set('If-Match', '"0"')
        .send({ roles: { incident: 'group:default/platform' } });
      expect(renamed.body.confirmations.incident.ownerRef).toBe(
        'group:default/platform',
      );
      expect((await check()).result).toBe('pass');
    });

    it('refuses to confirm what is not set, and lets only those who may edit confirm', async () => {
      const { server } = await start(databaseId, [
        'component:default/payments-api',
      ]);
      const unset = await request(server)
        .post(
          `${API}/entities/component/default/fraud-scoring/ownership/confirm`,
        )
        .send({});
      // fraud-scoring is not editable here: refused before anything else.
      expect(unset.status).toBe(403);
      const { server: open } = await start(databaseId);
      const none = await request(open)
        .post(
          `${API}/entities/component/default/fraud-scoring/ownership/confirm`,
        )
        .send({});
      expect(none.status).toBe(400);
      expect(none.body.error.message).toMatch(/^roles: /);
      const freeText = await request(open)
        .post(
          `${API}/entities/component/default/invoice-generator/ownership/confirm`,
        )
        .send({ roles: ['technical'] });
      expect(freeText.status).toBe(400);
      expect(freeText.body.error.message).toMatch(/not a group or user/);
      const service = await request(open)
        .post(
          `${API}/entities/component/default/payments-api/ownership/confirm`,
        )
        .set('Authorization', mockCredentials.service.header())
        .send({});
      expect(service.status).toBe(403);
    });

    it('confirms every role a group holds in one request, and reports each service it may not confirm', async () => {
      const { server } = await start(databaseId, [
        'component:default/payments-api',
        'component:default/checkout-web',
        'component:default/invoice-generator',
        'component:default/status-page',
        'component:default/metrics-gateway',
      ]);
      const res = await request(server)
        .post(`${API}/ownership/confirm`)
        .send({ owner: 'sre-oncall', reason: 'Quarterly review' });
      expect(res.status).toBe(200);
      expect(res.body.owner).toBe('group:default/sre-oncall');
      const byRef = Object.fromEntries(
        res.body.items.map((i: any) => [i.entityRef, i]),
      );
      expect(byRef['component:default/payments-api']).toEqual({
        entityRef: 'component:default/payments-api',
        ok: true,
        roles: ['incident'],
      });
      // Not the caller's to confirm: reported, and the others are confirmed.
      const refused = res.body.items.filter((i: any) => !i.ok);
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) expect(r.error.name).toBe('NotAllowedError');
      expect(res.body.confirmed).toBe(res.body.items.length - refused.length);
      expect(res.body.confirmed).toBeGreaterThanOrEqual(3);
      // Only where the group holds a role: ledger-service's incident owner is another group.
      expect(byRef['component:default/ledger-service']).toBeUndefined();
      const ownership = await request(server).get(
        `${API}/entities/component/default/checkout-web/ownership`,
      );
      expect(ownership.body.confirmations.incident).toMatchObject({
        ownerRef: 'group:default/sre-oncall',
        reason: 'Quarterly review',
      });
      const bad = await request(server)
        .post(`${API}/ownership/confirm`)
        .send({ owner: 'component:default/payments-api' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/^owner: /);
    });
  },
);

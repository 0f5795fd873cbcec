import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  notificationService,
  NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import { EventParams, eventsServiceRef } from '@backstage/plugin-events-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { overlayOwnership } from '@readiness/backstage-plugin-readiness-common';
import request from 'supertest';
import { startReadinessBackend } from '../__testUtils__/testBackend';
import { spiedCatalog } from '../__testUtils__/spiedCatalog';
import { exampleEntities } from '../__testUtils__/testUtils';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const URL =
  '/api/readiness/entities/component/default/ledger-service/ownership';

const published: EventParams[] = [];
const events = createServiceFactory({
  service: eventsServiceRef,
  deps: {},
  factory: () => ({
    publish: async (e: EventParams) => {
      published.push(e);
    },
    subscribe: async () => {},
  }),
});
const allSent: NotificationSendOptions[] = [];
/** Ownership notices only (status changes are notified too). */
const sent = {
  get length() {
    return allSent.filter(n => n.payload.topic === 'readiness-ownership')
      .length;
  },
  set length(n: number) {
    allSent.length = n;
  },
};
const notifications = createServiceFactory({
  service: notificationService,
  deps: {},
  factory: () => ({
    send: async (n: NotificationSendOptions) => {
      allSent.push(n);
    },
  }),
});

async function start(
  options: {
    databaseId?: Parameters<typeof databases.init>[0];
    /** Entities the caller may edit; every entity when not given. */
    editable?: string[];
  } = {},
) {
  sent.length = 0;
  published.length = 0;
  const catalog = spiedCatalog(exampleEntities());
  const { server } = await startReadinessBackend({
    databases,
    databaseId: options.databaseId,
    catalog,
    authorize: r =>
      r.permission.name === 'readiness.ownership.update' &&
      options.editable &&
      !options.editable.includes(r.resourceRef!)
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    waitForEvaluation: false,
    features: [notifications, events],
  });
  return { server, catalog };
}

describe.each(databases.eachSupportedId())(
  'ownership routes on %s',
  databaseId => {
    it('reads, saves with If-Match, re-evaluates and logs the change', async () => {
      const { server, catalog } = await start({ databaseId });
      const read = await request(server).get(URL);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"0"');
      expect(read.body).toMatchObject({
        version: 0,
        canEdit: true,
        effective: {
          incident: 'group:default/billing-oncall',
          technical: 'group:default/payments',
        },
        differsFromCatalog: false,
      });

      const roles = {
        ...read.body.effective,
        incident: 'group:default/sre-oncall',
      };
      const saved = await request(server)
        .put(URL)
        .set('If-Match', '"0"')
        .send({ roles, reason: 'billing-oncall does not exist' });
      expect(saved.status).toBe(200);
      expect(saved.headers.etag).toBe('"1"');
      expect(saved.body).toMatchObject({
        version: 1,
        effective: {
          incident: 'group:default/sre-oncall',
          technical: 'group:default/payments',
        },
        differsFromCatalog: true,
        updatedBy: mockCredentials.user().principal.userEntityRef,
      });
      expect(saved.body.history[0]).toMatchObject({
        reason: 'billing-oncall does not exist',
        // The first edit is compared with the file as it was.
        oldRoles: { incident: 'group:default/billing-oncall' },
        newRoles: { incident: 'group:default/sre-oncall' },
      });

      // The catalog catches up (the module overlays the edit): the file's
      // values still show as "catalog", and the edit still differs from them.
      const read2 = (
        catalog.getEntityByRef as jest.Mock
      ).getMockImplementation()!;
      (catalog.getEntityByRef as jest.Mock).mockImplementation(
        async (ref: any, opts: any) => {
          const e = await read2(ref, opts);
          return e && e.metadata.name === 'ledger-service'
            ? {
                ...e,
                metadata: {
                  ...e.metadata,
                  annotations: overlayOwnership(e.metadata.annotations, roles),
                },
              }
            : e;
        },
      );
      const readMany = (
        catalog.getEntitiesByRefs as jest.Mock
      ).getMockImplementation()!;
      (catalog.getEntitiesByRefs as jest.Mock).mockImplementation(
        async (req: any, opts: any) => {
          const res = await readMany(req, opts);
          return {
            items: res.items.map((e: any) =>
              e && e.metadata.name === 'ledger-service'
                ? {
                    ...e,
                    metadata: {
                      ...e.metadata,
                      annotations: overlayOwnership(
                        e.metadata.annotations,
                        roles,
                      ),
                    },
                  }
                : e,
            ),
          };
        },
      );
      const caughtUp = await request(server).get(URL);
      expect(caughtUp.body).toMatchObject({
        catalog: { incident: 'group:default/billing-oncall' },
        effective: { incident: 'group:default/sre-oncall' },
        differsFromCatalog: true,
      });
      expect(caughtUp.body.history).toHaveLength(1);
      expect(catalog.refreshEntity).toHaveBeenCalledWith(
        'component:default/ledger-service',
        expect.anything(),
      );
      // The catalog module hears of the edit (and drops its cached edits).
      expect(published).toContainEqual({
        topic: 'readiness.ownership-changed',
        eventPayload: { entityRef: 'component:default/ledger-service' },
      });

      // The edit counts at once: the incident-owner check passes, nothing else blocks.
      const results = await request(server).get(
        '/api/readiness/entities/component/default/ledger-service',
      );
      expect(
        results.body.results[0].checks.find(
          (c: any) => c.checkId === 'incident-owner',
        ).result,
      ).toBe('pass');
      expect(results.body.results[0].status).toBe('ready');

      // A stale version is refused, and the stored edit stays.
      const stale = await request(server)
        .put(URL)
        .set('If-Match', '"0"')
        .send({ roles: { ...roles, incident: 'group:default/payments' } });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toContain('reload to see their values');
      expect((await request(server).get(URL)).body.effective.incident).toBe(
        'group:default/sre-oncall',
      );

      // Back to the file while the catalog still has the edit overlaid: the
      // results follow the file at once, not when the catalog catches up.
      const reverted = await request(server)
        .post(`${URL}/revert`)
        .set('If-Match', '"1"')
        .send({ fields: ['incident'] });
      expect(reverted.body.effective.incident).toBe(
        'group:default/billing-oncall',
      );
      const after = await request(server).get(
        '/api/readiness/entities/component/default/ledger-service',
      );
      expect(
        after.body.results[0].checks.find(
          (c: any) => c.checkId === 'incident-owner',
        ).result,
      ).toBe('fail');
      expect(after.body.results[0].status).toBe('blocked');
    });

    it('answers 400 naming every bad field, and 428 without If-Match', async () => {
      const { server } = await start({ databaseId });
      const put = (roles: object, ifMatch = '0') =>
        request(server).put(URL).set('If-Match', ifMatch).send({ roles });
      const malformed = await put({ incident: 'Payments Team (ask Liam)' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toMatch(
        /^roles\.incident: "Payments Team \(ask Liam\)" is not a group or user name: names use letters/,
      );
      expect(
        (await put({ technical: 'group:ghosts' })).body.error.message,
      ).toBe(
        'roles.technical: group:default/ghosts does not exist in the catalog',
      );
      expect(
        (await put({ incident: 'component:payments-api' })).body.error.message,
      ).toContain('an owner must be a group or a user');
      expect(
        (await put({ channel: 'the kitchen' })).body.error.message,
      ).toMatch(/^roles\.channel:/);
      expect((await put({ runbook: 'ftp://x' })).body.error.message).toMatch(
        /^roles\.runbook:/,
      );
      // Every bad field at once, each named, so a form can show each under its field.
      const two = await put({ channel: 'the kitchen', runbook: 'ftp://x' });
      expect(two.body.error.message).toMatch(
        /^roles\.channel: "the kitchen" is not a channel.*; roles\.runbook: "ftp:\/\/x" is not an http\(s\) URL$/,
      );
      const noIfMatch = await request(server)
        .put(URL)
        .send({ roles: { channel: 'slack:#x' } });
      expect(noIfMatch.status).toBe(428);
      expect(noIfMatch.body.error.message).toMatch(/^If-Match: required/);
      const noIfMatchRevert = await request(server)
        .post(`${URL}/revert`)
        .send({});
      expect(noIfMatchRevert.status).toBe(428);
      expect((await request(server).get(URL)).body.version).toBe(0);
    });

    it('keeps an untouched invalid value, stores nothing for a no-op, and reverts to the file per field', async () => {
      const { server } = await start({ databaseId });
      const read = (await request(server).get(URL)).body;
      // The file names an incident owner that does not exist: flagged, not blocking.
      expect(read.problems).toEqual({
        incident: 'group:default/billing-oncall does not exist in the catalog',
      });
      const put = (roles: object, version: number, extra: object = {}) =>
        request(server)
          .put(URL)
          .set('If-Match', `"${version}"`)
          .send({ roles, ...extra });

      // The whole form back unchanged: nothing stored, nothing logged.
      const noop = await put(read.effective, 0);
      expect(noop.status).toBe(200);
      expect(noop.body).toMatchObject({ version: 0, history: [] });

      // Only the channel changes; the invalid incident owner stays as it is.
      const channel = await put(
        { ...read.effective, channel: 'slack:#ledger-incidents' },
        0,
      );
      expect(channel.status).toBe(200);
      expect(channel.body).toMatchObject({
        version: 1,
        overridden: ['channel'],
        edited: { channel: 'slack:#ledger-incidents' },
        effective: {
          incident: 'group:default/billing-oncall',
          channel: 'slack:#ledger-incidents',
        },
      });
      expect(channel.body.problems.incident).toContain('does not exist');
      const runbook = await put({ runbook: '' }, 1);
      expect(runbook.body.overridden).toEqual(['channel', 'runbook']);
      expect(runbook.body.effective.runbook).toBeUndefined();

      // The channel typed back to the file's value is no edit any more:
      // a later change of catalog-info.yaml shows through again.
      const typedBack = await put({ channel: read.catalog.channel ?? '' }, 2);
      expect(typedBack.status).toBe(200);
      expect(typedBack.body).toMatchObject({
        version: 3,
        overridden: ['runbook'],
      });
      expect(typedBack.body.edited.channel).toBeUndefined();
      const again = await put({ channel: 'slack:#ledger-incidents' }, 3);
      expect(again.body.overridden).toEqual(['channel', 'runbook']);

      // Back to the file for one field, then for all; both in the history.
      const one = await request(server)
        .post(`${URL}/revert`)
        .set('If-Match', '"4"')
        .send({ fields: ['runbook'] });
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ version: 5, overridden: ['channel'] });
      expect(one.body.effective.runbook).toBe(read.catalog.runbook);
      const stale = await request(server)
        .post(`${URL}/revert`)
        .set('If-Match', '"4"')
        .send({});
      expect(stale.status).toBe(409);
      const all = await request(server)
        .post(`${URL}/revert`)
        .set('If-Match', '"5"')
        .send({});
      expect(all.body).toMatchObject({
        version: 6,
        overridden: [],
        differsFromCatalog: false,
        effective: read.effective,
      });
      expect(all.body.history.map((h: any) => h.reason)).toEqual([
        'Use catalog-info.yaml again for channel',
        'Use catalog-info.yaml again for runbook',
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      const bad = await request(server)
        .post(`${URL}/revert`)
        .set('If-Match', '"6"')
        .send({ fields: ['owner'] });
      expect(bad.status).toBe(400);
    });

    it('says when catalog-info.yaml changed since an edit, and lets the edit be kept', async () => {
      const { server, catalog } = await start({ databaseId });
      const saved = await request(server)
        .put(URL)
        .set('If-Match', '"0"')
        .send({ roles: { incident: 'group:default/sre-oncall' } });
      expect(saved.body.fileChanged).toEqual([]);
      // Someone fixes the file differently.
      const read = (
        catalog.getEntityByRef as jest.Mock
      ).getMockImplementation()!;
      (catalog.getEntityByRef as jest.Mock).mockImplementation(
        async (ref: any, opts: any) => {
          const e = await read(ref, opts);
          return e && e.metadata.name === 'ledger-service'
            ? {
                ...e,
                metadata: {
                  ...e.metadata,
                  annotations: {
                    ...e.metadata.annotations,
                    'readiness/incident-owner': 'group:default/payments',
                  },
                },
              }
            : e;
        },
      );
      const now = (await request(server).get(URL)).body;
      expect(now).toMatchObject({
        fileChanged: ['incident'],
        catalog: { incident: 'group:default/payments' },
        effective: { incident: 'group:default/sre-oncall' },
      });
      const kept = await request(server)
        .put(URL)
        .set('If-Match', '"1"')
        .send({ roles: now.effective, keep: ['incident'] });
      expect(kept.body).toMatchObject({
        version: 2,
        fileChanged: [],
        overridden: ['incident'],
        effective: { incident: 'group:default/sre-oncall' },
      });
    });

    it('decides readiness.ownership.update per entity, on GET and on PUT', async () => {
      const { server } = await start({
        databaseId,
        editable: ['component:default/ledger-service'],
      });
      const other =
        '/api/readiness/entities/component/default/payments-api/ownership';
      expect((await request(server).get(URL)).body.canEdit).toBe(true);
      expect((await request(server).get(other)).body.canEdit).toBe(false);
      const res = await request(server)
        .put(other)
        .set('If-Match', '0')
        .send({ roles: { incident: 'group:default/sre-oncall' } });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain(
        'only its owners and admins may',
      );
      expect((await request(server).get(other)).body.version).toBe(0);
      const mine = await request(server)
        .put(URL)
        .set('If-Match', '0')
        .send({ roles: { incident: 'group:default/sre-oncall' } });
      expect(mine.status).toBe(200);
    });

    it('says whether the stored edit differs from catalog-info.yaml', async () => {
      const { server } = await start({ databaseId });
      const api =
        '/api/readiness/entities/component/default/payments-api/ownership';
      const read = (await request(server).get(api)).body;
      expect(read.catalog.incident).toBe('group:default/sre-oncall');
      // The catalog's own values, written in shorthand: no difference.
      const same = await request(server)
        .put(api)
        .set('If-Match', '0')
        .send({
          roles: {
            ...read.catalog,
            incident: 'sre-oncall',
            technical: 'group:payments',
          },
        });
      expect(same.status).toBe(200);
      expect(same.body).toMatchObject({
        differsFromCatalog: false,
        version: 0,
      });
      const changed = await request(server)
        .put(api)
        .set('If-Match', '0')
        .send({
          roles: { ...read.catalog, runbook: 'https://example.com/rb' },
        });
      expect(changed.body.differsFromCatalog).toBe(true);
    });

    it('lets one of two simultaneous saves of the same version win', async () => {
      const { server } = await start({ databaseId });
      const save = (incident: string) =>
        request(server)
          .put(URL)
          .set('If-Match', '"0"')
          .send({ roles: { incident } });
      const results = await Promise.all([
        save('group:default/sre-oncall'),
        save('group:default/payments'),
      ]);
      expect(results.map(r => r.status).sort()).toEqual([200, 409]);
      const winner = results.find(r => r.status === 200)!.body.effective;
      const now = (await request(server).get(URL)).body;
      expect(now.version).toBe(1);
      expect(now.effective.incident).toBe(winner.incident);
      expect(now.history).toHaveLength(1);
    });

    it('tells newly named owners once, and says who named them', async () => {
      const { server } = await start({ databaseId });
      const put = (roles: object, version: number, reason?: string) =>
        request(server)
          .put(URL)
          .set('If-Match', `"${version}"`)
          .send({ roles, reason });
      await put(
        {
          incident: 'group:default/sre-oncall',
          channel: 'slack:#ledger-incidents',
        },
        0,
        'billing-oncall does not exist',
      );
      // Only the role that changed owner is told; the channel is nobody's news.
      expect(
        allSent.filter(n => n.payload.topic === 'readiness-ownership'),
      ).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: 'group:default/sre-oncall',
            excludeEntityRef: mockCredentials.user().principal.userEntityRef,
          },
          payload: expect.objectContaining({
            title: 'You are now incident owner of ledger-service',
            link: '/catalog/default/component/ledger-service/readiness',
            scope:
              'readiness-ownership:component:default/ledger-service:incident:group:default/sre-oncall',
            severity: 'high',
          }),
        },
      ]);
      // Saving other fields again tells nobody.
      await put({ runbook: 'https://wiki.acme.example/ledger' }, 1);
      expect(sent.length).toBe(1);

      const named = await request(server).get(
        '/api/readiness/ownership/named?owner=sre-oncall',
      );
      expect(named.status).toBe(200);
      expect(named.body.items).toEqual([
        {
          entityRef: 'component:default/ledger-service',
          role: 'incident',
          namedBy: mockCredentials.user().principal.userEntityRef,
          namedAt: expect.any(String),
          reason: 'billing-oncall does not exist',
        },
      ]);
      expect(
        (
          await request(server).get(
            '/api/readiness/ownership/named?owner=payments',
          )
        ).body.items,
      ).toEqual([]);
      const bad = await request(server).get(
        `/api/readiness/ownership/named?owner=${encodeURIComponent(
          'component:ledger-service',
        )}`,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('owner:');
    });

    it('lists edits for the catalog module, to services only', async () => {
      const { server } = await start({ databaseId });
      await request(server)
        .put(URL)
        .set('If-Match', '0')
        .send({ roles: { incident: 'group:default/sre-oncall' } });
      expect(
        (await request(server).get('/api/readiness/ownership')).status,
      ).toBe(403);
      const res = await request(server)
        .get('/api/readiness/ownership')
        .set('Authorization', mockCredentials.service.header());
      expect(res.body.items).toEqual([
        {
          entityRef: 'component:default/ledger-service',
          version: 1,
          roles: { incident: 'group:default/sre-oncall' },
        },
      ]);
    });
  },
);

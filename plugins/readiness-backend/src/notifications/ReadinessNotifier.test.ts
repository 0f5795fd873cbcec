import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { applyDatabaseMigrations } from '../platform/database/migrations';
import { storesFor } from '../stores';
import { ReadinessNotifier } from './ReadinessNotifier';
import { scanForNotifications } from './scanForNotifications';

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const REF = 'component:default/status-page';
const OWNERS = {
  owner: 'group:default/platform',
  incident: 'group:default/sre-oncall',
  technical: 'group:default/platform',
  communication: 'group:default/customer-support',
};

async function setup(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await applyDatabaseMigrations(knex);
  const stores = storesFor(knex);
  const sent: NotificationSendOptions[] = [];
  let now = new Date('2026-11-30T10:00:00Z');
  let failNext = false;
  const owners: Record<string, Record<string, string>> = { [REF]: OWNERS };
  const notifier = new ReadinessNotifier({
    notifications: {
      send: async n => {
        if (failNext) {
          failNext = false;
          throw new Error('notifications backend is down');
        }
        sent.push(n);
      },
    },
    log: stores.notificationLog,
    owners: async ref => owners[ref],
    logger: mockServices.logger.mock(),
    now: () => now,
  });
  return {
    knex,
    stores,
    sent,
    notifier,
    owners,
    setNow: (d: string) => {
      now = new Date(d);
    },
    failOnce: () => {
      failNext = true;
    },
  };
}

const change = (from: any, to: any) => ({
  entityRef: REF,
  scorecard: 'production',
  from,
  to,
});

describe('ReadinessNotifier', () => {
  it.each(databases.eachSupportedId())(
    'tells the three owners of a status change once a day per status, on %p',
    async databaseId => {
      const { sent, notifier, setNow, failOnce } = await setup(databaseId);
      expect(await notifier.statusChanged([change('ready', 'blocked')])).toBe(
        1,
      );
      expect(sent[0]).toMatchObject({
        recipients: {
          type: 'entity',
          entityRef: [
            'group:default/sre-oncall',
            'group:default/platform',
            'group:default/customer-support',
          ],
        },
        payload: {
          title: 'status-page is now Blocked',
          link: '/catalog/default/component/status-page/readiness',
          topic: 'readiness-status',
          scope: `readiness-status:${REF}:production`,
          severity: 'high',
        },
      });
      // The same status again is not news.
      expect(
        await notifier.statusChanged([change('needs-work', 'blocked')]),
      ).toBe(0);
      // Flapping: each change is told (the inbox ends on the current status),
      // five a day at most.
      for (const to of ['ready', 'blocked', 'ready', 'blocked'])
        expect(
          await notifier.statusChanged([
            change(to === 'ready' ? 'blocked' : 'ready', to),
          ]),
        ).toBe(1);
      expect(sent).toHaveLength(5);
      expect(await notifier.statusChanged([change('blocked', 'ready')])).toBe(
        0,
      );
      // The next day it may be told again.
      setNow('2026-12-01T10:00:01Z');
      expect(await notifier.statusChanged([change('blocked', 'ready')])).toBe(
        1,
      );
      expect(sent.at(-1)!.payload.title).toBe('status-page is now Ready');
      // A failed send is not lost: the next change tells it.
      failOnce();
      expect(await notifier.statusChanged([change('ready', 'blocked')])).toBe(
        0,
      );
      expect(await notifier.statusChanged([change('ready', 'blocked')])).toBe(
        1,
      );
      expect(sent).toHaveLength(7);
    },
  );

  it.each(databases.eachSupportedId())(
    'tells the owners and the role groups once when the go-live date comes without a launch decision, on %p',
    async databaseId => {
      const { stores, sent, notifier } = await setup(databaseId);
      await stores.evaluationState.saveStates([
        {
          entityRef: REF,
          inputHash: 'h',
          evaluatedVersion: 0,
          owners: { ...OWNERS, goLiveDate: '2026-12-01' },
        },
      ]);
      let decision = {
        decision: 'awaiting-sign-off',
        short: 'Awaiting sign-off (3 of 5)',
      };
      let date = '2026-12-01';
      const standing = async () => ({
        goLiveDate: date,
        decision,
        roleMembers: ['user:default/maria.okafor', 'user:default/noah.mensah'],
      });
      const scan = (at: string) =>
        scanForNotifications(stores, notifier, new Date(at), standing);
      // The day before: nothing yet.
      expect((await scan('2026-11-30T10:00:00Z')).overdue).toBe(0);
      // The day itself: owners and the role groups' members, once.
      expect((await scan('2026-12-01T08:00:00Z')).overdue).toBe(1);
      expect((await scan('2026-12-01T09:00:00Z')).overdue).toBe(0);
      expect((await scan('2026-12-03T09:00:00Z')).overdue).toBe(0);
      const told = sent.filter(n =>
        n.payload.title.includes('without a launch decision'),
      );
      expect(told).toEqual([
        expect.objectContaining({
          recipients: {
            type: 'entity',
            entityRef: [
              'group:default/sre-oncall',
              'group:default/platform',
              'group:default/customer-support',
              'user:default/maria.okafor',
              'user:default/noah.mensah',
            ],
          },
          payload: expect.objectContaining({
            title:
              'status-page reached its go-live date 2026-12-01 without a launch decision',
            description: expect.stringContaining('Awaiting sign-off (3 of 5)'),
          }),
        }),
      ]);
      // A service that launches is not told; nor after its first week.
      decision = { decision: 'launch', short: 'Launch' };
      date = '2026-12-02';
      await stores.evaluationState.saveStates([
        {
          entityRef: REF,
          inputHash: 'h',
          evaluatedVersion: 0,
          owners: { ...OWNERS, goLiveDate: '2026-12-02' },
        },
      ]);
      expect((await scan('2026-12-02T09:00:00Z')).overdue).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'tells again of a renewed attestation or exemption before it runs out, on %p',
    async databaseId => {
      const { stores, sent, notifier } = await setup(databaseId);
      const attest = (attestedAt: string, expiresAt: string) =>
        stores.evidence.addAttestation(REF, {
          checkId: 'alert-thresholds',
          attestedBy: 'user:default/aiko.tanaka',
          attestedAt,
          expiresAt,
        });
      const exempt = (expiresAt: string) =>
        stores.evidence.addExemption(
          REF,
          {
            checkId: 'load-test-p95',
            reason: 'Load test rig rebuilt',
            approvedBy: 'user:default/maria.okafor',
            expiresAt,
          },
          {
            createdAt: '2026-11-01T00:00:00Z',
            requestedBy: 'user:default/liam.byrne',
          },
        );
      await attest('2026-06-01T00:00:00Z', '2026-12-04T00:00:00Z');
      await exempt('2026-12-05T00:00:00Z');
      const scan = (at: string) =>
        scanForNotifications(stores, notifier, new Date(at));
      expect((await scan('2026-11-30T10:00:00Z')).expiring).toBe(2);
      // Renewed: each runs out again a month later, and is told again then.
      await attest('2026-12-03T00:00:00Z', '2027-01-03T00:00:00Z');
      await exempt('2027-01-04T00:00:00Z');
      expect((await scan('2026-12-03T10:00:00Z')).expiring).toBe(0);
      expect((await scan('2026-12-30T10:00:00Z')).expiring).toBe(2);
      expect(
        sent
          .map(n => n.payload.title)
          .filter(t => /runs out/.test(t))
          .sort(),
      ).toEqual([
        'status-page: the attestation of alert-thresholds runs out on 2026-12-04',
        'status-page: the attestation of alert-thresholds runs out on 2027-01-03',
        'status-page: the exemption of load-test-p95 runs out on 2026-12-05',
        'status-page: the exemption of load-test-p95 runs out on 2027-01-04',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'tells once of evidence running out within a week and of each missed daily check, on %p',
    async databaseId => {
      const { stores, sent, notifier, setNow } = await setup(databaseId);
      await stores.evidence.addAttestation(REF, {
        checkId: 'alert-thresholds',
        attestedBy: 'user:default/aiko.tanaka',
        attestedAt: '2026-06-01T00:00:00Z',
        expiresAt: '2026-12-04T00:00:00Z',
      });
      await stores.evidence.addAttestation(REF, {
        checkId: 'support-ready',
        attestedBy: 'user:default/aiko.tanaka',
        attestedAt: '2026-06-01T00:00:00Z',
        expiresAt: '2027-03-01T00:00:00Z', // not within a week
      });
      // Went live 2026-11-27: T+1 checked, T+2 missed, T+3 is today.
      await stores.evaluationState.saveStates([
        {
          entityRef: REF,
          inputHash: 'h',
          evaluatedVersion: 0,
          owners: { ...OWNERS, goLiveDate: '2026-11-27' },
        },
      ]);
      await stores.goLive.addDailyCheck(REF, {
        day: '2026-11-28',
        items: {} as any,
        checkedBy: 'user:default/aiko.tanaka',
        checkedAt: '2026-11-28T09:00:00Z',
      });
      const now = new Date('2026-11-30T10:00:00Z');
      expect(await scanForNotifications(stores, notifier, now)).toEqual({
        expiring: 1,
        missed: 1,
        overdue: 0,
        confirmations: 0,
        reminders: 0,
        digests: 0,
      });
      expect(sent.map(n => n.payload.title)).toEqual([
        'status-page: the attestation of alert-thresholds runs out on 2026-12-04',
        'status-page: the daily check of 2026-11-29 was missed',
      ]);
      expect(await scanForNotifications(stores, notifier, now)).toEqual({
        confirmations: 0,
        reminders: 0,
        digests: 0,
        expiring: 0,
        missed: 0,
        overdue: 0,
      });
      // The next day another day is missed; the first is not repeated.
      setNow('2026-12-01T10:00:00Z');
      expect(
        await scanForNotifications(
          stores,
          notifier,
          new Date('2026-12-01T10:00:00Z'),
        ),
      ).toEqual({
        expiring: 0,
        missed: 1,
        overdue: 0,
        confirmations: 0,
        reminders: 0,
        digests: 0,
      });
      expect(sent.at(-1)!.payload.title).toBe(
        'status-page: the daily check of 2026-11-30 was missed',
      );
    },
  );

  it.each(databases.eachSupportedId())(
    "asks a role's members for sign-off, else the owners, never the requester; once a day, on %p",
    async databaseId => {
      const { sent, notifier, owners } = await setup(databaseId);
      const roles = [
        {
          id: 'security',
          title: 'Security team',
          group: 'group:default/security',
          members: ['user:default/noah.mensah'],
        },
        { id: 'operations', title: 'Operations team' },
      ];
      expect(
        await notifier.signoffRequested(
          REF,
          roles,
          'user:default/guest',
          '2026-12-01',
        ),
      ).toBe(2);
      expect(sent.map(n => n.recipients)).toEqual([
        {
          type: 'entity',
          entityRef: ['user:default/noah.mensah'],
          excludeEntityRef: 'user:default/guest',
        },
        {
          type: 'entity',
          entityRef: [
            'group:default/sre-oncall',
            'group:default/platform',
            'group:default/customer-support',
          ],
          excludeEntityRef: 'user:default/guest',
        },
      ]);
      expect(
        await notifier.signoffRequested(REF, roles, 'user:default/guest'),
      ).toBe(0);
      // Nobody to tell: nothing is sent, and nothing is marked as sent.
      owners['component:default/orphan'] = {};
      expect(
        await notifier.signoffRequested(
          'component:default/orphan',
          [roles[1]],
          'user:default/guest',
        ),
      ).toBe(0);
      owners['component:default/orphan'] = { owner: 'group:default/payments' };
      expect(
        await notifier.signoffRequested(
          'component:default/orphan',
          [roles[1]],
          'user:default/guest',
        ),
      ).toBe(1);
      expect(sent.at(-1)!.recipients).toEqual({
        type: 'entity',
        entityRef: ['group:default/payments'],
        excludeEntityRef: 'user:default/guest',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    "tells a role's owner once that its confirmation runs out, on two replicas, and never an earlier owner, on %p",
    async databaseId => {
      const { stores, sent, notifier, owners, setNow } = await setup(
        databaseId,
      );
      // A second replica: its own notifier, the same database.
      const other = new ReadinessNotifier({
        notifications: { send: async n => void sent.push(n) },
        log: stores.notificationLog,
        owners: async ref => owners[ref],
        logger: mockServices.logger.mock(),
      });
      const DAY = 86_400_000;
      await stores.ownership.confirm(
        REF,
        {
          incident: 'group:default/sre-oncall',
          // An earlier owner: platform no longer holds the communication role.
          communication: 'group:default/platform',
        },
        { by: 'user:default/ann', at: '2026-09-01T10:00:00.000Z' },
      );
      const periods = { incident: 90 * DAY, communication: 90 * DAY };
      // 2026-09-01 + 90 days = 2026-11-30: more than a week away on 2026-11-20.
      setNow('2026-11-20T10:00:00Z');
      expect(
        (
          await scanForNotifications(
            stores,
            notifier,
            new Date('2026-11-20T10:00:00Z'),
            undefined,
            periods,
          )
        ).confirmations,
      ).toBe(0);
      const at = new Date('2026-11-25T10:00:00Z');
      const [a, b] = await Promise.all([
        scanForNotifications(stores, notifier, at, undefined, periods),
        scanForNotifications(stores, other, at, undefined, periods),
      ]);
      expect(a.confirmations + b.confirmations).toBe(1);
      const notices = sent.filter(
        n => n.payload.topic === 'readiness-ownership',
      );
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: ['group:default/sre-oncall'] },
        payload: {
          title:
            'status-page: confirm that group:default/sre-oncall is still its incident owner by 2026-11-30',
        },
      });
      // Without a scorecard asking, nothing is due.
      expect(
        (
          await scanForNotifications(
            stores,
            notifier,
            new Date('2026-12-20T10:00:00Z'),
          )
        ).confirmations,
      ).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'reminds each owner of open initiative work at most once a day, weekly and daily near the deadline, on two replicas, on %p',
    async databaseId => {
      const { stores, sent, notifier, owners } = await setup(databaseId);
      const other = new ReadinessNotifier({
        notifications: { send: async n => void sent.push(n) },
        log: stores.notificationLog,
        owners: async ref => owners[ref],
        logger: mockServices.logger.mock(),
      });
      const initiative = (id: string, deadline: string, open: string[]) =>
        ({
          id,
          title: `Initiative ${id}`,
          state: 'active',
          startsOn: '2026-11-01',
          deadline,
          open: open.map(ref => ({
            entityRef: ref,
            owner: 'group:default/payments',
            missing: [],
          })),
        } as any);
      const both = async () => [
        initiative('1', '2026-12-31', ['component:default/ledger-service']),
        initiative('2', '2026-12-10', [
          'component:default/fraud-scoring',
          'component:default/invoice-generator',
        ]),
      ];
      const scan = (day: string, n: ReadinessNotifier) =>
        scanForNotifications(
          stores,
          n,
          new Date(`${day}T10:00:00Z`),
          undefined,
          {},
          both,
        );
      const reminders = () =>
        sent.filter(x => x.payload.topic === 'readiness-initiative');
      // 2026-12-06: initiative 1's weekly day (five weeks from the start),
      // and initiative 2 in its last week: one reminder for both.
      const [a, b] = await Promise.all([
        scan('2026-12-06', notifier),
        scan('2026-12-06', other),
      ]);
      expect(a.reminders + b.reminders).toBe(1);
      expect(reminders()).toHaveLength(1);
      expect(reminders()[0]).toMatchObject({
        recipients: { entityRef: ['group:default/payments'] },
        payload: {
          title:
            '2 initiatives: 3 of your services still open, the first due 2026-12-10',
        },
      });
      // The same day again: nothing more.
      expect((await scan('2026-12-06', notifier)).reminders).toBe(0);
      // 2026-12-04: only initiative 2 reminds.
      expect((await scan('2026-12-04', notifier)).reminders).toBe(1);
      expect(reminders()[1].payload.title).toBe(
        'Initiative 2: 2 of your services still open, due 2026-12-10',
      );
      // 2026-11-20: neither near its deadline, nor a week from the start.
      expect((await scan('2026-11-20', notifier)).reminders).toBe(0);
      // 2026-11-22: three weeks from the start: the weekly reminder.
      expect((await scan('2026-11-22', notifier)).reminders).toBe(1);
      expect(reminders()).toHaveLength(3);
    },
  );
});

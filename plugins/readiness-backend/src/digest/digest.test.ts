import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { applyDatabaseMigrations } from '../platform/database/migrations';
import { storesFor } from '../stores';
import { ReadinessNotifier } from '../notifications/ReadinessNotifier';
import { scanForNotifications } from '../notifications/scanForNotifications';
import { composeDigests, DigestResult, DigestSources } from './composeDigests';
import { readDigestConfig } from './digestConfig';
import { digestDue } from './digestSchedule';
import { digestMessage } from './digestText';

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const PAYMENTS = 'group:default/payments';
const PLATFORM = 'group:default/platform';
const SECURITY = 'group:default/security';
const ref = (name: string) => `component:default/${name}`;
const result = (
  name: string,
  owner: string,
  status: DigestResult['status'],
  failing: string[] = [],
): DigestResult => ({
  entityRef: ref(name),
  scorecard: 'production',
  owner,
  status,
  score: status === 'ready' ? 100 : 40,
  failingChecks: failing,
});

/** A week of an organisation: payments has work, platform is all quiet. */
function sources(overrides: Partial<DigestSources> = {}): DigestSources {
  return {
    results: async function* results() {
      yield [
        result('ledger', PAYMENTS, 'blocked', ['runbook', 'on-call']),
        result('checkout', PAYMENTS, 'ready'),
        result('invoices', PAYMENTS, 'needs-work', ['slo']),
      ];
      yield [result('status-page', PLATFORM, 'ready')];
    },
    statusesOn: async () => [
      { entityRef: ref('ledger'), scorecard: 'production', status: 'blocked' },
      {
        entityRef: ref('checkout'),
        scorecard: 'production',
        status: 'needs-work',
      },
      {
        entityRef: ref('status-page'),
        scorecard: 'production',
        status: 'ready',
      },
    ],
    expiring: async () => [
      {
        entityRef: ref('checkout'),
        checkId: 'rollback-rehearsed',
        kind: 'attestation',
        expiresAt: '2026-12-10T00:00:00.000Z',
        by: 'user:default/fatima.haddad',
      },
    ],
    confirmationsDue: async () => [],
    initiatives: async () =>
      [
        {
          id: '7',
          title: 'Incident owner everywhere',
          deadline: '2026-12-20',
          open: [{ entityRef: ref('ledger'), missing: [] }],
        },
      ] as any,
    goLives: async () => [
      {
        entityRef: ref('checkout'),
        goLiveDate: '2026-12-15',
        status: 'ready',
        openRoles: [{ title: 'Security', group: SECURITY }],
      },
      // Not Ready: sign-off is not open, nothing waits for the signers.
      {
        entityRef: ref('invoices'),
        goLiveDate: '2026-12-16',
        status: 'needs-work',
        openRoles: [{ title: 'Security', group: SECURITY }],
      },
    ],
    pendingExemptions: async () => [],
    granters: [],
    ...overrides,
  };
}

describe('when the weekly digest is due', () => {
  const monday7 = { weekday: 'monday', hour: 7 } as const;

  it('is the latest send time of the week, caught up for two days, never before it', () => {
    // 2026-12-07 is a Monday.
    expect(digestDue(new Date('2026-12-07T06:59:00Z'), monday7)).toBe(
      undefined,
    );
    expect(digestDue(new Date('2026-12-07T07:00:00Z'), monday7)).toBe(
      '2026-12-07',
    );
    expect(digestDue(new Date('2026-12-08T23:00:00Z'), monday7)).toBe(
      '2026-12-07',
    );
    // Down from Monday morning to Wednesday afternoon: that week is skipped.
    expect(digestDue(new Date('2026-12-09T07:00:00Z'), monday7)).toBe(
      undefined,
    );
    expect(
      digestDue(new Date('2026-12-06T20:00:00Z'), {
        weekday: 'sunday',
        hour: 18,
      }),
    ).toBe('2026-12-06');
    expect(
      digestDue(new Date('2026-12-05T20:00:00Z'), {
        weekday: 'friday',
        hour: 23,
      }),
    ).toBe('2026-12-04');
  });

  it('reads its config with defaults and names the field that is wrong', () => {
    expect(readDigestConfig(new ConfigReader({}))).toEqual({
      enabled: true,
      weekday: 'monday',
      hour: 7,
    });
    expect(
      readDigestConfig(
        new ConfigReader({ readiness: { digest: { enabled: false } } }),
      ),
    ).toEqual({ enabled: false });
    expect(() =>
      readDigestConfig(
        new ConfigReader({ readiness: { digest: { weekday: 'lundi' } } }),
      ),
    ).toThrow(/readiness\.digest\.weekday: expected one of sunday, monday/);
    expect(() =>
      readDigestConfig(
        new ConfigReader({ readiness: { digest: { hour: 24 } } }),
      ),
    ).toThrow('readiness.digest.hour: expected a whole hour from 0 to 23');
  });
});

describe('composeDigests', () => {
  const now = new Date('2026-12-07T07:00:00Z');

  it('gives each team its week and a quiet team nothing', async () => {
    const digests = await composeDigests(sources(), now, '2026-12-07');
    expect(digests.map(d => d.team).sort()).toEqual([PAYMENTS, SECURITY]);
    const payments = digests.find(d => d.team === PAYMENTS)!;
    expect(payments).toMatchObject({
      services: 3,
      blocked: [
        {
          entityRef: ref('ledger'),
          text: 'ledger (production, 40 %): 2 checks failing',
        },
      ],
      changed: [
        { text: 'checkout: Needs work → Ready (production)' },
        { text: 'invoices: newly scored, Needs work (production)' },
      ],
      expiring: [
        {
          text: 'checkout: the attestation of rollback-rehearsed runs out on 2026-12-10',
        },
      ],
      initiatives: [
        {
          title: 'Incident owner everywhere',
          deadline: '2026-12-20',
          open: 1,
        },
      ],
      waiting: [],
    });
    // Security signs checkout (Ready), not invoices (sign-off not open yet).
    expect(digests.find(d => d.team === SECURITY)!.waiting).toEqual([
      {
        entityRef: ref('checkout'),
        text: 'Sign off checkout as Security (goes live 2026-12-15)',
      },
    ]);
    expect(digestMessage(payments, 'payments')).toEqual({
      title:
        'Readiness week of 2026-12-07 for payments: 1 blocked, 1 initiative, 1 expiring, 2 changed',
      description: expect.stringContaining(
        'Readiness scores 3 entities group:default/payments owns.\n\nBlocked (1)\n- ledger (production, 40 %): 2 checks failing\n\nInitiatives due (1)\n- Incident owner everywhere: 1 service still open, due 2026-12-20',
      ),
    });
  });

  it('tells the granters of exemption requests and the owner whose confirmation runs out', async () => {
    const digests = await composeDigests(
      sources({
        granters: ['group:default/SRE'],
        pendingExemptions: async () => [
          {
            entityRef: ref('ledger'),
            checkId: 'runbook',
            requestedBy: 'user:default/guest',
          },
        ],
        confirmationsDue: async () => [
          {
            entityRef: ref('status-page'),
            role: 'incident',
            ownerRef: PLATFORM,
            expiresAt: '2026-12-12T00:00:00.000Z',
          },
        ],
      }),
      now,
      '2026-12-07',
    );
    expect(digests.find(d => d.team === 'group:default/sre')!.waiting).toEqual([
      {
        entityRef: ref('ledger'),
        text: 'Grant or refuse the exemption from runbook for ledger asked by user:default/guest',
      },
    ]);
    // Platform was quiet; a confirmation due gives it a digest.
    expect(digests.find(d => d.team === PLATFORM)!.waiting).toEqual([
      {
        entityRef: ref('status-page'),
        text: 'Confirm group:default/platform as incident owner of status-page by 2026-12-12',
      },
    ]);
  });

  it('calls nothing new in the first week, when no history reaches back a week', async () => {
    const digests = await composeDigests(
      sources({ statusesOn: async () => [] }),
      now,
      '2026-12-07',
    );
    expect(digests.find(d => d.team === PAYMENTS)!.changed).toEqual([]);
  });

  it('lists ten lines a section and counts the rest', async () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      result(`svc-${i}`, PAYMENTS, 'blocked', ['runbook']),
    );
    const [d] = await composeDigests(
      sources({
        results: async function* results() {
          yield many;
        },
        statusesOn: async () =>
          many.map(r => ({ ...r, status: 'blocked' as const })),
        expiring: async () => [],
        initiatives: async () => [],
        goLives: async () => [],
      }),
      now,
      '2026-12-07',
    );
    const text = digestMessage(d, 'payments').description;
    expect(text).toContain('Blocked (12)');
    expect(text).toContain('- svc-9 (production, 40 %)');
    expect(text).not.toContain('- svc-10 ');
    expect(text).toContain('- and 2 more on the Readiness page');
  });
});

describe('the weekly digest, sent', () => {
  it.each(databases.eachSupportedId())(
    'goes to each team once a week across two replicas, retries only what failed, and reads nothing once done, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const stores = storesFor(knex);
      const sent: NotificationSendOptions[] = [];
      let down = false;
      const replica = () =>
        new ReadinessNotifier({
          notifications: {
            send: async n => {
              if (down && n.recipients.type === 'entity') {
                const to = [n.recipients.entityRef].flat();
                if (to.includes(SECURITY))
                  throw new Error('notifications backend is down');
              }
              sent.push(n);
            },
          },
          log: stores.notificationLog,
          owners: async () => undefined,
          logger: mockServices.logger.mock(),
        });
      const [a, b] = [replica(), replica()];
      let composed = 0;
      const digest = {
        schedule: { weekday: 'monday', hour: 7 } as const,
        sources: sources({
          results: async function* results() {
            composed++;
            yield* sources().results();
          },
        }),
      };
      const scan = (notifier: ReadinessNotifier, at: string) =>
        scanForNotifications(
          stores,
          notifier,
          new Date(at),
          undefined,
          {},
          undefined,
          digest,
        );
      // Sunday evening: not yet.
      expect((await scan(a, '2026-12-06T20:00:00Z')).digests).toBe(0);
      expect(composed).toBe(0);

      // Monday 07:05: security's send fails.
      down = true;
      expect((await scan(a, '2026-12-07T07:05:00Z')).digests).toBe(1);
      const digests = () =>
        sent.filter(n => n.payload.topic === 'readiness-digest');
      expect(digests()).toHaveLength(1);
      expect(digests()[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: [PAYMENTS] },
        payload: {
          title: expect.stringMatching(
            /^Readiness week of 2026-12-07 for payments: 1 blocked/,
          ),
          link: '/catalog/default/group/payments',
          scope: `readiness-digest:${PAYMENTS}`,
        },
      });

      // An hour later, both replicas at once: only security's, once, and
      // payments not again.
      down = false;
      const [ra, rb] = await Promise.all([
        scan(a, '2026-12-07T08:05:00Z'),
        scan(b, '2026-12-07T08:05:00Z'),
      ]);
      expect(ra.digests + rb.digests).toBe(1);
      expect(digests().map(n => (n.recipients as any).entityRef[0])).toEqual([
        PAYMENTS,
        SECURITY,
      ]);
      // Every team has it: later scans of the week read nothing.
      const before = composed;
      await scan(a, '2026-12-07T09:05:00Z');
      await scan(b, '2026-12-08T09:05:00Z');
      expect(composed).toBe(before);
      expect(digests()).toHaveLength(2);

      // The next Monday, both at once: the next week's digest, once each.
      const [na, nb] = await Promise.all([
        scan(a, '2026-12-14T07:30:00Z'),
        scan(b, '2026-12-14T07:30:00Z'),
      ]);
      expect(na.digests + nb.digests).toBe(2);
      expect(digests()).toHaveLength(4);
    },
  );

  it.each(databases.eachSupportedId())(
    "reads each entity's status of a day from the history, on %p",
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const stores = storesFor(knex);
      const point = (name: string, day: string, status: string) => ({
        entityRef: ref(name),
        scorecard: 'production',
        day,
        status: status as any,
        score: 50,
        changed: true,
      });
      await stores.history.recordHistory([
        point('ledger', '2026-11-30', 'blocked'),
        point('checkout', '2026-11-30', 'needs-work'),
      ]);
      await stores.history.recordHistory([
        point('ledger', '2026-12-01', 'ready'),
      ]);
      expect(
        (await stores.history.statusesOn('2026-11-30')).sort((x, y) =>
          x.entityRef.localeCompare(y.entityRef),
        ),
      ).toEqual([
        {
          entityRef: ref('checkout'),
          scorecard: 'production',
          status: 'needs-work',
        },
        {
          entityRef: ref('ledger'),
          scorecard: 'production',
          status: 'blocked',
        },
      ]);
    },
  );
});

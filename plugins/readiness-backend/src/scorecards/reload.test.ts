import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { parse, stringify } from 'yaml';
import { readinessPlugin } from '../plugin';
import {
  EXAMPLES,
  exampleEntities,
  readinessConfig,
} from '../__testUtils__/testUtils';

jest.setTimeout(150_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const PRODUCTION = fs.readFileSync(
  path.join(EXAMPLES, 'scorecards/production.yaml'),
  'utf8',
);
const DENIED = 'user:default/outsider';

type AuditEvent = { eventId: string; outcome?: any };

/** One replica on `knex`, reading the scorecard file `file`. */
async function replica(knex: Knex, file: string, events: AuditEvent[]) {
  const scheduler = mockServices.scheduler();
  const backend = await startTestBackend({
    features: [
      readinessPlugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: readinessConfig({
          scorecards: [
            { file },
            { file: path.join(EXAMPLES, 'scorecards/systems.yaml') },
          ],
        }),
      }),
      catalogServiceMock.factory({ entities: exampleEntities() }),
      (
        scheduler as unknown as {
          factory: typeof mockServices.scheduler.factory;
        }
      ).factory({ includeInitialDelayedTasksOnStartup: true }),
      mockServices.permissions.mock({
        authorize: async (requests: any[], opts?: any) =>
          requests.map(r => ({
            result:
              opts?.credentials?.principal?.userEntityRef === DENIED &&
              r.permission.name === 'readiness.scorecard.reload'
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          })),
        authorizeConditional: async (requests: any[]) =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      } as any).factory,
      mockServices.auditor.mock({
        createEvent: async (options: any) => {
          const event: AuditEvent = { eventId: options.eventId };
          events.push(event);
          return {
            success: async (o?: any) => {
              event.outcome = { success: o?.meta };
            },
            fail: async (o: any) => {
              event.outcome = { fail: o.error.message };
            },
          };
        },
      }).factory,
    ],
  });
  const production = async () => {
    const res = await request(backend.server).get('/api/readiness/scorecards');
    return res.body.items.find((s: any) => s.name === 'production');
  };
  const passingScoreOf = async (ref: string) => {
    const res = await request(backend.server).get(
      `/api/readiness/entities/component/default/${ref}`,
    );
    return res.body.results?.find((r: any) => r.scorecard === 'production')
      ?.passingScore;
  };
  return { server: backend.server, scheduler, production, passingScoreOf };
}

async function eventually<T>(read: () => Promise<T>, want: T) {
  let got: T | undefined;
  for (let i = 0; i < 100; i++) {
    got = await read();
    if (JSON.stringify(got) === JSON.stringify(want)) return;
    await new Promise(r => setTimeout(r, 100));
  }
  expect(got).toEqual(want);
}

async function replicas(databaseId: TestDatabaseId, count: number) {
  const knex = await databases.init(databaseId);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-reload-'));
  const file = path.join(dir, 'production.yaml');
  fs.writeFileSync(file, PRODUCTION);
  const events: AuditEvent[] = [];
  const list = [];
  for (let i = 0; i < count; i++) list.push(await replica(knex, file, events));
  /** The stored result's hash: it covers the scorecard's content. */
  const storedHash = async (ref: string) =>
    (
      await knex('readiness_results')
        .where({ entity_ref: ref, scorecard: 'production' })
        .first()
    )?.hash as string | undefined;
  return { file, events, list, storedHash };
}

describe.each(databases.eachSupportedId())(
  'scorecards reloaded without a restart on %s',
  databaseId => {
    // Two replicas share a PostgreSQL database; SQLite in memory has one.
    const count = databaseId === 'POSTGRES_15' ? 2 : 1;

    it('applies a valid change on every replica, and evaluates with it', async () => {
      const { file, events, list, storedHash } = await replicas(
        databaseId,
        count,
      );
      const [a, ...others] = list;
      const before = (await a.production()).revision;
      expect(before).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{12}$/) });
      await eventually(() => a.passingScoreOf('payments-api'), 95);
      const hashBefore = await storedHash('component:default/payments-api');
      expect(hashBefore).toBeDefined();

      // A lower bar, a label, and one check fewer.
      const doc = parse(PRODUCTION);
      doc.metadata.revision = '2026-Q4';
      doc.spec.passingScore = 90;
      for (const area of doc.spec.areas)
        area.checks = area.checks.filter((c: any) => c.id !== 'techdocs');
      for (const level of doc.spec.levels)
        level.checks = level.checks.filter((id: string) => id !== 'techdocs');
      fs.writeFileSync(file, stringify(doc));
      const reloaded = await request(a.server).post(
        '/api/readiness/scorecards/reload',
      );
      expect(reloaded.status).toBe(200);
      expect(reloaded.body.changed).toBe(true);
      const after = (await a.production()).revision;
      expect(after).toEqual({ hash: expect.any(String), label: '2026-Q4' });
      expect(after.hash).not.toBe(before.hash);
      expect(reloaded.body.scorecards).toContainEqual({
        name: 'production',
        revision: after,
      });
      expect(events).toContainEqual({
        eventId: 'scorecard-reload',
        outcome: {
          success: { changed: true, revision: reloaded.body.revision },
        },
      });
      // The change made every shard evaluate: results carry the new bar,
      // stored again under the new scorecard.
      await eventually(
        async () =>
          (await storedHash('component:default/payments-api')) !== hashBefore,
        true,
      );
      expect(await a.passingScoreOf('payments-api')).toBe(90);
      // History tells the rule's change from the service's: today's point
      // carries the new revision, and the check the change removed is
      // logged as the scorecard's doing.
      const history = await request(a.server).get(
        '/api/readiness/entities/component/default/payments-api/history?days=1&scorecard=production',
      );
      expect(history.body.points.at(-1).revision).toBe(
        `2026-Q4 · ${after.hash}`,
      );
      expect(history.body.changes).toContainEqual(
        expect.objectContaining({ checkId: 'techdocs', byScorecard: true }),
      );
      expect(history.body.changes.filter((c: any) => !c.byScorecard)).toEqual(
        [],
      );
      const org = await request(a.server).get(
        '/api/readiness/history?days=1&scorecard=production',
      );
      expect(org.body.days.at(-1).revisions).toContain(
        `2026-Q4 · ${after.hash}`,
      );

      // The other replica reads its files on its own period.
      for (const other of others) {
        expect((await other.production()).revision).toEqual(before);
        await other.scheduler.triggerTask('readiness-scorecard-reload');
        expect((await other.production()).revision).toEqual(after);
      }
      // Unchanged files change nothing.
      const again = await request(a.server).post(
        '/api/readiness/scorecards/reload',
      );
      expect(again.body).toMatchObject({
        changed: false,
        revision: reloaded.body.revision,
      });
    });

    it('refuses an invalid change with the field, and keeps the running revision', async () => {
      const { file, events, list } = await replicas(databaseId, count);
      const [a, ...others] = list;
      const before = (await a.production()).revision;
      fs.writeFileSync(
        file,
        PRODUCTION.replace('passingScore: 95', 'passingScore: 250'),
      );
      const refused = await request(a.server).post(
        '/api/readiness/scorecards/reload',
      );
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/spec\.passingScore/);
      expect(refused.body.error.message).toMatch(
        `The running scorecards (revision `,
      );
      expect(events.at(-1)).toMatchObject({
        eventId: 'scorecard-reload',
        outcome: { fail: expect.stringMatching(/spec\.passingScore/) },
      });
      const running = await a.production();
      expect(running.revision).toEqual(before);
      expect(running.problems).toContainEqual(
        expect.stringMatching(
          /^The scorecard files changed but were not reloaded .*spec\.passingScore.*The running revision stays in use\.$/s,
        ),
      );
      expect(await a.passingScoreOf('payments-api')).toBe(95);
      for (const other of others) {
        await other.scheduler.triggerTask('readiness-scorecard-reload');
        expect((await other.production()).revision).toEqual(before);
        expect((await other.production()).problems).toHaveLength(1);
      }
      // Fixed: the problem goes.
      fs.writeFileSync(file, PRODUCTION);
      await request(a.server).post('/api/readiness/scorecards/reload');
      expect((await a.production()).problems).toBeUndefined();

      // Reloading needs its permission.
      const denied = await request(a.server)
        .post('/api/readiness/scorecards/reload')
        .set('Authorization', mockCredentials.user.header(DENIED));
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toMatch(/readiness\.scorecard\.reload/);
    });
  },
);

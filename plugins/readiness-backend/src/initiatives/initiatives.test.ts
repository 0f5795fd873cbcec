import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  compileScorecard,
  parseScorecardYaml,
} from '@readiness/backstage-plugin-readiness-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startReadinessBackend } from '../__testUtils__/testBackend';
import { EXAMPLES, readinessConfig } from '../__testUtils__/testUtils';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const API = '/api/readiness';
const MANAGER = 'user:default/mock';
const DAY = 86_400_000;
const day = (n: number) =>
  new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const as = (user: string) => mockCredentials.user.header(user);

const runbooks = {
  title: 'Runbooks for every Payments service',
  scorecard: 'production',
  goal: { checks: ['runbook'] },
  scope: { owner: ['payments'] },
  startsOn: day(-10),
  deadline: day(20),
  owner: 'group:default/platform',
  status: 'active',
};

/**
 * The production scorecard with the runbook check not enforced until 2099:
 * a new check, announced, that an initiative drives teams to pass first.
 */
function upcomingRunbookConfig() {
  const text = fs
    .readFileSync(path.join(EXAMPLES, 'scorecards/production.yaml'), 'utf8')
    .replace(
      /(\n(\s*)- id: runbook\n)/,
      `$1$2  enforceFrom: '2099-01-01' # announced: counts from 2099\n`,
    );
  expect(text).toContain("enforceFrom: '2099-01-01'");
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-')),
    'production.yaml',
  );
  fs.writeFileSync(file, text);
  const config = readinessConfig();
  config.readiness.scorecards = [{ file }];
  return config;
}

async function start(
  databaseId: Parameters<typeof databases.init>[0],
  config?: object,
) {
  const { server } = await startReadinessBackend({
    databases,
    databaseId,
    config,
    // Only the manager may create and edit initiatives.
    authorize: (r, user) =>
      r.permission.name === 'readiness.initiative.manage' && user !== MANAGER
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
  });
  return server;
}

describe.each(databases.eachSupportedId())('initiatives on %s', databaseId => {
  it('counts the entities of its scope that meet the goal, lists the open ones with what they miss, and draws the burn-up', async () => {
    const server = await start(databaseId);
    const created = await request(server)
      .post(`${API}/initiatives`)
      .set('Authorization', as(MANAGER))
      .send(runbooks);
    expect(created.status).toBe(201);
    const i = created.body;
    expect(i).toMatchObject({
      state: 'active',
      version: 1,
      createdBy: MANAGER,
    });
    // Payments with its sub-team: the services of the production scorecard.
    const results = await request(server).get(
      `${API}/results?scorecard=production&owner=payments&limit=100`,
    );
    const rows = results.body.items as Array<{
      entityRef: string;
      failingChecks: string[];
    }>;
    const failing = rows.filter(r => r.failingChecks.includes('runbook'));
    expect(i.progress).toEqual({
      total: rows.length,
      met: rows.length - failing.length,
      open: failing.length,
    });
    expect(failing.length).toBeGreaterThan(0);
    expect(i.open.map((o: any) => o.entityRef).sort()).toEqual(
      failing.map(r => r.entityRef).sort(),
    );
    expect(i.open[0].missing).toEqual([
      expect.objectContaining({
        checkId: 'runbook',
        title: 'Runbook is linked',
      }),
    ]);
    // Today's point counts (the evaluation wrote it).
    expect(i.burnup.at(-1)).toEqual({
      day: day(0),
      met: i.progress.met,
      total: i.progress.total,
    });
    expect(i.burnup[0].day).toBe(day(-10));
    expect(i.byOwner.reduce((n: number, o: any) => n + o.total, 0)).toBe(
      rows.length,
    );
    // Each team's burn-up: today's points add up to the whole.
    const teamsToday = i.burnupByOwner.map((o: any) => o.burnup.at(-1));
    expect(teamsToday.reduce((n: number, p: any) => n + p.total, 0)).toBe(
      rows.length,
    );
    expect(teamsToday.reduce((n: number, p: any) => n + p.met, 0)).toBe(
      i.progress.met,
    );
    expect(i.burnupByOwner.map((o: any) => o.owner)).toEqual(
      i.byOwner.map((o: any) => o.owner),
    );

    // The tab of an entity lists the initiatives whose scope holds it.
    const concerned = await request(server).get(
      `${API}/initiatives?entity=${encodeURIComponent(failing[0].entityRef)}`,
    );
    expect(concerned.body.items).toEqual([
      expect.objectContaining({
        id: i.id,
        forEntity: {
          entityRef: failing[0].entityRef,
          met: false,
          missing: [expect.objectContaining({ checkId: 'runbook' })],
        },
      }),
    ]);
    const elsewhere = await request(server).get(
      `${API}/initiatives?entity=${encodeURIComponent(
        'component:default/auth-service',
      )}`,
    );
    expect({ status: elsewhere.status, body: elsewhere.body }).toEqual({
      status: 200,
      body: { items: [], canManage: true },
    });

    // The group card lists those that concern what a team owns, with its part.
    const team = await request(server).get(
      `${API}/initiatives?owner=${encodeURIComponent(
        'group:default/payments-risk',
      )}`,
    );
    expect(team.body.items).toEqual([
      expect.objectContaining({
        id: i.id,
        forOwner: {
          owner: 'group:default/payments-risk',
          total: 1,
          met: 0,
          open: ['component:default/fraud-scoring'],
        },
      }),
    ]);
    const identity = await request(server).get(
      `${API}/initiatives?owner=${encodeURIComponent(
        'group:default/identity',
      )}`,
    );
    expect(identity.body.items).toEqual([]);

    // A deadline that passed with entities open: missed.
    const late = await request(server)
      .post(`${API}/initiatives`)
      .set('Authorization', as(MANAGER))
      .send({ ...runbooks, startsOn: day(-30), deadline: day(-1) });
    expect(late.body.state).toBe('missed');
    const list = await request(server).get(`${API}/initiatives`);
    expect(list.body.canManage).toBe(true);
    expect(list.body.items.map((x: any) => x.state)).toEqual([
      'missed',
      'active',
    ]);
    const summary = await request(server).get(
      `${API}/initiatives/${i.id}/summary`,
    );
    expect(summary.text).toContain(
      `- State: **active**, ${i.progress.met} of ${i.progress.total} met`,
    );
  });

  it('lets only people allowed manage initiatives, and edits only the version read', async () => {
    const server = await start(databaseId);
    const other = await request(server)
      .post(`${API}/initiatives`)
      .set('Authorization', as('user:default/priya.raman'))
      .send(runbooks);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/readiness\.initiative\.manage/);
    const service = await request(server)
      .post(`${API}/initiatives`)
      .set('Authorization', mockCredentials.service.header())
      .send(runbooks);
    expect(service.status).toBe(403);
    expect(
      (
        await request(server)
          .get(`${API}/initiatives`)
          .set('Authorization', as('user:default/priya.raman'))
      ).body.canManage,
    ).toBe(false);

    const created = await request(server)
      .post(`${API}/initiatives`)
      .set('Authorization', as(MANAGER))
      .send({ ...runbooks, status: 'draft' });
    expect(created.body.state).toBe('draft');
    const url = `${API}/initiatives/${created.body.id}`;
    const edit = { ...runbooks, deadline: day(40) };
    expect(
      (
        await request(server)
          .put(url)
          .set('Authorization', as(MANAGER))
          .send(edit)
      ).status,
    ).toBe(428);
    const saved = await request(server)
      .put(url)
      .set('Authorization', as(MANAGER))
      .set('If-Match', '"1"')
      .send(edit);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      version: 2,
      deadline: day(40),
      state: 'active',
    });
    const stale = await request(server)
      .put(url)
      .set('Authorization', as(MANAGER))
      .set('If-Match', '"1"')
      .send(edit);
    expect(stale.status).toBe(409);
    const refused = await request(server)
      .put(url)
      .set('Authorization', as('user:default/priya.raman'))
      .set('If-Match', '"2"')
      .send(edit);
    expect(refused.status).toBe(403);
    expect((await request(server).get(`${API}/initiatives/99`)).status).toBe(
      404,
    );
  });

  it('refuses a bad initiative, naming the field', async () => {
    const server = await start(databaseId);
    for (const [change, field] of [
      [{ title: '' }, /^title: required/],
      [{ scorecard: 'nope' }, /^scorecard: no scorecard named "nope"/],
      [
        { goal: { checks: ['no-such-check'] } },
        /^goal\.checks: production has no check no-such-check/,
      ],
      [
        { goal: { level: 'platinum' } },
        /^goal\.level: production has no level "platinum"/,
      ],
      [{ goal: {} }, /^goal: either/],
      [{ deadline: day(-20) }, /^deadline: on or after startsOn/],
      [{ startsOn: '2026-13-01' }, /^startsOn: a date/],
      [
        { owner: 'component:default/payments-api' },
        /^owner: a group or user ref/,
      ],
    ] as const) {
      const res = await request(server)
        .post(`${API}/initiatives`)
        .set('Authorization', as(MANAGER))
        .send({ ...runbooks, ...change });
      expect({ change, status: res.status }).toEqual({ change, status: 400 });
      expect(res.body.error.message).toMatch(field);
    }
  });

  it('counts a goal check not enforced yet by its outcome, and makes it standing as a YAML change', async () => {
    const server = await start(databaseId, upcomingRunbookConfig());
    const created = await request(server)
      .post(`${API}/initiatives`)
      .set('Authorization', as(MANAGER))
      .send(runbooks);
    expect(created.status).toBe(201);
    const i = created.body;
    // The runbook check counts in no score yet, but the goal needs it.
    const rows = (
      await request(server).get(
        `${API}/results?scorecard=production&owner=payments&limit=100`,
      )
    ).body.items as Array<{
      entityRef: string;
      failingChecks: string[];
      upcomingChecks: string[];
    }>;
    const upcoming = rows.filter(r => r.upcomingChecks.includes('runbook'));
    expect(upcoming.length).toBeGreaterThan(0);
    expect(rows.some(r => r.failingChecks.includes('runbook'))).toBe(false);
    expect(i.progress.open).toBe(upcoming.length);
    expect(i.open.map((o: any) => o.entityRef).sort()).toEqual(
      upcoming.map(r => r.entityRef).sort(),
    );
    expect(i.open[0].missing).toEqual([
      expect.objectContaining({ checkId: 'runbook' }),
    ]);
    // Today's burn-up point counts it too.
    expect(i.burnup.at(-1)).toMatchObject({ met: i.progress.met });

    // Make it standing: enforced from the day after the deadline.
    const standing = await request(server).get(
      `${API}/initiatives/${i.id}/standing`,
    );
    expect(standing.status).toBe(200);
    expect(standing.body).toMatchObject({
      id: i.id,
      scorecard: 'production',
      enforceFrom: day(21),
      state: 'active',
      checks: [
        {
          id: 'runbook',
          title: 'Runbook is linked',
          change: 'enforce',
          enforceFrom: '2099-01-01',
        },
      ],
    });
    // The file, comments kept, with the new date; still a valid scorecard.
    const yaml = standing.body.yaml as string;
    expect(yaml).toContain(`enforceFrom: '${day(21)}' # announced`);
    expect(yaml).toContain('# yaml-language-server');
    const [card] = parseScorecardYaml(yaml, 'standing.yaml').map(
      compileScorecard,
    );
    expect(
      card.checks.find(c => c.spec.id === 'runbook')!.spec.enforceFrom,
    ).toBe(day(21));

    // A check that counts today is standing already.
    const counted = await request(server)
      .post(`${API}/initiatives`)
      .set('Authorization', as(MANAGER))
      .send({ ...runbooks, goal: { checks: ['runbook', 'incident-owner'] } });
    const already = await request(server).get(
      `${API}/initiatives/${counted.body.id}/standing`,
    );
    expect(already.body.checks).toEqual([
      expect.objectContaining({ id: 'runbook', change: 'enforce' }),
      expect.objectContaining({ id: 'incident-owner', change: 'already' }),
    ]);
    expect(
      (await request(server).get(`${API}/initiatives/9999/standing`)).status,
    ).toBe(404);
  });
});

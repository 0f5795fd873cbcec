import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import fc from 'fast-check';
import { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { parse, stringify } from 'yaml';
import { startReadinessBackend } from '../__testUtils__/testBackend';
import { EXAMPLES, readinessConfig } from '../__testUtils__/testUtils';
import { TABLES } from '../platform/database/util';

jest.setTimeout(300_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const PRODUCTION = fs.readFileSync(
  path.join(EXAMPLES, 'scorecards/production.yaml'),
  'utf8',
);
const PREVIEW = '/api/readiness/scorecards/preview';
const SEVERITIES = ['critical', 'required', 'recommended'] as const;

/** An edit of the production scorecard as a reviewer might make one. */
const editArb = fc.record({
  passingScore: fc.option(fc.integer({ min: 40, max: 100 }), {
    nil: undefined,
  }),
  scoring: fc.option(fc.constantFrom('items', 'weighted'), { nil: undefined }),
  /** Check index → new severity. */
  severities: fc.dictionary(
    fc.integer({ min: 0, max: 40 }).map(String),
    fc.constantFrom(...SEVERITIES),
    { maxKeys: 6 },
  ),
  /** Checks enforced only from next year: not counted now. */
  later: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 4 }),
});

type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(edit: Edit) {
  const doc = parse(PRODUCTION);
  if (edit.passingScore !== undefined)
    doc.spec.passingScore = edit.passingScore;
  if (edit.scoring !== undefined) doc.spec.scoring = edit.scoring;
  const checks = doc.spec.areas.flatMap((a: any) => a.checks);
  for (const [i, severity] of Object.entries(edit.severities))
    if (checks[Number(i)]) checks[Number(i)].severity = severity;
  for (const i of edit.later)
    if (checks[i])
      checks[i].enforceFrom = `${new Date().getUTCFullYear() + 1}-01-01`;
  return stringify(doc);
}

/** Row counts of every Readiness table. */
async function rowCounts(knex: Knex) {
  const out: Record<string, number> = {};
  for (const table of Object.values(TABLES)) {
    const [{ n }] = await knex(table).count({ n: '*' });
    out[table] = Number(n);
  }
  return out;
}

/** Status counts of the stored results of one scorecard. */
async function storedTotals(knex: Knex, scorecard: string) {
  const rows = await knex('readiness_results')
    .where({ scorecard })
    .select('status')
    .count({ n: '*' })
    .groupBy('status');
  const out: Record<string, number> = { ready: 0, 'needs-work': 0, blocked: 0 };
  for (const r of rows as Array<{ status: string; n: number | string }>)
    out[r.status] = Number(r.n);
  return out;
}

describe.each(databases.eachSupportedId())(
  'POST /scorecards/preview on %s',
  databaseId => {
    it('counts as a real evaluation with the edited scorecard would, and writes nothing', async () => {
      const running = await startReadinessBackend({ databases, databaseId });
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-preview-'));
      await fc.assert(
        fc.asyncProperty(editArb, async edit => {
          const yaml = applyEdit(edit);
          const before = await rowCounts(running.knex);
          const res = await request(running.server)
            .post(PREVIEW)
            .send({ yaml, limit: 5000 });
          expect(res.status).toBe(200);
          expect(await rowCounts(running.knex)).toEqual(before);
          const [entry] = res.body.scorecards;
          expect(entry.base).toBe('running');
          // "Before" is the running scorecard evaluated now: what is stored.
          expect(entry.totals.before).toEqual(
            await storedTotals(running.knex, 'production'),
          );

          // The same catalog and evidence, evaluated for real with the edit.
          const file = path.join(dir, `production-${Date.now()}.yaml`);
          fs.writeFileSync(file, yaml);
          const edited = await startReadinessBackend({
            databases,
            databaseId,
            config: readinessConfig({
              scorecards: [
                { file },
                { file: path.join(EXAMPLES, 'scorecards/systems.yaml') },
              ],
            }),
          });
          expect(entry.totals.after).toEqual(
            await storedTotals(edited.knex, 'production'),
          );
          // Each listed move ends where the real evaluation put the entity.
          const stored = new Map(
            (
              await edited
                .knex('readiness_results')
                .where({ scorecard: 'production' })
                .select('entity_ref', 'status')
            ).map(r => [r.entity_ref, r.status]),
          );
          for (const move of entry.moves)
            expect([move.entityRef, move.after?.status]).toEqual([
              move.entityRef,
              stored.get(move.entityRef),
            ]);
        }),
        { numRuns: databaseId === 'SQLITE_3' ? 5 : 2 },
      );
    });

    it('lists what a stricter scorecard moves, worst first', async () => {
      const { server } = await startReadinessBackend({ databases, databaseId });
      // Every check critical: any entity failing one is Blocked.
      const doc = parse(PRODUCTION);
      for (const area of doc.spec.areas)
        for (const check of area.checks) check.severity = 'critical';
      const res = await request(server)
        .post(PREVIEW)
        .send({ yaml: stringify(doc) });
      expect(res.status).toBe(200);
      const [entry] = res.body.scorecards;
      expect(entry.name).toBe('production');
      expect(entry.toBlocked).toBeGreaterThan(0);
      const rank = (s?: string) =>
        ['ready', 'needs-work', 'blocked'].indexOf(s ?? 'ready');
      // Nothing gets better, and the worst moves come first.
      const badness = entry.moves.map(
        (m: any) => rank(m.after?.status) - rank(m.before?.status),
      );
      for (const b of badness) expect(b).toBeGreaterThanOrEqual(0);
      expect(badness).toEqual([...badness].sort((x, y) => y - x));
      expect(entry.toBlocked).toBe(
        entry.moves.filter(
          (m: any) =>
            m.after.status === 'blocked' && m.before.status !== 'blocked',
        ).length,
      );
      expect(entry.totals.after.blocked).toBe(
        entry.totals.before.blocked + entry.toBlocked,
      );
      // Severity moves no check's failing count: the checks made critical
      // are listed as changed, with the same counts.
      const madeCritical = parse(PRODUCTION)
        .spec.areas.flatMap((a: any) => a.checks)
        .filter((c: any) => c.severity !== 'critical')
        .map((c: any) => c.id)
        .sort();
      expect(entry.checks.map((c: any) => c.checkId).sort()).toEqual(
        madeCritical,
      );
      for (const c of entry.checks) {
        expect(c.change).toBe('changed');
        expect(c.failingAfter).toBe(c.failingBefore);
      }
    });

    it('compares with a base YAML, treats a new name as new, and limits the list', async () => {
      const { server } = await startReadinessBackend({ databases, databaseId });
      const doc = parse(PRODUCTION);
      const observability = doc.spec.areas.find(
        (a: any) => a.id === 'observability',
      );
      const removed = observability.checks.splice(
        observability.checks.findIndex((c: any) => c.id === 'health-latency'),
        1,
      )[0];
      for (const level of doc.spec.levels)
        level.checks = level.checks.filter((id: string) => id !== removed.id);
      doc.metadata.name = 'production-next';
      const candidate = stringify(doc);
      const res = await request(server)
        .post(PREVIEW)
        .send({ yaml: candidate, limit: 1 });
      expect(res.body.error?.message).toBeUndefined();
      expect(res.status).toBe(200);
      const [entry] = res.body.scorecards;
      expect(entry.base).toBe('none');
      expect(entry.entities.before).toBe(0);
      expect(entry.entities.after).toBeGreaterThan(0);
      expect(entry.moves.length).toBe(1);
      expect(entry.movesTotal).toBe(entry.entities.after);

      const base = stringify({
        ...parse(PRODUCTION),
        metadata: { ...doc.metadata },
      });
      const compared = await request(server)
        .post(PREVIEW)
        .send({ yaml: candidate, base });
      const [vsBase] = compared.body.scorecards;
      expect(vsBase.base).toBe('yaml');
      expect(vsBase.checks).toContainEqual(
        expect.objectContaining({
          checkId: removed.id,
          change: 'removed',
          failingAfter: 0,
        }),
      );
    });

    it('reads what a candidate for another kind needs from the catalog', async () => {
      const { server } = await startReadinessBackend({ databases, databaseId });
      const yaml = `apiVersion: readiness/v1
kind: Scorecard
metadata: { name: apis, title: APIs }
spec:
  appliesTo: { kinds: [API] }
  areas:
    - id: docs
      title: Docs
      checks:
        - id: lifecycle
          title: Lifecycle is set
          severity: required
          type: catalog
          with: { path: spec.lifecycle, op: notEmpty }
`;
      const res = await request(server).post(PREVIEW).send({ yaml });
      expect(res.status).toBe(200);
      const apis = fs
        .readFileSync(path.join(EXAMPLES, 'apis.yaml'), 'utf8')
        .split(/^---$/m)
        .filter(d => /^kind: API$/m.test(d)).length;
      expect(apis).toBeGreaterThan(0);
      expect(res.body.scorecards[0].entities.after).toBe(apis);
    });

    it('answers 400 naming the field of an invalid scorecard, and 403 to a caller without the permission', async () => {
      const { server } = await startReadinessBackend({
        databases,
        databaseId,
        authorize: (r, user) =>
          user === 'user:default/outsider' &&
          r.permission.name === 'readiness.scorecard.preview'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      });
      const bad = await request(server)
        .post(PREVIEW)
        .send({
          yaml: PRODUCTION.replace('passingScore: 95', 'passingScore: 250'),
        });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/spec\.passingScore/);
      const broken = await request(server)
        .post(PREVIEW)
        .send({ yaml: 'spec: [' });
      expect(broken.status).toBe(400);
      expect(broken.body.error.message).toMatch(/^Invalid scorecard yaml/);
      const badBase = await request(server)
        .post(PREVIEW)
        .send({ yaml: PRODUCTION, base: 'kind: Scorecard' });
      expect(badBase.status).toBe(400);
      expect(badBase.body.error.message).toMatch(/^Invalid scorecard base/);

      const denied = await request(server)
        .post(PREVIEW)
        .set(
          'Authorization',
          mockCredentials.user.header('user:default/outsider'),
        )
        .send({ yaml: PRODUCTION });
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toMatch(
        /readiness\.scorecard\.preview/,
      );
      expect(denied.body.scorecards).toBeUndefined();
    });

    it('shows only the entities the caller may read in the catalog', async () => {
      const PAYMENTS_DEV = 'user:default/payments-dev';
      const { server, knex } = await startReadinessBackend({
        databases,
        databaseId,
        authorizeConditional: (_r, user) =>
          user === PAYMENTS_DEV
            ? ({
                result: AuthorizeResult.CONDITIONAL,
                pluginId: 'catalog',
                resourceType: 'catalog-entity',
                conditions: {
                  rule: 'IS_ENTITY_OWNER',
                  resourceType: 'catalog-entity',
                  params: { claims: ['group:default/payments'] },
                },
              } as any)
            : { result: AuthorizeResult.ALLOW },
      });
      const yaml = PRODUCTION.replace('passingScore: 95', 'passingScore: 100');
      const res = await request(server)
        .post(PREVIEW)
        .set('Authorization', mockCredentials.user.header(PAYMENTS_DEV))
        .send({ yaml });
      expect(res.status).toBe(200);
      const [entry] = res.body.scorecards;
      const owned = await knex('readiness_results')
        .where({ scorecard: 'production', owner: 'group:default/payments' })
        .count({ n: '*' });
      expect(entry.entities.before).toBe(Number(owned[0].n));
      const all = await request(server).post(PREVIEW).send({ yaml });
      expect(all.body.scorecards[0].entities.before).toBeGreaterThan(
        entry.entities.before,
      );
      for (const m of entry.moves)
        expect(
          (
            await knex('readiness_results')
              .where({ entity_ref: m.entityRef, scorecard: 'production' })
              .first()
          ).owner,
        ).toBe('group:default/payments');
    });
  },
);

import fc from 'fast-check';
import { Entity } from '@backstage/catalog-model';
import { compileScorecard } from './compile';
import { createEvaluationContext } from './context';
import { evaluateEntity } from './evaluate';
import { parseScorecard } from '../scorecard/parse';
import { ScorecardValidationError } from '../scorecard/errors';
import { READINESS_STATUSES } from '../types';

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const anyValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), {
    maxKeys: 3,
  }),
);
const annotationKey = fc.constantFrom(
  'readiness/incident-owner',
  'readiness/technical-owner',
  'readiness/communication-owner',
  'readiness/communication-channel',
  'readiness/runbook',
  'readiness/health-url',
  'backstage.io/techdocs-ref',
);
const ownerish = fc.oneof(
  word,
  fc.constantFrom(
    'group:sre',
    'user:default/jane',
    'Payments Team',
    'group:',
    ':',
    'a:b:c',
    '',
  ),
);

/** Entities with arbitrary, often malformed, content. */
const entityArb: fc.Arbitrary<Entity> = fc.record({
  apiVersion: fc.constant('backstage.io/v1alpha1'),
  kind: fc.constantFrom('Component', 'System', 'Group', 'API', 'Resource'),
  metadata: fc.record(
    {
      name: word,
      namespace: fc.option(word, { nil: undefined }),
      description: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
      annotations: fc.dictionary(annotationKey, ownerish, { maxKeys: 7 }),
      links: fc.array(
        fc.record({
          url: fc.string({ maxLength: 10 }),
          type: fc.option(word, { nil: undefined }),
        }),
        { maxLength: 3 },
      ),
      tags: fc.array(word, { maxLength: 3 }),
    },
    { requiredKeys: ['name'] },
  ),
  spec: fc.dictionary(
    fc.constantFrom(
      'type',
      'lifecycle',
      'owner',
      'system',
      'replicas',
      'providesApis',
      'profile',
    ),
    anyValue,
    { maxKeys: 6 },
  ),
  relations: fc.option(
    fc.array(
      fc.record({ type: word, targetRef: fc.string({ maxLength: 20 }) }),
      { maxLength: 3 },
    ),
    { nil: undefined },
  ),
}) as fc.Arbitrary<Entity>;

const path = fc.constantFrom(
  'spec.type',
  'spec.replicas',
  "metadata.annotations['readiness/runbook']",
  'metadata.links[type=runbook].url',
  'metadata.tags',
  'metadata.links[0]',
  'relations',
);
const leaf = fc.oneof(
  fc.record({ path, op: fc.constantFrom('exists', 'absent', 'notEmpty') }),
  fc.record({
    path,
    op: fc.constant('equals'),
    value: fc.oneof(word, fc.integer(), fc.boolean()),
  }),
  fc.record({
    path,
    op: fc.constant('oneOf'),
    values: fc.array(word, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    path,
    op: fc.constant('matches'),
    pattern: fc.constantFrom('^https?://', 'a+', '.*', '^$'),
  }),
  fc.record({
    path,
    op: fc.constantFrom('gt', 'gte', 'lt', 'lte'),
    value: fc.integer({ min: -5, max: 5 }),
  }),
);
const predicate = fc.letrec(tie => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;
const role = fc.constantFrom('incident', 'technical', 'communication');
const withOf = fc.oneof(
  predicate.map(w => ({ type: 'catalog', with: w })),
  fc.record({
    type: fc.constant('relation'),
    with: fc.record({
      type: fc.constantFrom('partOf', 'ownedBy', 'x'),
      min: fc.integer({ min: 1, max: 3 }),
    }),
  }),
  fc.record({
    type: fc.constant('ownership'),
    with: fc.record({
      rule: fc.constant('role'),
      role,
      contact: fc.boolean(),
      resolve: fc.boolean(),
    }),
  }),
  fc.constant({
    type: 'ownership',
    with: {
      rule: 'distinct',
      roles: ['incident', 'technical', 'communication'],
    },
  }),
  fc.constant({ type: 'ownership', with: { rule: 'channel' } }),
  fc.record({
    type: fc.constant('fact'),
    with: fc.record({
      fact: fc.constantFrom('load', 'scan'),
      path: fc.constantFrom('p95', 'a.b'),
      op: fc.constant('lte'),
      value: fc.integer(),
      maxAge: fc.constantFrom('P1D', '12h'),
    }),
  }),
  fc.record({
    type: fc.constant('http'),
    with: fc.record({
      assert: fc.constantFrom(
        'status',
        'latency',
        'tls',
        'httpsRedirect',
        'hsts',
      ),
    }),
  }),
  fc.record({
    type: fc.constant('attestation'),
    with: fc.record({ maxAge: fc.constantFrom('P30D', '1w') }),
  }),
  fc.record({
    type: fc.constant('rollup'),
    with: fc.record({
      of: fc.constantFrom('parts', 'owned'),
      require: fc.constantFrom('all-ready', 'none-blocked'),
    }),
  }),
);
const checkArb = fc
  .tuple(
    withOf,
    fc.constantFrom('critical', 'required', 'recommended'),
    fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
    fc.option(fc.constantFrom('2026-01-01', '2030-01-01'), { nil: undefined }),
  )
  .map(([c, severity, weight, enforceFrom]) => ({
    ...c,
    severity,
    ...(weight ? { weight } : {}),
    ...(enforceFrom ? { enforceFrom } : {}),
  }));
const scorecardArb = fc
  .array(fc.array(checkArb, { minLength: 1, maxLength: 5 }), {
    minLength: 1,
    maxLength: 3,
  })
  .chain(areas =>
    fc
      .record({ passingScore: fc.integer({ min: 0, max: 100 }) })
      .map(({ passingScore }) => {
        let n = 0;
        return {
          apiVersion: 'readiness/v1',
          kind: 'Scorecard',
          metadata: { name: 'random' },
          spec: {
            passingScore,
            areas: areas.map((checks, a) => ({
              id: `area-${a}`,
              title: `Area ${a}`,
              checks: checks.map(c => ({
                id: `check-${n++}`,
                title: 'T',
                ...c,
              })),
            })),
            levels: [{ id: 'first', title: 'First', checks: ['check-0'] }],
          },
        };
      }),
  );

const factsArb = fc.dictionary(
  fc.constant('component:default/a'),
  fc.array(
    fc.record({
      id: fc.constantFrom('load', 'scan', 'http'),
      value: anyValue,
      observedAt: fc.constantFrom('2026-11-20T00:00:00Z', 'not a date'),
    }),
  ),
);

describe('engine properties', () => {
  it('never throws on random entities and scorecards, and keeps scores within 0–100', () => {
    fc.assert(
      fc.property(
        scorecardArb,
        fc.array(entityArb, { minLength: 1, maxLength: 4 }),
        factsArb,
        (doc, entities, facts) => {
          const card = compileScorecard(parseScorecard(doc));
          const ctx = createEvaluationContext({
            now: '2026-11-23T00:00:00Z',
            entities,
            facts,
          });
          for (const entity of entities) {
            const r = evaluateEntity(card, entity, ctx);
            expect(r.score).toBeGreaterThanOrEqual(0);
            expect(r.score).toBeLessThanOrEqual(100);
            expect(READINESS_STATUSES).toContain(r.status);
            expect(r.checks).toHaveLength(card.checks.length);
            for (const a of r.areas) {
              expect(a.score).toBeGreaterThanOrEqual(0);
              expect(a.score).toBeLessThanOrEqual(100);
            }
            const criticalOpen = r.checks.some(
              c =>
                c.counted && c.severity === 'critical' && c.result !== 'pass',
            );
            expect(r.status === 'blocked').toBe(criticalOpen);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('scores by items or by weight, and only the score differs between the two', () => {
    fc.assert(
      fc.property(
        scorecardArb,
        fc.array(entityArb, { minLength: 1, maxLength: 3 }),
        factsArb,
        (doc, entities, facts) => {
          const weighted = compileScorecard(parseScorecard(doc));
          const unweighted = JSON.parse(JSON.stringify(doc));
          unweighted.spec.scoring = 'items';
          for (const area of unweighted.spec.areas) {
            for (const check of area.checks) delete check.weight;
          }
          const items = compileScorecard(parseScorecard(unweighted));
          const ctx = createEvaluationContext({
            now: '2026-11-23T00:00:00Z',
            entities,
            facts,
          });
          const pct = (p: number, t: number) =>
            t === 0 ? 100 : Math.round((1000 * p) / t) / 10;
          for (const entity of entities) {
            const w = evaluateEntity(weighted, entity, ctx);
            const i = evaluateEntity(items, entity, ctx);
            const counted = i.checks.filter(c => c.counted);
            const passing = counted.filter(c => c.result === 'pass');
            // Items: the share of counted checks that pass, each counting once.
            expect(i.score).toBe(pct(passing.length, counted.length));
            // Weighted: the share of the counted weight that passes.
            const weightOf = (cs: typeof counted) =>
              cs.reduce((sum, c) => sum + c.weight, 0);
            const wCounted = w.checks.filter(c => c.counted);
            expect(w.score).toBe(
              pct(
                weightOf(wCounted.filter(c => c.result === 'pass')),
                weightOf(wCounted),
              ),
            );
            // Every critical item must pass in both modes ("critical items 100 %").
            const criticalOpen = counted.some(
              c => c.severity === 'critical' && c.result !== 'pass',
            );
            for (const r of [w, i]) {
              let expected = r.score >= r.passingScore ? 'ready' : 'needs-work';
              if (criticalOpen) expected = 'blocked';
              expect(r.status).toBe(expected);
            }
            // The checks themselves do not depend on the scoring mode.
            expect(i.checks.map(c => [c.checkId, c.result, c.message])).toEqual(
              w.checks.map(c => [c.checkId, c.result, c.message]),
            );
            expect(i.level).toEqual(w.level);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a check that does not apply never changes score, status, areas or level', () => {
    fc.assert(
      fc.property(
        scorecardArb,
        checkArb,
        fc.nat(),
        fc.array(entityArb, { minLength: 1, maxLength: 3 }),
        factsArb,
        (doc, extra, at, entities, facts) => {
          const withExtra = JSON.parse(JSON.stringify(doc));
          const area = withExtra.spec.areas[at % withExtra.spec.areas.length];
          area.checks.push({
            ...extra,
            id: 'extra',
            title: 'Extra',
            when: {
              kinds: ['NoSuchKind'],
              reason: 'the service takes no automated actions',
            },
          });
          const base = compileScorecard(parseScorecard(doc));
          const more = compileScorecard(parseScorecard(withExtra));
          const ctx = createEvaluationContext({
            now: '2026-11-23T00:00:00Z',
            entities,
            facts,
            exemptions: {
              'component:default/a': [
                { checkId: 'extra', reason: 'x', approvedBy: 'user:default/b' },
              ],
            },
          });
          for (const entity of entities) {
            const a = evaluateEntity(base, entity, ctx);
            const b = evaluateEntity(more, entity, ctx);
            const { checks: _a, ...restA } = a;
            const { checks: _b, ...restB } = b;
            expect(restB).toEqual(restA);
            expect(b.checks.find(c => c.checkId === 'extra')).toMatchObject({
              result: 'not-applicable',
              counted: false,
              message: 'Does not apply: the service takes no automated actions',
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects any malformed document with a ScorecardValidationError, never another error', () => {
    fc.assert(
      fc.property(fc.anything(), fc.jsonValue(), (junk, json) => {
        for (const doc of [
          junk,
          json,
          {
            apiVersion: 'readiness/v1',
            kind: 'Scorecard',
            metadata: { name: 'x' },
            spec: json,
          },
        ]) {
          let thrown: unknown = undefined;
          try {
            parseScorecard(doc);
          } catch (e) {
            thrown = e;
          }
          expect(
            thrown === undefined || thrown instanceof ScorecardValidationError,
          ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { Entity } from '@backstage/catalog-model';
import { OWNERSHIP_FIELD_ANNOTATIONS } from './ownership';
import { ownershipFromAnnotations, applyOwnership } from './ownership';
import { parseOwnerRef } from './ownerRef';
import { parseEvidence } from './evidence';
import { parseGoLiveDate } from './golive/phase';
import { compileScorecard } from './engine/compile';
import { createEvaluationContext } from './engine/context';
import { evaluateEntity } from './engine/evaluate';
import { parseDuration } from './engine/duration';
import { parsePath } from './engine/paths';
import { parseScorecard, parseScorecardYaml } from './scorecard/parse';
import { ScorecardValidationError } from './scorecard/errors';
import { READINESS_STATUSES } from './types';

/**
 * Random input to everything that reads text people write: scorecard files,
 * annotations, evidence documents, durations and field paths. Each either
 * answers or throws its own clear error, never another one. The case counts
 * add up to 11,000 in this file (with the API fuzz in the backend, more).
 */
const RUNS = {
  yamlText: 2000,
  scorecardMutation: 2000,
  annotations: 2000,
  evidence: 1000,
  durationsAndPaths: 2000,
  engine: 2000,
};

const production = parse(
  fs.readFileSync(
    path.resolve(__dirname, '../../../examples/scorecards/production.yaml'),
    'utf8',
  ),
);

const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '%',
  ':',
  '::',
  'group:',
  ':x',
  'a:b:c',
  'group:default/',
  'user:default/jane',
  'group:payments',
  'Payments Team',
  'https://',
  ['javascript', 'alert(1)'].join(':'),
  'http://127.0.0.1:8080/health',
  '2026-02-30',
  '2026-11-23',
  '9999-99-99',
  '1e309',
  '-0',
  'P',
  'PT',
  'P1Y2M3W4DT5H6M7S',
  '999999999999999999999d',
  `${'9'.repeat(400)}d`,
  `P${'9'.repeat(400)}D`,
  'x'.repeat(2000),
  '😀',
  '\n---\n',
);
const text = fc.oneof(
  nasty,
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const anyValue = fc.oneof(text, fc.jsonValue({ maxDepth: 3 }), fc.anything());

/** What `fn` returned, or the error it threw. */
function attempt<T>(fn: () => T): { value?: T; error?: unknown } {
  try {
    return { value: fn() };
  } catch (error) {
    return { error };
  }
}

/**
 * The error unless it is of `type` (exactly, not a subclass such as a
 * TypeError) with a message saying what was wrong (`says`); undefined for none.
 */
function unclear(error: unknown, type: Function, says = /./): unknown {
  if (error === undefined) return undefined;
  const clear =
    error instanceof type &&
    (type !== Error || (error as Error).constructor === Error) &&
    says.test(String((error as Error).message ?? ''));
  return clear ? undefined : error;
}

/** Sets `value` at a random place in a deep copy of `doc`. */
function mutate(doc: unknown, picks: number[], value: unknown): unknown {
  const copy = structuredClone(doc) as any;
  let node = copy;
  for (const pick of picks) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[pick % keys.length];
    if (pick % 3 === 0 || node[key] === null || typeof node[key] !== 'object') {
      node[key] = value;
      return copy;
    }
    node = node[key];
  }
  return copy;
}

const annotations = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      ...Object.values(OWNERSHIP_FIELD_ANNOTATIONS),
      'readiness/health-url',
      'backstage.io/techdocs-ref',
      'pagerduty.com/service-id',
    ),
    text,
  ),
  text,
  { maxKeys: 8 },
);

const entityArb: fc.Arbitrary<Entity> = fc.record({
  apiVersion: fc.constant('backstage.io/v1alpha1'),
  kind: fc.constantFrom('Component', 'System', 'Domain', 'Group', 'API'),
  metadata: fc.record({
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
    namespace: fc.constantFrom('default', 'other'),
    annotations,
    links: fc.array(fc.record({ url: text, type: text }), { maxLength: 2 }),
    tags: fc.array(text, { maxLength: 2 }),
  }),
  spec: fc.dictionary(
    fc.constantFrom('type', 'lifecycle', 'owner', 'system', 'domain'),
    anyValue,
    { maxKeys: 5 },
  ),
  relations: fc.array(fc.record({ type: text, targetRef: text }), {
    maxLength: 3,
  }),
}) as fc.Arbitrary<Entity>;

describe('parsers and the engine under random input', () => {
  it('reads any YAML text into scorecards or a ScorecardValidationError', () => {
    const yamlish = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc
        .tuple(fc.jsonValue({ maxDepth: 4 }), fc.nat())
        .map(([v, n]) =>
          JSON.stringify(mutate(production, [n, n >> 3, n >> 6], v)),
        ),
    );
    fc.assert(
      fc.property(yamlish, t =>
        expect(
          unclear(
            attempt(() => parseScorecardYaml(t)).error,
            ScorecardValidationError,
          ),
        ).toBeUndefined(),
      ),
      { numRuns: RUNS.yamlText },
    );
  });

  it('rejects a scorecard with one field changed to anything by naming the field, or accepts and evaluates it', () => {
    const ctx = createEvaluationContext({
      now: '2026-11-30T00:00:00Z',
      entities: [],
    });
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        anyValue,
        entityArb,
        (picks, value, entity) => {
          const { value: card, error } = attempt(() =>
            compileScorecard(parseScorecard(mutate(production, picks, value))),
          );
          expect(unclear(error, ScorecardValidationError)).toBeUndefined();
          expect(
            error === undefined ||
              (error as ScorecardValidationError).issues.length > 0,
          ).toBe(true);
          const status = card
            ? evaluateEntity(card, entity, ctx).status
            : 'ready';
          expect(READINESS_STATUSES).toContain(status);
        },
      ),
      { numRuns: RUNS.scorecardMutation },
    );
  });

  it('reads any annotations into owners, refs and dates without throwing', () => {
    fc.assert(
      fc.property(annotations, text, fc.anything(), (a, value, junk) => {
        const roles = ownershipFromAnnotations(a);
        for (const v of Object.values(roles)) {
          expect(typeof v).toBe('string');
          expect(v).toBe(v!.trim());
        }
        applyOwnership(a, { incident: value });
        for (const v of [value, junk, ...Object.values(a)]) {
          expect(typeof parseOwnerRef(v).ok).toBe('boolean');
        }
        const day = parseGoLiveDate(value);
        expect(day === undefined || Number.isFinite(day)).toBe(true);
      }),
      { numRuns: RUNS.annotations },
    );
  });

  it('accepts or rejects any evidence document with an error naming the field', () => {
    fc.assert(
      fc.property(anyValue, v =>
        expect(
          unclear(
            attempt(() => parseEvidence(v, 'evidence.json')).error,
            Error,
          ),
        ).toBeUndefined(),
      ),
      { numRuns: RUNS.evidence },
    );
  });

  it('parses any duration and field path, or says what is wrong with it', () => {
    fc.assert(
      fc.property(text, t => {
        const { value: ms, error } = attempt(() => parseDuration(t));
        expect(
          unclear(error, Error, /^(invalid duration|duration ".*" is)/s),
        ).toBeUndefined();
        expect(ms === undefined || (Number.isFinite(ms) && ms >= 0)).toBe(true);
        expect(
          unclear(attempt(() => parsePath(t)).error, Error, /^invalid path /),
        ).toBeUndefined();
      }),
      { numRuns: RUNS.durationsAndPaths },
    );
  });

  it('evaluates the example production scorecard on any entity and catalog', () => {
    const card = compileScorecard(parseScorecard(production));
    fc.assert(
      fc.property(
        fc.array(entityArb, { minLength: 1, maxLength: 4 }),
        entities => {
          const ctx = createEvaluationContext({
            now: '2026-11-30T00:00:00Z',
            entities,
          });
          for (const entity of entities) {
            const r = evaluateEntity(card, entity, ctx);
            expect(r.score).toBeGreaterThanOrEqual(0);
            expect(r.score).toBeLessThanOrEqual(100);
            expect(READINESS_STATUSES).toContain(r.status);
            for (const c of r.checks) expect(typeof c.message).toBe('string');
          }
        },
      ),
      { numRuns: RUNS.engine },
    );
  });
});

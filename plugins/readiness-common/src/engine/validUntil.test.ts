import fc from 'fast-check';
import { compileScorecard } from './compile';
import { createEvaluationContext, EvaluationContextInput } from './context';
import { evaluateEntity } from './evaluate';
import { parseScorecard } from '../scorecard/parse';
import { component, scorecardDoc } from './testUtils';

const REF = 'component:default/svc';
const DAY = 86_400_000;
const T0 = Date.parse('2026-11-23T12:00:00.000Z');
const iso = (t: number) => new Date(t).toISOString();

const card = compileScorecard(
  parseScorecard(
    scorecardDoc([
      {
        id: 'fresh',
        title: 'Fresh fact',
        severity: 'critical',
        type: 'fact',
        with: { fact: 'load-test', op: 'exists', maxAge: 'P7D' },
      },
      {
        id: 'signed',
        title: 'Attested',
        severity: 'required',
        type: 'attestation',
        with: { maxAge: 'P30D' },
      },
      {
        id: 'later',
        title: 'Enforced later',
        severity: 'required',
        type: 'catalog',
        with: { path: "metadata.annotations['x']", op: 'notEmpty' },
        enforceFrom: '2026-12-10',
      },
      {
        id: 'waived',
        title: 'Exempted',
        severity: 'required',
        type: 'catalog',
        with: { path: "metadata.annotations['y']", op: 'notEmpty' },
      },
    ]),
  ),
);

/** Evidence whose times are offsets (ms) from T0, so fast-check can move them. */
function evidence(o: {
  factAge: number;
  attestAge: number;
  attestExpiresIn?: number;
  exemptionExpiresIn?: number;
}): Omit<EvaluationContextInput, 'now'> {
  return {
    facts: {
      [REF]: [{ id: 'load-test', value: 1, observedAt: iso(T0 - o.factAge) }],
    },
    attestations: {
      [REF]: [
        {
          checkId: 'signed',
          attestedBy: 'user:default/ann',
          attestedAt: iso(T0 - o.attestAge),
          expiresAt:
            o.attestExpiresIn === undefined
              ? undefined
              : iso(T0 + o.attestExpiresIn),
        },
      ],
    },
    exemptions:
      o.exemptionExpiresIn === undefined
        ? {}
        : {
            [REF]: [
              {
                checkId: 'waived',
                reason: 'r',
                approvedBy: 'user:default/bo',
                expiresAt: iso(T0 + o.exemptionExpiresIn),
              },
            ],
          },
  };
}

const at = (now: number, input: Omit<EvaluationContextInput, 'now'>) => {
  const r = evaluateEntity(
    card,
    component('svc'),
    createEvaluationContext({ now: iso(now), ...input }),
  );
  // What may differ between two evaluations of the same inputs.
  const { evaluatedAt: _e, validUntil, ...found } = r;
  return { found, validUntil };
};

describe('validUntil', () => {
  it('is the first time a fact, attestation, exemption or enforcement date changes the result', () => {
    const input = evidence({
      factAge: 2 * DAY, // too old 5 days from now
      attestAge: 10 * DAY, // too old 20 days from now
      attestExpiresIn: 3 * DAY,
      exemptionExpiresIn: 4 * DAY,
    });
    expect(at(T0, input).validUntil).toBe(iso(T0 + 3 * DAY));
    // Then the exemption, then the fact.
    expect(at(T0 + 3 * DAY, input).validUntil).toBe(iso(T0 + 4 * DAY));
    expect(at(T0 + 4 * DAY, input).validUntil).toBe(iso(T0 + 5 * DAY + 1));
    // A stale fact's message says its age in days: it changes daily.
    expect(at(T0 + 6 * DAY, input).validUntil).toBe(iso(T0 + 7 * DAY));
    // With fresh evidence, the day 'later' starts to count comes first.
    const fresh = evidence({
      factAge: -13 * DAY, // observed on 2026-12-06, the time of evaluation
      attestAge: -13 * DAY,
      exemptionExpiresIn: 40 * DAY,
    });
    expect(at(T0 + 13 * DAY, fresh).validUntil).toBe(
      '2026-12-10T00:00:00.000Z',
    );
  });

  it('has nothing time-bound to say about a result that only reads the catalog', () => {
    const plain = compileScorecard(
      parseScorecard(
        scorecardDoc([
          {
            id: 'c',
            title: 'C',
            severity: 'required',
            type: 'catalog',
            with: { path: 'metadata.name', op: 'notEmpty' },
          },
        ]),
      ),
    );
    const r = evaluateEntity(
      plain,
      component('svc'),
      createEvaluationContext({ now: iso(T0) }),
    );
    expect(r.validUntil).toBeUndefined();
  });

  it('holds: evaluated at any time before validUntil, the result is the same', () => {
    const span = 40 * DAY;
    fc.assert(
      fc.property(
        fc.record({
          factAge: fc.integer({ min: -DAY, max: span }),
          attestAge: fc.integer({ min: -DAY, max: span }),
          attestExpiresIn: fc.option(fc.integer({ min: -span, max: span }), {
            nil: undefined,
          }),
          exemptionExpiresIn: fc.option(fc.integer({ min: -span, max: span }), {
            nil: undefined,
          }),
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (o, fraction) => {
          const input = evidence(o);
          const first = at(T0, input);
          const until = first.validUntil
            ? Date.parse(first.validUntil)
            : T0 + 365 * DAY;
          const later = T0 + Math.floor(fraction * (until - T0 - 1));
          expect(at(later, input).found).toEqual(first.found);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

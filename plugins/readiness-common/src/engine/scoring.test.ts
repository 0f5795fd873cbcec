import { compileScorecard } from './compile';
import { createEvaluationContext } from './context';
import { evaluateEntity } from './evaluate';
import { parseScorecard } from '../scorecard/parse';

/** A checklist of `n` catalog items; `critical` of them critical. */
function checklist(n: number, critical: number, scoring?: string) {
  return compileScorecard(
    parseScorecard({
      apiVersion: 'readiness/v1',
      kind: 'Scorecard',
      metadata: { name: 'checklist' },
      spec: {
        ...(scoring ? { scoring } : {}),
        passingScore: 95,
        areas: [
          {
            id: 'all',
            title: 'All',
            checks: Array.from({ length: n }, (_, i) => ({
              id: `item-${i}`,
              title: `Item ${i}`,
              severity: i < critical ? 'critical' : 'recommended',
              type: 'catalog',
              with: { path: `metadata.annotations['item-${i}']`, op: 'exists' },
            })),
          },
        ],
      },
    }),
  );
}

function entityWith(done: number[]) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'svc',
      annotations: Object.fromEntries(done.map(i => [`item-${i}`, 'yes'])),
    },
  };
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => from + i);

describe('scoring: items (seed 001: minimum 95 %, critical items 100 %)', () => {
  const card = checklist(20, 2, 'items');
  const run = (done: number[]) => {
    const entity = entityWith(done);
    return evaluateEntity(
      card,
      entity,
      createEvaluationContext({
        now: '2026-11-23T00:00:00Z',
        entities: [entity],
      }),
    );
  };

  it('is ready at 19 of 20 items when the open one is not critical', () => {
    const r = run(range(0, 19));
    expect([r.score, r.status]).toEqual([95, 'ready']);
    expect(r.checks.every(c => c.weight === 1)).toBe(true);
  });

  it('needs work at 18 of 20', () => {
    expect(run(range(0, 18)).status).toBe('needs-work');
  });

  it('is blocked at 19 of 20 when the open item is critical', () => {
    const r = run(range(1, 20));
    expect([r.score, r.status]).toEqual([95, 'blocked']);
  });

  it('differs from weighted scoring, where a critical item weighs five', () => {
    const weighted = checklist(20, 2);
    const entity = entityWith(range(0, 18));
    const r = evaluateEntity(
      weighted,
      entity,
      createEvaluationContext({
        now: '2026-11-23T00:00:00Z',
        entities: [entity],
      }),
    );
    // 2 critical (5 each) + 16 recommended passing of 2*5 + 18*1 = 28.
    expect(r.score).toBe(92.9);
  });

  it('refuses a weight under scoring: items, naming the field', () => {
    expect(() =>
      parseScorecard({
        apiVersion: 'readiness/v1',
        kind: 'Scorecard',
        metadata: { name: 'x' },
        spec: {
          scoring: 'items',
          areas: [
            {
              id: 'a',
              title: 'A',
              checks: [
                {
                  id: 'c',
                  title: 'C',
                  severity: 'required',
                  weight: 4,
                  type: 'attestation',
                },
              ],
            },
          ],
        },
      }),
    ).toThrow(/spec\.areas\[0\]\.checks\[0\]\.weight.*scoring: items/s);
  });
});

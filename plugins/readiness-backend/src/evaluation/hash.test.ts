import type { EntityReadiness } from '@readiness/backstage-plugin-readiness-common';
import { hashResult } from './hash';

const result: EntityReadiness = {
  entityRef: 'component:default/payments-api',
  scorecard: 'production',
  status: 'needs-work',
  score: 90,
  passingScore: 95,
  verdict: 'Needs work',
  areas: [{ id: 'ownership', title: 'Ownership', score: 90 } as any],
  checks: [
    {
      checkId: 'runbook',
      title: 'Runbook is linked',
      area: 'ownership',
      severity: 'required',
      weight: 3,
      result: 'fail',
      message: 'No runbook',
      counted: true,
    },
  ],
  evaluatedAt: '2026-11-30T10:00:00.000Z',
};

describe('hashResult', () => {
  const hash = (r: EntityReadiness, fingerprint = 'v1') =>
    hashResult(r, { owner: 'group:default/payments' }, fingerprint);

  it('ignores the evaluation time and the scorecard text it repeats', () => {
    expect(hash({ ...result, evaluatedAt: '2027-01-01T00:00:00Z' })).toBe(
      hash(result),
    );
  });

  it('changes with what the evaluation found, and with the scorecard', () => {
    const base = hash(result);
    const check = (over: object) =>
      hash({ ...result, checks: [{ ...result.checks[0], ...over }] });
    expect(check({ message: 'Runbook at https://r' })).not.toBe(base);
    expect(check({ result: 'pass' })).not.toBe(base);
    expect(check({ evidence: { by: 'user:default/guest' } })).not.toBe(base);
    expect(hash({ ...result, score: 91 })).not.toBe(base);
    expect(hash(result, 'v2')).not.toBe(base);
    expect(hashResult(result, { owner: 'group:default/sre' }, 'v1')).not.toBe(
      base,
    );
  });
});

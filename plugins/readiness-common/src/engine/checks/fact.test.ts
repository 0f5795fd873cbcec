import type { JsonValue } from '@backstage/types';
import { component, runCheck } from '../testUtils';

const ref = 'component:default/svc';
const fact = (value: JsonValue, observedAt = '2026-11-20T00:00:00Z') => ({
  facts: { [ref]: [{ id: 'load-test', value, observedAt, source: 'ci:k6' }] },
});
const p95 = {
  type: 'fact',
  with: {
    fact: 'load-test',
    path: 'p95Ms',
    op: 'lte',
    value: 200,
    maxAge: 'P30D',
  },
};

describe('fact checks', () => {
  it('compares a value inside the fact with a threshold', () => {
    expect(runCheck(p95, component('svc'), fact({ p95Ms: 140 }))).toMatchObject(
      {
        result: 'pass',
        message: 'load-test.p95Ms is 140',
        observed: 140,
        threshold: 200,
        evidence: { source: 'ci:k6', observedAt: '2026-11-20T00:00:00Z' },
      },
    );
    expect(runCheck(p95, component('svc'), fact({ p95Ms: 240 }))).toMatchObject(
      {
        result: 'fail',
        message: 'load-test.p95Ms is 240, expected ≤ 200',
      },
    );
  });

  it('is unknown when no fact has arrived', () => {
    expect(runCheck(p95, component('svc'))).toMatchObject({
      result: 'unknown',
      message: 'No load-test fact yet: report it from CI or a probe',
    });
  });

  it('fails a stale fact with its age', () => {
    expect(
      runCheck(
        p95,
        component('svc'),
        fact({ p95Ms: 140 }, '2026-10-01T00:00:00Z'),
      ),
    ).toMatchObject({
      result: 'fail',
      message:
        'load-test fact is stale: observed 53 days ago, more than the 30 days allowed',
    });
  });

  it('uses the newest fact of an id', () => {
    const facts = {
      [ref]: [
        {
          id: 'load-test',
          value: { p95Ms: 900 },
          observedAt: '2026-11-01T00:00:00Z',
        },
        {
          id: 'load-test',
          value: { p95Ms: 120 },
          observedAt: '2026-11-22T00:00:00Z',
        },
        {
          id: 'load-test',
          value: { p95Ms: 700 },
          observedAt: '2026-11-10T00:00:00Z',
        },
      ],
    };
    expect(runCheck(p95, component('svc'), { facts }).observed).toBe(120);
  });

  it('gives an error for an unreadable time', () => {
    expect(
      runCheck(p95, component('svc'), fact({ p95Ms: 1 }, 'yesterday')).result,
    ).toBe('error');
  });

  it('compares the whole value without a path', () => {
    const check = {
      type: 'fact',
      with: { fact: 'load-test', op: 'equals', value: 'green' },
    };
    expect(runCheck(check, component('svc'), fact('green')).result).toBe(
      'pass',
    );
  });
});

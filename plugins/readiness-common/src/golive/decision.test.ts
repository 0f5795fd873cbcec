import type { CheckResult, EntityReadiness } from '../types';
import { goLiveDecision } from './decision';

const check = (
  checkId: string,
  area: string,
  value: CheckResult['result'],
  severity: CheckResult['severity'] = 'required',
): CheckResult => ({
  checkId,
  title: `Check ${checkId}`,
  area,
  severity,
  weight: 1,
  result: value,
  message: '',
  counted: value !== 'exempt',
});

/** A result whose areas follow from its checks, as the engine scores them. */
function result(
  status: EntityReadiness['status'],
  checks: CheckResult[],
): EntityReadiness {
  const areas = ['ownership', 'observability'].map(id => {
    const mine = checks.filter(c => c.area === id && c.counted);
    const failing = mine.filter(c => c.result !== 'pass').map(c => c.checkId);
    return {
      id,
      title: id === 'ownership' ? 'Ownership' : 'Observability',
      score: 0,
      passed: mine.length - failing.length,
      total: mine.length,
      failing,
    };
  });
  return {
    entityRef: 'component:default/payments-api',
    scorecard: 'production',
    status,
    score: 97.6,
    passingScore: 95,
    verdict: '',
    areas,
    checks,
    evaluatedAt: '2026-12-07T00:00:00Z',
  };
}

const signed = { complete: true, signed: 5, total: 5 };
const unsigned = { complete: false, signed: 2, total: 5 };

describe('goLiveDecision', () => {
  const complete = result('ready', [
    check('owner', 'ownership', 'pass', 'critical'),
    check('dashboard', 'observability', 'pass'),
    check('waived', 'observability', 'exempt'),
  ]);
  const dashboardMissing = result('ready', [
    check('owner', 'ownership', 'pass', 'critical'),
    check('dashboard', 'observability', 'fail'),
  ]);

  it('is a pilot expansion while a Ready service has an incomplete area, naming it', () => {
    const d = goLiveDecision(dashboardMissing, signed, 'complete-areas');
    expect(d.decision).toBe('pilot');
    expect(d.short).toBe('Pilot expansion: Observability incomplete');
    expect(d.text).toContain('not a production launch');
    expect(d.incompleteAreas).toEqual([
      {
        id: 'observability',
        title: 'Observability',
        open: ['Check dashboard'],
      },
    ]);
  });

  it('awaits sign-off once every area is complete (an exemption counts as complete), then launches', () => {
    expect(goLiveDecision(complete, unsigned, 'complete-areas')).toMatchObject({
      decision: 'awaiting-sign-off',
      short: 'Awaiting sign-off (2 of 5)',
    });
    expect(goLiveDecision(complete, signed, 'complete-areas').decision).toBe(
      'launch',
    );
  });

  it('keeps the old rule where the scorecard does not ask for complete areas', () => {
    expect(goLiveDecision(dashboardMissing, signed).decision).toBe('launch');
    expect(goLiveDecision(dashboardMissing, signed, 'ready').decision).toBe(
      'launch',
    );
  });

  it('is not ready while Blocked, naming the blocking checks, or below the pass mark', () => {
    const blocked = goLiveDecision(
      result('blocked', [
        check('health', 'observability', 'fail', 'critical'),
        check('owner', 'ownership', 'unknown', 'critical'),
        check('dashboard', 'observability', 'fail'),
      ]),
      signed,
      'complete-areas',
    );
    expect(blocked.decision).toBe('not-ready');
    expect(blocked.blocking).toEqual(['Check health', 'Check owner']);
    expect(blocked.text).toBe(
      'Not ready to go live: blocked by Check health and Check owner.',
    );
    const below = goLiveDecision(
      { ...dashboardMissing, status: 'needs-work', score: 80 },
      signed,
      'complete-areas',
    );
    expect(below).toMatchObject({
      decision: 'not-ready',
      short: 'Not ready: 80 of 95 needed',
    });
    expect(goLiveDecision(undefined, signed).short).toBe('Not evaluated');
    // Many blockers: three named, the rest counted (all in `blocking`).
    const many = goLiveDecision(
      result(
        'blocked',
        ['a', 'b', 'c', 'd', 'e'].map(id =>
          check(id, 'ownership', 'fail', 'critical'),
        ),
      ),
      signed,
    );
    expect(many.text).toBe(
      'Not ready to go live: blocked by Check a, Check b, Check c and 2 more.',
    );
    expect(many.blocking).toHaveLength(5);
  });
});

import fc from 'fast-check';
import { GO_LIVE_PHASES, goLivePhase, parseGoLiveDate } from './phase';
import { firstWeek, isFirstWeekDay, DailyCheck } from './firstWeek';

const at = (iso: string) => new Date(iso);

describe('goLivePhase', () => {
  it.each([
    ['2026-11-20T12:00:00Z', 'preparing', 'T-11'],
    ['2026-11-24T00:00:00Z', 'checklist', 'T-7'],
    ['2026-11-29T23:59:59Z', 'checklist', 'T-2'],
    ['2026-11-30T08:00:00Z', 'sign-off', 'T-1'],
    ['2026-12-01T00:00:00Z', 'launch', 'T-0'],
    ['2026-12-02T10:00:00Z', 'first-week', 'T+1'],
    ['2026-12-08T23:00:00Z', 'first-week', 'T+7'],
    ['2026-12-09T00:00:00Z', 'weekly-review', 'T+8'],
    ['2026-12-29T12:00:00Z', 'weekly-review', 'T+28'],
    ['2026-12-30T00:00:00Z', 'closed', 'T+29'],
  ])(
    'on %s a service going live 2026-12-01 is in %s (%s)',
    (now, phase, label) => {
      expect(goLivePhase('2026-12-01', at(now))).toMatchObject({
        phase,
        label,
      });
    },
  );

  it('is unscheduled without a valid date', () => {
    for (const d of [undefined, '', 'next week', '2026-02-30', '2026-1-5']) {
      expect(goLivePhase(d, at('2026-11-30T00:00:00Z')).phase).toBe(
        'unscheduled',
      );
    }
    expect(parseGoLiveDate('2026-02-28')).toBe(Date.parse('2026-02-28'));
  });

  it('only moves forward through the phases as time passes', () => {
    const order = GO_LIVE_PHASES.map(p => p.phase);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 0, max: 200 * 86_400_000 }),
        fc.integer({ min: 0, max: 86_400_000 * 3 }),
        (days, offset, step) => {
          const date = new Date(Date.UTC(2025, 0, 1) + days * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const t0 = Date.UTC(2025, 0, 1) + offset;
          const a = goLivePhase(date, new Date(t0));
          const b = goLivePhase(date, new Date(t0 + step));
          expect(order.indexOf(b.phase)).toBeGreaterThanOrEqual(
            order.indexOf(a.phase),
          );
          expect(b.day! - a.day!).toBe(
            Math.floor((t0 + step) / 86_400_000) - Math.floor(t0 / 86_400_000),
          );
        },
      ),
    );
  });
});

describe('firstWeek', () => {
  const check = (day: string): DailyCheck => ({
    day,
    items: {
      errorRate: { ok: true },
      latency: { ok: true },
      failedJobs: { ok: false, note: '3 exports failed' },
      userFeedback: { ok: true },
      connectorHealth: { ok: true },
    },
    checkedBy: 'user:default/jane',
    checkedAt: `${day}T09:00:00Z`,
  });

  it('marks each day done, missed, due or upcoming with injected time', () => {
    const checks = [check('2026-12-02'), check('2026-12-04')];
    const days = firstWeek('2026-12-01', at('2026-12-05T10:00:00Z'), checks);
    expect(days.map(d => [d.day, d.date, d.state])).toEqual([
      [1, '2026-12-02', 'done'],
      [2, '2026-12-03', 'missed'],
      [3, '2026-12-04', 'done'],
      [4, '2026-12-05', 'due'],
      [5, '2026-12-06', 'upcoming'],
      [6, '2026-12-07', 'upcoming'],
      [7, '2026-12-08', 'upcoming'],
    ]);
    // The next morning the due day is missed, unless it was checked.
    expect(
      firstWeek('2026-12-01', at('2026-12-06T00:00:01Z'), checks)[3].state,
    ).toBe('missed');
    expect(
      firstWeek('2026-12-01', at('2026-12-06T00:00:01Z'), [
        ...checks,
        check('2026-12-05'),
      ])[3].state,
    ).toBe('done');
  });

  it('keeps a missed day visible when it is checked late', () => {
    const late = { ...check('2026-12-03'), checkedAt: '2026-12-04T08:00:00Z' };
    const days = firstWeek('2026-12-01', at('2026-12-04T10:00:00Z'), [
      check('2026-12-02'),
      late,
    ]);
    expect(days.slice(0, 3).map(d => d.state)).toEqual(['done', 'late', 'due']);
  });

  it('is empty without a go-live date, and knows its days', () => {
    expect(firstWeek(undefined, at('2026-12-05T00:00:00Z'), [])).toEqual([]);
    expect(isFirstWeekDay('2026-12-01', '2026-12-01')).toBe(false);
    expect(isFirstWeekDay('2026-12-01', '2026-12-02')).toBe(true);
    expect(isFirstWeekDay('2026-12-01', '2026-12-08')).toBe(true);
    expect(isFirstWeekDay('2026-12-01', '2026-12-09')).toBe(false);
  });
});

import { remindsOn } from './reminders';

const i = {
  state: 'active' as const,
  startsOn: '2026-12-01',
  deadline: '2026-12-31',
};

describe('remindsOn', () => {
  it('reminds every seventh day from the start, and daily in the last week', () => {
    const days = Array.from(
      { length: 31 },
      (_, n) => `2026-12-${String(n + 1).padStart(2, '0')}`,
    ).filter(d => remindsOn(i, d));
    expect(days).toEqual([
      '2026-12-01',
      '2026-12-08',
      '2026-12-15',
      '2026-12-22',
      '2026-12-25',
      '2026-12-26',
      '2026-12-27',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
    ]);
  });

  it('never reminds before the start, after the deadline, or for a draft, done or missed initiative', () => {
    expect(remindsOn(i, '2026-11-24')).toBe(false);
    expect(remindsOn(i, '2027-01-01')).toBe(false);
    for (const state of ['draft', 'done', 'missed'] as const)
      expect(remindsOn({ ...i, state }, '2026-12-08')).toBe(false);
  });
});

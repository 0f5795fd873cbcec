import { initiativePace } from './initiativePace';

const initiative = (met: number, total: number) => ({
  state: 'active' as const,
  startsOn: '2026-12-01',
  // Ten days: 1st to 10th.
  deadline: '2026-12-10',
  progress: { met, total, open: total - met },
});

describe('initiativePace', () => {
  it('expects an even pace from the start to the end of the deadline day', () => {
    expect(initiativePace(initiative(0, 10), '2026-12-01')).toEqual({
      expected: 1,
      behind: true,
    });
    expect(initiativePace(initiative(1, 10), '2026-12-01').behind).toBe(false);
    expect(initiativePace(initiative(5, 20), '2026-12-02')).toEqual({
      expected: 4,
      behind: false,
    });
  });

  it('is behind with work open in the last week, and never when done, a draft or not started', () => {
    expect(initiativePace(initiative(9, 10), '2026-12-04')).toEqual({
      expected: 4,
      behind: true,
    });
    expect(initiativePace(initiative(10, 10), '2026-12-09').behind).toBe(false);
    expect(
      initiativePace({ ...initiative(0, 10), state: 'draft' }, '2026-12-09')
        .behind,
    ).toBe(false);
    expect(initiativePace(initiative(0, 10), '2026-11-20')).toEqual({
      expected: 0,
      behind: false,
    });
    // After the deadline, everything was expected.
    expect(initiativePace(initiative(3, 10), '2026-12-20').expected).toBe(10);
  });
});

import { phaseChecklists } from './phaseItems';

const phases = [
  { phase: 'checklist' as const, items: [{ id: 'a', title: 'A' }] },
  {
    phase: 'weekly-review' as const,
    items: [
      { id: 'perf', title: 'Performance' },
      { id: 'sec', title: 'Security' },
    ],
  },
];

describe('phaseChecklists', () => {
  it('gives each phase one list, and the weekly reviews one per week, with their days', () => {
    const lists = phaseChecklists(phases, '2026-12-10', []);
    expect(lists.map(l => [l.label, l.occurrence, l.opensOn])).toEqual([
      ['T-7', '', '2026-12-03'],
      ['Week 2', 'week-2', '2026-12-18'],
      ['Week 3', 'week-3', '2026-12-25'],
      ['Week 4', 'week-4', '2027-01-01'],
    ]);
    expect(lists.every(l => !l.complete)).toBe(true);
  });

  it('puts each tick on its phase and week only, and completes a list when every item is ticked', () => {
    const tick = (phase: string, occurrence: string, item: string) => ({
      phase,
      occurrence,
      item,
      doneBy: 'user:default/aiko.tanaka',
      doneAt: '2026-12-18T09:00:00Z',
    });
    const lists = phaseChecklists(phases, '2026-12-10', [
      tick('weekly-review', 'week-2', 'perf'),
      tick('weekly-review', 'week-2', 'sec'),
      tick('weekly-review', 'week-3', 'perf'),
    ]);
    expect(lists.map(l => [l.label, l.complete])).toEqual([
      ['T-7', false],
      ['Week 2', true],
      ['Week 3', false],
      ['Week 4', false],
    ]);
    expect(lists[2].items.map(i => Boolean(i.doneBy))).toEqual([true, false]);
  });

  it('has no lists without a go-live date', () => {
    expect(phaseChecklists(phases, undefined, [])).toEqual([]);
  });
});

import { parseGoLiveDate } from './phase';

/**
 * The phases whose items a scorecard can list (`goLive.phases`): T-7
 * (`checklist`), T-1 (`sign-off`), T-0 (`launch`), T+1 (`first-week`) and the
 * weekly reviews of weeks 2–4 (`weekly-review`, once per week).
 *
 * @public
 */
export const CHECKLIST_PHASES = [
  'checklist',
  'sign-off',
  'launch',
  'first-week',
  'weekly-review',
] as const;

/** @public */
export type ChecklistPhase = (typeof CHECKLIST_PHASES)[number];

/**
 * One item of a phase's checklist, with who ticked it.
 *
 * @public
 */
export interface PhaseItemState {
  id: string;
  title: string;
  doneBy?: string;
  doneAt?: string;
  note?: string;
}

/**
 * A phase's checklist as the Go-live card and the note show it: one for
 * T-7, T-1, T-0 and T+1, and one per week for weeks 2–4.
 *
 * @public
 */
export interface PhaseChecklist {
  phase: ChecklistPhase;
  /** `week-2`, `week-3`, `week-4` for the weekly reviews; '' otherwise. */
  occurrence: string;
  /** `T-7`, `T-1`, `T-0`, `T+1`, `Week 2`… */
  label: string;
  /** The first day items may be ticked (YYYY-MM-DD). */
  opensOn: string;
  items: PhaseItemState[];
  complete: boolean;
}

/** The day a phase (and occurrence) starts, relative to go-live. */
const START: Record<ChecklistPhase, number> = {
  checklist: -7,
  'sign-off': -1,
  launch: 0,
  'first-week': 1,
  'weekly-review': 8,
};
const LABEL: Record<ChecklistPhase, string> = {
  checklist: 'T-7',
  'sign-off': 'T-1',
  launch: 'T-0',
  'first-week': 'T+1',
  'weekly-review': 'Week',
};

/**
 * A phase checklist item ticked off for one go-live date (`occurrence`:
 * `week-2`… for weekly reviews, empty otherwise).
 *
 * @public
 */
export interface PhaseItemTick {
  phase: string;
  occurrence: string;
  item: string;
  doneBy: string;
  doneAt: string;
  note?: string;
}

/**
 * The checklists of a go-live: each phase the scorecard lists items for
 * (weekly reviews three times, for weeks 2, 3 and 4), with the ticks given.
 *
 * @public
 */
export function phaseChecklists(
  phases: ReadonlyArray<{
    phase: ChecklistPhase;
    items: ReadonlyArray<{ id: string; title: string }>;
  }>,
  goLiveDate: string | undefined,
  ticks: ReadonlyArray<PhaseItemTick>,
): PhaseChecklist[] {
  const start = parseGoLiveDate(goLiveDate);
  if (start === undefined) return [];
  const day = (n: number) =>
    new Date(start + n * 86_400_000).toISOString().slice(0, 10);
  const out: PhaseChecklist[] = [];
  for (const p of phases) {
    const occurrences =
      p.phase === 'weekly-review'
        ? [2, 3, 4].map(w => ({
            occurrence: `week-${w}`,
            label: `Week ${w}`,
            opensOn: day(START[p.phase] + (w - 2) * 7),
          }))
        : [
            {
              occurrence: '',
              label: LABEL[p.phase],
              opensOn: day(START[p.phase]),
            },
          ];
    for (const o of occurrences) {
      const items = p.items.map(i => {
        const t = ticks.find(
          x =>
            x.phase === p.phase &&
            x.occurrence === o.occurrence &&
            x.item === i.id,
        );
        return {
          id: i.id,
          title: i.title,
          ...(t
            ? {
                doneBy: t.doneBy,
                doneAt: t.doneAt,
                ...(t.note ? { note: t.note } : {}),
              }
            : {}),
        };
      });
      out.push({
        phase: p.phase,
        ...o,
        items,
        complete: items.every(i => i.doneBy),
      });
    }
  }
  return out;
}

/**
 * Where a service is on its way to production and through its first month,
 * from its go-live date (checklists [001] and [004]: T-7, T-1, T-0, T+1,
 * week 1 daily, weeks 2–4 weekly).
 *
 * @public
 */
export type GoLivePhase =
  | 'unscheduled'
  | 'preparing'
  | 'checklist'
  | 'sign-off'
  | 'launch'
  | 'first-week'
  | 'weekly-review'
  | 'closed';

/**
 * A phase with the day relative to go-live and words for people.
 *
 * @public
 */
export interface GoLivePhaseInfo {
  phase: GoLivePhase;
  /** Whole days from the go-live date (negative before it); absent when unscheduled. */
  day?: number;
  /** `T-7`, `T-1`, `T-0`, `T+3`; absent when unscheduled. */
  label?: string;
  /** What the phase asks of the team, in one line. */
  title: string;
}

import { DAY_MS } from '../time';

/** What each phase asks, in the order a service passes through them. */
export const GO_LIVE_PHASES: ReadonlyArray<{
  phase: GoLivePhase;
  title: string;
}> = [
  { phase: 'unscheduled', title: 'No go-live date set' },
  { phase: 'preparing', title: 'Preparing: work through the checklist' },
  {
    phase: 'checklist',
    title: 'Final week: every gate passes before sign-off',
  },
  { phase: 'sign-off', title: 'Sign-off by every role' },
  {
    phase: 'launch',
    title:
      'Launch day: dashboards watched, on-call confirmed, rollback ready, users told',
  },
  { phase: 'first-week', title: 'First production week: a check every day' },
  { phase: 'weekly-review', title: 'Weeks 2–4: a review every week' },
  { phase: 'closed', title: 'Closed: the first month is over' },
];

/**
 * Parses a go-live date (`YYYY-MM-DD`, a real calendar day); undefined when
 * the text is not one.
 *
 * @public
 */
export function parseGoLiveDate(text: string | undefined): number | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return undefined;
  const ms = Date.parse(`${text.trim()}T00:00:00Z`);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse accepts 2026-02-30; a calendar day round-trips.
  return new Date(ms).toISOString().slice(0, 10) === text.trim()
    ? ms
    : undefined;
}

/** The UTC calendar day of a time, as epoch milliseconds at midnight. */
export function dayOf(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

/** `YYYY-MM-DD` of an epoch time. */
export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The phase of a service on `now` (UTC days), given its go-live date.
 *
 * @public
 */
export function goLivePhase(
  goLiveDate: string | undefined,
  now: Date,
): GoLivePhaseInfo {
  const start = parseGoLiveDate(goLiveDate);
  const titleOf = (p: GoLivePhase) =>
    GO_LIVE_PHASES.find(x => x.phase === p)!.title;
  if (start === undefined)
    return { phase: 'unscheduled', title: titleOf('unscheduled') };
  const day = Math.round((dayOf(now.getTime()) - start) / DAY_MS);
  let phase: GoLivePhase;
  if (day < -7) phase = 'preparing';
  else if (day < -1) phase = 'checklist';
  else if (day === -1) phase = 'sign-off';
  else if (day === 0) phase = 'launch';
  else if (day <= 7) phase = 'first-week';
  else if (day <= 28) phase = 'weekly-review';
  else phase = 'closed';
  const label = day < 0 ? `T${day}` : `T+${day}`.replace('T+0', 'T-0');
  return { phase, day, label, title: titleOf(phase) };
}

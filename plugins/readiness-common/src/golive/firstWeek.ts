import { dayOf, isoDay, parseGoLiveDate } from './phase';

import { DAY_MS } from '../time';

/**
 * What the daily check of the first production week looks at ([000]: error
 * rate, latency, failed jobs, user feedback, connector health).
 *
 * @public
 */
export const DAILY_CHECK_ITEMS = [
  { id: 'errorRate', title: 'Error rate' },
  { id: 'latency', title: 'Latency' },
  { id: 'failedJobs', title: 'Failed jobs' },
  { id: 'userFeedback', title: 'User feedback' },
  { id: 'connectorHealth', title: 'Connector health' },
] as const;

/**
 * One item of a daily check.
 *
 * @public
 */
export type DailyCheckItemId = (typeof DAILY_CHECK_ITEMS)[number]['id'];

/**
 * The daily check of one day of the first production week.
 *
 * @public
 */
export interface DailyCheck {
  /** The day checked, `YYYY-MM-DD`. */
  day: string;
  items: Record<DailyCheckItemId, { ok: boolean; note?: string }>;
  checkedBy: string;
  checkedAt: string;
}

/**
 * One day of the first production week: T+1 … T+7.
 *
 * @public
 */
export interface FirstWeekDay {
  /** 1 … 7. */
  day: number;
  date: string;
  /**
   * `done`: checked that day; `late`: checked on a later day (it was missed
   * and stays visible as such); `missed`: the day passed unchecked; `due`:
   * today; `upcoming`.
   */
  state: 'done' | 'late' | 'missed' | 'due' | 'upcoming';
  check?: DailyCheck;
}

/**
 * The seven days of the first production week and their state on `now`.
 * Empty without a valid go-live date.
 *
 * @public
 */
export function firstWeek(
  goLiveDate: string | undefined,
  now: Date,
  checks: ReadonlyArray<DailyCheck>,
): FirstWeekDay[] {
  const start = parseGoLiveDate(goLiveDate);
  if (start === undefined) return [];
  const today = dayOf(now.getTime());
  const byDay = new Map(checks.map(c => [c.day, c]));
  return Array.from({ length: 7 }, (_, i) => {
    const time = start + (i + 1) * DAY_MS;
    const date = isoDay(time);
    const check = byDay.get(date);
    let state: FirstWeekDay['state'];
    if (check) state = check.checkedAt.slice(0, 10) > date ? 'late' : 'done';
    else if (time < today) state = 'missed';
    else if (time === today) state = 'due';
    else state = 'upcoming';
    return { day: i + 1, date, state, ...(check ? { check } : {}) };
  });
}

/**
 * Whether `day` (`YYYY-MM-DD`) is one of the first production week's days.
 *
 * @public
 */
export function isFirstWeekDay(
  goLiveDate: string | undefined,
  day: string,
): boolean {
  const start = parseGoLiveDate(goLiveDate);
  const d = parseGoLiveDate(day);
  if (start === undefined || d === undefined) return false;
  const n = (d - start) / DAY_MS;
  return n >= 1 && n <= 7;
}

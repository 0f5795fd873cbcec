import type { Initiative } from './api/initiatives';
import { DAY_MS } from './time';

/** How close to the deadline an initiative with work open counts as behind anyway. */
export const INITIATIVE_DUE_SOON_DAYS = 7;

/**
 * Where an active initiative should be by `today` (`YYYY-MM-DD`) if its
 * entities met the goal at an even pace from the start to the end of the
 * deadline day, and whether it is behind: fewer met than that, or work
 * still open within {@link INITIATIVE_DUE_SOON_DAYS} of the deadline.
 *
 * @public
 */
export function initiativePace(
  i: Pick<Initiative, 'state' | 'startsOn' | 'deadline' | 'progress'>,
  today: string,
): { expected: number; behind: boolean } {
  const start = Date.parse(`${i.startsOn}T00:00:00Z`);
  const end = Date.parse(`${i.deadline}T00:00:00Z`) + DAY_MS;
  const at = Date.parse(`${today}T00:00:00Z`) + DAY_MS;
  const share = Math.min(1, Math.max(0, (at - start) / (end - start || 1)));
  const expected = Math.floor(share * i.progress.total);
  const dueSoon =
    end - at < INITIATIVE_DUE_SOON_DAYS * DAY_MS && i.progress.open > 0;
  return {
    expected,
    behind:
      i.state === 'active' &&
      today >= i.startsOn &&
      (i.progress.met < expected || dueSoon),
  };
}

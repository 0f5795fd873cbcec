import { DAY_MS } from '@readiness/backstage-plugin-readiness-common';

/** The weekdays a digest can go out on, as config spells them. */
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

/** When the weekly digest goes out: a weekday and an hour, in UTC. */
export interface DigestSchedule {
  weekday: (typeof WEEKDAYS)[number];
  /** 0–23, UTC. */
  hour: number;
}

/** A digest missed (the backend was down) is still sent this long after its time. */
export const DIGEST_CATCH_UP_MS = 2 * DAY_MS;

/**
 * The digest due at `now`: the day (`YYYY-MM-DD`) of the latest send time
 * at or before `now`, when that was less than {@link DIGEST_CATCH_UP_MS}
 * ago; otherwise undefined. The day names the week's digest, so every scan
 * and replica of that week agrees on it and each team gets it once.
 */
export function digestDue(
  now: Date,
  schedule: DigestSchedule,
): string | undefined {
  const target = WEEKDAYS.indexOf(schedule.weekday);
  const at = new Date(
    Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth(),
      now.getUTCDate(),
      schedule.hour,
    ),
  );
  let back = (now.getUTCDay() - target + 7) % 7;
  if (back === 0 && at.getTime() > now.getTime()) back = 7;
  const sendAt = at.getTime() - back * DAY_MS;
  if (now.getTime() - sendAt >= DIGEST_CATCH_UP_MS) return undefined;
  return new Date(sendAt).toISOString().slice(0, 10);
}

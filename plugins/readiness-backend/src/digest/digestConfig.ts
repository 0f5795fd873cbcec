import { Config } from '@backstage/config';
import { DigestSchedule, WEEKDAYS } from './digestSchedule';

/**
 * `readiness.digest`: on by default, Mondays at 07:00 UTC. An unknown
 * weekday or an hour outside 0–23 stops the start with the field named.
 */
export function readDigestConfig(
  config: Config,
): { enabled: false } | ({ enabled: true } & DigestSchedule) {
  const c = config.getOptionalConfig('readiness.digest');
  if (c?.getOptionalBoolean('enabled') === false) return { enabled: false };
  const weekday = (c?.getOptionalString('weekday') ?? 'monday').toLowerCase();
  if (!(WEEKDAYS as readonly string[]).includes(weekday))
    throw new Error(
      `readiness.digest.weekday: expected one of ${WEEKDAYS.join(
        ', ',
      )}, got "${weekday}"`,
    );
  const hour = c?.getOptionalNumber('hour') ?? 7;
  if (!Number.isInteger(hour) || hour < 0 || hour > 23)
    throw new Error(
      `readiness.digest.hour: expected a whole hour from 0 to 23 (UTC), got ${hour}`,
    );
  return {
    enabled: true,
    weekday: weekday as DigestSchedule['weekday'],
    hour,
  };
}

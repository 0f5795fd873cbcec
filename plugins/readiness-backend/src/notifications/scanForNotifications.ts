import { firstWeek } from '@readiness/backstage-plugin-readiness-common';
import type { ReadinessStores } from '../database/ReadinessStores';
import type { ReadinessNotifier } from './ReadinessNotifier';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/**
 * What the scheduled scan tells owners about: attestations and exemptions
 * running out within seven days, and first-week days that passed without
 * their daily check. The notifier sends each once.
 */
export async function scanForNotifications(
  stores: ReadinessStores,
  notifier: ReadinessNotifier,
  now: Date,
): Promise<{ expiring: number; missed: number }> {
  const expiring = await notifier.evidenceExpiring(
    await stores.evidence.listExpiring(now, new Date(now.getTime() + WEEK_MS)),
  );
  let missed = 0;
  for (const {
    entityRef,
    goLiveDate,
  } of await stores.evaluationState.listGoLives()) {
    const days = firstWeek(
      goLiveDate,
      now,
      await stores.goLive.listDailyChecks(entityRef),
    );
    for (const d of days) {
      if (
        d.state === 'missed' &&
        (await notifier.dailyCheckMissed(entityRef, d.date))
      )
        missed++;
    }
  }
  return { expiring, missed };
}

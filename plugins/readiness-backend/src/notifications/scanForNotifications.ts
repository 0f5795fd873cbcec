import {
  firstWeek,
  DAY_MS,
  InitiativeDetail,
  OwnershipRole,
} from '@readiness/backstage-plugin-readiness-common';
import type { DigestSources } from '../digest/composeDigests';
import { composeDigests } from '../digest/composeDigests';
import { DigestSchedule, digestDue } from '../digest/digestSchedule';
import { remindersFor } from '../initiatives/reminders';
import { confirmationsDue } from '../ownership/confirmationPeriods';
import type { ReadinessStores } from '../stores';
import type { ReadinessNotifier } from './ReadinessNotifier';

const WEEK_MS = 7 * DAY_MS;

/** Where a go-live stands, for the scan: the decision, and whom to tell. */
export type GoLiveStanding = (entityRef: string) => Promise<
  | {
      goLiveDate?: string;
      day?: number;
      decision: { decision: string; short: string };
      /** The members of the sign-off roles' groups. */
      roleMembers: string[];
    }
  | undefined
>;

/**
 * What the scheduled scan tells owners about: attestations and exemptions
 * running out within seven days, first-week days that passed without their
 * daily check, and a go-live date reached without a launch decision (told
 * to the owners and the sign-off roles' groups), and owner confirmations
 * (`confirmedWithin`) running out within seven days (to the role's owner),
 * and initiative reminders (weekly, daily in the last week; one per owner
 * per day), and the weekly digest of each team once its time of the week
 * has come (one per team per week).
 * The notifier sends each once.
 */
export async function scanForNotifications(
  stores: ReadinessStores,
  notifier: ReadinessNotifier,
  now: Date,
  standing?: GoLiveStanding,
  /** How long a confirmation of each role lasts (`confirmedWithin`), when a scorecard asks. */
  confirmFor: Partial<Record<OwnershipRole, number>> = {},
  /** The active initiatives in full, for their reminders. */
  initiatives?: () => Promise<InitiativeDetail[]>,
  /** When the weekly digest goes out, and what it reads; none without it. */
  digest?: { schedule: DigestSchedule; sources: DigestSources },
): Promise<{
  expiring: number;
  missed: number;
  overdue: number;
  confirmations: number;
  reminders: number;
  digests: number;
}> {
  const expiring = await notifier.evidenceExpiring(
    await stores.evidence.listExpiring(now, new Date(now.getTime() + WEEK_MS)),
  );
  const due = confirmationsDue(
    await stores.ownership.listConfirmations(),
    confirmFor,
    new Date(now.getTime() + WEEK_MS),
  );
  const confirmations = await notifier.confirmationExpiring(due);
  const today = now.toISOString().slice(0, 10);
  const reminders = initiatives
    ? await notifier.initiativeReminders(
        today,
        remindersFor(await initiatives(), today),
      )
    : 0;
  const week = digest && digestDue(now, digest.schedule);
  const digests =
    digest && week
      ? await notifier.weeklyDigest(week, () =>
          composeDigests(digest.sources, now, week),
        )
      : 0;
  let missed = 0;
  let overdue = 0;
  for (const {
    entityRef,
    goLiveDate,
  } of await stores.evaluationState.listGoLives()) {
    // From the go-live day through the first week: no launch decision.
    const start = Date.parse(`${goLiveDate}T00:00:00Z`);
    const reached = now.getTime() >= start && now.getTime() < start + WEEK_MS;
    if (reached && standing) {
      const s = await standing(entityRef).catch(() => undefined);
      if (
        s &&
        s.goLiveDate === goLiveDate &&
        s.decision.decision !== 'launch' &&
        (await notifier.goLiveDateMissed(
          entityRef,
          goLiveDate,
          s.decision.short,
          s.roleMembers,
        ))
      )
        overdue++;
    }
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
  return { expiring, missed, overdue, confirmations, reminders, digests };
}

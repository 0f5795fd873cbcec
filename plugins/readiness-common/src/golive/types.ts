import type { ReadinessStatus } from '../types';
import type { GoLiveDecision } from './decision';
import type { DailyCheck, FirstWeekDay } from './firstWeek';
import type { PhaseChecklist } from './phaseItems';
import type { GoLivePhaseInfo } from './phase';
import type { SignoffProgress } from './signoff';

/**
 * Kinds of risky action tracked in the first week ([000]: actions that
 * write data, update systems or call external services).
 *
 * @public
 */
export const RISKY_ACTION_KINDS = [
  'write',
  'system-update',
  'external-call',
] as const;

/**
 * How a risky action turned out.
 *
 * @public
 */
export const RISKY_ACTION_OUTCOMES = [
  'as-expected',
  'unexpected',
  'isolated',
  'reverted',
] as const;

/**
 * A risky action recorded during the first production weeks.
 *
 * @public
 */
export interface RiskyAction {
  id: number;
  kind: (typeof RISKY_ACTION_KINDS)[number];
  description: string;
  /** Who is answerable for it (an entity ref or a name). */
  owner: string;
  outcome: (typeof RISKY_ACTION_OUTCOMES)[number];
  note?: string;
  recordedBy: string;
  recordedAt: string;
}

/**
 * The closure review at the end of the first week ([000]), which goes into
 * the go-live note.
 *
 * @public
 */
export interface ClosureReview {
  /** P1/P2 incidents of the week (text; "none" is an answer). */
  incidents: string;
  supportRequests: string;
  qualityDeviations: string;
  missingRunbookSteps: string;
  reviewedBy: string;
  reviewedAt: string;
}

/**
 * The go-live state of one entity, as `GET …/go-live` returns it.
 *
 * @public
 */
export interface GoLiveResponse {
  entityRef: string;
  /** `YYYY-MM-DD`, from `readiness/go-live-date` (the file or an edit). */
  goLiveDate?: string;
  /** The go-live date annotation when it is not a valid date. */
  invalidGoLiveDate?: string;
  phase: GoLivePhaseInfo;
  /** The entity's status under its first scorecard, if evaluated. */
  status?: ReadinessStatus;
  scorecard?: string;
  /** May it go live: not ready, pilot expansion, awaiting sign-off or launch. */
  decision: GoLiveDecision;
  /** The phases' checklists (`goLive.phases` of the scorecard), with who ticked what. */
  checklists: PhaseChecklist[];
  signoff: SignoffProgress;
  firstWeek: FirstWeekDay[];
  /** Days of the first week that passed without a daily check. */
  missedDailyChecks: number;
  /** Days of the first week checked only on a later day. */
  lateDailyChecks: number;
  /** Whether the caller may sign (readiness.signoff.create on the entity). */
  canSign: boolean;
  /**
   * Whether the caller may record daily checks, risky actions and the closure
   * review, and request sign-off (readiness.attestation.create on the entity).
   */
  canRecord: boolean;
  dailyChecks: DailyCheck[];
  riskyActions: RiskyAction[];
  closureReview?: ClosureReview;
  /** Day 7 has come and no closure review is recorded. */
  closureReviewDue: boolean;
}

/**
 * One go-live on the org page's Go-lives view.
 *
 * @public
 */
export interface GoLiveSummary {
  entityRef: string;
  goLiveDate: string;
  phase: GoLivePhaseInfo;
  status?: ReadinessStatus;
  /** The decision in a few words (`decision.short` of {@link GoLiveResponse}). */
  decision: { decision: GoLiveDecision['decision']; short: string };
  signoff: { signed: number; total: number; complete: boolean };
  /** Daily checks of the first week so far (`done` includes `late`). */
  firstWeek: {
    done: number;
    late: number;
    missed: number;
    due: boolean;
    /** Checked days with an item not ok. */
    notOk: number;
  };
  closureReviewDue: boolean;
  closureReviewed: boolean;
}

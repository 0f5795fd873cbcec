/**
 * Types, annotation constants, the scorecard format and the readiness engine,
 * shared by the Readiness frontend, backend and CLI.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './ownerRef';
export * from './types';
export { parseScorecard, parseScorecardYaml } from './scorecard/parse';
export {
  ScorecardValidationError,
  type ScorecardIssue,
} from './scorecard/errors';
export {
  scorecardSchema,
  CHECK_TYPES,
  type ScorecardSpec,
  type CheckSpec,
  type AppliesTo,
  type PredicateInput,
} from './scorecard/schema';
export {
  compileScorecard,
  DEFAULT_WEIGHTS,
  DEFAULT_VERDICTS,
  type CompiledScorecard,
} from './engine/compile';
export {
  createEvaluationContext,
  type EvaluationContext,
  type EvaluationContextInput,
  type ReadinessSummary,
} from './engine/context';
export { evaluateEntity, evaluateCatalog } from './engine/evaluate';
export * from './permissions';
export {
  parseEvidence,
  rebaseEvidence,
  type Evidence,
  type GoLiveEvidence,
} from './evidence';
export * from './ownership';
export { isValidChannel } from './engine/checks/ownership';
export { parseDuration } from './engine/duration';
export type { ReadinessResultRow, ReadinessSummaryGroup } from './api/rows';
export type * from './api/types';
export type * from './api/manualEvidence';
export * from './api/onboarding';
export type * from './api/inbox';
export type * from './api/initiatives';
export type * from './api/preview';
export {
  ReadinessClient,
  resultsQueryString,
  type ReadinessApi,
} from './api/ReadinessClient';
export {
  RESULTS_LIST_FILTERS,
  RESULTS_TEXT_FILTERS,
} from './api/resultsQueryString';
export { entityKey, tryEntityKey, entityPath } from './refs';
export { READINESS_ROLE_RELATIONS } from './relations';
export { isFailing } from './results';
export { DAY_MS } from './time';
export { initiativePace, INITIATIVE_DUE_SOON_DAYS } from './initiativePace';
export {
  goLivePhase,
  parseGoLiveDate,
  GO_LIVE_PHASES,
  type GoLivePhase,
  type GoLivePhaseInfo,
} from './golive/phase';
export {
  firstWeek,
  isFirstWeekDay,
  DAILY_CHECK_ITEMS,
  type DailyCheck,
  type DailyCheckItemId,
  type FirstWeekDay,
} from './golive/firstWeek';
export {
  signoffProgress,
  DEFAULT_SIGNOFF_ROLES,
  type Signoff,
  type SignoffRole,
  type SignoffProgress,
} from './golive/signoff';
export * from './golive/types';
export {
  phaseChecklists,
  CHECKLIST_PHASES,
  type ChecklistPhase,
  type PhaseChecklist,
  type PhaseItemState,
  type PhaseItemTick,
} from './golive/phaseItems';
export { renderGoLiveReport, type GoLiveReportInput } from './golive/report';
export { GO_LIVE_QUESTIONS, type GoLiveQuestion } from './golive/questions';
export {
  goLiveDecision,
  type GoLiveDecision,
  type GoLiveDecisionValue,
  type LaunchRequirement,
} from './golive/decision';

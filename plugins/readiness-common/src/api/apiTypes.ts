/**
 * The types the calls of `ReadinessApi` take and answer, gathered for
 * `ReadinessApi` and `ReadinessClient`.
 */
export type { DailyCheck } from '../golive/firstWeek';
export type {
  ClosureReview,
  GoLiveResponse,
  GoLiveSummary,
  RiskyAction,
} from '../golive/types';
export type {
  AttestationInput,
  AttestationsResponse,
  ExemptionInput,
  ExemptionsResponse,
} from './manualEvidence';
export type {
  CheckFailure,
  CheckFailureCount,
  EntityFactsInput,
  EntityReadinessResponse,
  FactsPushResponse,
  HistoryResponse,
  OwnerConfirmation,
  OwnershipConfirm,
  OwnershipEdit,
  OwnershipResponse,
  NamedOwnerRole,
  OwnershipRevert,
  OwnershipUpdate,
  ResultsPage,
  ResultsQuery,
  ScorecardDetail,
  ScorecardSummary,
  SummaryGroupBy,
  OrgHistoryResponse,
  StatusesResponse,
  SummaryResponse,
} from './types';
export type {
  BulkOwnershipInput,
  BulkOwnershipResponse,
  OnboardingField,
  OnboardingResponse,
  RoleConfirmationResponse,
} from './onboarding';
export type { InboxResponse } from './inbox';
export type {
  Initiative,
  InitiativeDetail,
  InitiativeInput,
  InitiativeStanding,
} from './initiatives';
export type { ScorecardPreview, ScorecardPreviewInput } from './preview';
export type { ReadinessStatus } from '../types';

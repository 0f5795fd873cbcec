import type {
  AttestationInput,
  BulkOwnershipInput,
  BulkOwnershipResponse,
  AttestationsResponse,
  CheckFailure,
  CheckFailureCount,
  ClosureReview,
  DailyCheck,
  EntityFactsInput,
  EntityReadinessResponse,
  ExemptionInput,
  ExemptionsResponse,
  FactsPushResponse,
  GoLiveResponse,
  GoLiveSummary,
  HistoryResponse,
  InboxResponse,
  Initiative,
  InitiativeDetail,
  InitiativeStanding,
  InitiativeInput,
  NamedOwnerRole,
  OnboardingField,
  OnboardingResponse,
  OrgHistoryResponse,
  OwnershipConfirm,
  RoleConfirmationResponse,
  OwnershipEdit,
  OwnershipResponse,
  OwnershipRevert,
  OwnershipUpdate,
  ReadinessStatus,
  ResultsPage,
  ResultsQuery,
  RiskyAction,
  ScorecardDetail,
  ScorecardPreview,
  ScorecardPreviewInput,
  ScorecardSummary,
  StatusesResponse,
  SummaryGroupBy,
  SummaryResponse,
} from './apiTypes';

/**
 * The Readiness REST API as calls. `ReadinessClient` implements it in
 * the browser and in backends; the frontend's api ref has this type.
 *
 * @public
 */
export interface ReadinessApi {
  getScorecards(): Promise<ScorecardSummary[]>;
  /** One scorecard: its summary, definition and the file's YAML. */
  getScorecard(name: string): Promise<ScorecardDetail>;
  getEntity(entityRef: string): Promise<EntityReadinessResponse>;
  evaluate(entityRef: string): Promise<EntityReadinessResponse>;
  getHistory(entityRef: string, days?: number): Promise<HistoryResponse>;
  listResults(query: ResultsQuery): Promise<ResultsPage>;
  /**
   * Daily status counts of a scorecard over the last `days` days for the
   * entities the query's filters select, and with `check`, its failures.
   */
  getOrgHistory(
    query: ResultsQuery & { days?: number },
  ): Promise<OrgHistoryResponse>;
  /**
   * The worst status of each entity across its scorecards: of the given
   * entities (at most 500), or of every entity whose worst status is one of
   * `status`.
   */
  getStatuses(query: {
    entity?: string[];
    status?: ReadinessStatus[];
  }): Promise<StatusesResponse>;
  getSummary(
    groupBy: SummaryGroupBy,
    scorecard?: string,
  ): Promise<SummaryResponse>;
  listCheckFailures(scorecard: string): Promise<CheckFailureCount[]>;
  getCheckFailures(scorecard: string, checkId: string): Promise<CheckFailure[]>;
  getOwnership(entityRef: string): Promise<OwnershipResponse>;
  /** Saves ownership; rejects with a 409 ResponseError when `version` is stale. */
  saveOwnership(
    entityRef: string,
    update: OwnershipUpdate,
    version: number,
  ): Promise<OwnershipResponse>;
  /** Lets fields follow catalog-info.yaml again; a 409 ResponseError when `version` is stale. */
  revertOwnership(
    entityRef: string,
    revert: OwnershipRevert,
    version: number,
  ): Promise<OwnershipResponse>;
  /** Every stored ownership edit (service credentials only). */
  listOwnershipEdits(): Promise<OwnershipEdit[]>;
  /** The roles edits in the UI gave `ownerRef` (a group or user), with who named them and when. */
  listNamedRoles(ownerRef: string): Promise<NamedOwnerRole[]>;
  /**
   * The scored entities `ownerRef` (a group, its sub-groups included, or a
   * user) owns, with `field`'s value in effect and a suggested value.
   */
  getOnboarding(
    ownerRef: string,
    field: OnboardingField,
  ): Promise<OnboardingResponse>;
  /**
   * Sets one field for many entities, each a normal edit with its own
   * version check; resolves with every entity's outcome (a partial failure
   * does not reject).
   */
  saveOwnershipInBulk(
    input: BulkOwnershipInput,
  ): Promise<BulkOwnershipResponse>;
  /** Confirms that the owners in effect of an entity's roles are still right. */
  confirmOwnership(
    entityRef: string,
    input: OwnershipConfirm,
  ): Promise<OwnershipResponse>;
  /**
   * Confirms every role `ownerRef` holds, on every entity, with one reason;
   * resolves with each entity's outcome.
   */
  confirmRolesOf(
    ownerRef: string,
    reason?: string,
  ): Promise<RoleConfirmationResponse>;
  /**
   * Initiatives with their progress, and whether the caller may manage
   * them; with `entity`, those whose scope holds it; with `owner`, those
   * that concern what it owns, with its part.
   */
  listInitiatives(options?: {
    entity?: string;
    owner?: string;
  }): Promise<{ items: Initiative[]; canManage: boolean }>;
  getInitiative(id: string): Promise<InitiativeDetail>;
  createInitiative(input: InitiativeInput): Promise<InitiativeDetail>;
  /** Saves an edit; a 409 ResponseError when `version` is stale. */
  updateInitiative(
    id: string,
    input: InitiativeInput,
    version: number,
  ): Promise<InitiativeDetail>;
  /** The initiative as Markdown, with the file name the server suggests. */
  getInitiativeSummary(
    id: string,
  ): Promise<{ fileName: string; markdown: string }>;
  /** "Make it standing": the scorecard file with the goal's checks enforced. */
  getInitiativeStanding(id: string): Promise<InitiativeStanding>;
  /** What the signed-in person can act on ("Waiting for you"). */
  getInbox(): Promise<InboxResponse>;
  /**
   * What a candidate scorecard (YAML) would change, against the current
   * catalog and evidence, writing nothing (`readiness.scorecard.preview`).
   */
  previewScorecard(input: ScorecardPreviewInput): Promise<ScorecardPreview>;
  /** The CSV of a query (every row, no paging). */
  exportCsv(query: ResultsQuery): Promise<Blob>;
  listAttestations(entityRef: string): Promise<AttestationsResponse>;
  attest(
    entityRef: string,
    input: AttestationInput,
  ): Promise<AttestationsResponse>;
  /** Revokes an attestation; `reason` says why (kept, and shown on the check). */
  revokeAttestation(
    entityRef: string,
    id: string,
    reason: string,
  ): Promise<AttestationsResponse>;
  listExemptions(entityRef: string): Promise<ExemptionsResponse>;
  requestExemption(
    entityRef: string,
    input: ExemptionInput,
  ): Promise<ExemptionsResponse>;
  grantExemption(entityRef: string, id: string): Promise<ExemptionsResponse>;
  revokeExemption(entityRef: string, id: string): Promise<ExemptionsResponse>;
  /** Entities with a go-live date, soonest first (those past their first month with `all`). */
  listGoLives(options?: { all?: boolean }): Promise<GoLiveSummary[]>;
  /** The go-live state: phase, sign-offs, the first week. */
  getGoLive(entityRef: string): Promise<GoLiveResponse>;
  signOff(
    entityRef: string,
    input: { role: string; note?: string },
  ): Promise<GoLiveResponse>;
  /**
   * Asks the roles that have not signed, by notification; `nobody` lists
   * the roles whose group has no one to ask.
   */
  requestSignoff(
    entityRef: string,
  ): Promise<{ asked: number; roles: string[]; nobody: string[] }>;
  /** Ticks off an item of a go-live phase's checklist. */
  tickPhaseItem(
    entityRef: string,
    input: { phase: string; week?: number; item: string; note?: string },
  ): Promise<GoLiveResponse>;
  recordDailyCheck(
    entityRef: string,
    input: { day?: string; items: DailyCheck['items'] },
  ): Promise<GoLiveResponse>;
  recordRiskyAction(
    entityRef: string,
    input: Omit<RiskyAction, 'id' | 'recordedBy' | 'recordedAt'>,
  ): Promise<GoLiveResponse>;
  recordClosureReview(
    entityRef: string,
    input: Omit<ClosureReview, 'reviewedBy' | 'reviewedAt'>,
  ): Promise<GoLiveResponse>;
  /** The go-live note (Markdown) and the file name the server suggests. */
  getReport(entityRef: string): Promise<{ fileName: string; markdown: string }>;
  /** Stores facts (CI results, probe values) and re-evaluates their entities. */
  pushFacts(
    items: EntityFactsInput | EntityFactsInput[],
  ): Promise<FactsPushResponse>;
}

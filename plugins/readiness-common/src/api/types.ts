import type { JsonValue } from '@backstage/types';
import type { OwnershipField, OwnershipRoles } from '../ownership';
import type { OwnershipRole } from '../annotations';
import type { EntityReadiness, ReadinessStatus } from '../types';
import type { ReadinessResultRow, ReadinessSummaryGroup } from './rows';

/**
 * One configured scorecard, as `GET /scorecards/{id}` answers it.
 *
 * @public
 */
export interface ScorecardDetail {
  summary: ScorecardSummary;
  /** The scorecard as parsed (`apiVersion`, `kind`, `metadata`, `spec`). */
  definition: Record<string, unknown>;
  /** The file it was read from (as configured) and its text, comments kept. */
  source?: { file: string; yaml: string };
}

/**
 * A configured scorecard, as `GET /scorecards` lists it.
 *
 * @public
 */
export interface ScorecardSummary {
  name: string;
  title: string;
  description?: string;
  passingScore: number;
  /** How the score counts: by weight, or every check as one item. */
  scoring: 'weighted' | 'items';
  areas: Array<{ id: string; title: string; checks: number }>;
  levels: Array<{ id: string; title: string }>;
  /** Every check, so that pages can show titles where results carry ids. */
  checks: Array<{
    id: string;
    title: string;
    area: string;
    severity: 'critical' | 'required' | 'recommended';
  }>;
  /** The scorecard's `spec.appliesTo`, as written. */
  appliesTo: Record<string, unknown>;
  /**
   * The version of the scorecard in use: the content hash (12 hex digits)
   * and `metadata.revision` when the YAML sets one.
   */
  revision: { hash: string; label?: string };
  /** What keeps the scorecard from working here, e.g. a sign-off group the catalog lacks. */
  problems?: string[];
}

/**
 * The owners of an entity: `spec.owner`, the three roles (full refs where they
 * parse, the written text otherwise), channel and runbook.
 *
 * @public
 */
export interface EntityOwners extends OwnershipRoles {
  owner?: string;
}

/**
 * One stored result of an entity, with freshness.
 *
 * @public
 */
export type EntityResult = EntityReadiness & {
  /** When the result last changed. */
  changedAt?: string;
  /** True when the catalog could not be read and the result may be out of date. */
  stale: boolean;
};

/**
 * `GET /entities/{kind}/{namespace}/{name}` and its `POST …/evaluate`.
 *
 * @public
 */
export interface EntityReadinessResponse {
  entityRef: string;
  owners: EntityOwners;
  results: EntityResult[];
  /**
   * The scorecards that apply to the entity (by name). With no results, an
   * empty list means none applies; otherwise it has not been evaluated yet.
   */
  applicableScorecards: string[];
}

/**
 * One day of an entity's history against a scorecard.
 *
 * @public
 */
export interface HistoryPoint {
  scorecard: string;
  day: string;
  status: ReadinessStatus;
  score: number;
  level?: string;
  /**
   * The scorecard revision of the point (`2026-Q4 · 3f2a9c0d1e4b`, or the
   * content hash); a point whose revision differs from the one before marks
   * a scorecard change. Absent on points from before revisions were kept.
   */
  revision?: string;
}

/**
 * One check that flipped between two evaluations.
 *
 * @public
 */
export interface CheckChange {
  entityRef: string;
  scorecard: string;
  checkId: string;
  oldResult?: string;
  newResult?: string;
  oldMessage?: string;
  newMessage?: string;
  changedAt: string;
  /**
   * True when the flip came with a new scorecard revision (the rule
   * changed, not the service).
   */
  byScorecard?: boolean;
}

/**
 * `GET /entities/{kind}/{namespace}/{name}/history`.
 *
 * @public
 */
export interface HistoryResponse {
  entityRef: string;
  points: HistoryPoint[];
  changes: CheckChange[];
}

/**
 * Sort orders of `GET /results`.
 *
 * @public
 */
export type ResultSort =
  | 'score'
  | '-score'
  | 'name'
  | '-name'
  | 'status'
  | '-status'
  | 'changed'
  | '-changed';

/**
 * Filters, sort and page of `GET /results`; every field is optional.
 *
 * @public
 */
export interface ResultsQuery {
  scorecard?: string;
  status?: ReadinessStatus[];
  /** Owner refs (`payments`, `group:payments`, `group:default/payments`); a group includes its sub-groups. */
  owner?: string[];
  system?: string[];
  domain?: string[];
  lifecycle?: string[];
  kind?: string[];
  type?: string[];
  /** Only these entity refs. */
  entity?: string[];
  /** Only results failing a check in this area. */
  area?: string;
  /** Only results failing this check. */
  check?: string;
  /** Text in the entity ref or title. */
  q?: string;
  sort?: ResultSort;
  offset?: number;
  limit?: number;
}

/**
 * A page of `GET /results`.
 *
 * @public
 */
export interface ResultsPage {
  items: ReadinessResultRow[];
  totalItems: number;
  offset: number;
  limit: number;
}

/**
 * Fields `GET /summary` can group by.
 *
 * @public
 */
export type SummaryGroupBy =
  | 'owner'
  | 'system'
  | 'domain'
  | 'lifecycle'
  | 'type';

/**
 * `GET /summary`.
 *
 * @public
 */
export interface SummaryResponse {
  scorecard: string;
  groupBy: SummaryGroupBy;
  overall: ReadinessSummaryGroup;
  groups: ReadinessSummaryGroup[];
}

/**
 * A check with how many entities fail it (`GET /checks/{scorecard}`).
 *
 * @public
 */
export interface CheckFailureCount {
  checkId: string;
  title: string;
  area: string;
  severity: string;
  failing: number;
}

/**
 * An entity failing a check (`GET /checks/{scorecard}/{checkId}/failures`).
 *
 * @public
 */
export interface CheckFailure {
  entityRef: string;
  title?: string;
  owner?: string;
  result: string;
  message: string;
}

/**
 * One saved change of an entity's ownership.
 *
 * @public
 */
export interface OwnershipChange {
  entityRef: string;
  oldRoles?: OwnershipRoles;
  newRoles: OwnershipRoles;
  changedBy: string;
  changedAt: string;
  reason?: string;
  /** The roles this row confirmed (a confirmation changes nothing else). */
  confirmed?: OwnershipRole[];
}

/**
 * The latest confirmation of an entity's role: who held it, who confirmed it, when and why.
 *
 * @public
 */
export interface OwnerConfirmation {
  entityRef: string;
  role: OwnershipRole;
  ownerRef: string;
  confirmedBy: string;
  confirmedAt: string;
  reason?: string;
}

/**
 * `GET /entities/{kind}/{namespace}/{name}/ownership`.
 *
 * @public
 */
export interface OwnershipResponse {
  entityRef: string;
  /** Send it back as If-Match when saving; 0 when nothing was edited yet. */
  version: number;
  /** The roles in effect: catalog-info.yaml's, with the edited fields applied. */
  effective: OwnershipRoles;
  /** What catalog-info.yaml says (before any edit was overlaid). */
  catalog: OwnershipRoles;
  /** The fields edited in the UI ('' = removed); the others follow catalog-info.yaml. */
  edited?: OwnershipRoles;
  /** The edited fields. */
  overridden: OwnershipField[];
  /** Edited fields whose value in catalog-info.yaml changed since the edit. */
  fileChanged: OwnershipField[];
  /** Values in effect that are not valid (an owner that does not exist, a bad URL), per field. */
  problems: Partial<Record<OwnershipField, string>>;
  differsFromCatalog: boolean;
  updatedBy?: string;
  updatedAt?: string;
  canEdit: boolean;
  history: OwnershipChange[];
  /**
   * The latest confirmation of each role whose owner in effect is the one
   * confirmed (a confirmation of an earlier owner is left out).
   */
  confirmations: Partial<Record<OwnershipRole, OwnerConfirmation>>;
}

/**
 * The body of `POST …/ownership/confirm`: the roles whose owners in effect
 * are still right (every role set when omitted), and why.
 *
 * @public
 */
export interface OwnershipConfirm {
  roles?: OwnershipRole[];
  reason?: string;
}

/**
 * The body of `PUT /entities/{kind}/{namespace}/{name}/ownership`.
 *
 * @public
 */
export interface OwnershipUpdate {
  /**
   * The form: a field left out stays as it is, '' removes it; only fields
   * that differ from the values in effect are changes.
   */
  roles: OwnershipRoles;
  reason?: string;
  /**
   * Edited fields to keep although catalog-info.yaml changed since they were
   * edited (see `fileChanged`): the edit stays, and the note goes.
   */
  keep?: OwnershipField[];
}

/**
 * The body of `POST /entities/{kind}/{namespace}/{name}/ownership/revert`:
 * the fields that follow catalog-info.yaml again (all when omitted).
 *
 * @public
 */
export interface OwnershipRevert {
  fields?: OwnershipField[];
  reason?: string;
}

/**
 * A role an edit in the UI gave an owner: who named them, when and why
 * (`GET /ownership/named?owner=…`).
 *
 * @public
 */
export interface NamedOwnerRole {
  entityRef: string;
  role: 'incident' | 'technical' | 'communication';
  namedBy: string;
  namedAt: string;
  reason?: string;
}

/**
 * One stored ownership edit, as `GET /ownership` lists it for the catalog module.
 *
 * @public
 */
export interface OwnershipEdit {
  entityRef: string;
  version: number;
  roles: OwnershipRoles;
}

/**
 * One fact as CI pushes it; `observedAt` defaults to the time it arrives and
 * `source` to the caller.
 *
 * @public
 */
export interface FactInput {
  id: string;
  value: JsonValue;
  observedAt?: string;
  source?: string;
}

/**
 * The facts of one entity, as `POST /facts` takes them (alone, or many in
 * `{ items: [...] }`).
 *
 * @public
 */
export interface EntityFactsInput {
  entityRef: string;
  facts: FactInput[];
}

/**
 * The answer to `POST /facts`.
 *
 * @public
 */
export interface FactsPushResponse {
  /** Facts stored (new, or newer than what was stored). */
  stored: number;
  /** Facts already stored with the same or a later time: a retry changes nothing. */
  unchanged: number;
  /** The entities re-evaluated. */
  entityRefs: string[];
}

/**
 * `GET /statuses`: the worst status of each entity across its scorecards.
 *
 * @public
 */
export interface StatusesResponse {
  items: Array<{ entityRef: string; status: ReadinessStatus }>;
}

/**
 * One day of a scorecard's history across the organisation (`GET /history`).
 *
 * @public
 */
export interface OrgHistoryDay {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  /** Entities per status that day. */
  counts: Record<ReadinessStatus, number>;
  /** With a check: entities failing it, of those whose checks were recorded that day. */
  check?: { failing: number; total: number };
  /**
   * The scorecard revisions of the day's points (known ones): a day whose
   * revisions differ from the day before marks a scorecard change.
   */
  revisions?: string[];
}

/**
 * `GET /history`: daily status counts of a scorecard for the entities a
 * results filter selects (as they are now), and a check's failures per day.
 *
 * @public
 */
export interface OrgHistoryResponse {
  scorecard: string;
  checkId?: string;
  days: OrgHistoryDay[];
}

import { createApiRef } from '@backstage/core-plugin-api';
import type {
  EntityReadiness,
  ReadinessResultRow,
  ReadinessStatus,
  ReadinessSummaryGroup,
} from '@readiness/backstage-plugin-readiness-common';

/** A configured scorecard, as `GET /scorecards` lists it. @public */
export interface ScorecardSummary {
  name: string;
  title: string;
  description?: string;
  passingScore: number;
  areas: Array<{ id: string; title: string; checks: number }>;
  levels: Array<{ id: string; title: string }>;
}

/** The three ownership roles and contacts of an entity. @public */
export interface EntityOwners {
  owner?: string;
  incident?: string;
  technical?: string;
  communication?: string;
  channel?: string;
  runbook?: string;
}

/** One stored result, with freshness. @public */
export type EntityResult = EntityReadiness & {
  changedAt?: string;
  stale: boolean;
};

/** `GET /entities/{kind}/{namespace}/{name}`. @public */
export interface EntityReadinessResponse {
  entityRef: string;
  owners: EntityOwners;
  results: EntityResult[];
}

/** `GET /entities/…/history`. @public */
export interface HistoryResponse {
  entityRef: string;
  points: Array<{
    scorecard: string;
    day: string;
    status: ReadinessStatus;
    score: number;
    level?: string;
  }>;
  changes: Array<{
    scorecard: string;
    checkId: string;
    oldResult?: string;
    newResult?: string;
    oldMessage?: string;
    newMessage?: string;
    changedAt: string;
  }>;
}

/** A row of `GET /results`. @public */
export type ResultRow = ReadinessResultRow;

/** Filters, sort and page of `GET /results`. @public */
export interface ResultsQuery {
  scorecard?: string;
  status?: ReadinessStatus[];
  owner?: string[];
  system?: string[];
  domain?: string[];
  lifecycle?: string[];
  kind?: string[];
  type?: string[];
  /** Only these entity refs. */
  entity?: string[];
  area?: string;
  check?: string;
  q?: string;
  sort?: string;
  offset?: number;
  limit?: number;
}

/** One group of `GET /summary`. @public */
export type SummaryGroup = ReadinessSummaryGroup;

/** `GET /summary`. @public */
export interface SummaryResponse {
  scorecard: string;
  groupBy: string;
  overall: SummaryGroup;
  groups: SummaryGroup[];
}

/** A check with how many entities fail it. @public */
export interface CheckFailureCount {
  checkId: string;
  title: string;
  area: string;
  severity: string;
  failing: number;
}

/** `GET /entities/…/ownership`. @public */
export interface OwnershipResponse {
  entityRef: string;
  /** Send back as If-Match when saving. */
  version: number;
  effective: EntityOwnersEdit;
  catalog: EntityOwnersEdit;
  edited?: EntityOwnersEdit;
  differsFromCatalog: boolean;
  updatedBy?: string;
  updatedAt?: string;
  canEdit: boolean;
  history: Array<{
    oldRoles?: EntityOwnersEdit;
    newRoles: EntityOwnersEdit;
    changedBy: string;
    changedAt: string;
    reason?: string;
  }>;
}

/** The editable ownership fields. @public */
export type EntityOwnersEdit = Omit<EntityOwners, 'owner'>;

/**
 * Client for the Readiness backend.
 *
 * @public
 */
export interface ReadinessApi {
  getScorecards(): Promise<ScorecardSummary[]>;
  getEntity(entityRef: string): Promise<EntityReadinessResponse>;
  evaluate(entityRef: string): Promise<EntityReadinessResponse>;
  getHistory(entityRef: string, days?: number): Promise<HistoryResponse>;
  listResults(
    query: ResultsQuery,
  ): Promise<{ items: ResultRow[]; totalItems: number }>;
  getSummary(groupBy: string, scorecard?: string): Promise<SummaryResponse>;
  listCheckFailures(scorecard: string): Promise<CheckFailureCount[]>;
  getOwnership(entityRef: string): Promise<OwnershipResponse>;
  /** Saves ownership; rejects with a 409 ResponseError when `version` is stale. */
  saveOwnership(
    entityRef: string,
    edit: { roles: EntityOwnersEdit; reason?: string },
    version: number,
  ): Promise<OwnershipResponse>;
  /** Downloads the CSV of a query. */
  exportCsv(query: ResultsQuery): Promise<Blob>;
}

/**
 * API reference for {@link ReadinessApi}.
 *
 * @public
 */
export const readinessApiRef = createApiRef<ReadinessApi>({
  id: 'plugin.readiness.api',
});

import type {
  ReadinessResultRow,
  Attestation,
  EntityReadiness,
  Exemption,
  Fact,
  ReadinessStatus,
} from '@readiness/backstage-plugin-readiness-common';

/** What the store keeps about an entity next to its result, for filtering. */
export type EntityFields = Pick<
  ReadinessResultRow,
  | 'entityRef'
  | 'kind'
  | 'namespace'
  | 'name'
  | 'title'
  | 'type'
  | 'lifecycle'
  | 'owner'
  | 'system'
  | 'domain'
>;

/** A result to write: the engine's output with the entity's filter fields. */
export interface ResultRow extends EntityFields {
  scorecard: string;
  result: EntityReadiness;
  hash: string;
}

/** A stored result, as the API reads it. */
export type StoredResult = ReadinessResultRow;

/** A stored result with the engine's full output. */
export interface StoredResultWithDetail extends StoredResult {
  result: EntityReadiness;
}

/** One check that flipped between two evaluations. */
export interface CheckChange {
  entityRef: string;
  scorecard: string;
  checkId: string;
  oldResult?: string;
  newResult?: string;
  oldMessage?: string;
  newMessage?: string;
  changedAt: string;
}

/** One day of an entity's history against a scorecard. */
export interface HistoryPoint {
  scorecard: string;
  day: string;
  status: ReadinessStatus;
  score: number;
  level?: string;
}

/** Filters of GET /results, all optional. */
export interface ResultFilter {
  scorecard?: string;
  status?: ReadinessStatus[];
  /** Owner refs; already expanded to include sub-groups by the caller. */
  owner?: string[];
  system?: string[];
  domain?: string[];
  lifecycle?: string[];
  kind?: string[];
  type?: string[];
  failingArea?: string;
  failingCheck?: string;
  text?: string;
  entityRefs?: string[];
}

/** Sort orders of GET /results. */
export type ResultSort =
  | 'score'
  | '-score'
  | 'name'
  | '-name'
  | 'status'
  | '-status'
  | 'changed'
  | '-changed';

/** Evidence for a set of entities, keyed by entity ref, as the engine takes it. */
export interface EvidenceSet {
  facts: Record<string, Fact[]>;
  attestations: Record<string, Attestation[]>;
  exemptions: Record<string, Exemption[]>;
}

/** When an evaluation shard last ran. */
export interface ShardRun {
  shard: number;
  shards: number;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
}

/** An ownership edit stored for an entity. */
export interface StoredOwnership {
  entityRef: string;
  roles: import('@readiness/backstage-plugin-readiness-common').OwnershipRoles;
  /** Increases by one on every save; `If-Match` compares against it. */
  version: number;
  updatedBy: string;
  updatedAt: string;
}

/** One saved change of an entity's ownership. */
export interface OwnershipChange {
  entityRef: string;
  oldRoles?: import('@readiness/backstage-plugin-readiness-common').OwnershipRoles;
  newRoles: import('@readiness/backstage-plugin-readiness-common').OwnershipRoles;
  changedBy: string;
  changedAt: string;
  reason?: string;
}

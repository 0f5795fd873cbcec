import type { VisibleTo } from '../entityVisibility';
import type {
  OwnershipRoles,
  ReadinessResultRow,
  Attestation,
  EntityReadiness,
  Exemption,
  Fact,
  ResultsQuery,
} from '@readiness/backstage-plugin-readiness-common';

// The stored shapes the API returns as they are: one definition, in -common.
export type {
  CheckChange,
  HistoryPoint,
  OwnershipChange,
  ResultSort,
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
  /** The scorecard revision it was evaluated under (`revisionText`). */
  revision?: string;
}

/** A stored result, as the API reads it. */
export type StoredResult = ReadinessResultRow;

/** A stored result with the engine's full output. */
export interface StoredResultWithDetail extends StoredResult {
  result: EntityReadiness;
  /** The scorecard revision it was evaluated under; none before that was kept. */
  revision?: string;
}

/**
 * Filters of GET /results, all optional: the API's own (`ResultsQuery`),
 * with the area, check and text renamed for the columns they search.
 */
export interface ResultFilter
  extends Pick<
    ResultsQuery,
    'scorecard' | 'status' | 'system' | 'domain' | 'lifecycle' | 'kind' | 'type'
  > {
  /** Owner refs; already expanded to include sub-groups by the caller. */
  owner?: string[];
  failingArea?: string;
  failingCheck?: string;
  text?: string;
  entityRefs?: string[];
  /**
   * Only the results the caller may see (the catalog's conditional decision,
   * see platform/entityVisibility.ts); all when absent.
   */
  visibleTo?: VisibleTo;
}

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
  /** The overridden fields only: a value replaces catalog-info.yaml's, '' removes it. */
  roles: OwnershipRoles;
  /** catalog-info.yaml's values of the overridden fields when they were edited ('' = none). */
  baseline: OwnershipRoles;
  /** Increases by one on every save; `If-Match` compares against it. */
  version: number;
  updatedBy: string;
  updatedAt: string;
}

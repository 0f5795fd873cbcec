import type {
  Attestation,
  Exemption,
  Fact,
  OwnershipRoles,
  ReadinessSummary,
} from '@readiness/backstage-plugin-readiness-common';
import type {
  CheckChange,
  EvidenceSet,
  HistoryPoint,
  OwnershipChange,
  StoredOwnership,
  ResultFilter,
  ResultRow,
  ResultSort,
  ShardRun,
  StoredResult,
  StoredResultWithDetail,
} from './types';

/** Persistence of the Readiness backend; see DatabaseReadinessStore for SQLite and PostgreSQL. */
export interface ReadinessStore {
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;

  // --- evaluation ---
  /** Stored hash per `entityRef|scorecard` key, for the given entity refs. */
  getHashes(entityRefs: string[]): Promise<Map<string, string>>;
  /** Full stored results for the given keys (`entityRef|scorecard`). */
  getDetails(keys: string[]): Promise<Map<string, StoredResultWithDetail>>;
  /** Writes changed results and their check changes, in batches, in one transaction. */
  writeResults(
    rows: ResultRow[],
    changes: CheckChange[],
    now: string,
  ): Promise<void>;
  /** Status and score of every stored result, for roll-ups. */
  listSummaries(): Promise<ReadinessSummary[]>;
  /** Every stored `entityRef|scorecard` key. */
  listKeys(): Promise<string[]>;
  /** Removes results (with their history and change log) for the given keys. */
  deleteResults(keys: string[]): Promise<number>;
  /** Marks the results of the given entities stale (or fresh). */
  setStale(entityRefs: string[], stale: boolean): Promise<void>;
  /** Records today's history point for each row; existing points are updated only when `changed`. */
  recordHistory(
    points: Array<HistoryPoint & { entityRef: string; changed: boolean }>,
  ): Promise<number>;
  /** Deletes history and change-log rows older than the day given (YYYY-MM-DD). */
  pruneHistory(beforeDay: string): Promise<void>;
  recordShardRun(run: ShardRun): Promise<void>;
  listShardRuns(): Promise<ShardRun[]>;

  // --- evidence ---
  loadEvidence(entityRefs: string[]): Promise<EvidenceSet>;
  upsertFacts(facts: Array<{ entityRef: string; fact: Fact }>): Promise<void>;
  addAttestation(entityRef: string, attestation: Attestation): Promise<void>;
  addExemption(
    entityRef: string,
    exemption: Exemption,
    createdAt: string,
  ): Promise<void>;
  /** Replaces all attestations and exemptions of the given entities (demo seeding). */
  replaceManualEvidence(
    entityRefs: string[],
    attestations: Array<{ entityRef: string; attestation: Attestation }>,
    exemptions: Array<{ entityRef: string; exemption: Exemption }>,
  ): Promise<void>;

  // --- ownership edits ---
  getOwnership(entityRef: string): Promise<StoredOwnership | undefined>;
  /** Every stored edit (the catalog module overlays them). */
  listOwnerships(): Promise<StoredOwnership[]>;
  /**
   * Saves an edit if the stored version is still `expectedVersion` (0 when
   * there is none yet); throws ConflictError otherwise. Logs the change.
   */
  saveOwnership(
    entityRef: string,
    roles: OwnershipRoles,
    options: {
      expectedVersion: number;
      by: string;
      reason?: string;
      at: string;
    },
  ): Promise<StoredOwnership>;
  getOwnershipChanges(
    entityRef: string,
    limit?: number,
  ): Promise<OwnershipChange[]>;

  // --- queries ---
  getEntityResults(entityRef: string): Promise<StoredResultWithDetail[]>;
  queryResults(options: {
    filter: ResultFilter;
    sort?: ResultSort;
    offset?: number;
    limit?: number;
  }): Promise<{ items: StoredResult[]; totalItems: number }>;
  /** The same query in batches, for CSV export. */
  streamResults(options: {
    filter: ResultFilter;
    sort?: ResultSort;
    batchSize?: number;
  }): AsyncIterable<StoredResult[]>;
  getHistory(
    entityRef: string,
    sinceDay: string,
    scorecard?: string,
  ): Promise<{ points: Array<HistoryPoint>; changes: CheckChange[] }>;
  getCheckFailures(
    scorecard: string,
    checkId: string,
  ): Promise<StoredResultWithDetail[]>;
}

import type { ReadinessStatus } from '../types';

/**
 * One row of `GET /results`: an entity's result against one scorecard, with
 * the fields results are filtered by.
 *
 * @public
 */
export interface ReadinessResultRow {
  entityRef: string;
  scorecard: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  type?: string;
  lifecycle?: string;
  owner?: string;
  system?: string;
  domain?: string;
  status: ReadinessStatus;
  score: number;
  /** Id of the level reached. */
  level?: string;
  /** Ids of counted checks that do not pass. */
  failingChecks: string[];
  /** Ids of checks that do not apply to the entity (their `when:` does not hold). */
  notApplicableChecks: string[];
  /**
   * Ids of checks not enforced yet (`enforceFrom` ahead) that do not pass:
   * they do not count, but an initiative on them does.
   */
  upcomingChecks?: string[];
  /** Area id → area score. */
  areaScores: Record<string, number>;
  /** When the result last changed. */
  changedAt: string;
  stale: boolean;
}

/**
 * One group of `GET /summary`.
 *
 * @public
 */
export interface ReadinessSummaryGroup {
  key: string;
  total: number;
  /** Entities of the group itself (owner grouping); the rest come from sub-groups. */
  direct?: number;
  counts: Record<ReadinessStatus, number>;
  meanScore: number;
  /** Area id → share (0–100) of entities whose area score is 100. */
  areaPassRate: Record<string, number>;
}

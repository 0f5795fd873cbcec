import type { ReadinessStatus } from '../types';

/**
 * `POST /scorecards/preview`: a candidate scorecard to evaluate against the
 * current catalog and stored evidence, writing nothing.
 *
 * @public
 */
export interface ScorecardPreviewInput {
  /** The candidate: one or more scorecards as YAML (documents split by `---`). */
  yaml: string;
  /**
   * What to compare with, as YAML; by default the running scorecard of the
   * same name (none for a new name).
   */
  base?: string;
  /** At most this many moved entities per scorecard (default 200). */
  limit?: number;
}

/**
 * An entity's standing under one scorecard, before or after the change.
 *
 * @public
 */
export interface PreviewStanding {
  status: ReadinessStatus;
  score: number;
}

/**
 * One entity whose standing the change moves: its status or score, or the
 * checks it fails. `before` is absent when the candidate brings it into
 * scope, `after` when it leaves.
 *
 * @public
 */
export interface ScorecardMove {
  entityRef: string;
  title?: string;
  before?: PreviewStanding;
  after?: PreviewStanding;
  /** Counted checks that fail after and did not before (ids). */
  newlyFailing: string[];
  /** Counted checks that failed before and do not after (ids). */
  newlyPassing: string[];
}

/**
 * How many entities fail one check, before and after the change.
 *
 * @public
 */
export interface PreviewCheckDelta {
  checkId: string;
  title: string;
  failingBefore: number;
  failingAfter: number;
  /**
   * `added`: only the candidate has it; `removed`: only the base; `changed`:
   * both, written differently (severity, threshold, `enforceFrom`, …).
   */
  change?: 'added' | 'removed' | 'changed';
}

/**
 * Counts per status.
 *
 * @public
 */
export type StatusCounts = Record<ReadinessStatus, number>;

/**
 * What one candidate scorecard would change.
 *
 * @public
 */
export interface ScorecardPreviewEntry {
  name: string;
  title: string;
  /** Where "before" comes from: the running scorecard, the given base, or nothing (a new scorecard). */
  base: 'running' | 'yaml' | 'none';
  /** Entities the scorecard applies to, before and after. */
  entities: { before: number; after: number };
  totals: { before: StatusCounts; after: StatusCounts };
  meanScore: { before?: number; after?: number };
  /** Entities that move, worst first (dropping to Blocked first), at most `limit`. */
  moves: ScorecardMove[];
  /** All the entities that move, of which `moves` lists the first. */
  movesTotal: number;
  /** Entities that were not Blocked and would be. */
  toBlocked: number;
  /** Checks added, removed or rewritten, or whose failing count changes. */
  checks: PreviewCheckDelta[];
}

/**
 * The answer of `POST /scorecards/preview`: per candidate scorecard, the
 * entities it moves and the totals, among the entities the caller may see.
 *
 * @public
 */
export interface ScorecardPreview {
  /** The time both sides were evaluated at. */
  evaluatedAt: string;
  scorecards: ScorecardPreviewEntry[];
}

import type { ReadinessStatus } from '@readiness/backstage-plugin-readiness-common';
import type { CatalogSnapshot } from './CatalogReader';

/** A result the evaluator wrote because it changed. */
export interface WrittenResult {
  entityRef: string;
  scorecard: string;
  status: ReadinessStatus;
  /** The status before; absent for a first result. */
  previousStatus?: ReadinessStatus;
}

/**
 * What the evaluation tells the capabilities that follow it (notifications,
 * go-live), so that it need not know them. Listeners run in the order they
 * subscribed, each awaited, after a batch of results is written; one that
 * throws fails the batch, so a listener that must never fail an evaluation
 * (telling people) catches its own errors.
 */
export interface EvaluationListener {
  /** After a batch of changed results was written, at `at` (ISO time). */
  resultsWritten?(results: WrittenResult[], at: string): Promise<void>;
  /** After the catalog was read for shard 0: once per evaluation cycle. */
  catalogRead?(snapshot: CatalogSnapshot): void;
}

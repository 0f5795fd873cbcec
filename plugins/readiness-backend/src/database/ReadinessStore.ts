/**
 * Persistence of the Readiness backend. Results, history, facts, attestations
 * and ownership edits are added here as their features land.
 */
export interface ReadinessStore {
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
}

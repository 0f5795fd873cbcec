/** Table names, one place. */
export const TABLES = {
  results: 'readiness_results',
  history: 'readiness_history',
  changes: 'readiness_changes',
  shards: 'readiness_shards',
  facts: 'readiness_facts',
  attestations: 'readiness_attestations',
  exemptions: 'readiness_exemptions',
  ownership: 'readiness_ownership',
  ownershipChanges: 'readiness_ownership_changes',
  ownerConfirmations: 'readiness_owner_confirmations',
  initiatives: 'readiness_initiatives',
  evaluationState: 'readiness_evaluation_state',
  signoffs: 'readiness_signoffs',
  dailyChecks: 'readiness_daily_checks',
  riskyActions: 'readiness_risky_actions',
  closureReviews: 'readiness_closure_reviews',
  phaseItems: 'readiness_phase_items',
  notifications: 'readiness_notifications',
} as const;

/** Rows per INSERT, and refs per WHERE IN: well under SQLite's 32k parameter limit. */
const BATCH = 200;

export function chunks<T>(list: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** A timestamp column (Date on PostgreSQL, string on SQLite) as ISO 8601. */
export const iso = (v: unknown): string =>
  (v instanceof Date ? v : new Date(v as string)).toISOString();

export const isoOrUndefined = (v: unknown) =>
  v === null || v === undefined ? undefined : iso(v);

export const orUndefined = <T>(v: T | null): T | undefined =>
  v === null ? undefined : v;

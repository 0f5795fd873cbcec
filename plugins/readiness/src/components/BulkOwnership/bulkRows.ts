import type {
  BulkOwnershipOutcome,
  OnboardingCandidate,
} from '@readiness/backstage-plugin-readiness-common';

/** One service in the bulk dialog: what it has, what it will get, whether it is picked. */
export interface BulkRow {
  candidate: OnboardingCandidate;
  value: string;
  selected: boolean;
  /** The outcome of the last save, when this row was sent. */
  outcome?: BulkOwnershipOutcome;
}

/**
 * The rows of a freshly read list: each service's value is its suggestion,
 * and it is picked when the caller may edit it, nothing is set yet and a
 * value is proposed. Rows of the previous list keep what the person typed
 * and picked, and the outcome of the last save.
 */
export function rowsFor(
  candidates: OnboardingCandidate[],
  previous: BulkRow[] = [],
): BulkRow[] {
  const before = new Map(previous.map(r => [r.candidate.entityRef, r]));
  return candidates.map(candidate => {
    const had = before.get(candidate.entityRef);
    if (had)
      return {
        ...had,
        candidate,
        selected: had.selected && candidate.canEdit,
      };
    const value = candidate.suggestion?.value ?? '';
    return {
      candidate,
      value,
      selected: candidate.canEdit && !candidate.current && value !== '',
    };
  });
}

/** The rows to send: picked, editable, with a value that changes something. */
export function toSend(rows: BulkRow[]) {
  return rows.filter(
    r =>
      r.selected &&
      r.candidate.canEdit &&
      r.value.trim() !== '' &&
      r.value.trim() !== (r.candidate.current ?? ''),
  );
}

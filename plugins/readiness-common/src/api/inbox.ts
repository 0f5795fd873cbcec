/**
 * What one item of "Waiting for you" asks of the signed-in person.
 *
 * - `exemption-request`: someone asked for an exemption they may grant;
 * - `signoff`: a go-live role they may sign is open (their group owes it);
 * - `attestation-expiring`: an attestation of theirs runs out within 14 days;
 * - `confirmation-due`: a role their group holds must be confirmed again
 *   within 14 days (or already runs past its `confirmedWithin`);
 * - `initiative-behind`: an active initiative they (or their group) own is
 *   behind its even pace, or has work open in its last week.
 *
 * @public
 */
export type InboxItemKind =
  | 'exemption-request'
  | 'signoff'
  | 'attestation-expiring'
  | 'confirmation-due'
  | 'initiative-behind';

/**
 * One thing the signed-in person can act on.
 *
 * @public
 */
export interface InboxItem {
  kind: InboxItemKind;
  entityRef: string;
  /** What to do, in a sentence. */
  title: string;
  /** Who asked and why, or what runs out. */
  detail?: string;
  /** When it started waiting (ISO 8601). */
  since?: string;
  /** When it runs out, or the go-live date. */
  due?: string;
  /** The exemption request to grant (`exemption-request`). */
  exemptionId?: string;
  checkId?: string;
  /** The initiative behind (`initiative-behind`); `entityRef` is its owner. */
  initiativeId?: string;
  /** The sign-off role (`signoff`) or owner role (`confirmation-due`). */
  role?: string;
}

/**
 * `GET /inbox`: what the signed-in person can act on, most urgent first.
 *
 * @public
 */
export interface InboxResponse {
  items: InboxItem[];
}

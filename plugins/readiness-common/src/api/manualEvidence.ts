import type { Attestation } from '../types';

/**
 * An attestation as the API lists it.
 *
 * @public
 */
export interface AttestationRecord extends Attestation {
  id: string;
  entityRef: string;
  /** `valid` until it expires or is revoked. */
  status: 'valid' | 'expired' | 'revoked';
  revokedAt?: string;
  revokedBy?: string;
  /** Why it was revoked (asked of whoever revokes). */
  revokeReason?: string;
}

/**
 * `GET /entities/{kind}/{namespace}/{name}/attestations`.
 *
 * @public
 */
export interface AttestationsResponse {
  items: AttestationRecord[];
  /** Whether the caller may attest (and revoke) for this entity. */
  canAttest: boolean;
  /** The attestation checks of the scorecards for this entity, and how long an attestation may last. */
  checks: Array<{
    checkId: string;
    title: string;
    maxDays: number;
    /** What an attestation must carry (`with.evidence`); absent: nothing. */
    evidence?: 'url' | 'note' | 'url-or-note' | 'url-and-note';
  }>;
}

/**
 * The body of `POST …/attestations`.
 *
 * @public
 */
export interface AttestationInput {
  checkId: string;
  evidenceUrl?: string;
  note?: string;
  /** Defaults to the check's `maxAge` from now; may not be later. */
  expiresAt?: string;
}

/**
 * An exemption as the API lists it: requested by one person, granted by
 * another with `readiness.exemption.create` (or both at once by them).
 *
 * @public
 */
export interface ExemptionRecord {
  id: string;
  entityRef: string;
  checkId: string;
  reason: string;
  requestedBy?: string;
  approvedBy?: string;
  createdAt: string;
  grantedAt?: string;
  expiresAt?: string;
  status: 'requested' | 'granted' | 'expired' | 'revoked';
  revokedAt?: string;
  revokedBy?: string;
  /** Why it was revoked (asked of whoever revokes). */
  revokeReason?: string;
}

/**
 * `GET /entities/{kind}/{namespace}/{name}/exemptions`.
 *
 * @public
 */
export interface ExemptionsResponse {
  items: ExemptionRecord[];
  /** Whether the caller may request one (owners) … */
  canRequest: boolean;
  /** … and whether they may grant, which makes a request of theirs effective at once. */
  canGrant: boolean;
  /** The longest an exemption may last, in days. */
  maxDays: number;
}

/**
 * The body of `POST …/exemptions`.
 *
 * @public
 */
export interface ExemptionInput {
  checkId: string;
  reason: string;
  expiresAt: string;
}

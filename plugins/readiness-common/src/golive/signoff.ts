import type { ReadinessStatus } from '../types';

/**
 * A role that signs a service off before go-live.
 *
 * @public
 */
export interface SignoffRole {
  id: string;
  title: string;
  /**
   * The group whose members sign this role and are asked when sign-off is
   * requested (else the entity's owners are asked).
   */
  group?: string;
  /** An owner of the entity (spec.owner or one of its three roles) may not sign it. */
  independent?: boolean;
}

/**
 * Who signs when a scorecard names nobody: checklist [001]'s sign-off.
 *
 * @public
 */
export const DEFAULT_SIGNOFF_ROLES: ReadonlyArray<SignoffRole> = [
  { id: 'infrastructure', title: 'Infrastructure team' },
  { id: 'security', title: 'Security team' },
  { id: 'operations', title: 'Operations team' },
  { id: 'release-manager', title: 'Release manager' },
  { id: 'final-approval', title: 'Final approval' },
];

/**
 * One person's sign-off for one role. Void once the service's status
 * dropped below Ready after it was given.
 *
 * @public
 */
export interface Signoff {
  id: number;
  role: string;
  /** The scorecard whose status the sign-off vouches for. */
  scorecard?: string;
  /** The go-live date it was given for; a moved date needs new sign-offs. */
  goLiveDate?: string;
  signedBy: string;
  signedAt: string;
  note?: string;
  /** When it became void, and why (the status dropped below Ready). */
  voidedAt?: string;
  voidReason?: string;
}

/**
 * Each role with its valid sign-off, if any.
 *
 * @public
 */
export interface SignoffProgress {
  roles: Array<
    SignoffRole & {
      signoff?: Signoff;
      /** For the caller (`GET …/go-live` only): whether they may sign this open role. */
      canSign?: boolean;
      /** Why not, as the server would answer a sign-off. */
      whyNot?: string;
    }
  >;
  /** Sign-offs that no longer count, newest first. */
  voided: Signoff[];
  /** Every role has a valid sign-off. */
  complete: boolean;
}

/**
 * Matches sign-offs to roles. A sign-off is void when it was voided, or when
 * the current status is not Ready (`currentStatus`), even if the evaluation
 * that dropped it has not been recorded yet.
 *
 * @public
 */
export function signoffProgress(
  roles: ReadonlyArray<SignoffRole>,
  signoffs: ReadonlyArray<Signoff>,
  currentStatus: ReadinessStatus | undefined,
  current: { scorecard?: string; goLiveDate?: string } = {},
): SignoffProgress {
  const valid = new Map<string, Signoff>();
  const voided: Signoff[] = [];
  const sorted = [...signoffs].sort((a, b) =>
    b.signedAt.localeCompare(a.signedAt),
  );
  for (const s of sorted) {
    let reason: string | undefined;
    if (s.voidedAt !== undefined) reason = s.voidReason ?? 'voided';
    else if (s.goLiveDate !== current.goLiveDate)
      // A sign-off counts for the current go-live date only: a moved or
      // removed date needs new sign-offs.
      reason = current.goLiveDate
        ? `given for the go-live on ${
            s.goLiveDate ?? 'no date'
          }; the date is now ${current.goLiveDate}`
        : `given for the go-live on ${s.goLiveDate}; the date was removed`;
    else if (
      current.scorecard &&
      s.scorecard &&
      s.scorecard !== current.scorecard
    )
      reason = `given for the scorecard ${s.scorecard}`;
    else if (currentStatus !== 'ready')
      reason = `the status is ${currentStatus ?? 'not evaluated'}, not ready`;
    if (reason !== undefined) {
      voided.push(s.voidedAt ? s : { ...s, voidReason: reason });
    } else if (!valid.has(s.role)) valid.set(s.role, s);
  }
  const out = roles.map(r => ({
    ...r,
    ...(valid.has(r.id) ? { signoff: valid.get(r.id) } : {}),
  }));
  return {
    roles: out,
    voided,
    complete: out.length > 0 && out.every(r => r.signoff),
  };
}

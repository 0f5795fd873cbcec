import type { Attestation } from '../../types';
import {
  describedDurationChangesAt,
  describeDuration,
  parseDuration,
} from '../duration';
import { parseTime } from '../time';
import { CheckFn } from './types';

/** `attestation` checks: pass while a person's attestation for this check is valid. */
export function compileAttestationCheck(
  checkId: string,
  w: { maxAge?: string },
): CheckFn {
  const maxAgeMs = w.maxAge ? parseDuration(w.maxAge) : undefined;
  return (_entity, entityRef, ctx) => {
    const given = ctx.attestations(entityRef, checkId);
    const all = given.filter(a => !a.revokedAt);
    // The newest revocation, when it came after every live attestation.
    let revoked: Attestation | undefined;
    for (const a of given)
      if (a.revokedAt && (!revoked || a.revokedAt > revoked.revokedAt!))
        revoked = a;
    const revokedMessage = (r: Attestation) =>
      `The attestation by ${r.attestedBy} was revoked by ${
        r.revokedBy ?? 'someone'
      } on ${r.revokedAt!.slice(0, 10)}${
        r.revokeReason ? `: ${r.revokeReason}` : ''
      }`;
    if (all.length === 0) {
      return {
        result: 'fail',
        message: revoked
          ? revokedMessage(revoked)
          : 'Nobody has attested this yet',
      };
    }
    // The newest attestation that is still valid, else the newest one.
    let valid: Attestation | undefined;
    let validAt = -Infinity;
    let newest = all[0];
    let newestAt = parseTime(newest.attestedAt);
    for (const a of all) {
      const at = parseTime(a.attestedAt);
      if (at > newestAt) {
        newest = a;
        newestAt = at;
      }
      const expiresAt =
        a.expiresAt === undefined ? undefined : parseTime(a.expiresAt);
      const expired = expiresAt !== undefined && expiresAt <= ctx.now;
      const tooOld = maxAgeMs !== undefined && ctx.now - at > maxAgeMs;
      // Each attestation can start or stop counting later.
      if (at > ctx.now) ctx.changesAt(at);
      if (expiresAt !== undefined) ctx.changesAt(expiresAt);
      if (maxAgeMs !== undefined) ctx.changesAt(at + maxAgeMs + 1);
      if (!expired && !tooOld && at <= ctx.now && at > validAt) {
        valid = a;
        validAt = at;
      }
    }
    const latest = valid ?? newest;
    const evidence = {
      by: latest.attestedBy,
      observedAt: latest.attestedAt,
      expiresAt: latest.expiresAt,
      url: latest.evidenceUrl,
      note: latest.note,
    };
    if (!valid && revoked && revoked.attestedAt >= latest.attestedAt) {
      // Revoked after the last live one was given: say so, not "expired".
      return { result: 'fail', message: revokedMessage(revoked) };
    }
    if (!valid) {
      const expiredOn =
        latest.expiresAt !== undefined &&
        Date.parse(latest.expiresAt) <= ctx.now;
      // Otherwise the message says how old it is.
      if (!expiredOn)
        ctx.changesAt(describedDurationChangesAt(newestAt, ctx.now));
      const why = expiredOn
        ? `expired on ${latest.expiresAt!.slice(0, 10)}`
        : `is ${describeDuration(
            ctx.now - Date.parse(latest.attestedAt),
          )} old, more than the ${describeDuration(maxAgeMs ?? 0)} allowed`;
      return {
        result: 'fail',
        message: `The attestation by ${latest.attestedBy} ${why}; attest again`,
        evidence,
      };
    }
    return {
      result: 'pass',
      message: `Attested by ${valid.attestedBy} on ${valid.attestedAt.slice(
        0,
        10,
      )}${valid.note ? `: ${valid.note}` : ''}`,
      evidence,
    };
  };
}

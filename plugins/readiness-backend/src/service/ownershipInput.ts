import { InputError } from '@backstage/errors';
import {
  isValidChannel,
  OwnershipRoles,
  parseOwnerRef,
} from '@readiness/backstage-plugin-readiness-common';

/** The three role fields that name a group or user. */
export const OWNER_ROLES = ['incident', 'technical', 'communication'] as const;

/** Whether two sets of roles say the same thing (blank = unset). */
export const sameRoles = (a: OwnershipRoles, b: OwnershipRoles) =>
  ([...OWNER_ROLES, 'channel', 'runbook'] as const).every(
    k => (a[k] ?? '') === (b[k] ?? ''),
  );

/** Role values as full refs where they parse, so `group:sre` and `group:default/sre` compare equal. */
export function normalizeRoles(
  roles: OwnershipRoles,
  namespace: string,
): OwnershipRoles {
  const out = { ...roles };
  for (const role of OWNER_ROLES) {
    const value = roles[role];
    if (!value) continue;
    const parsed = parseOwnerRef(value, namespace);
    if (parsed.ok) out[role] = parsed.refString;
  }
  return out;
}

/**
 * Checks every field of submitted roles and returns them trimmed, owners as
 * full refs; `exists` says whether an owner ref is in the catalog. Throws an
 * InputError naming the first bad field.
 */
export async function validateRoles(
  roles: OwnershipRoles,
  namespace: string,
  exists: (ref: string) => Promise<boolean>,
): Promise<OwnershipRoles> {
  const out: OwnershipRoles = {};
  for (const role of OWNER_ROLES) {
    const value = roles[role]?.trim();
    if (!value) continue;
    const parsed = parseOwnerRef(value, namespace);
    if (!parsed.ok) throw new InputError(`roles.${role}: ${parsed.error}`);
    if (!(await exists(parsed.refString)))
      throw new InputError(
        `roles.${role}: ${parsed.refString} does not exist in the catalog`,
      );
    out[role] = parsed.refString;
  }
  const channel = roles.channel?.trim();
  if (channel) {
    if (!isValidChannel(channel)) {
      throw new InputError(
        `roles.channel: "${channel}" is not a channel; use slack:#name, msteams:…, mailto:address or a URL`,
      );
    }
    out.channel = channel;
  }
  const runbook = roles.runbook?.trim();
  if (runbook) {
    if (!/^https?:\/\/\S+$/.test(runbook))
      throw new InputError(`roles.runbook: "${runbook}" is not an http(s) URL`);
    out.runbook = runbook;
  }
  return out;
}

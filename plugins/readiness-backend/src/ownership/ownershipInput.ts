import { ConflictError, InputError } from '@backstage/errors';
import {
  isValidChannel,
  OWNERSHIP_FIELDS,
  OWNERSHIP_ROLES,
  OwnershipField,
  OwnershipRoles,
  parseGoLiveDate,
  parseOwnerRef,
} from '@readiness/backstage-plugin-readiness-common';
import type { StoredOwnership } from '../platform/database/types';

/** The three role fields that name a group or user. */
export const OWNER_ROLES = OWNERSHIP_ROLES;

/** Whether two sets of roles say the same thing (blank = unset). */
export const sameRoles = (a: OwnershipRoles, b: OwnershipRoles) =>
  OWNERSHIP_FIELDS.every(k => (a[k] ?? '') === (b[k] ?? ''));

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
 * Checks one field; returns its value (owners as full refs) or what is wrong
 * with it. `exists` says whether an owner ref is in the catalog.
 */
export async function checkField(
  field: OwnershipField,
  raw: string | undefined,
  namespace: string,
  exists: (ref: string) => Promise<boolean>,
): Promise<{ value: string } | { error: string }> {
  const value = raw?.trim() ?? '';
  if (!value) return { value: '' };
  if ((OWNER_ROLES as readonly string[]).includes(field)) {
    const parsed = parseOwnerRef(value, namespace);
    if (!parsed.ok) return { error: parsed.error };
    if (!(await exists(parsed.refString)))
      return { error: `${parsed.refString} does not exist in the catalog` };
    return { value: parsed.refString };
  }
  if (field === 'channel' && !isValidChannel(value))
    return {
      error: `"${value}" is not a channel; use slack:#name, msteams:…, mailto:address or a URL`,
    };
  if (field === 'runbook' && !/^https?:\/\/\S+$/.test(value))
    return { error: `"${value}" is not an http(s) URL` };
  if (field === 'goLiveDate' && parseGoLiveDate(value) === undefined)
    return { error: `"${value}" is not a date; use YYYY-MM-DD` };
  return { value };
}

/**
 * Checks `fields` of submitted roles and returns them trimmed, owners as
 * full refs. Throws one InputError naming every bad field
 * (`roles.incident: …; roles.runbook: …`), so a form can show each error
 * under its field.
 */
export async function validateRoles(
  roles: OwnershipRoles,
  namespace: string,
  exists: (ref: string) => Promise<boolean>,
  fields: readonly OwnershipField[] = OWNERSHIP_FIELDS,
): Promise<OwnershipRoles> {
  const out: OwnershipRoles = {};
  const errors: string[] = [];
  for (const field of fields) {
    const checked = await checkField(field, roles[field], namespace, exists);
    if ('error' in checked) errors.push(`roles.${field}: ${checked.error}`);
    else if (checked.value) out[field] = checked.value;
  }
  if (errors.length) throw new InputError(errors.join('; '));
  return out;
}

/** Refuses a stale version before anything else is compared against a state the caller never saw. */
export function checkVersion(
  entityRef: string,
  stored: StoredOwnership | undefined,
  expectedVersion: number,
) {
  const version = stored?.version ?? 0;
  if (version !== expectedVersion)
    throw new ConflictError(
      `The ownership of ${entityRef} was changed by ${
        stored?.updatedBy ?? 'someone'
      } since version ${expectedVersion} (now version ${version}); reload to see their values`,
    );
}

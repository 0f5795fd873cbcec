import {
  isValidChannel,
  OWNERSHIP_FIELDS,
  OWNERSHIP_ROLES,
  OwnershipField,
  OwnershipRoles,
  parseOwnerRef,
} from '@readiness/backstage-plugin-readiness-common';

/** Errors per field, as shown under each field. */
export type FieldErrors = Partial<Record<OwnershipField, string>>;

const value = (roles: OwnershipRoles, field: OwnershipField) =>
  roles[field]?.trim() ?? '';

/** The fields whose value differs between two forms. */
export function changedFields(
  a: OwnershipRoles,
  b: OwnershipRoles,
): OwnershipField[] {
  return OWNERSHIP_FIELDS.filter(f => value(a, f) !== value(b, f));
}

/**
 * The server's checks, in the browser, for the fields the person changed
 * (an untouched value stays as it is, even when invalid). Whether an owner
 * exists is the picker's job: it only offers catalog entities.
 */
export function checkOwnershipForm(
  form: OwnershipRoles,
  base: OwnershipRoles,
  namespace = 'default',
): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of changedFields(form, base)) {
    const v = value(form, field);
    if (!v) continue;
    if ((OWNERSHIP_ROLES as readonly string[]).includes(field)) {
      const parsed = parseOwnerRef(v, namespace);
      if (!parsed.ok) errors[field] = parsed.error;
    } else if (field === 'channel' && !isValidChannel(v)) {
      errors.channel = `"${v}" is not a channel; use slack:#name, msteams:…, mailto:address or a URL`;
    } else if (field === 'runbook' && !/^https?:\/\/\S+$/.test(v)) {
      errors.runbook = `"${v}" is not an http(s) URL`;
    }
  }
  return errors;
}

/**
 * Splits the server's 400 message (`roles.incident: …; roles.runbook: …`)
 * into errors per field, and whatever names no field.
 */
export function fieldErrorsFromMessage(message: string): {
  fields: FieldErrors;
  other?: string;
} {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const part of message.split(/;\s+(?=roles\.)/)) {
    const m = /^roles\.(\w+):\s*(.*)$/s.exec(part.trim());
    if (m && (OWNERSHIP_FIELDS as readonly string[]).includes(m[1]))
      fields[m[1] as OwnershipField] = m[2];
    else if (part.trim()) other.push(part.trim());
  }
  return { fields, other: other.length ? other.join('; ') : undefined };
}

/** What a three-way merge after a conflict decided. */
export interface ConflictMerge {
  /** The form to show: your changes, and theirs where you changed nothing. */
  merged: OwnershipRoles;
  /** Fields both of you changed to different values: the person chooses. */
  conflicts: OwnershipField[];
  /** Fields only they changed: taken as theirs. */
  theirsOnly: OwnershipField[];
}

/**
 * Three-way merge of your form with what someone else saved: a field only
 * one side changed takes that side's value; a field both changed differently
 * is a conflict, and starts as **theirs**, so nothing of theirs is
 * overwritten unless the person re-applies their own value.
 */
export function mergeAfterConflict(
  base: OwnershipRoles,
  mine: OwnershipRoles,
  theirs: OwnershipRoles,
): ConflictMerge {
  const merged: OwnershipRoles = {};
  const conflicts: OwnershipField[] = [];
  const theirsOnly: OwnershipField[] = [];
  for (const f of OWNERSHIP_FIELDS) {
    const b = value(base, f);
    const m = value(mine, f);
    const t = value(theirs, f);
    let next = m;
    if (m === b) {
      next = t;
      if (t !== b) theirsOnly.push(f);
    } else if (t !== b && t !== m) {
      conflicts.push(f);
      next = t;
    }
    if (next) merged[f] = next;
  }
  return { merged, conflicts, theirsOnly };
}

import {
  OWNERSHIP_FIELDS,
  OwnershipField,
  OwnershipRoles,
} from '@readiness/backstage-plugin-readiness-common';

/**
 * Ownership edits are per-field overrides of catalog-info.yaml: a field in
 * the overrides replaces the file's value ('' removes it); any other field
 * follows the file, including its later changes.
 */
export interface OwnershipState {
  /** The file's values (normalised). */
  file: OwnershipRoles;
  overrides: OwnershipRoles;
  /** The file's values of the overridden fields when they were edited. */
  baseline: OwnershipRoles;
}

const value = (roles: OwnershipRoles, field: OwnershipField) =>
  roles[field]?.trim() ?? '';

/** The roles in effect: the file's, with the overrides applied. */
export function effectiveRoles(
  file: OwnershipRoles,
  overrides: OwnershipRoles,
): OwnershipRoles {
  const out: OwnershipRoles = {};
  for (const field of OWNERSHIP_FIELDS) {
    const v = field in overrides ? value(overrides, field) : value(file, field);
    if (v) out[field] = v;
  }
  return out;
}

/** The overridden fields whose value in the file changed since they were edited. */
export function fileChangedSinceEdit(state: OwnershipState): OwnershipField[] {
  return OWNERSHIP_FIELDS.filter(
    f =>
      f in state.overrides &&
      f in state.baseline &&
      value(state.baseline, f) !== value(state.file, f),
  );
}

/**
 * Applies a submitted form to the state. A field absent from the form is
 * left alone ('' removes a value). A field is touched when its value
 * differs from the one in effect; a touched field equal to the file's value
 * follows the file again, any other touched field becomes an override with
 * the file's current value as its baseline. Untouched fields keep their
 * state, so an invalid value nobody touched never blocks a save.
 */
export function applyForm(
  state: OwnershipState,
  form: OwnershipRoles,
): {
  touched: OwnershipField[];
  overrides: OwnershipRoles;
  baseline: OwnershipRoles;
} {
  const effective = effectiveRoles(state.file, state.overrides);
  const overrides = { ...state.overrides };
  const baseline = { ...state.baseline };
  const touched: OwnershipField[] = [];
  for (const field of OWNERSHIP_FIELDS) {
    if (!(field in form)) continue;
    const next = value(form, field);
    if (next === value(effective, field)) continue;
    touched.push(field);
    if (next === value(state.file, field)) {
      delete overrides[field];
      delete baseline[field];
    } else {
      overrides[field] = next;
      baseline[field] = value(state.file, field);
    }
  }
  return { touched, overrides, baseline };
}

/** Removes the overrides of `fields` (all when omitted): they follow the file again. */
export function revertFields(
  state: OwnershipState,
  fields: readonly OwnershipField[] = OWNERSHIP_FIELDS,
): {
  reverted: OwnershipField[];
  overrides: OwnershipRoles;
  baseline: OwnershipRoles;
} {
  const overrides = { ...state.overrides };
  const baseline = { ...state.baseline };
  const reverted = fields.filter(f => f in overrides);
  for (const field of reverted) {
    delete overrides[field];
    delete baseline[field];
  }
  return { reverted, overrides, baseline };
}

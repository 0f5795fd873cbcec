import { InputError } from '@backstage/errors';

/** Checks of the fields people send for attestations and exemptions. */

export { DAY_MS } from '@readiness/backstage-plugin-readiness-common';
/** How long an attestation lasts when its check sets no `maxAge`. */
export const DEFAULT_ATTESTATION_DAYS = 365;

/**
 * The end (UTC) of the day a limit falls on: "at most 2027-05-29" allows any
 * time on 2027-05-29, as a person choosing that date expects.
 */
export const endOfDay = (ms: number) =>
  Date.parse(`${new Date(ms).toISOString().slice(0, 10)}T23:59:59.999Z`);

/** A time field as epoch milliseconds; InputError naming the field otherwise. */
export function time(value: unknown, field: string): number {
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(t))
    throw new InputError(
      `${field}: "${String(value)}" is not an ISO 8601 time`,
    );
  return t;
}

/** A trimmed text field of at most `max` characters; InputError naming the field otherwise. */
export function text(
  value: unknown,
  field: string,
  max: number,
  required = false,
) {
  if (value === undefined || value === null || value === '') {
    if (required) throw new InputError(`${field}: required`);
    return undefined;
  }
  const s = String(value).trim();
  if (required && !s) throw new InputError(`${field}: required`);
  if (s.length > max)
    throw new InputError(`${field}: at most ${max} characters`);
  return s || undefined;
}

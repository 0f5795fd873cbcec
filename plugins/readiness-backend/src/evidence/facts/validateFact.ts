import { InputError } from '@backstage/errors';
import {
  type Fact,
  tryEntityKey,
} from '@readiness/backstage-plugin-readiness-common';

/** Fact ids: lower case letters, digits, `.`, `_` and `-`, up to 100 characters. */
export const FACT_ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;
/** The largest fact value accepted, as JSON. */
export const MAX_FACT_BYTES = 64 * 1024;
/** The deepest nesting of objects and arrays accepted in a value. */
export const MAX_FACT_DEPTH = 10;
/** How far in the future an observation time may be (clock skew). */
const MAX_SKEW_MS = 5 * 60_000;

function depth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depth));
}

/**
 * Checks one fact and returns it with its entity key, a default source and a
 * default observation time. Throws an InputError naming the field (`at` is
 * the path of the fact, e.g. `items[2].facts[0]`).
 */
export function validateFact(
  input: { entityRef: unknown; fact: Partial<Fact> & Record<string, unknown> },
  options: { at: string; entityAt?: string; source: string; now: Date },
): { entityRef: string; fact: Fact } {
  const { at, now } = options;
  // `payments-api` means component:default/payments-api, as people write it.
  const entityRef = tryEntityKey(input.entityRef, { defaultKind: 'component' });
  if (!entityRef)
    throw new InputError(
      `${options.entityAt ?? 'entityRef'}: "${String(
        input.entityRef,
      )}" is not an entity ref such as component:default/payments-api`,
    );
  const { id, value, observedAt, source } = input.fact;
  if (typeof id !== 'string' || !FACT_ID.test(id))
    throw new InputError(
      `${at}.id: "${String(
        id,
      )}" is not a fact id (a-z, 0-9, '.', '_', '-', up to 100 characters)`,
    );
  if (value === undefined)
    throw new InputError(`${at}.value: missing; send any JSON value`);
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > MAX_FACT_BYTES)
    throw new InputError(
      `${at}.value: ${bytes} bytes of JSON; at most ${MAX_FACT_BYTES} are accepted`,
    );
  if (depth(value) > MAX_FACT_DEPTH)
    throw new InputError(
      `${at}.value: nested deeper than ${MAX_FACT_DEPTH} levels`,
    );
  let observed = now.toISOString();
  if (observedAt !== undefined) {
    const t = typeof observedAt === 'string' ? Date.parse(observedAt) : NaN;
    if (Number.isNaN(t))
      throw new InputError(
        `${at}.observedAt: "${String(observedAt)}" is not an ISO 8601 time`,
      );
    if (t > now.getTime() + MAX_SKEW_MS)
      throw new InputError(`${at}.observedAt: ${observedAt} is in the future`);
    observed = new Date(t).toISOString();
  }
  if (
    source !== undefined &&
    (typeof source !== 'string' || source.length > 200)
  )
    throw new InputError(`${at}.source: expected text of up to 200 characters`);
  return {
    entityRef,
    fact: {
      id,
      value: value as Fact['value'],
      observedAt: observed,
      source: (source as string | undefined) || options.source,
    },
  };
}

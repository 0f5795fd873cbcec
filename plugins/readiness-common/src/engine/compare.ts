import type { JsonValue } from '@backstage/types';
import { parseDuration } from './duration';

/** An operator and its parameter, as validated by the scorecard schema. */
export interface Comparison {
  op:
    | 'exists'
    | 'absent'
    | 'notEmpty'
    | 'equals'
    | 'oneOf'
    | 'matches'
    | 'gt'
    | 'gte'
    | 'lt'
    | 'lte';
  value?: string | number | boolean;
  values?: Array<string | number | boolean>;
  pattern?: string;
  flags?: string;
}

/** The outcome of a comparison, with words for people. */
export interface Compared {
  ok: boolean;
  /** What was found, e.g. `is missing`, `is "beta"`, `is 240`. */
  found: string;
  /** What was expected, e.g. `expected ≤ 200`. */
  expected: string;
  observed?: JsonValue;
  threshold?: JsonValue;
}

const SYMBOL = { gt: '>', gte: '≥', lt: '<', lte: '≤' } as const;
const COMPARE: Record<keyof typeof SYMBOL, (a: number, b: number) => boolean> =
  {
    gt: (a, b) => a > b,
    gte: (a, b) => a >= b,
    lt: (a, b) => a < b,
    lte: (a, b) => a <= b,
  };

function show(value: unknown): string {
  if (typeof value === 'string') {
    return /["\\\n]/.test(value) ? JSON.stringify(value) : `"${value}"`;
  }
  const text = JSON.stringify(value);
  return text && text.length > 80 ? `${text.slice(0, 77)}…` : String(text);
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (
    typeof value === 'string' &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
  ) {
    return Number(value);
  }
  return undefined;
}

/** A duration (`4h`, `PT30M`, `1d`) in milliseconds; undefined when the value is none. */
function toDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return parseDuration(value.trim());
  } catch {
    return undefined;
  }
}

/** Jsonable view of a value for the result's `observed` field. */
function observedOf(value: unknown): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object') {
    return typeof value === 'number' && !Number.isFinite(value)
      ? String(value)
      : (value as JsonValue);
  }
  try {
    return JSON.parse(JSON.stringify(value)) as JsonValue;
  } catch {
    return String(value);
  }
}

/**
 * Compiles a comparison to a function over a value. Lists (for example the
 * result of a `[type=runbook]` filter) match `equals`, `oneOf` and `matches`
 * when any element does.
 */
export function compileComparison(c: Comparison): (value: unknown) => Compared {
  const anyOf =
    (test: (v: unknown) => boolean) =>
    (value: unknown): boolean =>
      Array.isArray(value) ? value.some(test) : test(value);
  // What is expected, and the test, depend only on the comparison: build them once.
  let test: (value: unknown) => boolean;
  let expected: string;
  let threshold: JsonValue | undefined;
  switch (c.op) {
    case 'exists':
      test = v => v !== undefined && v !== null;
      expected = 'expected to be set';
      break;
    case 'absent':
      test = v => v === undefined || v === null;
      expected = 'expected not to be set';
      break;
    case 'notEmpty':
      test = v => !isEmpty(v);
      expected = 'expected a value';
      break;
    case 'equals':
      test = anyOf(
        v =>
          v === c.value ||
          (toNumber(v) !== undefined && toNumber(v) === c.value),
      );
      expected = `expected ${show(c.value)}`;
      threshold = c.value;
      break;
    case 'oneOf': {
      const values = c.values!;
      const lower = values.map(x =>
        typeof x === 'string' ? x.toLowerCase() : x,
      );
      test = anyOf(
        v =>
          values.includes(v as string) ||
          (typeof v === 'string' && lower.includes(v.toLowerCase())),
      );
      expected = `expected one of ${values.map(show).join(', ')}`;
      threshold = values;
      break;
    }
    case 'matches': {
      const regex = new RegExp(c.pattern!, c.flags);
      test = anyOf(v => typeof v === 'string' && regex.test(v));
      expected = `expected to match /${c.pattern}/${c.flags ?? ''}`;
      threshold = c.pattern;
      break;
    }
    default: {
      const compare = COMPARE[c.op as keyof typeof COMPARE];
      const symbol = SYMBOL[c.op as keyof typeof SYMBOL];
      if (typeof c.value === 'string') {
        // A duration limit (RTO ≤ 4h): the value is read as a duration too.
        const limit = parseDuration(c.value);
        test = v => {
          const ms = toDuration(v);
          return ms !== undefined && compare(ms, limit);
        };
        expected = `expected ${symbol} ${c.value}`;
        threshold = c.value;
        break;
      }
      const limit = c.value as number;
      test = v => {
        const n = toNumber(v);
        return n !== undefined && compare(n, limit);
      };
      expected = `expected ${symbol} ${limit}`;
      threshold = limit;
    }
  }
  const ordered = ['gt', 'gte', 'lt', 'lte'].includes(c.op);
  const numeric = ordered && typeof c.value === 'number';
  const durational = ordered && typeof c.value === 'string';
  return (value: unknown): Compared => {
    let found: string;
    if (value === undefined || value === null) found = 'is missing';
    else if (c.op === 'notEmpty' && isEmpty(value)) found = 'is empty';
    else if (numeric && toNumber(value) === undefined)
      found = `is ${show(value)}, not a number`;
    else if (durational && toDuration(value) === undefined)
      found = `is ${show(value)}, not a duration`;
    else found = `is ${show(value)}`;
    return {
      ok: test(value),
      found,
      expected,
      observed: observedOf(value),
      threshold,
    };
  };
}

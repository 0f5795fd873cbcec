import type { JsonValue } from '@backstage/types';

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
  if (typeof value === 'string') return JSON.stringify(value);
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

/** Jsonable view of a value for the result's `observed` field. */
function observedOf(value: unknown): JsonValue | undefined {
  if (value === undefined) return undefined;
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
  const regex =
    c.op === 'matches' ? new RegExp(c.pattern!, c.flags) : undefined;
  const anyOf = (value: unknown, test: (v: unknown) => boolean) =>
    Array.isArray(value) ? value.some(test) : test(value);
  return (value: unknown): Compared => {
    const observed = observedOf(value);
    const found =
      value === undefined || value === null
        ? 'is missing'
        : `is ${show(value)}`;
    switch (c.op) {
      case 'exists':
        return {
          ok: value !== undefined && value !== null,
          found,
          expected: 'expected to be set',
          observed,
        };
      case 'absent':
        return {
          ok: value === undefined || value === null,
          found,
          expected: 'expected not to be set',
          observed,
        };
      case 'notEmpty':
        return {
          ok: !isEmpty(value),
          found:
            isEmpty(value) && value !== undefined && value !== null
              ? 'is empty'
              : found,
          expected: 'expected a value',
          observed,
        };
      case 'equals':
        return {
          ok: anyOf(
            value,
            v =>
              v === c.value ||
              (toNumber(v) !== undefined && toNumber(v) === c.value),
          ),
          found,
          expected: `expected ${show(c.value)}`,
          observed,
          threshold: c.value,
        };
      case 'oneOf':
        return {
          ok: anyOf(value, v =>
            c.values!.some(
              x =>
                x === v ||
                (typeof x === 'string' &&
                  typeof v === 'string' &&
                  x.toLocaleLowerCase('en-US') ===
                    v.toLocaleLowerCase('en-US')),
            ),
          ),
          found,
          expected: `expected one of ${c.values!.map(show).join(', ')}`,
          observed,
          threshold: c.values,
        };
      case 'matches':
        return {
          ok: anyOf(value, v => typeof v === 'string' && regex!.test(v)),
          found,
          expected: `expected to match /${c.pattern}/${c.flags ?? ''}`,
          observed,
          threshold: c.pattern,
        };
      default: {
        const n = toNumber(value);
        const limit = c.value as number;
        const ok =
          n !== undefined && COMPARE[c.op as keyof typeof COMPARE](n, limit);
        return {
          ok,
          found:
            n === undefined && value !== undefined && value !== null
              ? `is ${show(value)}, not a number`
              : found,
          expected: `expected ${SYMBOL[c.op as keyof typeof SYMBOL]} ${limit}`,
          observed,
          threshold: limit,
        };
      }
    }
  };
}

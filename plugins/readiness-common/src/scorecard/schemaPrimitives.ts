import { z } from 'zod';
import { parsePath } from '../engine/paths';
import { parseDuration } from '../engine/duration';

/* The building blocks of the scorecard schema: ids, durations, field paths, comparisons. */

export const ID = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
export const id = (what: string) =>
  z
    .string()
    .regex(
      ID,
      `${what} must be lowercase letters, digits and - _ . (for example "incident-owner")`,
    );

const DURATION =
  /^(?:P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?!$)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?|\d+[smhdw])$/;
/** ISO 8601 duration (`P30D`, `PT12H`) or shorthand (`30d`, `12h`, `2w`). */
export const durationSchema = z
  .string()
  .regex(DURATION, 'expected a duration such as P30D, PT12H, 30d or 12h');

/** A field path such as `metadata.annotations['readiness/runbook']`. */
export const pathSchema = z
  .string()
  .min(1)
  .superRefine((path, ctx) => {
    try {
      parsePath(path);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
    }
  });

export const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** Comparison operators shared by catalog predicates and fact checks. */
export const OPERATORS = [
  'exists',
  'absent',
  'notEmpty',
  'equals',
  'oneOf',
  'matches',
  'gt',
  'gte',
  'lt',
  'lte',
] as const;

/** An operator with the parameter it needs. */
export const comparison = {
  op: z.enum(OPERATORS),
  value: scalar.optional(),
  values: z.array(scalar).min(1).optional(),
  pattern: z.string().optional(),
  flags: z
    .string()
    .regex(/^[imsu]*$/, 'flags may only contain i, m, s, u')
    .optional(),
};

export function refineComparison(
  c: {
    op: (typeof OPERATORS)[number];
    value?: unknown;
    values?: unknown;
    pattern?: string;
    flags?: string;
  },
  ctx: z.RefinementCtx,
) {
  const need = (field: 'value' | 'values' | 'pattern', what: string) => {
    if (c[field] === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `op "${c.op}" needs ${what}`,
      });
    }
  };
  switch (c.op) {
    case 'equals':
      need('value', 'a value to compare with');
      break;
    case 'oneOf':
      need('values', 'a list of values');
      break;
    case 'matches':
      need('pattern', 'a regular expression');
      if (c.pattern !== undefined) {
        try {
          RegExp(c.pattern, c.flags);
        } catch (e) {
          ctx.addIssue({
            code: 'custom',
            path: ['pattern'],
            message: `regular expression does not compile: ${
              (e as Error).message
            }`,
          });
        }
      }
      break;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (typeof c.value === 'string') {
        try {
          parseDuration(c.value);
        } catch {
          ctx.addIssue({
            code: 'custom',
            path: ['value'],
            message: `op "${c.op}" needs a number or a duration (4h, PT4H, 30d), got "${c.value}"`,
          });
        }
      } else if (typeof c.value !== 'number') {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: `op "${c.op}" needs a number or a duration (4h, PT4H, 30d)`,
        });
      }
      break;
    default:
  }
}

import { z } from 'zod';
import { parsePath } from '../engine/paths';
import { parseDuration } from '../engine/duration';

const ID = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
const id = (what: string) =>
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
const pathSchema = z
  .string()
  .min(1)
  .superRefine((path, ctx) => {
    try {
      parsePath(path);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
    }
  });

const scalar = z.union([z.string(), z.number(), z.boolean()]);

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
const comparison = {
  op: z.enum(OPERATORS),
  value: scalar.optional(),
  values: z.array(scalar).min(1).optional(),
  pattern: z.string().optional(),
  flags: z
    .string()
    .regex(/^[imsu]*$/, 'flags may only contain i, m, s, u')
    .optional(),
};

function refineComparison(
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

/** A predicate on an entity field, or a combination of predicates. */
export type PredicateInput =
  | { all: PredicateInput[] }
  | { any: PredicateInput[] }
  | { not: PredicateInput }
  | {
      path: string;
      op: (typeof OPERATORS)[number];
      value?: string | number | boolean;
      values?: Array<string | number | boolean>;
      pattern?: string;
      flags?: string;
    };

const leafPredicate = z
  .object({ path: pathSchema, ...comparison })
  .strict()
  .superRefine(refineComparison);

export const predicateSchema: z.ZodType<PredicateInput> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(predicateSchema).min(1) }).strict(),
    z.object({ any: z.array(predicateSchema).min(1) }).strict(),
    z.object({ not: predicateSchema }).strict(),
    leafPredicate,
  ]),
);

const filterValue = z.union([
  scalar,
  z.array(scalar).min(1),
  z.object({ exists: z.boolean() }).strict(),
  // Absent, or any value but these: `{ not: 'false' }`.
  z.object({ not: z.union([scalar, z.array(scalar).min(1)]) }).strict(),
]);
const filterSchema = z.record(z.string().min(1), filterValue);

export const appliesToSchema = z
  .object({
    kinds: z.array(z.string().min(1)).min(1).optional(),
    types: z.array(z.string().min(1)).min(1).optional(),
    lifecycles: z.array(z.string().min(1)).min(1).optional(),
    tags: z.array(z.string().min(1)).min(1).optional(),
    filter: z.union([filterSchema, z.array(filterSchema).min(1)]).optional(),
  })
  .strict();

const roleSchema = z.enum(['incident', 'technical', 'communication']);

const checkBase = {
  id: id('check id'),
  title: z.string().min(1),
  description: z.string().optional(),
  severity: z.enum(['critical', 'required', 'recommended']),
  weight: z.number().positive().max(100).optional(),
  remediation: z
    .object({ text: z.string().optional(), link: z.string().optional() })
    .strict()
    .optional(),
  enforceFrom: z.iso.date('expected a date as YYYY-MM-DD').optional(),
  // Where this does not hold the check does not apply: not counted, shown
  // with the reason (same matcher as appliesTo).
  when: appliesToSchema
    .extend({
      reason: z
        .string()
        .min(
          1,
          'say why the check does not apply elsewhere, e.g. "the service takes no automated actions"',
        ),
    })
    .strict()
    .optional(),
};

const catalogCheck = z
  .object({ ...checkBase, type: z.literal('catalog'), with: predicateSchema })
  .strict();

const relationCheck = z
  .object({
    ...checkBase,
    type: z.literal('relation'),
    with: z
      .object({
        type: z.string().min(1),
        targetKind: z.string().min(1).optional(),
        min: z.number().int().positive().default(1),
      })
      .strict(),
  })
  .strict();

const ownershipCheck = z
  .object({
    ...checkBase,
    type: z.literal('ownership'),
    with: z.discriminatedUnion('rule', [
      z
        .object({
          rule: z.literal('role'),
          role: roleSchema,
          resolve: z.boolean().default(true),
          contact: z.boolean().default(false),
        })
        .strict(),
      z
        .object({
          rule: z.literal('distinct'),
          roles: z.array(roleSchema).min(2),
        })
        .strict(),
      z.object({ rule: z.literal('channel') }).strict(),
    ]),
  })
  .strict();

const factCheck = z
  .object({
    ...checkBase,
    type: z.literal('fact'),
    with: z
      .object({
        fact: z.string().min(1),
        path: pathSchema.optional(),
        maxAge: durationSchema.optional(),
        ...comparison,
      })
      .strict()
      .superRefine(refineComparison),
  })
  .strict();

const httpCheck = z
  .object({
    ...checkBase,
    type: z.literal('http'),
    with: z
      .object({
        assert: z.enum([
          'status',
          'latency',
          'tls',
          'tlsVersion',
          'httpsRedirect',
          'hsts',
          'csp',
          'cors',
        ]),
        fact: z.string().default('http'),
        maxLatencyMs: z.number().positive().default(1000),
        minTlsDays: z.number().int().nonnegative().default(14),
        minTlsVersion: z.enum(['TLSv1.2', 'TLSv1.3']).default('TLSv1.2'),
        maxAge: durationSchema.optional(),
      })
      .strict(),
  })
  .strict();

const attestationCheck = z
  .object({
    ...checkBase,
    type: z.literal('attestation'),
    with: z
      .object({
        maxAge: durationSchema.optional(),
        // What an attestation must carry besides the person and the time.
        evidence: z
          .enum(['none', 'url', 'note', 'url-or-note', 'url-and-note'])
          .optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

const rollupCheck = z
  .object({
    ...checkBase,
    type: z.literal('rollup'),
    with: z
      .object({
        of: z.enum(['parts', 'owned']).default('parts'),
        require: z
          .enum(['all-ready', 'none-blocked', 'min-score'])
          .default('all-ready'),
        minScore: z.number().min(0).max(100).optional(),
        kinds: z.array(z.string().min(1)).optional(),
      })
      .strict()
      .superRefine((w, ctx) => {
        if (w.require === 'min-score' && w.minScore === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['minScore'],
            message: 'require "min-score" needs minScore',
          });
        }
      }),
  })
  .strict();

/** Names of the built-in check types. */
export const CHECK_TYPES = [
  'catalog',
  'relation',
  'ownership',
  'fact',
  'http',
  'attestation',
  'rollup',
] as const;

export const checkSchema = z.discriminatedUnion('type', [
  catalogCheck,
  relationCheck,
  ownershipCheck,
  factCheck,
  httpCheck,
  attestationCheck,
  rollupCheck,
]);

export const scorecardSchema = z
  .object({
    apiVersion: z.literal('readiness/v1'),
    kind: z.literal('Scorecard'),
    metadata: z
      .object({
        name: id('metadata.name'),
        title: z.string().min(1).optional(),
        description: z.string().optional(),
      })
      .strict(),
    spec: z
      .object({
        appliesTo: appliesToSchema.default({}),
        scoring: z.enum(['weighted', 'items']).default('weighted'),
        passingScore: z.number().min(0).max(100).default(95),
        areas: z
          .array(
            z
              .object({
                id: id('area id'),
                title: z.string().min(1),
                description: z.string().optional(),
                checks: z.array(checkSchema).min(1),
              })
              .strict(),
          )
          .min(1),
        levels: z
          .array(
            z
              .object({
                id: id('level id'),
                title: z.string().min(1),
                description: z.string().optional(),
                checks: z.array(z.string()).min(1),
              })
              .strict(),
          )
          .optional(),
        goLive: z
          .object({
            // [000]: an incomplete area makes it a controlled pilot expansion.
            launchRequires: z.enum(['ready', 'complete-areas']).optional(),
            // [001] T-7, T-1, T-0, T+1 and [004] weeks 2–4: what each phase asks.
            phases: z
              .array(
                z
                  .object({
                    phase: z.enum([
                      'checklist',
                      'sign-off',
                      'launch',
                      'first-week',
                      'weekly-review',
                    ]),
                    items: z
                      .array(
                        z
                          .object({
                            id: id('phase item id'),
                            title: z.string().min(1),
                          })
                          .strict(),
                      )
                      .min(1),
                  })
                  .strict(),
              )
              .optional(),
            signoff: z
              .object({
                roles: z
                  .array(
                    z
                      .object({
                        id: id('sign-off role id'),
                        title: z.string().min(1),
                        group: z
                          .string()
                          .regex(
                            /^group:[^/\s]+\/\S+$/,
                            'expected a group ref such as group:default/security',
                          )
                          .optional(),
                        // An owner of the entity may not sign this role.
                        independent: z.boolean().optional(),
                      })
                      .strict(),
                  )
                  .min(1),
                // How many roles one person may sign for one go-live date.
                rolesPerPerson: z.number().int().min(1).optional(),
              })
              .strict()
              .optional(),
          })
          .strict()
          .optional(),
        verdicts: z
          .object({
            ready: z.string().optional(),
            'needs-work': z.string().optional(),
            blocked: z.string().optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .superRefine((spec, ctx) => {
        if (spec.scoring !== 'items') return;
        spec.areas.forEach((area, a) =>
          area.checks.forEach((check, c) => {
            if (check.weight === undefined) return;
            ctx.addIssue({
              code: 'custom',
              path: ['areas', a, 'checks', c, 'weight'],
              message:
                'weight has no effect with scoring: items (every counted check is one item); remove it or use scoring: weighted',
            });
          }),
        );
      }),
  })
  .strict();

/** A check as written in a scorecard file, after defaults are applied. */
export type CheckSpec = z.output<typeof checkSchema>;
/** A scorecard document after validation, with defaults applied. */
export type ScorecardSpec = z.output<typeof scorecardSchema>;
/** The entity filter of a scorecard. */
export type AppliesTo = z.output<typeof appliesToSchema>;

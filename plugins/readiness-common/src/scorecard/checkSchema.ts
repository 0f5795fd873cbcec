import { z } from 'zod';
import { appliesToSchema, predicateSchema } from './predicateSchema';
import {
  comparison,
  durationSchema,
  id,
  pathSchema,
  refineComparison,
} from './schemaPrimitives';

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
          /**
           * The owner must have been confirmed within this long (`P90D`):
           * `readiness/<role>-owner-confirmed-at`, set by Confirm in the UI.
           */
          confirmedWithin: durationSchema.optional(),
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

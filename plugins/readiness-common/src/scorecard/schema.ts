import { z } from 'zod';
import { checkSchema } from './checkSchema';
import { appliesToSchema } from './predicateSchema';
import { id } from './schemaPrimitives';

export { durationSchema, OPERATORS } from './schemaPrimitives';
export {
  appliesToSchema,
  predicateSchema,
  type PredicateInput,
} from './predicateSchema';
export { CHECK_TYPES, checkSchema } from './checkSchema';

export const scorecardSchema = z
  .object({
    apiVersion: z.literal('readiness/v1'),
    kind: z.literal('Scorecard'),
    metadata: z
      .object({
        name: id('metadata.name'),
        title: z.string().min(1).optional(),
        description: z.string().optional(),
        /**
         * A label for this version of the scorecard (`2026-Q4`, a release
         * or a commit), shown where results mark a scorecard change; the
         * content hash tells versions apart either way.
         */
        revision: z.string().min(1).max(100).optional(),
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
            // The questions the go-live note answers from check results
            // ([000]'s six when a scorecard sets none; [] for none).
            questions: z
              .array(
                z
                  .object({
                    id: id('question id'),
                    question: z.string().min(1),
                    checks: z.array(z.string().min(1)).min(1),
                  })
                  .strict(),
              )
              .optional(),
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

import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import { isFailing } from '@readiness/backstage-plugin-readiness-common';
import { ReadinessStore } from '../database/ReadinessStore';

/**
 * Actions for AI assistants (MCP) through Backstage's actions registry:
 * an entity's readiness, and the failing checks of an owner's entities.
 */
export function registerActions(
  actions: ActionsRegistryService,
  store: ReadinessStore,
) {
  actions.register({
    name: 'get-entity-readiness',
    title: 'Get entity readiness',
    description:
      'Production readiness of one catalog entity: status (ready, needs-work or blocked), score, level, and the checks that do not pass with what to do about them.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('Entity ref, for example component:default/payments-api'),
        }),
      output: z =>
        z.object({
          results: z.array(
            z.object({
              scorecard: z.string(),
              status: z.string(),
              score: z.number(),
              level: z.string().optional(),
              verdict: z.string(),
              failingChecks: z.array(
                z.object({
                  checkId: z.string(),
                  title: z.string(),
                  severity: z.string(),
                  message: z.string(),
                  remediation: z.string().optional(),
                }),
              ),
            }),
          ),
        }),
    },
    action: async ({ input }) => {
      const rows = await store.getEntityResults(input.entityRef.toLowerCase());
      if (rows.length === 0)
        throw new NotFoundError(`No readiness results for ${input.entityRef}`);
      return {
        output: {
          results: rows.map(r => ({
            scorecard: r.scorecard,
            status: r.status,
            score: r.score,
            level: r.result.level?.title,
            verdict: r.result.verdict,
            failingChecks: r.result.checks.filter(isFailing).map(c => ({
              checkId: c.checkId,
              title: c.title,
              severity: c.severity,
              message: c.message,
              remediation: c.remediation?.text,
            })),
          })),
        },
      };
    },
  });

  actions.register({
    name: 'list-failing-checks-for-owner',
    title: 'List failing readiness checks for an owner',
    description:
      'The entities owned by a group or user that are not ready, with their failing checks.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          owner: z
            .string()
            .describe('Owner ref, for example group:default/payments'),
        }),
      output: z =>
        z.object({
          entities: z.array(
            z.object({
              entityRef: z.string(),
              scorecard: z.string(),
              status: z.string(),
              score: z.number(),
              failingChecks: z.array(z.string()),
            }),
          ),
        }),
    },
    action: async ({ input }) => {
      const owner = input.owner.includes(':')
        ? input.owner
        : `group:default/${input.owner}`;
      const { items } = await store.queryResults({
        filter: {
          owner: [owner.toLowerCase()],
          status: ['blocked', 'needs-work'],
        },
        sort: 'score',
        limit: 500,
      });
      return {
        output: {
          entities: items.map(r => ({
            entityRef: r.entityRef,
            scorecard: r.scorecard,
            status: r.status,
            score: r.score,
            failingChecks: r.failingChecks,
          })),
        },
      };
    },
  });
}

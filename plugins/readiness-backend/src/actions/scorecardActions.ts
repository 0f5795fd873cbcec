import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { ReadinessService } from '../results/ReadinessService';
import type { PreviewService } from '../scorecards/PreviewService';

const COUNTS = (z: any) =>
  z.object({
    ready: z.number(),
    'needs-work': z.number(),
    blocked: z.number(),
  });

/**
 * The org-wide actions: the summary of a scorecard by owner, system, domain,
 * lifecycle or type (`GET /summary`), and the preview of a scorecard change
 * (`POST /scorecards/preview`), with the caller's credentials.
 */
export function registerScorecardActions(
  actions: ActionsRegistryService,
  deps: { service: ReadinessService; preview: PreviewService },
) {
  actions.register({
    name: 'get-summary',
    title: 'Get the readiness summary',
    description:
      'How ready the organisation is on one scorecard: counts of ready, needs-work and blocked entities and the mean score, overall and per owner (a group counts its sub-groups), system, domain, lifecycle or type. Limited to the entities the caller may see.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          groupBy: z
            .enum(['owner', 'system', 'domain', 'lifecycle', 'type'])
            .optional()
            .describe('How to group; owner by default'),
          scorecard: z
            .string()
            .optional()
            .describe('Scorecard name; the first configured one by default'),
        }),
      output: z => {
        const group = z.object({
          key: z.string(),
          total: z.number(),
          counts: COUNTS(z),
          meanScore: z.number(),
        });
        return z.object({
          scorecard: z.string(),
          groupBy: z.string(),
          overall: group,
          groups: z.array(group),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const s = await deps.service.queries.getSummary(
        credentials,
        input.groupBy,
        input.scorecard,
      );
      const group = (g: (typeof s.groups)[number]) => ({
        key: g.key,
        total: g.total,
        counts: g.counts,
        meanScore: g.meanScore,
      });
      return {
        output: {
          scorecard: s.scorecard,
          groupBy: s.groupBy,
          overall: group(s.overall),
          groups: s.groups.map(group),
        },
      };
    },
  });

  actions.register({
    name: 'preview-scorecard',
    title: 'Preview a scorecard change',
    description:
      'Evaluates a candidate scorecard (YAML) against the current catalog and evidence beside the running scorecard of the same name, writing nothing: per scorecard the status counts before and after, how many entities drop to Blocked, the entities that move (worst first) and the checks that change. Needs readiness.scorecard.preview.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          yaml: z
            .string()
            .min(1)
            .describe('The candidate scorecard(s) as YAML'),
          base: z
            .string()
            .optional()
            .describe(
              'YAML to compare with; the running scorecard of the same name by default',
            ),
          limit: z
            .number()
            .int()
            .min(0)
            .max(5000)
            .optional()
            .describe('Moved entities listed per scorecard (default 200)'),
        }),
      output: z => {
        const standing = z.object({ status: z.string(), score: z.number() });
        return z.object({
          evaluatedAt: z.string(),
          scorecards: z.array(
            z.object({
              name: z.string(),
              base: z.string(),
              totals: z.object({ before: COUNTS(z), after: COUNTS(z) }),
              toBlocked: z.number(),
              movesTotal: z.number(),
              moves: z.array(
                z.object({
                  entityRef: z.string(),
                  before: standing.optional(),
                  after: standing.optional(),
                  newlyFailing: z.array(z.string()),
                  newlyPassing: z.array(z.string()),
                }),
              ),
              checks: z.array(
                z.object({
                  checkId: z.string(),
                  failingBefore: z.number(),
                  failingAfter: z.number(),
                  change: z.string().optional(),
                }),
              ),
            }),
          ),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const p = await deps.preview.preview(credentials, input);
      return {
        output: {
          evaluatedAt: p.evaluatedAt,
          scorecards: p.scorecards.map(e => ({
            name: e.name,
            base: e.base,
            totals: e.totals,
            toBlocked: e.toBlocked,
            movesTotal: e.movesTotal,
            moves: e.moves.map(m => ({
              entityRef: m.entityRef,
              before: m.before,
              after: m.after,
              newlyFailing: m.newlyFailing,
              newlyPassing: m.newlyPassing,
            })),
            checks: e.checks.map(c => ({
              checkId: c.checkId,
              failingBefore: c.failingBefore,
              failingAfter: c.failingAfter,
              change: c.change,
            })),
          })),
        },
      };
    },
  });
}

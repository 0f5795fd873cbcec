import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { isFailing } from '@readiness/backstage-plugin-readiness-common';
import { AuditorService, AuthService } from '@backstage/backend-plugin-api';
import type { ManualEvidenceService } from '../evidence/manual/ManualEvidenceService';
import type { GoLiveService } from '../goLive/GoLiveService';
import type { ReadinessService } from '../results/ReadinessService';
import type { PreviewService } from '../scorecards/PreviewService';
import { registerExemptionActions } from './exemptionActions';
import { registerGoLiveActions } from './goLiveActions';
import { registerScorecardActions } from './scorecardActions';

/** Where a result stands, as both actions answer it. */
const standing = (r: { scorecard: string; status: string; score: number }) => ({
  scorecard: r.scorecard,
  status: r.status,
  score: r.score,
});

/** The services the actions call: the same as the REST API's. */
export interface ActionDeps {
  service: ReadinessService;
  goLive: GoLiveService;
  preview: PreviewService;
  manualEvidence: ManualEvidenceService;
  auditor: AuditorService;
  auth: AuthService;
}

/**
 * Actions for AI assistants (MCP) through Backstage's actions registry:
 * an entity's readiness, the failing checks of an owner's entities, the
 * go-live note and the go-lives, the summary, the preview of a scorecard
 * change, and asking for an exemption. Each calls the same service as the
 * REST API, with the caller's credentials, so permissions, owner semantics
 * and audit are the same.
 */
export function registerActions(
  actions: ActionsRegistryService,
  deps: ActionDeps,
) {
  const { service } = deps;
  registerGoLiveActions(actions, deps.goLive);
  registerScorecardActions(actions, deps);
  registerExemptionActions(actions, deps);
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
              notApplicable: z
                .array(
                  z.object({
                    checkId: z.string(),
                    title: z.string(),
                    reason: z.string(),
                  }),
                )
                .describe(
                  'Checks that do not apply to this entity (not counted), with why',
                ),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const { results } = await service.getEntity(credentials, input.entityRef);
      return {
        output: {
          results: results.map(r => ({
            ...standing(r),
            level: r.level?.title,
            verdict: r.verdict,
            failingChecks: r.checks.filter(isFailing).map(c => ({
              checkId: c.checkId,
              title: c.title,
              severity: c.severity,
              message: c.message,
              remediation: c.remediation?.text,
            })),
            notApplicable: r.checks
              .filter(c => c.result === 'not-applicable')
              .map(c => ({
                checkId: c.checkId,
                title: c.title,
                reason: c.message,
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
      'The entities owned by a group (and its sub-groups) or a user that are not ready, with their failing checks, as GET /results?owner=… answers.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          owner: z
            .string()
            .describe(
              'Owner: payments, group:payments, group:default/payments or user:default/jane',
            ),
          scorecard: z
            .string()
            .optional()
            .describe('Scorecard name; the first configured one by default'),
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
    action: async ({ input, credentials }) => {
      const { items } = await service.queries.listResults(credentials, {
        owner: [input.owner],
        scorecard: input.scorecard,
        status: ['blocked', 'needs-work'],
        sort: 'score',
        limit: 500,
      });
      return {
        output: {
          entities: items.map(r => ({
            entityRef: r.entityRef,
            ...standing(r),
            failingChecks: r.failingChecks,
          })),
        },
      };
    },
  });
}

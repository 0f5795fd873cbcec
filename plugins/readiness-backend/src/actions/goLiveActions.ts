import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { GoLiveService } from '../goLive/GoLiveService';

/**
 * The go-live actions: the go-live note of one entity (the Markdown of
 * `GET …/report`) and the go-lives under way (`GET /go-lives`), with the
 * caller's credentials.
 */
export function registerGoLiveActions(
  actions: ActionsRegistryService,
  goLive: GoLiveService,
) {
  actions.register({
    name: 'get-go-live-note',
    title: 'Get the go-live note of an entity',
    description:
      'The go-live note of one catalog entity as Markdown: the decision (launch, controlled pilot expansion or not ready), score and level, owners, the go-live questions answered from check results, open and exempt checks with remediation, evidence with its age, and the sign-off table.',
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
          fileName: z.string(),
          markdown: z.string(),
        }),
    },
    action: async ({ input, credentials }) => ({
      output: await goLive.report(credentials, input.entityRef),
    }),
  });

  actions.register({
    name: 'list-go-lives',
    title: 'List go-lives',
    description:
      'Entities with a go-live date, soonest first, until their first month is over (all: true for every one): phase, status, the decision in a few words, sign-off progress and the first week of daily checks.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          all: z
            .boolean()
            .optional()
            .describe('Also those whose first month is over'),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              entityRef: z.string(),
              goLiveDate: z.string(),
              phase: z
                .string()
                .describe('T-7, T-1, T-0, T+3 …: days from the go-live date'),
              phaseTitle: z.string(),
              status: z.string().optional(),
              decision: z.string(),
              signedOff: z.string().describe('signed/total roles'),
              signoffComplete: z.boolean(),
              dailyChecks: z.object({
                done: z.number(),
                late: z.number(),
                missed: z.number(),
              }),
              closureReviewDue: z.boolean(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const list = await goLive.list(credentials, { all: input.all });
      return {
        output: {
          items: list.map(g => ({
            entityRef: g.entityRef,
            goLiveDate: g.goLiveDate,
            phase: g.phase.label ?? g.phase.phase,
            phaseTitle: g.phase.title,
            status: g.status,
            decision: g.decision.short,
            signedOff: `${g.signoff.signed}/${g.signoff.total}`,
            signoffComplete: g.signoff.complete,
            dailyChecks: {
              done: g.firstWeek.done,
              late: g.firstWeek.late,
              missed: g.firstWeek.missed,
            },
            closureReviewDue: g.closureReviewDue,
          })),
        },
      };
    },
  });
}

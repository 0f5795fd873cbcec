import { AuditorService, AuthService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotAllowedError } from '@backstage/errors';
import type { ManualEvidenceService } from '../evidence/manual/ManualEvidenceService';

/**
 * `request-exemption`, the one write among the actions: asks for an
 * exemption from a check of an entity as `POST …/exemptions` does, with the
 * caller's credentials (a signed-in person; the same permission,
 * `readiness.attestation.create` on the entity, and the same rules: the
 * reason, at most the longest exemption, granted at once for those who may
 * grant), audited under the same event id.
 */
export function registerExemptionActions(
  actions: ActionsRegistryService,
  deps: {
    manualEvidence: ManualEvidenceService;
    auditor: AuditorService;
    auth: AuthService;
  },
) {
  actions.register({
    name: 'request-exemption',
    title: 'Ask for an exemption from a readiness check',
    description:
      'Asks for a time-limited exemption from one check of an entity, with a reason; someone allowed to grant exemptions grants it (or it is granted at once when the caller may grant). People only, with the same permission and audit as the Readiness tab.',
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('Entity ref, for example component:default/payments-api'),
          checkId: z.string().describe('The check to be exempt from'),
          reason: z
            .string()
            .min(1)
            .describe('Why, for the approver and the history'),
          expiresAt: z
            .string()
            .describe(
              'When the exemption ends (ISO 8601), within the longest exemption allowed',
            ),
        }),
      output: z =>
        z.object({
          id: z.string(),
          status: z.string(),
          expiresAt: z.string().optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const event = await deps.auditor.createEvent({
        eventId: 'exemption-request',
        severityLevel: 'high',
        meta: {
          entityRef: input.entityRef,
          checkId: input.checkId,
          reason: input.reason,
          via: 'action',
        },
      });
      try {
        if (!deps.auth.isPrincipal(credentials, 'user'))
          throw new NotAllowedError(
            'Only a signed-in person may ask for an exemption',
          );
        const { items } = await deps.manualEvidence.requestExemption(
          credentials,
          input.entityRef,
          {
            checkId: input.checkId,
            reason: input.reason,
            expiresAt: input.expiresAt,
          },
        );
        const mine = items.find(
          i =>
            i.checkId === input.checkId &&
            i.requestedBy === credentials.principal.userEntityRef &&
            (i.status === 'requested' || i.status === 'granted'),
        );
        if (!mine)
          throw new Error(
            `The exemption from ${input.checkId} was stored but is not listed`,
          );
        await event.success({
          meta: { id: mine.id, by: credentials.principal.userEntityRef },
        });
        return {
          output: {
            id: mine.id,
            status: mine.status,
            expiresAt: mine.expiresAt,
          },
        };
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  });
}

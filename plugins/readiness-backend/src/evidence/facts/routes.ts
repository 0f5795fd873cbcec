import { FactsService } from './FactsService';
import type { ReadinessRouter, RouteContext } from '../../platform/http/router';
import { audited } from '../../platform/http/audit';

/** POST /facts: facts from CI, with an external access token or a user's permission. */
export function bindFactRoutes(
  router: ReadinessRouter,
  options: RouteContext & { facts: FactsService },
) {
  const { facts, httpAuth, auditor } = options;
  router.post('/facts', async (req, res) => {
    const body = req.body;
    const entityRefs = body.items
      ? body.items.map(i => i.entityRef)
      : [String(body.entityRef)];
    const result = await audited(
      auditor,
      req,
      { eventId: 'facts-push', severityLevel: 'low', meta: { entityRefs } },
      async () => {
        const credentials = await httpAuth.credentials(req, {
          allow: ['user', 'service'],
        });
        const { principal } = credentials;
        const source =
          principal.type === 'user'
            ? principal.userEntityRef
            : `service:${principal.subject}`;
        // `value` is any JSON: the spec cannot type it, validateFact measures it.
        const value = await facts.push(
          credentials,
          body as Parameters<FactsService['push']>[1],
          source,
        );
        return {
          value,
          meta: { stored: value.stored, unchanged: value.unchanged },
        };
      },
    );
    res.json(result);
  });
}

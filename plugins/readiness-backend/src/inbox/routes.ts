import type { ReadinessRouter, RouteContext } from '../platform/http/router';
import { InboxService } from './InboxService';

/** GET /inbox: what the signed-in person can act on. */
export function bindInboxRoutes(
  router: ReadinessRouter,
  options: RouteContext & { inbox: InboxService },
) {
  router.get('/inbox', async (req, res) => {
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user'],
    });
    res.json(await options.inbox.forUser(credentials));
  });
}

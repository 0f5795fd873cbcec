import type { ReadinessRouter, RouteContext } from '../../platform/http/router';
import type { ReadinessService } from '../ReadinessService';

/** GET /scorecards and GET /scorecards/{id}. */
export function bindScorecardRoutes(
  router: ReadinessRouter,
  {
    service,
    httpAuth,
  }: Pick<RouteContext, 'httpAuth'> & { service: ReadinessService },
) {
  router.get('/scorecards', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json({ items: await service.listScorecards(credentials) });
  });

  router.get('/scorecards/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await service.getScorecard(credentials, req.params.id));
  });
}

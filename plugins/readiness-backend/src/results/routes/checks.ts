import type { ReadinessRouter, RouteContext } from '../../platform/http/router';
import type { ReadinessService } from '../ReadinessService';

/** GET /checks/{scorecard} and GET /checks/{scorecard}/{checkId}/failures. */
export function bindCheckRoutes(
  router: ReadinessRouter,
  {
    service,
    httpAuth,
  }: Pick<RouteContext, 'httpAuth'> & { service: ReadinessService },
) {
  router.get('/checks/:scorecard', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json({
      items: await service.queries.listCheckFailures(
        credentials,
        req.params.scorecard,
      ),
    });
  });

  router.get('/checks/:scorecard/:checkId/failures', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { scorecard, checkId } = req.params;
    res.json({
      items: await service.queries.getCheckFailures(
        credentials,
        scorecard,
        checkId,
      ),
    });
  });
}

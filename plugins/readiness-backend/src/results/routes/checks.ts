import type { ReadinessRouter, RouterOptions } from '../../router';

/** GET /checks/{scorecard} and GET /checks/{scorecard}/{checkId}/failures. */
export function bindCheckRoutes(
  router: ReadinessRouter,
  { service, httpAuth }: RouterOptions,
) {
  router.get('/checks/:scorecard', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json({
      items: await service.listCheckFailures(credentials, req.params.scorecard),
    });
  });

  router.get('/checks/:scorecard/:checkId/failures', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { scorecard, checkId } = req.params;
    res.json({
      items: await service.getCheckFailures(credentials, scorecard, checkId),
    });
  });
}

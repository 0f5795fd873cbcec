import type { ReadinessRouter, RouteContext } from '../platform/http/router';
import type { PreviewService } from './PreviewService';

/** POST /scorecards/preview: what a candidate scorecard would change. */
export function bindScorecardPreviewRoutes(
  router: ReadinessRouter,
  options: Pick<RouteContext, 'httpAuth'> & { preview: PreviewService },
) {
  router.post('/scorecards/preview', async (req, res) => {
    const credentials = await options.httpAuth.credentials(req);
    res.json(await options.preview.preview(credentials, req.body));
  });
}

import type { ReadinessRouter, RouteContext } from '../platform/http/router';
import { audited } from '../platform/http/audit';
import type { PreviewService } from './PreviewService';
import type { ReloadService } from './ReloadService';

/**
 * POST /scorecards/preview (what a candidate scorecard would change) and
 * POST /scorecards/reload (read the files again; audited).
 */
export function bindScorecardChangeRoutes(
  router: ReadinessRouter,
  options: RouteContext & {
    preview: PreviewService;
    reload: ReloadService;
  },
) {
  router.post('/scorecards/preview', async (req, res) => {
    const credentials = await options.httpAuth.credentials(req);
    res.json(await options.preview.preview(credentials, req.body));
  });

  router.post('/scorecards/reload', async (req, res) => {
    res.json(
      await audited(
        options.auditor,
        req,
        { eventId: 'scorecard-reload', severityLevel: 'medium', meta: {} },
        async () => {
          const credentials = await options.httpAuth.credentials(req);
          const value = await options.reload.reload(credentials);
          return {
            value,
            meta: { changed: value.changed, revision: value.revision },
          };
        },
      ),
    );
  });
}

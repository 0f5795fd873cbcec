import type { SummaryGroupBy } from '@readiness/backstage-plugin-readiness-common';
import { csvHeader, csvRows } from '../csv';
import type { ReadinessRouter, RouteContext } from '../../platform/http/router';
import type { ReadinessService } from '../ReadinessService';
import { list, resultsQuery } from '../../platform/http/query';

/** GET /results (JSON pages, or CSV of the whole query), GET /history (org-wide, by day), GET /statuses and GET /summary. */
export function bindResultRoutes(
  router: ReadinessRouter,
  {
    service,
    httpAuth,
  }: Pick<RouteContext, 'httpAuth'> & { service: ReadinessService },
) {
  router.get('/results', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const query = resultsQuery(req.query);
    const wantsCsv =
      req.query.format === 'csv' ||
      (req.query.format === undefined &&
        req.accepts(['application/json', 'text/csv']) === 'text/csv');
    if (!wantsCsv) {
      res.json(await service.queries.listResults(credentials, query));
      return;
    }
    const { scorecard, rows } = await service.queries.streamResults(
      credentials,
      query,
    );
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="readiness-${scorecard}.csv"`,
    );
    res.write(`\ufeff${csvHeader()}`);
    for await (const batch of rows) res.write(csvRows(batch));
    res.end();
  });

  router.get('/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await service.queries.getOrgHistory(credentials, {
        ...resultsQuery(req.query),
        days: req.query.days === undefined ? undefined : Number(req.query.days),
      }),
    );
  });

  router.get('/statuses', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await service.queries.listStatuses(credentials, {
        entity: list(req.query.entity),
        status: list(req.query.status),
      }),
    );
  });

  router.get('/summary', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await service.queries.getSummary(
        credentials,
        req.query.groupBy as SummaryGroupBy | undefined,
        req.query.scorecard as string | undefined,
      ),
    );
  });
}

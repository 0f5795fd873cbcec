import { ReadinessService } from '../ReadinessService';
import type { ReadinessRouter, RouteContext } from '../../platform/http/router';
import { audited } from '../../platform/http/audit';
import { entityRefOf } from '../../platform/http/query';

/** An entity's results, re-evaluation (audited) and history. */
export function bindEntityRoutes(
  router: ReadinessRouter,
  options: RouteContext & { service: ReadinessService },
) {
  const { service, httpAuth, auditor } = options;

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await service.getEntity(credentials, entityRefOf(req.params)));
  });

  router.post('/entities/:kind/:namespace/:name/evaluate', async (req, res) => {
    const entityRef = entityRefOf(req.params);
    const body = await audited(
      auditor,
      req,
      { eventId: 'entity-evaluate', severityLevel: 'low', meta: { entityRef } },
      async () => {
        const credentials = await httpAuth.credentials(req);
        const value = await service.evaluate(credentials, entityRef);
        const results = value.results.map(r => `${r.scorecard}:${r.status}`);
        return { value, meta: { results } };
      },
    );
    res.json(body);
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await service.getHistory(credentials, entityRefOf(req.params), {
        days: req.query.days ? Number(req.query.days) : undefined,
        scorecard:
          typeof req.query.scorecard === 'string'
            ? req.query.scorecard
            : undefined,
      }),
    );
  });
}

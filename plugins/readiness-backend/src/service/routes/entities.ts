import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { ReadinessService } from '../ReadinessService';
import type { ReadinessRouter } from '../router';
import { entityRefOf } from './query';

/** An entity's results, re-evaluation (audited) and history. */
export function bindEntityRoutes(
  router: ReadinessRouter,
  options: {
    service: ReadinessService;
    httpAuth: HttpAuthService;
    auditor: AuditorService;
  },
) {
  const { service, httpAuth, auditor } = options;

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await service.getEntity(credentials, entityRefOf(req.params)));
  });

  router.post('/entities/:kind/:namespace/:name/evaluate', async (req, res) => {
    const entityRef = entityRefOf(req.params).toLowerCase();
    const event = await auditor.createEvent({
      eventId: 'entity-evaluate',
      severityLevel: 'low',
      request: req,
      meta: { entityRef },
    });
    try {
      const credentials = await httpAuth.credentials(req);
      const body = await service.evaluate(credentials, entityRef);
      await event.success({
        meta: { results: body.results.map(r => `${r.scorecard}:${r.status}`) },
      });
      res.json(body);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
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

import type { ReadinessRouter, RouteContext } from '../platform/http/router';
import { audited } from '../platform/http/audit';
import { expectedVersion } from '../platform/http/ifMatch';
import { InitiativeService } from './InitiativeService';
import { initiativeSummary } from './summary';

/** /initiatives: list, create, read, edit (If-Match), the Markdown summary and "make it standing". */
export function bindInitiativeRoutes(
  router: ReadinessRouter,
  options: RouteContext & { initiatives: InitiativeService },
) {
  const { initiatives, httpAuth, auditor } = options;

  router.get('/initiatives', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entity =
      typeof req.query.entity === 'string' ? req.query.entity : undefined;
    const owner =
      typeof req.query.owner === 'string' ? req.query.owner : undefined;
    const [items, canManage] = await Promise.all([
      initiatives.list(credentials, { entity, owner }),
      initiatives.canManage(credentials),
    ]);
    res.json({ items, canManage });
  });

  router.post('/initiatives', async (req, res) => {
    const body = await audited(
      auditor,
      req,
      { eventId: 'initiative-create', severityLevel: 'medium', meta: {} },
      async () => {
        const credentials = await httpAuth.credentials(req, {
          allow: ['user'],
        });
        const created = await initiatives.create(credentials, req.body);
        return { value: created, meta: { id: created.id } };
      },
    );
    res.setHeader('ETag', `"${body.version}"`);
    res.status(201).json(body);
  });

  router.get('/initiatives/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const body = await initiatives.get(credentials, req.params.id);
    res.setHeader('ETag', `"${body.version}"`);
    res.json(body);
  });

  router.put('/initiatives/:id', async (req, res) => {
    const body = await audited(
      auditor,
      req,
      {
        eventId: 'initiative-update',
        severityLevel: 'medium',
        meta: { id: req.params.id },
      },
      async () => {
        const credentials = await httpAuth.credentials(req, {
          allow: ['user'],
        });
        const updated = await initiatives.update(
          credentials,
          req.params.id,
          req.body,
          expectedVersion(req.header('If-Match'), 'GET /initiatives/{id}'),
        );
        return { value: updated, meta: { version: updated.version } };
      },
    );
    res.setHeader('ETag', `"${body.version}"`);
    res.json(body);
  });

  router.get('/initiatives/:id/summary', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const detail = await initiatives.get(credentials, req.params.id);
    res
      .type('text/markdown')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="initiative-${detail.id}.md"`,
      );
    res.send(initiativeSummary(detail));
  });

  router.get('/initiatives/:id/standing', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await initiatives.standing(credentials, req.params.id));
  });
}

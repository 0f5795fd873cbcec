import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { OwnershipService } from '../OwnershipService';
import type { ReadinessRouter } from '../router';
import { audited } from './audit';
import { entityRefOf } from './query';

/** The version in an `If-Match` header (`"3"`, `W/"3"` or `3`). */
function expectedVersion(header: string | undefined): number {
  const value = String(header ?? '')
    .replace(/^W\//, '')
    .replace(/"/g, '')
    .trim();
  if (!/^\d+$/.test(value))
    throw new InputError(
      'If-Match: send the version you read (the ETag of GET …/ownership)',
    );
  return Number(value);
}

/**
 * GET and PUT /entities/{kind}/{namespace}/{name}/ownership, and GET /ownership
 * for the catalog module.
 */
export function bindOwnershipRoutes(
  router: ReadinessRouter,
  options: {
    ownership: OwnershipService;
    httpAuth: HttpAuthService;
    auditor: AuditorService;
  },
) {
  const { ownership, httpAuth, auditor } = options;

  router.get('/entities/:kind/:namespace/:name/ownership', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const body = await ownership.describe(credentials, entityRefOf(req.params));
    res.setHeader('ETag', `"${body.version}"`);
    res.json(body);
  });

  router.put('/entities/:kind/:namespace/:name/ownership', async (req, res) => {
    const entityRef = entityRefOf(req.params);
    const body = await audited(
      auditor,
      req,
      {
        eventId: 'ownership-update',
        severityLevel: 'medium',
        meta: { entityRef },
      },
      async () => {
        const credentials = await httpAuth.credentials(req, {
          allow: ['user'],
        });
        const outcome = await ownership.save(credentials, entityRef, {
          roles: req.body.roles ?? {},
          reason:
            typeof req.body.reason === 'string' ? req.body.reason : undefined,
          expectedVersion: expectedVersion(req.header('If-Match')),
        });
        return {
          value: outcome.response,
          meta: {
            version: outcome.response.version,
            old: { ...outcome.before },
            new: { ...outcome.after },
          },
        };
      },
    );
    res.setHeader('ETag', `"${body.version}"`);
    res.json(body);
  });

  router.get('/ownership', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    res.json({ items: await ownership.listEdits() });
  });
}

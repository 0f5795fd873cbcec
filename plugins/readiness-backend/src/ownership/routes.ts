import { InputError } from '@backstage/errors';
import { OWNERSHIP_FIELDS } from '@readiness/backstage-plugin-readiness-common';
import type { Request } from 'express';
import { OwnershipService } from './OwnershipService';
import { OnboardingService } from './OnboardingService';
import type { ReadinessRouter, RouteContext } from '../platform/http/router';
import { audited } from '../platform/http/audit';
import { entityRefOf } from '../platform/http/query';
import { expectedVersion } from '../platform/http/ifMatch';

/**
 * GET and PUT /entities/{kind}/{namespace}/{name}/ownership, and GET /ownership
 * for the catalog module.
 */
export function bindOwnershipRoutes(
  router: ReadinessRouter,
  options: RouteContext & {
    ownership: OwnershipService;
    onboarding: OnboardingService;
  },
) {
  const { ownership, onboarding, httpAuth, auditor } = options;

  router.get('/entities/:kind/:namespace/:name/ownership', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const body = await ownership.describe(credentials, entityRefOf(req.params));
    res.setHeader('ETag', `"${body.version}"`);
    res.json(body);
  });

  const userCredentials = (req: Request<any>) =>
    httpAuth.credentials(req, { allow: ['user'] });

  /** The meta of an ownership edit's audit event. */
  const editMeta = (
    outcome: Awaited<ReturnType<OwnershipService['save']>>,
  ) => ({
    version: outcome.response.version,
    changed: outcome.changed,
    old: { ...outcome.before },
    new: { ...outcome.after },
  });

  /** One audited write: PUT (save) or POST …/revert. */
  const write = async (
    req: Request<{ kind: string; namespace: string; name: string }>,
    eventId: string,
    run: (
      credentials: Awaited<ReturnType<typeof userCredentials>>,
      entityRef: string,
      version: number,
    ) => ReturnType<OwnershipService['save']>,
  ) => {
    const entityRef = entityRefOf(req.params);
    return audited(
      auditor,
      req,
      { eventId, severityLevel: 'medium', meta: { entityRef } },
      async () => {
        const credentials = await userCredentials(req);
        const outcome = await run(
          credentials,
          entityRef,
          expectedVersion(req.header('If-Match'), 'GET …/ownership'),
        );
        return { value: outcome.response, meta: editMeta(outcome) };
      },
    );
  };
  const reasonOf = (body: any) =>
    typeof body?.reason === 'string' ? body.reason : undefined;

  router.put('/entities/:kind/:namespace/:name/ownership', async (req, res) => {
    const body = await write(req, 'ownership-update', (user, ref, version) =>
      ownership.save(user, ref, {
        roles: req.body.roles ?? {},
        reason: reasonOf(req.body),
        keep: req.body.keep,
        expectedVersion: version,
      }),
    );
    res.setHeader('ETag', `"${body.version}"`);
    res.json(body);
  });

  router.post(
    '/entities/:kind/:namespace/:name/ownership/revert',
    async (req, res) => {
      const fields = req.body?.fields;
      if (
        fields !== undefined &&
        (!Array.isArray(fields) ||
          fields.some(
            f => !(OWNERSHIP_FIELDS as readonly string[]).includes(f),
          ))
      )
        throw new InputError(
          `fields: expected a list of ${OWNERSHIP_FIELDS.join(', ')}`,
        );
      const body = await write(req, 'ownership-revert', (user, ref, version) =>
        ownership.revert(user, ref, {
          fields,
          reason: reasonOf(req.body),
          expectedVersion: version,
        }),
      );
      res.setHeader('ETag', `"${body.version}"`);
      res.json(body);
    },
  );

  router.get('/ownership/named', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json({
      items: await ownership.namedRoles(credentials, String(req.query.owner)),
    });
  });

  router.post(
    '/entities/:kind/:namespace/:name/ownership/confirm',
    async (req, res) => {
      const entityRef = entityRefOf(req.params);
      const body = await audited(
        auditor,
        req,
        {
          eventId: 'ownership-confirm',
          severityLevel: 'medium',
          meta: { entityRef },
        },
        async () => {
          const credentials = await userCredentials(req);
          const outcome = await ownership.confirm(credentials, entityRef, {
            roles: req.body?.roles,
            reason: reasonOf(req.body),
          });
          return {
            value: outcome.response,
            meta: { roles: outcome.confirmed },
          };
        },
      );
      res.setHeader('ETag', `"${body.version}"`);
      res.json(body);
    },
  );

  // Each entity is its own audited confirmation, as through …/ownership/confirm.
  router.post('/ownership/confirm', async (req, res) => {
    const credentials = await userCredentials(req);
    res.json(
      await onboarding.confirmRolesOf(
        credentials,
        req.body.owner,
        reasonOf(req.body),
        (entityRef, run) =>
          audited(
            auditor,
            req,
            {
              eventId: 'ownership-confirm',
              severityLevel: 'medium',
              meta: { entityRef, owner: req.body.owner },
            },
            async () => ({ value: await run() }),
          ),
      ),
    );
  });

  router.get('/ownership/onboarding', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await onboarding.candidates(
        credentials,
        String(req.query.owner),
        req.query.field,
      ),
    );
  });

  // Each entity of a bulk edit is its own audited edit, as through PUT.
  router.post('/ownership/bulk', async (req, res) => {
    const credentials = await userCredentials(req);
    res.json(
      await onboarding.apply(credentials, req.body, (entityRef, run) =>
        audited(
          auditor,
          req,
          {
            eventId: 'ownership-update',
            severityLevel: 'medium',
            meta: { entityRef, bulk: true },
          },
          async () => {
            const outcome = await run();
            return { value: outcome, meta: editMeta(outcome) };
          },
        ),
      ),
    );
  });

  router.get('/ownership', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    res.json({ items: await ownership.listEdits() });
  });
}

import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  isValidChannel,
  OwnershipRoles,
  ownershipFromAnnotations,
  parseOwnerRef,
  readinessOwnershipUpdatePermission,
} from '@readiness/backstage-plugin-readiness-common';
import { ReadinessStore } from '../../database/ReadinessStore';
import { Evaluator } from '../../evaluation/Evaluator';
import type { ReadinessRouter } from '../router';

const ROLES = ['incident', 'technical', 'communication'] as const;
const same = (a: OwnershipRoles, b: OwnershipRoles) =>
  (
    ['incident', 'technical', 'communication', 'channel', 'runbook'] as const
  ).every(k => (a[k] ?? '') === (b[k] ?? ''));

/** Role values as full refs where they parse, so `group:sre` and `group:default/sre` compare equal. */
function normalize(roles: OwnershipRoles, namespace: string): OwnershipRoles {
  const out = { ...roles };
  for (const role of ROLES) {
    const value = roles[role];
    if (!value) continue;
    const parsed = parseOwnerRef(value, namespace);
    if (parsed.ok) out[role] = parsed.refString;
  }
  return out;
}

/**
 * GET and PUT /entities/{kind}/{namespace}/{name}/ownership, and GET /ownership
 * for the catalog module.
 */
export function bindOwnershipRoutes(
  router: ReadinessRouter,
  options: {
    store: ReadinessStore;
    evaluator: Evaluator;
    catalog: CatalogService;
    httpAuth: HttpAuthService;
    auth: AuthService;
    permissions: PermissionsService;
    auditor: AuditorService;
  },
) {
  const { store, evaluator, catalog, httpAuth, auth, permissions, auditor } =
    options;
  const refOf = (p: { kind: string; namespace: string; name: string }) =>
    `${p.kind}:${p.namespace}/${p.name}`.toLowerCase();

  const canEdit = async (
    entityRef: string,
    credentials: BackstageCredentials,
  ) => {
    const [decision] = await permissions.authorize(
      [
        {
          permission: readinessOwnershipUpdatePermission,
          resourceRef: entityRef,
        },
      ],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  };

  const describe = async (
    entityRef: string,
    credentials: BackstageCredentials,
  ) => {
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    const [stored, history, editable] = await Promise.all([
      store.getOwnership(entityRef),
      store.getOwnershipChanges(entityRef),
      auth.isPrincipal(credentials, 'user')
        ? canEdit(entityRef, credentials)
        : Promise.resolve(false),
    ]);
    const fromCatalog = normalize(
      ownershipFromAnnotations(entity.metadata.annotations),
      entity.metadata.namespace ?? 'default',
    );
    return {
      entityRef,
      version: stored?.version ?? 0,
      effective: stored?.roles ?? fromCatalog,
      catalog: fromCatalog,
      edited: stored?.roles,
      differsFromCatalog: stored ? !same(stored.roles, fromCatalog) : false,
      updatedBy: stored?.updatedBy,
      updatedAt: stored?.updatedAt,
      canEdit: editable,
      history,
    };
  };

  /** Every field checked; refs must parse and exist as a group or user. */
  const validate = async (
    roles: OwnershipRoles,
    namespace: string,
    credentials: BackstageCredentials,
  ) => {
    const out: OwnershipRoles = {};
    for (const role of ROLES) {
      const value = roles[role]?.trim();
      if (!value) continue;
      const parsed = parseOwnerRef(value, namespace);
      if (!parsed.ok) throw new InputError(`roles.${role}: ${parsed.error}`);
      const owner = await catalog.getEntityByRef(parsed.refString, {
        credentials,
      });
      if (!owner)
        throw new InputError(
          `roles.${role}: ${parsed.refString} does not exist in the catalog`,
        );
      out[role] = parsed.refString;
    }
    const channel = roles.channel?.trim();
    if (channel) {
      if (!isValidChannel(channel)) {
        throw new InputError(
          `roles.channel: "${channel}" is not a channel; use slack:#name, msteams:…, mailto:address or a URL`,
        );
      }
      out.channel = channel;
    }
    const runbook = roles.runbook?.trim();
    if (runbook) {
      if (!/^https?:\/\/\S+$/.test(runbook))
        throw new InputError(
          `roles.runbook: "${runbook}" is not an http(s) URL`,
        );
      out.runbook = runbook;
    }
    return out;
  };

  router.get('/entities/:kind/:namespace/:name/ownership', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const body = await describe(refOf(req.params), credentials);
    res.setHeader('ETag', `"${body.version}"`);
    res.json(body);
  });

  router.put('/entities/:kind/:namespace/:name/ownership', async (req, res) => {
    const entityRef = refOf(req.params);
    const event = await auditor.createEvent({
      eventId: 'ownership-update',
      severityLevel: 'medium',
      request: req,
      meta: { entityRef },
    });
    try {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const ifMatch = String(req.header('If-Match') ?? '')
        .replace(/^W\//, '')
        .replace(/"/g, '')
        .trim();
      if (!/^\d+$/.test(ifMatch))
        throw new InputError(
          'If-Match: send the version you read (the ETag of GET …/ownership)',
        );
      if (!(await canEdit(entityRef, credentials))) {
        throw new NotAllowedError(
          `You may not change the ownership of ${entityRef} (readiness.ownership.update): only its owners and admins may`,
        );
      }
      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      if (!entity)
        throw new NotFoundError(`No entity ${entityRef} in the catalog`);
      const roles = await validate(
        req.body.roles ?? {},
        entity.metadata.namespace ?? 'default',
        credentials,
      );
      const before = await store.getOwnership(entityRef);
      const saved = await store.saveOwnership(entityRef, roles, {
        expectedVersion: Number(ifMatch),
        by: credentials.principal.userEntityRef,
        reason:
          typeof req.body.reason === 'string' && req.body.reason.trim()
            ? req.body.reason.trim()
            : undefined,
        at: new Date().toISOString(),
      });
      await event.success({
        meta: {
          version: saved.version,
          old: {
            ...(before?.roles ??
              ownershipFromAnnotations(entity.metadata.annotations)),
          },
          new: { ...roles },
        },
      });
      // Show the change in the catalog (the module overlays the edit) and in the results, now.
      await catalog
        .refreshEntity(entityRef, {
          credentials: await auth.getOwnServiceCredentials(),
        })
        .catch(() => undefined);
      await evaluator.evaluateNow(entityRef).catch(() => undefined);
      const body = await describe(entityRef, credentials);
      res.setHeader('ETag', `"${body.version}"`);
      res.json(body);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/ownership', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const items = await store.listOwnerships();
    res.json({
      items: items.map(o => ({
        entityRef: o.entityRef,
        version: o.version,
        roles: o.roles,
      })),
    });
  });
}

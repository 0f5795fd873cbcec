import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  OwnershipEdit,
  OwnershipResponse,
  catalogOwnership,
  OwnershipRoles,
  readinessOwnershipUpdatePermission,
} from '@readiness/backstage-plugin-readiness-common';
import { OwnershipStore } from '../database/OwnershipStore';
import { Evaluator } from '../evaluation/Evaluator';
import { normalizeRoles, sameRoles, validateRoles } from './ownershipInput';

/** What a save changed, for the audit log, and the entity's ownership after it. */
export interface OwnershipSaveOutcome {
  before: OwnershipRoles;
  after: OwnershipRoles;
  response: OwnershipResponse;
}

/**
 * Reading and editing the three owners of an entity, with the
 * `readiness.ownership.update` check per entity and optimistic locking.
 */
export class OwnershipService {
  constructor(
    private readonly options: {
      ownership: OwnershipStore;
      evaluator: Evaluator;
      catalog: CatalogService;
      auth: AuthService;
      permissions: PermissionsService;
    },
  ) {}

  private async canEdit(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    if (!this.options.auth.isPrincipal(credentials, 'user')) return false;
    const [decision] = await this.options.permissions.authorize(
      [
        {
          permission: readinessOwnershipUpdatePermission,
          resourceRef: entityRef,
        },
      ],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  private async entity(entityRef: string, credentials: BackstageCredentials) {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    return entity;
  }

  /** The catalog's roles, the edit if any, the effective roles and the history. */
  async describe(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<OwnershipResponse> {
    const { ownership } = this.options;
    const entity = await this.entity(entityRef, credentials);
    const [stored, history, editable] = await Promise.all([
      ownership.getOwnership(entityRef),
      ownership.getOwnershipChanges(entityRef),
      this.canEdit(entityRef, credentials),
    ]);
    // What catalog-info.yaml says, even after the catalog module overlaid the edit.
    const fromCatalog = normalizeRoles(
      catalogOwnership(entity.metadata.annotations),
      entity.metadata.namespace ?? 'default',
    );
    return {
      entityRef,
      version: stored?.version ?? 0,
      effective: stored?.roles ?? fromCatalog,
      catalog: fromCatalog,
      edited: stored?.roles,
      differsFromCatalog: stored
        ? !sameRoles(stored.roles, fromCatalog)
        : false,
      updatedBy: stored?.updatedBy,
      updatedAt: stored?.updatedAt,
      canEdit: editable,
      history,
    };
  }

  /**
   * Saves the roles if the caller may and `expectedVersion` is still
   * current, then refreshes the entity in the catalog (the catalog module
   * overlays the edit) and re-evaluates it, so both show the change at once.
   */
  async save(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    entityRef: string,
    input: { roles: OwnershipRoles; reason?: string; expectedVersion: number },
  ): Promise<OwnershipSaveOutcome> {
    const { ownership, catalog, auth, evaluator } = this.options;
    if (!(await this.canEdit(entityRef, credentials))) {
      throw new NotAllowedError(
        `You may not change the ownership of ${entityRef} (readiness.ownership.update): only its owners and admins may`,
      );
    }
    const entity = await this.entity(entityRef, credentials);
    const roles = await validateRoles(
      input.roles,
      entity.metadata.namespace ?? 'default',
      async ref => !!(await catalog.getEntityByRef(ref, { credentials })),
    );
    const before = await ownership.getOwnership(entityRef);
    const inFile = normalizeRoles(
      catalogOwnership(entity.metadata.annotations),
      entity.metadata.namespace ?? 'default',
    );
    await ownership.saveOwnership(entityRef, roles, {
      // The first edit's history line compares with the file, as it was then.
      previous: before ? undefined : inFile,
      expectedVersion: input.expectedVersion,
      by: credentials.principal.userEntityRef,
      reason: input.reason?.trim() || undefined,
      at: new Date().toISOString(),
    });
    await catalog
      .refreshEntity(entityRef, {
        credentials: await auth.getOwnServiceCredentials(),
      })
      .catch(() => undefined);
    await evaluator.evaluateNow(entityRef).catch(() => undefined);
    return {
      before: { ...(before?.roles ?? inFile) },
      after: { ...roles },
      response: await this.describe(credentials, entityRef),
    };
  }

  /** Every stored edit, for the catalog module's processor. */
  async listEdits(): Promise<OwnershipEdit[]> {
    const items = await this.options.ownership.listOwnerships();
    return items.map(o => ({
      entityRef: o.entityRef,
      version: o.version,
      roles: o.roles,
    }));
  }
}

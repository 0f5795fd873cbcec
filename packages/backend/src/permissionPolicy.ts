import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  readinessExemptionCreatePermission,
  readinessInitiativeManagePermission,
  readinessSignoffCreatePermission,
} from '@readiness/backstage-plugin-readiness-common';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';

/** Members of this group may do everything in the demo. */
export const DEMO_ADMIN_GROUP = 'group:default/platform';

/**
 * The demo app's permission policy:
 * - everyone may read;
 * - members of the admin group may do everything;
 * - changes to a catalog entity (update, delete, refresh, and Readiness's
 *   entity-scoped writes: re-evaluate, ownership, facts, attestations) are
 *   allowed to the entity's owners;
 * - exemptions only to the admin group: owners do not exempt themselves;
 * - go-live sign-off to anyone signed in: the scorecard's roles decide who
 *   signs what (the role's group; not an owner for an independent role);
 * - initiatives to anyone signed in, so that a visitor can try them (a real
 *   policy would give `readiness.initiative.manage` to a platform group);
 * - every other create, update or delete is denied.
 *
 * Services (a CI pipeline's external access token) are allowed by the
 * permission framework itself, within their token's access restrictions.
 */
export class DemoPermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const action = permission.attributes.action;
    if (action === undefined || action === 'read') {
      return { result: AuthorizeResult.ALLOW };
    }
    const claims = user?.info.ownershipEntityRefs ?? [];
    if (claims.includes(DEMO_ADMIN_GROUP)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (permission.name === readinessExemptionCreatePermission.name) {
      return { result: AuthorizeResult.DENY };
    }
    if (permission.name === readinessSignoffCreatePermission.name && user) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (permission.name === readinessInitiativeManagePermission.name && user) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      isResourcePermission(permission, 'catalog-entity') &&
      (action !== 'create' || permission.name.startsWith('readiness.'))
    ) {
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({ claims }),
      );
    }
    return { result: AuthorizeResult.DENY };
  }
}

/** Installs {@link DemoPermissionPolicy} in the permission backend. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'readiness-demo-policy',
  register({ registerInit }) {
    registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new DemoPermissionPolicy());
      },
    });
  },
});

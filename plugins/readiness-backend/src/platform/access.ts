import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/** Whether a signed-in person may use an entity-scoped permission on `entityRef`. */
export async function mayOnEntity(
  deps: { auth: AuthService; permissions: PermissionsService },
  credentials: BackstageCredentials,
  permission: ResourcePermission<'catalog-entity'>,
  entityRef: string,
): Promise<boolean> {
  if (!deps.auth.isPrincipal(credentials, 'user')) return false;
  const [d] = await deps.permissions.authorize(
    [{ permission, resourceRef: entityRef }],
    { credentials },
  );
  return d.result === AuthorizeResult.ALLOW;
}

/** Throws NotAllowedError (`You may not <what> (<permission>)`) unless allowed. */
export async function demandOnEntity(
  deps: { auth: AuthService; permissions: PermissionsService },
  credentials: BackstageCredentials,
  permission: ResourcePermission<'catalog-entity'>,
  entityRef: string,
  what: string,
): Promise<void> {
  if (!(await mayOnEntity(deps, credentials, permission, entityRef)))
    throw new NotAllowedError(`You may not ${what} (${permission.name})`);
}

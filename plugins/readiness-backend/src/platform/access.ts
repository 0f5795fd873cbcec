import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/** A permission to ask about, on one resource (an entity ref) or none. */
export type AccessRequest =
  | { permission: BasicPermission; resourceRef?: undefined }
  | { permission: ResourcePermission; resourceRef: string };

/** `people`: only a signed-in person can be allowed (what a person vouches for). */
export interface AccessOptions {
  people?: boolean;
}

/**
 * The one way Readiness asks the permission framework whether a caller may
 * do something, on an entity or not. Writes a person vouches for (sign-off,
 * attestations, records, ownership edits) pass `people: true`: a service
 * token is refused those whatever the policy says. Which results a caller
 * may see in a list is the other question, answered by `entityVisibility`.
 */
export class Access {
  constructor(
    private readonly deps: {
      permissions: PermissionsService;
      /** Needed for `people: true` (without it, nobody passes). */
      auth?: AuthService;
    },
  ) {}

  /** One answer per request, in order, from one call to the framework. */
  async decide(
    credentials: BackstageCredentials,
    requests: AccessRequest[],
    options: AccessOptions = {},
  ): Promise<boolean[]> {
    if (options.people && !this.deps.auth?.isPrincipal(credentials, 'user'))
      return requests.map(() => false);
    const decisions = await this.deps.permissions.authorize(
      requests.map(r =>
        r.resourceRef !== undefined
          ? { permission: r.permission, resourceRef: r.resourceRef }
          : { permission: r.permission as BasicPermission },
      ),
      { credentials },
    );
    return decisions.map(d => d.result === AuthorizeResult.ALLOW);
  }

  /** Whether the caller may use `permission` (on `resourceRef`). */
  async may(
    credentials: BackstageCredentials,
    permission: BasicPermission | ResourcePermission,
    resourceRef?: string,
    options?: AccessOptions,
  ): Promise<boolean> {
    const request = (
      resourceRef !== undefined
        ? { permission: permission as ResourcePermission, resourceRef }
        : { permission: permission as BasicPermission }
    ) as AccessRequest;
    const [allowed] = await this.decide(credentials, [request], options);
    return allowed;
  }

  /** Throws NotAllowedError (`You may not <what> (<permission>)`) unless allowed. */
  async demand(
    credentials: BackstageCredentials,
    permission: BasicPermission | ResourcePermission,
    what: string,
    resourceRef?: string,
    options?: AccessOptions,
  ): Promise<void> {
    if (!(await this.may(credentials, permission, resourceRef, options)))
      throw new NotAllowedError(`You may not ${what} (${permission.name})`);
  }
}

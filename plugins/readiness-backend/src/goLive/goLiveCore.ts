import type {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import type {
  EntityReadiness,
  EntityReadinessResponse,
  GoLiveResponse,
  SignoffRole,
} from '@readiness/backstage-plugin-readiness-common';
import type { ReadinessNotifier } from '../notifications/ReadinessNotifier';
import type { ReadinessService } from '../results/ReadinessService';
import type { GoLiveStore } from './GoLiveStore';

/** The credentials of a signed-in person. */
export type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/**
 * What the go-live writes (`SignoffService`, `GoLiveRecords`) use of
 * `GoLiveService`: the entity's state as the caller sees it, the sign rules,
 * and the permission demand before a write.
 */
export interface GoLiveCore {
  readonly options: {
    store: GoLiveStore;
    readiness: ReadinessService;
    notifier?: ReadinessNotifier;
  };
  now(): Date;
  /** The entity the caller may read, after demanding `permission` on it. */
  writable(
    user: UserCredentials,
    entityRef: string,
    permission: ResourcePermission<'catalog-entity'>,
    what: (ref: string) => string,
  ): Promise<EntityReadinessResponse>;
  /** The result the go-live follows. */
  primary(entity: EntityReadinessResponse): EntityReadiness | undefined;
  /** spec.owner and the three roles as keys, groups with their sub-groups. */
  ownerKeys(entity: EntityReadinessResponse): Promise<string[]>;
  stateOf(
    entity: EntityReadinessResponse,
    credentials: BackstageCredentials,
  ): Promise<GoLiveResponse>;
  /** The state with, per open role, whether the caller may sign it. */
  forCaller(
    entity: EntityReadinessResponse,
    credentials: BackstageCredentials,
  ): Promise<GoLiveResponse>;
  signRules(
    user: UserCredentials,
    entity: EntityReadinessResponse,
    state: GoLiveResponse,
  ): Promise<(role: SignoffRole) => string | undefined>;
}

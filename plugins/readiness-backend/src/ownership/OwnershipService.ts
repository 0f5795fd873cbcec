import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import type { ReadinessNotifier } from '../notifications/ReadinessNotifier';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  catalogOwnership,
  entityKey,
  NamedOwnerRole,
  OWNERSHIP_CHANGED_TOPIC,
  OWNERSHIP_FIELDS,
  OwnershipEdit,
  OwnershipField,
  OwnershipResponse,
  OwnershipRole,
  OwnershipRoles,
  parseOwnerRef,
  readinessOwnershipUpdatePermission,
  tryEntityKey,
} from '@readiness/backstage-plugin-readiness-common';
import { OwnershipStore } from './OwnershipStore';
import { Evaluator } from '../evaluation/Evaluator';
import {
  checkField,
  normalizeRoles,
  OWNER_ROLES,
  sameRoles,
  validateRoles,
  checkVersion,
} from './ownershipInput';
import {
  applyForm,
  effectiveRoles,
  fileChangedSinceEdit,
  OwnershipState,
  revertFields,
} from './ownershipOverrides';
import { Access } from '../platform/access';
import { newlyNamed } from './ownershipNotices';

/** What a save changed, for the audit log, and the entity's ownership after it. */
export interface OwnershipSaveOutcome {
  before: OwnershipRoles;
  after: OwnershipRoles;
  /** False when the request changed nothing (nothing stored, nothing logged). */
  changed: boolean;
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
      logger: LoggerService;
      /** Tells newly named owners; absent: nobody is told. */
      notifier?: ReadinessNotifier;
      /** Announces saved edits, so the catalog module re-reads them before the refresh. */
      events?: EventsService;
    },
  ) {}

  private async canEdit(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    return new Access(this.options).may(
      credentials,
      readinessOwnershipUpdatePermission,
      entityRef,
      { people: true },
    );
  }

  private async entity(entityRef: string, credentials: BackstageCredentials) {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    return entity;
  }

  /** The state of an entity's ownership: the file's roles, the stored overrides. */
  private async state(entity: Entity, entityRef: string) {
    const stored = await this.options.ownership.getOwnership(entityRef);
    const namespace = entity.metadata.namespace ?? 'default';
    const state: OwnershipState = {
      // What catalog-info.yaml says, even after the catalog module overlaid the edit.
      file: normalizeRoles(
        catalogOwnership(entity.metadata.annotations),
        namespace,
      ),
      overrides: stored?.roles ?? {},
      baseline: stored?.baseline ?? {},
    };
    return { stored, state, namespace };
  }

  /** Owner refs that exist in the catalog, looked up in one call. */
  private async existing(refs: string[], credentials: BackstageCredentials) {
    const unique = [...new Set(refs)];
    if (!unique.length) return new Set<string>();
    const { items } = await this.options.catalog.getEntitiesByRefs(
      {
        entityRefs: unique,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    return new Set(
      unique.filter((_ref, i) => items[i] !== undefined && items[i] !== null),
    );
  }

  /** What is wrong with the values in effect, per field (for the panel to flag). */
  private async problems(
    effective: OwnershipRoles,
    namespace: string,
    credentials: BackstageCredentials,
  ) {
    const refs = OWNER_ROLES.flatMap(role => {
      const parsed = effective[role]
        ? parseOwnerRef(effective[role]!, namespace)
        : undefined;
      return parsed?.ok ? [parsed.refString] : [];
    });
    const found = await this.existing(refs, credentials);
    const problems: Partial<Record<OwnershipField, string>> = {};
    for (const field of OWNERSHIP_FIELDS) {
      const checked = await checkField(
        field,
        effective[field],
        namespace,
        async ref => found.has(ref),
      );
      if ('error' in checked) problems[field] = checked.error;
    }
    return problems;
  }

  /** The catalog's roles, the edit if any, the effective roles and the history. */
  async describe(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<OwnershipResponse> {
    const { ownership } = this.options;
    const entity = await this.entity(entityRef, credentials);
    const { stored, state, namespace } = await this.state(entity, entityRef);
    const effective = effectiveRoles(state.file, state.overrides);
    const overridden = OWNERSHIP_FIELDS.filter(f => f in state.overrides);
    const [history, editable, problems, confirmations] = await Promise.all([
      ownership.getOwnershipChanges(entityRef),
      this.canEdit(entityRef, credentials),
      this.problems(effective, namespace, credentials),
      ownership.getConfirmations(entityRef),
    ]);
    return {
      entityRef,
      version: stored?.version ?? 0,
      effective,
      catalog: state.file,
      edited: overridden.length ? state.overrides : undefined,
      overridden,
      fileChanged: fileChangedSinceEdit(state),
      problems,
      differsFromCatalog: !sameRoles(effective, state.file),
      updatedBy: stored?.updatedBy,
      updatedAt: stored?.updatedAt,
      canEdit: editable,
      history,
      // A confirmation of an earlier owner does not count for the new one.
      confirmations: Object.fromEntries(
        confirmations
          .filter(c => effective[c.role] === c.ownerRef)
          .map(c => [c.role, c]),
      ),
    };
  }

  private async mayEdit(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    entityRef: string,
  ) {
    if (!(await this.canEdit(entityRef, credentials))) {
      throw new NotAllowedError(
        `You may not change the ownership of ${entityRef} (readiness.ownership.update): only its owners and admins may`,
      );
    }
    return this.entity(entityRef, credentials);
  }

  /** Stores new overrides (version-checked again in the transaction), refreshes and re-evaluates. */
  private async store(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    entityRef: string,
    state: OwnershipState,
    next: { overrides: OwnershipRoles; baseline: OwnershipRoles },
    {
      expectedVersion,
      reason,
      notify = true,
    }: { expectedVersion: number; reason?: string; notify?: boolean },
  ): Promise<OwnershipSaveOutcome> {
    const { ownership, catalog, auth, evaluator } = this.options;
    const before = effectiveRoles(state.file, state.overrides);
    const after = effectiveRoles(state.file, next.overrides);
    const at = new Date().toISOString();
    await ownership.saveOwnership(entityRef, next.overrides, {
      expectedVersion,
      baseline: next.baseline,
      before,
      after,
      by: credentials.principal.userEntityRef,
      reason: reason?.trim() || undefined,
      at,
    });
    // Whoever names an owner vouches for it now: the new owner (a group or
    // user, not free text) is confirmed.
    await ownership.confirm(
      entityRef,
      Object.fromEntries(
        newlyNamed(before, after)
          .filter(n => parseOwnerRef(n.ownerRef).ok)
          .map(n => [n.role, n.ownerRef]),
      ),
      {
        by: credentials.principal.userEntityRef,
        at,
        reason: reason?.trim() || undefined,
      },
    );
    // First the catalog module hears of the edit (it drops its cached edits),
    // then the entity is reprocessed with it.
    await this.options.events
      ?.publish({
        topic: OWNERSHIP_CHANGED_TOPIC,
        eventPayload: { entityRef },
      })
      .catch(error =>
        this.options.logger.warn(
          `Readiness: could not announce the ownership edit of ${entityRef}: ${error}`,
        ),
      );
    await catalog
      .refreshEntity(entityRef, {
        credentials: await auth.getOwnServiceCredentials(),
      })
      .catch(() => undefined);
    await evaluator.evaluateNow(entityRef).catch(() => undefined);
    if (notify)
      await this.options.notifier?.ownersNamed({
        entityRef,
        before,
        after,
        by: credentials.principal.userEntityRef,
        reason: reason?.trim() || undefined,
      });
    return {
      before,
      after,
      changed: true,
      response: await this.describe(credentials, entityRef),
    };
  }

  /**
   * Saves the submitted form if the caller may and `expectedVersion` is
   * still current. Only the fields that differ from the values in effect are
   * checked and stored (as overrides of catalog-info.yaml; a field set back to
   * the file's value follows the file again), so an invalid value nobody
   * touched never blocks a save. Nothing changed: nothing is stored or
   * logged. Then the entity is refreshed in the catalog (the catalog module
   * overlays the edit) and re-evaluated, so both show the change at once.
   * `notify: false` leaves telling newly named owners to the caller (bulk
   * edits tell each owner once).
   */
  async save(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    entityRef: string,
    input: {
      roles: OwnershipRoles;
      reason?: string;
      keep?: OwnershipField[];
      expectedVersion: number;
      notify?: boolean;
    },
  ): Promise<OwnershipSaveOutcome> {
    const entity = await this.mayEdit(credentials, entityRef);
    const { stored, state, namespace } = await this.state(entity, entityRef);
    checkVersion(entityRef, stored, input.expectedVersion);
    // `group:sre` and `group:default/sre` are the same owner: compare full refs.
    const form = normalizeRoles(input.roles, namespace);
    const draft = applyForm(state, form);
    const current = effectiveRoles(state.file, state.overrides);
    const kept = fileChangedSinceEdit(state).filter(
      f => input.keep?.includes(f) && !draft.touched.includes(f),
    );
    if (!draft.touched.length && !kept.length)
      return {
        before: current,
        after: current,
        changed: false,
        response: await this.describe(credentials, entityRef),
      };
    const checked = await validateRoles(
      form,
      namespace,
      async ref => (await this.existing([ref], credentials)).has(ref),
      draft.touched,
    );
    // Store the checked form of each touched field (owners as full refs).
    const next = applyForm(state, {
      ...current,
      ...Object.fromEntries(draft.touched.map(f => [f, checked[f] ?? ''])),
    });
    // Seen the file's change and kept the edit: the file's value is the new baseline.
    for (const f of kept) next.baseline[f] = state.file[f] ?? '';
    return this.store(credentials, entityRef, state, next, input);
  }

  /**
   * Lets `fields` (all when omitted) follow catalog-info.yaml again,
   * recorded in the history like any save.
   */
  async revert(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    entityRef: string,
    input: {
      fields?: OwnershipField[];
      reason?: string;
      expectedVersion: number;
    },
  ): Promise<OwnershipSaveOutcome> {
    const entity = await this.mayEdit(credentials, entityRef);
    const { stored, state } = await this.state(entity, entityRef);
    checkVersion(entityRef, stored, input.expectedVersion);
    const next = revertFields(state, input.fields);
    if (!next.reverted.length) {
      const current = effectiveRoles(state.file, state.overrides);
      return {
        before: current,
        after: current,
        changed: false,
        response: await this.describe(credentials, entityRef),
      };
    }
    const reason =
      input.reason ??
      `Use catalog-info.yaml again for ${next.reverted.join(', ')}`;
    return this.store(credentials, entityRef, state, next, {
      ...input,
      reason,
    });
  }

  /**
   * The roles edits gave an owner (for the group card's "named by … on …"),
   * limited to entities the caller may see in the catalog.
   */
  async namedRoles(
    credentials: BackstageCredentials,
    owner: string,
  ): Promise<NamedOwnerRole[]> {
    const ownerRef = tryEntityKey(owner, { defaultKind: 'group' });
    if (!ownerRef || !/^(group|user):/.test(ownerRef))
      throw new InputError(`owner: "${owner}" is not a group or user ref`);
    const named = await this.options.ownership.listNamedRoles(ownerRef);
    const refs = [...new Set(named.map(n => n.entityRef))];
    if (!refs.length) return [];
    const { items } = await this.options.catalog.getEntitiesByRefs(
      { entityRefs: refs, fields: ['kind', 'metadata.name'] },
      { credentials },
    );
    const visible = new Set(refs.filter((_r, i) => items[i]));
    return named.filter(n => visible.has(n.entityRef));
  }

  /**
   * Confirms that the owners in effect of `roles` (every role set when
   * omitted) are still right: recorded per role, in the history, and the
   * entity re-evaluated (checks with `confirmedWithin` count from now).
   */
  async confirm(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    entityRef: string,
    input: { roles?: OwnershipRole[]; reason?: string },
  ): Promise<{ confirmed: OwnershipRole[]; response: OwnershipResponse }> {
    const entity = await this.mayEdit(credentials, entityRef);
    const { state, namespace } = await this.state(entity, entityRef);
    const effective = effectiveRoles(state.file, state.overrides);
    const roles = input.roles ?? OWNER_ROLES.filter(r => effective[r]);
    if (!roles.length)
      throw new InputError(
        `roles: ${entityRef} has no incident, technical or communication owner to confirm; name one first`,
      );
    const confirmed: Partial<Record<OwnershipRole, string>> = {};
    for (const role of roles) {
      const value = effective[role];
      const parsed = value ? parseOwnerRef(value, namespace) : undefined;
      if (!parsed?.ok)
        throw new InputError(
          `roles: the ${role} owner of ${entityRef} is ${
            value ? `"${value}", not a group or user` : 'not set'
          }; name one before confirming it`,
        );
      confirmed[role] = parsed.refString;
    }
    const reason = input.reason?.trim() || undefined;
    await this.options.ownership.confirm(entityRef, confirmed, {
      by: credentials.principal.userEntityRef,
      at: new Date().toISOString(),
      reason,
      history: effective,
    });
    await this.options.evaluator.evaluateNow(entityRef).catch(() => undefined);
    return {
      confirmed: roles,
      response: await this.describe(credentials, entityRef),
    };
  }

  /** The version and the values in effect of a catalog entity's ownership. */
  async inEffect(
    entity: Entity,
  ): Promise<{ version: number; effective: OwnershipRoles }> {
    const { stored, state } = await this.state(entity, entityKey(entity));
    return {
      version: stored?.version ?? 0,
      effective: effectiveRoles(state.file, state.overrides),
    };
  }

  /** Whether the caller may edit each entity's ownership, in one framework call. */
  async canEditEach(
    credentials: BackstageCredentials,
    entityRefs: string[],
  ): Promise<boolean[]> {
    return new Access(this.options).decide(
      credentials,
      entityRefs.map(resourceRef => ({
        permission: readinessOwnershipUpdatePermission,
        resourceRef,
      })),
      { people: true },
    );
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

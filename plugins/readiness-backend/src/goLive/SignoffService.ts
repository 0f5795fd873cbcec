import { ConflictError, NotAllowedError } from '@backstage/errors';
import {
  GoLiveResponse,
  readinessAttestationCreatePermission,
  readinessSignoffCreatePermission,
} from '@readiness/backstage-plugin-readiness-common';
import { text } from '../platform/input';
import { OrgTree } from '../platform/orgTree';
import type { GoLiveCore, UserCredentials } from './goLiveCore';
import { oneOf } from './goLiveInput';

/**
 * Sign-off of a go-live by role ([001]'s five roles by default), and asking
 * the roles' groups for it. Who may sign which role is
 * `GoLiveService.signRules`, which the card's `canSign` answers from too.
 */
export class SignoffService {
  constructor(private readonly core: GoLiveCore) {}

  /**
   * Signs the entity off in one role: the status must be Ready, the entity
   * must have a go-live date, and a role with a `group` is signed by a member
   * of that group.
   */
  async signOff(
    user: UserCredentials,
    entityRef: string,
    body: { role?: unknown; note?: unknown },
  ): Promise<GoLiveResponse> {
    const entity = await this.core.writable(
      user,
      entityRef,
      readinessSignoffCreatePermission,
      r => `sign ${r} off`,
    );
    const ref = entity.entityRef;
    const state = await this.core.stateOf(entity, user);
    const roles = state.signoff.roles;
    const role = oneOf(
      body?.role,
      'role',
      roles.map(r => r.id),
    );
    const note = text(body?.note, 'note', 1000);
    const spec = roles.find(r => r.id === role)!;
    const me = user.principal.userEntityRef;
    if (spec.signoff)
      throw new ConflictError(
        `${role} was already signed off by ${spec.signoff.signedBy} at ${spec.signoff.signedAt}`,
      );
    const refusal = (await this.core.signRules(user, entity, state))(spec);
    if (refusal) throw new NotAllowedError(refusal);
    if (!state.goLiveDate)
      throw new ConflictError(
        `${ref} has no go-live date (readiness/go-live-date); a sign-off is for a go-live`,
      );
    if ((state.phase.day ?? -1) > 0)
      throw new ConflictError(
        `${ref} went live on ${state.goLiveDate}; a sign-off is given before launch (set a new date for a new go-live)`,
      );
    if (state.status !== 'ready' || !state.scorecard)
      throw new ConflictError(
        `A sign-off needs the status Ready; ${ref} is ${
          state.status ?? 'not evaluated'
        }${state.scorecard ? ` (${state.scorecard})` : ''}`,
      );
    const added = await this.core.options.store.addSignoff(ref, {
      role,
      scorecard: state.scorecard,
      goLiveDate: state.goLiveDate,
      signedBy: me,
      signedAt: this.core.now().toISOString(),
      ...(note ? { note } : {}),
    });
    // An evaluation may have dropped the status meanwhile: then it is void.
    const after = await this.core.options.readiness.getEntity(user, ref);
    const status = this.core.primary(after)?.status;
    if (status !== 'ready') {
      await this.core.options.store.voidSignoff(
        added.id,
        `the status was ${status ?? 'not evaluated'} when it was recorded`,
        this.core.now().toISOString(),
      );
      throw new ConflictError(
        `A sign-off needs the status Ready; ${ref} became ${status} meanwhile`,
      );
    }
    return this.core.forCaller(after, user);
  }

  /**
   * Asks every role that has not signed (its group, else the owners) by
   * notification; once a day per role. Returns how many were asked.
   */
  async requestSignoff(
    user: UserCredentials,
    entityRef: string,
  ): Promise<{ asked: number; roles: string[]; nobody: string[] }> {
    const entity = await this.core.writable(
      user,
      entityRef,
      readinessAttestationCreatePermission,
      r => `request sign-off of ${r}`,
    );
    const ref = entity.entityRef;
    const state = await this.core.stateOf(entity, user);
    if (state.status !== 'ready')
      throw new ConflictError(
        `Sign-off can be requested once ${ref} is Ready; it is ${
          state.status ?? 'not evaluated'
        }`,
      );
    if ((state.phase.day ?? -1) > 0)
      throw new ConflictError(
        `${ref} went live on ${state.goLiveDate}; sign-off is asked before launch`,
      );
    const open = state.signoff.roles.filter(r => !r.signoff);
    if (!this.core.options.notifier)
      throw new ConflictError('Notifications are turned off');
    // A role's group means its own members (not everyone in the groups
    // below it); never the person asking, and for an independent role not
    // the service's owners (they would be refused).
    const tree = new OrgTree(await this.core.options.readiness.organisation());
    const me = user.principal.userEntityRef.toLowerCase();
    const owners = new Set(await this.core.ownerKeys(entity));
    const isOwner = (m: string) =>
      owners.has(m.toLowerCase()) || tree.groupsOf(m).some(g => owners.has(g));
    const withMembers = open.map(r => ({
      ...r,
      ...(r.group
        ? {
            members: tree
              .directMembers(r.group)
              .filter(m => m.toLowerCase() !== me)
              .filter(m => !r.independent || !isOwner(m)),
          }
        : {}),
    }));
    const asked = await this.core.options.notifier.signoffRequested(
      ref,
      withMembers,
      user.principal.userEntityRef,
      state.goLiveDate,
    );
    return {
      asked,
      roles: open.map(r => r.id),
      nobody: withMembers
        .filter(r => r.members && r.members.length === 0)
        .map(r => r.id),
    };
  }
}

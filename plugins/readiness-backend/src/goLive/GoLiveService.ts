import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { demandOnEntity, mayOnEntity } from '../platform/access';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { tryEntityKey } from '@readiness/backstage-plugin-readiness-common';
import {
  ClosureReview,
  DAILY_CHECK_ITEMS,
  DailyCheck,
  DEFAULT_SIGNOFF_ROLES,
  EntityReadinessResponse,
  firstWeek,
  goLiveDecision,
  phaseChecklists,
  goLivePhase,
  GoLiveResponse,
  GoLiveSummary,
  isFirstWeekDay,
  parseGoLiveDate,
  readinessAttestationCreatePermission,
  readinessSignoffCreatePermission,
  renderGoLiveReport,
  RISKY_ACTION_KINDS,
  RISKY_ACTION_OUTCOMES,
  RiskyAction,
  signoffProgress,
  SignoffRole,
} from '@readiness/backstage-plugin-readiness-common';
import { EvaluationStateStore } from '../evaluation/EvaluationStateStore';
import { GoLiveStore } from './GoLiveStore';
import { ScorecardRegistry } from '../evaluation/ScorecardRegistry';
import type { ReadinessNotifier } from '../notifications/ReadinessNotifier';
import { text } from '../platform/input';
import { OrgTree } from '../platform/orgTree';
import { ReadinessService } from '../results/ReadinessService';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;
const DAY_MS = 86_400_000;

const oneOf = <T extends string>(
  value: unknown,
  field: string,
  allowed: readonly T[],
): T => {
  if (
    typeof value === 'string' &&
    (allowed as readonly string[]).includes(value)
  )
    return value as T;
  throw new InputError(
    `${field}: ${
      value === undefined ? 'required' : `"${String(value)}" is not allowed`
    }; one of ${allowed.join(', ')}`,
  );
};

/**
 * The go-live workflow of an entity: its phase from the go-live date,
 * sign-offs by role (void once the status drops below Ready), the first
 * week's daily checks, risky actions and closure review, and the go-live
 * note. Reads need what reading the entity's readiness needs; sign-offs need
 * `readiness.signoff.create`, the first-week records
 * `readiness.attestation.create` (a person vouching for what they saw).
 */
export class GoLiveService {
  constructor(
    private readonly options: {
      store: GoLiveStore;
      evaluationState: EvaluationStateStore;
      readiness: ReadinessService;
      scorecards: ScorecardRegistry;
      catalog: CatalogService;
      auth: AuthService;
      permissions: PermissionsService;
      /** Who is in which group: a role with a `group` is signed by its members. */
      userInfo: UserInfoService;
      notifier?: ReadinessNotifier;
      now?: () => Date;
    },
  ) {}

  private now() {
    return this.options.now?.() ?? new Date();
  }

  private may(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
  ): Promise<boolean> {
    return mayOnEntity(this.options, credentials, permission, entityRef);
  }

  /** The entity the caller may read, after demanding `permission` on it. */
  private async writable(
    user: UserCredentials,
    entityRef: string,
    permission: ResourcePermission<'catalog-entity'>,
    what: (ref: string) => string,
  ): Promise<EntityReadinessResponse> {
    const entity = await this.options.readiness.getEntity(user, entityRef);
    await demandOnEntity(
      this.options,
      user,
      permission,
      entity.entityRef,
      what(entity.entityRef),
    );
    return entity;
  }

  /**
   * The result the go-live follows: of the scorecards that apply, the first
   * configured one that declares `goLive`, else the first configured one
   * (roll-ups never). Results come in no particular order.
   */
  private primary(entity: EntityReadinessResponse) {
    const cards = this.options.scorecards.list().filter(c => !c.isRollup);
    const ordered = [
      ...cards.filter(c => c.spec.spec.goLive),
      ...cards.filter(c => !c.spec.spec.goLive),
    ];
    for (const card of ordered) {
      const result = entity.results.find(r => r.scorecard === card.name);
      if (result) return result;
    }
    return undefined;
  }

  private cardOf(scorecard: string | undefined) {
    return scorecard ? this.options.scorecards.get(scorecard) : undefined;
  }

  private rolesFor(scorecard: string | undefined) {
    return this.cardOf(scorecard)?.signoffRoles ?? DEFAULT_SIGNOFF_ROLES;
  }

  /** spec.owner and the three roles as keys, groups with their sub-groups. */
  private async ownerKeys(entity: EntityReadinessResponse): Promise<string[]> {
    const { owner, incident, technical, communication } = entity.owners;
    const refs = [owner, incident, technical, communication]
      .map(o => tryEntityKey(o, { defaultKind: 'group' }))
      .filter((k): k is string => Boolean(k));
    return refs.length ? this.options.readiness.expandOwners(refs) : [];
  }

  /**
   * Whether the user owns the entity: is, or is a member of, spec.owner or
   * one of the three roles (a group with its sub-groups); the ref it owns it as.
   */
  private async ownsEntity(
    user: UserCredentials,
    entity: EntityReadinessResponse,
  ): Promise<string | undefined> {
    const owners = new Set(await this.ownerKeys(entity));
    if (owners.size === 0) return undefined;
    const { ownershipEntityRefs } = await this.options.userInfo.getUserInfo(
      user,
    );
    return [user.principal.userEntityRef, ...ownershipEntityRefs]
      .map(r => r.toLowerCase())
      .find(r => owners.has(r));
  }

  /**
   * Where a go-live stands, read with the plugin's own credentials, for the
   * scheduled scan: the decision and the members of the sign-off roles'
   * groups.
   */
  async standing(entityRef: string) {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const entity = await this.options.readiness.getEntity(
      credentials,
      entityRef,
    );
    const state = await this.stateOf(entity, credentials);
    const tree = new OrgTree(await this.options.readiness.organisation());
    return {
      goLiveDate: state.goLiveDate,
      day: state.phase.day,
      decision: state.decision,
      roleMembers: [
        ...new Set(
          state.signoff.roles.flatMap(r =>
            r.group ? tree.directMembers(r.group) : [],
          ),
        ),
      ],
    };
  }

  /** The go-live state of an entity the caller may read. */
  async get(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<GoLiveResponse> {
    const entity = await this.options.readiness.getEntity(
      credentials,
      entityRef,
    );
    return this.forCaller(entity, credentials);
  }

  /**
   * The go-live state as the card shows it to the caller: with, for each open
   * role, whether this person may sign it and if not why. Every route that
   * answers with the state answers with this, so the card never offers Sign
   * where the server would refuse, also right after a write.
   */
  private async forCaller(
    entity: EntityReadinessResponse,
    credentials: BackstageCredentials,
  ): Promise<GoLiveResponse> {
    const state = await this.stateOf(entity, credentials);
    if (!state.canSign || !this.options.auth.isPrincipal(credentials, 'user'))
      return state;
    const rule = await this.signRules(credentials, entity, state);
    state.signoff.roles = state.signoff.roles.map(r => {
      if (r.signoff) return r;
      const whyNot = rule(r);
      return { ...r, canSign: !whyNot, ...(whyNot ? { whyNot } : {}) };
    });
    return state;
  }

  private async stateOf(
    entity: EntityReadinessResponse,
    credentials: BackstageCredentials,
  ): Promise<GoLiveResponse> {
    const { store } = this.options;
    const ref = entity.entityRef;
    const now = this.now();
    const result = this.primary(entity);
    const date = entity.owners.goLiveDate;
    const valid = parseGoLiveDate(date) !== undefined ? date : undefined;
    const [
      signoffs,
      dailyChecks,
      riskyActions,
      closureReview,
      ticks,
      canSign,
      canRecord,
    ] = await Promise.all([
      store.listSignoffs(ref),
      store.listDailyChecks(ref),
      store.listRiskyActions(ref),
      valid ? store.getClosureReview(ref, valid) : undefined,
      valid ? store.listPhaseItems(ref, valid) : [],
      this.may(credentials, readinessSignoffCreatePermission, ref),
      this.may(credentials, readinessAttestationCreatePermission, ref),
    ]);
    const week = firstWeek(valid, now, dailyChecks);
    const start = parseGoLiveDate(valid);
    const signoff = signoffProgress(
      this.rolesFor(result?.scorecard),
      signoffs,
      result?.status,
      { scorecard: result?.scorecard, goLiveDate: valid },
    );
    return {
      entityRef: ref,
      ...(valid ? { goLiveDate: valid } : {}),
      ...(date && !valid ? { invalidGoLiveDate: date } : {}),
      phase: goLivePhase(valid, now),
      ...(result ? { status: result.status, scorecard: result.scorecard } : {}),
      decision: goLiveDecision(
        result,
        {
          complete: signoff.complete,
          signed: signoff.roles.filter(r => r.signoff).length,
          total: signoff.roles.length,
        },
        this.cardOf(result?.scorecard)?.launchRequires,
      ),
      signoff,
      checklists: phaseChecklists(
        this.cardOf(result?.scorecard)?.goLivePhases ?? [],
        valid,
        ticks,
      ),
      canSign,
      canRecord,
      firstWeek: week,
      missedDailyChecks: week.filter(d => d.state === 'missed').length,
      lateDailyChecks: week.filter(d => d.state === 'late').length,
      dailyChecks,
      riskyActions,
      ...(closureReview ? { closureReview } : {}),
      closureReviewDue:
        !closureReview &&
        start !== undefined &&
        now.getTime() >= start + 7 * DAY_MS,
    };
  }

  /**
   * Who may sign which role, as `signOff` decides it: a role with a `group`
   * only by its members, an `independent` one not by an owner of the entity,
   * and at most `rolesPerPerson` roles of a go-live per person. Returns, per
   * role, why the user may not sign it (undefined: they may). The card asks
   * the same function, so it offers Sign only where the server would accept.
   */
  private async signRules(
    user: UserCredentials,
    entity: EntityReadinessResponse,
    state: GoLiveResponse,
  ): Promise<(role: SignoffRole) => string | undefined> {
    const me = user.principal.userEntityRef.toLowerCase();
    const [{ ownershipEntityRefs }, ownerVia] = await Promise.all([
      this.options.userInfo.getUserInfo(user),
      state.signoff.roles.some(r => r.independent)
        ? this.ownsEntity(user, entity)
        : undefined,
    ]);
    const mine = new Set(ownershipEntityRefs.map(r => r.toLowerCase()));
    const perPerson = this.cardOf(state.scorecard)?.signoffRolesPerPerson ?? 1;
    const signed = state.signoff.roles.filter(
      r => r.signoff?.signedBy.toLowerCase() === me,
    );
    return role => {
      if (role.group && !mine.has(role.group.toLowerCase()))
        return `Only members of ${role.group} sign off as ${role.title}`;
      if (role.independent && ownerVia)
        return `${role.title} is signed independently of the service: you own ${entity.entityRef} (as ${ownerVia}), so someone else must sign it`;
      if (signed.length >= perPerson)
        return `One person signs at most ${perPerson} role${
          perPerson === 1 ? '' : 's'
        } of a go-live: you signed ${signed.map(r => r.title).join(', ')} for ${
          state.goLiveDate ?? 'this go-live'
        }`;
      return undefined;
    };
  }

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
    const entity = await this.writable(
      user,
      entityRef,
      readinessSignoffCreatePermission,
      r => `sign ${r} off`,
    );
    const ref = entity.entityRef;
    const state = await this.stateOf(entity, user);
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
    const refusal = (await this.signRules(user, entity, state))(spec);
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
    const added = await this.options.store.addSignoff(ref, {
      role,
      scorecard: state.scorecard,
      goLiveDate: state.goLiveDate,
      signedBy: me,
      signedAt: this.now().toISOString(),
      ...(note ? { note } : {}),
    });
    // An evaluation may have dropped the status meanwhile: then it is void.
    const after = await this.options.readiness.getEntity(user, ref);
    const status = this.primary(after)?.status;
    if (status !== 'ready') {
      await this.options.store.voidSignoff(
        added.id,
        `the status was ${status ?? 'not evaluated'} when it was recorded`,
        this.now().toISOString(),
      );
      throw new ConflictError(
        `A sign-off needs the status Ready; ${ref} became ${status} meanwhile`,
      );
    }
    return this.forCaller(after, user);
  }

  /**
   * Asks every role that has not signed (its group, else the owners) by
   * notification; once a day per role. Returns how many were asked.
   */
  async requestSignoff(
    user: UserCredentials,
    entityRef: string,
  ): Promise<{ asked: number; roles: string[]; nobody: string[] }> {
    const entity = await this.writable(
      user,
      entityRef,
      readinessAttestationCreatePermission,
      r => `request sign-off of ${r}`,
    );
    const ref = entity.entityRef;
    const state = await this.stateOf(entity, user);
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
    if (!this.options.notifier)
      throw new ConflictError('Notifications are turned off');
    // A role's group means its own members (not everyone in the groups
    // below it); never the person asking, and for an independent role not
    // the service's owners (they would be refused).
    const tree = new OrgTree(await this.options.readiness.organisation());
    const me = user.principal.userEntityRef.toLowerCase();
    const owners = new Set(await this.ownerKeys(entity));
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
    const asked = await this.options.notifier.signoffRequested(
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

  /**
   * Ticks off an item of a phase's checklist (`goLive.phases`) for the
   * current go-live date: once, from the day its phase opens; weekly
   * reviews name their week (2, 3 or 4).
   */
  async tickPhaseItem(
    user: UserCredentials,
    entityRef: string,
    body: { phase?: unknown; week?: unknown; item?: unknown; note?: unknown },
  ): Promise<GoLiveResponse> {
    const entity = await this.writable(
      user,
      entityRef,
      readinessAttestationCreatePermission,
      r => `tick off go-live items of ${r}`,
    );
    const ref = entity.entityRef;
    const state = await this.stateOf(entity, user);
    if (!state.goLiveDate)
      throw new InputError(
        `${ref} has no go-live date (readiness/go-live-date); set one first`,
      );
    const phases = [...new Set(state.checklists.map(c => c.phase))];
    if (phases.length === 0)
      throw new InputError(
        `phase: the scorecard ${
          state.scorecard ?? ''
        } lists no go-live phase items (goLive.phases)`,
      );
    const phase = oneOf(body?.phase, 'phase', phases);
    const occurrence =
      phase === 'weekly-review'
        ? `week-${oneOf(String(body?.week ?? ''), 'week', ['2', '3', '4'])}`
        : '';
    const list = state.checklists.find(
      c => c.phase === phase && c.occurrence === occurrence,
    )!;
    const item = oneOf(
      body?.item,
      'item',
      list.items.map(i => i.id),
    );
    const today = this.now().toISOString().slice(0, 10);
    // T-7's checklist may be worked through early; later phases from their day.
    if (phase !== 'checklist' && list.opensOn > today)
      throw new ConflictError(
        `${list.label} opens on ${list.opensOn}; its items are ticked off from then`,
      );
    const note = text(body?.note, 'note', 1000);
    await this.options.store.addPhaseItem(ref, state.goLiveDate, {
      phase,
      occurrence,
      item,
      doneBy: user.principal.userEntityRef,
      doneAt: this.now().toISOString(),
      ...(note ? { note } : {}),
    });
    return this.forCaller(entity, user);
  }

  /** Records the daily check of a first-week day (today or a day before). */
  async recordDailyCheck(
    user: UserCredentials,
    entityRef: string,
    body: { day?: unknown; items?: unknown },
  ): Promise<GoLiveResponse> {
    const entity = await this.writable(
      user,
      entityRef,
      readinessAttestationCreatePermission,
      r => `record checks of ${r}`,
    );
    const ref = entity.entityRef;
    const date = entity.owners.goLiveDate;
    if (parseGoLiveDate(date) === undefined)
      throw new InputError(
        `${ref} has no go-live date (readiness/go-live-date); set one first`,
      );
    const today = this.now().toISOString().slice(0, 10);
    const day = body?.day === undefined ? today : String(body.day).trim();
    if (!isFirstWeekDay(date, day)) {
      const week = firstWeek(date, this.now(), []);
      throw new InputError(
        `day: "${day}" is not a day of the first production week (${week[0].date} … ${week[6].date})`,
      );
    }
    if (day > today)
      throw new InputError(`day: ${day} has not come yet (today is ${today})`);
    const raw = body?.items;
    if (!raw || typeof raw !== 'object')
      throw new InputError(
        `items: required, with ${DAILY_CHECK_ITEMS.map(i => i.id).join(', ')}`,
      );
    const items = {} as DailyCheck['items'];
    const errors: string[] = [];
    for (const { id } of DAILY_CHECK_ITEMS) {
      const item = (raw as Record<string, any>)[id];
      if (!item || typeof item.ok !== 'boolean') {
        errors.push(`items.${id}.ok: expected true or false`);
        continue;
      }
      try {
        const note = text(item.note, `items.${id}.note`, 1000);
        items[id] = { ok: item.ok, ...(note ? { note } : {}) };
      } catch (e) {
        errors.push((e as Error).message);
      }
    }
    const unknown = Object.keys(raw).filter(
      k => !DAILY_CHECK_ITEMS.some(i => i.id === k),
    );
    if (unknown.length)
      errors.push(`items.${unknown[0]}: not a daily check item`);
    if (errors.length) throw new InputError(errors.join('; '));
    await this.options.store.addDailyCheck(ref, {
      day,
      items,
      checkedBy: user.principal.userEntityRef,
      checkedAt: this.now().toISOString(),
    });
    return this.forCaller(entity, user);
  }

  /** Records a risky action of the first weeks. */
  async recordRiskyAction(
    user: UserCredentials,
    entityRef: string,
    body: Record<string, unknown>,
  ): Promise<GoLiveResponse> {
    const entity = await this.writable(
      user,
      entityRef,
      readinessAttestationCreatePermission,
      r => `record risky actions of ${r}`,
    );
    const ref = entity.entityRef;
    const action: Omit<RiskyAction, 'id'> = {
      kind: oneOf(body?.kind, 'kind', RISKY_ACTION_KINDS),
      description: text(body?.description, 'description', 2000, true)!,
      owner: text(body?.owner, 'owner', 255, true)!,
      outcome: oneOf(body?.outcome, 'outcome', RISKY_ACTION_OUTCOMES),
      recordedBy: user.principal.userEntityRef,
      recordedAt: this.now().toISOString(),
    };
    const note = text(body?.note, 'note', 2000);
    if (note) action.note = note;
    await this.options.store.addRiskyAction(ref, action);
    return this.forCaller(entity, user);
  }

  /** Records the closure review, from day 7 of the first week on. */
  async recordClosureReview(
    user: UserCredentials,
    entityRef: string,
    body: Record<string, unknown>,
  ): Promise<GoLiveResponse> {
    const entity = await this.writable(
      user,
      entityRef,
      readinessAttestationCreatePermission,
      r => `record the closure review of ${r}`,
    );
    const ref = entity.entityRef;
    const date = entity.owners.goLiveDate;
    const start = parseGoLiveDate(date);
    if (start === undefined || !date)
      throw new InputError(
        `${ref} has no go-live date (readiness/go-live-date); set one first`,
      );
    if (this.now().getTime() < start + 7 * DAY_MS)
      throw new ConflictError(
        `The closure review comes at the end of the first week, from ${new Date(
          start + 7 * DAY_MS,
        )
          .toISOString()
          .slice(0, 10)}`,
      );
    const errors: string[] = [];
    const field = (name: string) => {
      try {
        return text(body?.[name], name, 4000, true)!;
      } catch (e) {
        errors.push(`${(e as Error).message} ("none" is an answer)`);
        return '';
      }
    };
    const review: ClosureReview = {
      incidents: field('incidents'),
      supportRequests: field('supportRequests'),
      qualityDeviations: field('qualityDeviations'),
      missingRunbookSteps: field('missingRunbookSteps'),
      reviewedBy: user.principal.userEntityRef,
      reviewedAt: this.now().toISOString(),
    };
    if (errors.length) throw new InputError(errors.join('; '));
    await this.options.store.addClosureReview(ref, date, review);
    return this.forCaller(entity, user);
  }

  /**
   * Every entity with a go-live date (as its last evaluation saw it) that the
   * caller may see, soonest first, with phase, sign-off and first-week
   * progress. Services whose first month is over are left out unless `all`.
   */
  async list(
    credentials: BackstageCredentials,
    options: { all?: boolean } = {},
  ): Promise<GoLiveSummary[]> {
    const goLives = await this.options.evaluationState.listGoLives();
    const out: GoLiveSummary[] = [];
    for (const { entityRef } of goLives) {
      let entity: EntityReadinessResponse;
      try {
        entity = await this.options.readiness.getEntity(credentials, entityRef);
      } catch (e) {
        // Not allowed to read readiness at all: say so once; an entity the
        // caller may not see is left out.
        if ((e as Error).name === 'NotAllowedError') throw e;
        continue;
      }
      const s = await this.stateOf(entity, credentials);
      if (!s.goLiveDate || (s.phase.phase === 'closed' && !options.all))
        continue;
      out.push({
        entityRef: s.entityRef,
        goLiveDate: s.goLiveDate,
        phase: s.phase,
        ...(s.status ? { status: s.status } : {}),
        decision: { decision: s.decision.decision, short: s.decision.short },
        signoff: {
          signed: s.signoff.roles.filter(r => r.signoff).length,
          total: s.signoff.roles.length,
          complete: s.signoff.complete,
        },
        firstWeek: {
          done: s.firstWeek.filter(
            d => d.state === 'done' || d.state === 'late',
          ).length,
          late: s.lateDailyChecks,
          missed: s.missedDailyChecks,
          due: s.firstWeek.some(d => d.state === 'due'),
          notOk: s.firstWeek.filter(
            d => d.check && Object.values(d.check.items).some(i => !i.ok),
          ).length,
        },
        closureReviewDue: s.closureReviewDue,
        closureReviewed: Boolean(s.closureReview),
      });
    }
    return out;
  }

  /** The go-live note of the entity (Markdown). */
  async report(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<{ fileName: string; markdown: string }> {
    const entity = await this.options.readiness.getEntity(
      credentials,
      entityRef,
    );
    const goLive = await this.stateOf(entity, credentials);
    const result = this.primary(entity);
    const catalogEntity = await this.options.catalog.getEntityByRef(
      entity.entityRef,
      { credentials },
    );
    const markdown = renderGoLiveReport({
      entityRef: entity.entityRef,
      title: catalogEntity?.metadata.title,
      result,
      owners: entity.owners,
      goLive,
      now: this.now(),
    });
    const name = entity.entityRef.replace(/[^a-z0-9-]+/gi, '-');
    return {
      fileName: `go-live-${name}-${this.now().toISOString().slice(0, 10)}.md`,
      markdown,
    };
  }
}

import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Access } from '../platform/access';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { tryEntityKey } from '@readiness/backstage-plugin-readiness-common';
import {
  DEFAULT_SIGNOFF_ROLES,
  EntityReadinessResponse,
  firstWeek,
  goLiveDecision,
  phaseChecklists,
  goLivePhase,
  GoLiveResponse,
  GoLiveSummary,
  parseGoLiveDate,
  readinessAttestationCreatePermission,
  readinessSignoffCreatePermission,
  renderGoLiveReport,
  signoffProgress,
  SignoffRole,
} from '@readiness/backstage-plugin-readiness-common';
import { EvaluationStateStore } from '../evaluation/EvaluationStateStore';
import { GoLiveStore } from './GoLiveStore';
import { ScorecardRegistry } from '../evaluation/ScorecardRegistry';
import type { ReadinessNotifier } from '../notifications/ReadinessNotifier';
import { DAY_MS } from '../platform/input';
import { OrgTree } from '../platform/orgTree';
import { ReadinessService } from '../results/ReadinessService';
import type { GoLiveCore, UserCredentials } from './goLiveCore';
import { GoLiveRecords } from './GoLiveRecords';
import { toSummary } from './goLiveSummary';
import { SignoffService } from './SignoffService';

/**
 * The go-live workflow of an entity: its phase from the go-live date,
 * sign-offs by role (void once the status drops below Ready), the first
 * week's daily checks, risky actions and closure review, and the go-live
 * note. Reads need what reading the entity's readiness needs; sign-offs need
 * `readiness.signoff.create`, the first-week records
 * `readiness.attestation.create` (a person vouching for what they saw).
 */
export class GoLiveService implements GoLiveCore {
  constructor(
    readonly options: {
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
  ) {
    this.signoffs = new SignoffService(this);
    this.records = new GoLiveRecords(this);
  }

  /** Sign-off by role, and asking for it. */
  readonly signoffs: SignoffService;
  /** Phase items, the first week's daily checks, risky actions, closure review. */
  readonly records: GoLiveRecords;

  now() {
    return this.options.now?.() ?? new Date();
  }

  private get access() {
    return new Access(this.options);
  }

  may(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
  ): Promise<boolean> {
    return this.access.may(credentials, permission, entityRef, {
      people: true,
    });
  }

  /** The entity the caller may read, after demanding `permission` on it. */
  async writable(
    user: UserCredentials,
    entityRef: string,
    permission: ResourcePermission<'catalog-entity'>,
    what: (ref: string) => string,
  ): Promise<EntityReadinessResponse> {
    const entity = await this.options.readiness.getEntity(user, entityRef);
    await this.access.demand(
      user,
      permission,
      what(entity.entityRef),
      entity.entityRef,
      { people: true },
    );
    return entity;
  }

  /**
   * The result the go-live follows: of the scorecards that apply, the first
   * configured one that declares `goLive`, else the first configured one
   * (roll-ups never). Results come in no particular order.
   */
  primary(entity: EntityReadinessResponse) {
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

  cardOf(scorecard: string | undefined) {
    return scorecard ? this.options.scorecards.get(scorecard) : undefined;
  }

  rolesFor(scorecard: string | undefined) {
    return this.cardOf(scorecard)?.signoffRoles ?? DEFAULT_SIGNOFF_ROLES;
  }

  /** spec.owner and the three roles as keys, groups with their sub-groups. */
  async ownerKeys(entity: EntityReadinessResponse): Promise<string[]> {
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
  async ownsEntity(
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
      status: state.status,
      /** The roles not signed yet, with the group each needs. */
      openRoles: state.signoff.roles
        .filter(r => !r.signoff)
        .map(r => ({ title: r.title, group: r.group })),
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
  async forCaller(
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

  async stateOf(
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
  async signRules(
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
      out.push(toSummary(s));
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
      questions: result
        ? this.options.scorecards.get(result.scorecard)?.goLiveQuestions
        : undefined,
    });
    const name = entity.entityRef.replace(/[^a-z0-9-]+/gi, '-');
    return {
      fileName: `go-live-${name}-${this.now().toISOString().slice(0, 10)}.md`,
      markdown,
    };
  }
}

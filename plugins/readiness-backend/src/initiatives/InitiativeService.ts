import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  CompiledScorecard,
  DAY_MS,
  Initiative,
  InitiativeDetail,
  InitiativeInput,
  InitiativeStanding,
  ReadinessResultRow,
  readinessInitiativeManagePermission,
  tryEntityKey,
} from '@readiness/backstage-plugin-readiness-common';
import type { ScorecardRegistry } from '../evaluation/ScorecardRegistry';
import { Access } from '../platform/access';
import type { HistoryStore } from '../results/HistoryStore';
import type { ResultQueries } from '../results/ResultQueries';
import { InitiativeStore, StoredInitiative } from './InitiativeStore';
import { standingYaml } from './standing';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SCOPE_KEYS = ['owner', 'system', 'domain', 'lifecycle'] as const;
/** The burn-up reaches back at most this far. */
const BURNUP_DAYS = 90;

const today = (now: Date) => now.toISOString().slice(0, 10);

/** The checks a goal needs: its own, or a level's and those of the levels below. */
function goalChecks(
  card: CompiledScorecard,
  goal: InitiativeInput['goal'],
): string[] {
  return 'checks' in goal
    ? goal.checks
    : card.levels
        .slice(0, card.levels.findIndex(l => l.id === goal.level) + 1)
        .flatMap(l => l.checks);
}

/**
 * Initiatives: a goal on a scorecard (a level reached, or checks passing)
 * for every entity of a scope, by a deadline. Progress is read from the
 * current results and the daily history, as the caller may see them;
 * creating and editing need `readiness.initiative.manage`.
 */
export class InitiativeService {
  constructor(
    private readonly options: {
      store: InitiativeStore;
      history: HistoryStore;
      queries: Pick<ResultQueries, 'streamResults'>;
      scorecards: Pick<ScorecardRegistry, 'require' | 'source'>;
      permissions: PermissionsService;
      auth: AuthService;
      now?: () => Date;
    },
  ) {}

  private now() {
    return this.options.now?.() ?? new Date();
  }

  /** The input checked field by field (400 naming the field), normalised. */
  validate(input: any): InitiativeInput {
    const text = (v: unknown, field: string, max: number, required = false) => {
      if (v === undefined || v === null || v === '') {
        if (required) throw new InputError(`${field}: required`);
        return undefined;
      }
      if (typeof v !== 'string' || !v.trim() || v.length > max)
        throw new InputError(`${field}: a text of at most ${max} characters`);
      return v.trim();
    };
    const title = text(input?.title, 'title', 200, true)!;
    const description = text(input?.description, 'description', 4000);
    const card = this.options.scorecards.require(
      text(input?.scorecard, 'scorecard', 100, true)!,
    );
    const goal = input?.goal;
    let checkedGoal: InitiativeInput['goal'];
    if (goal && typeof goal.level === 'string' && goal.checks === undefined) {
      if (!card.levels.some(l => l.id === goal.level))
        throw new InputError(
          `goal.level: ${card.name} has no level "${goal.level}"${
            card.levels.length
              ? `; its levels: ${card.levels.map(l => l.id).join(', ')}`
              : ''
          }`,
        );
      checkedGoal = { level: goal.level };
    } else if (
      goal &&
      Array.isArray(goal.checks) &&
      goal.checks.length &&
      goal.level === undefined
    ) {
      const unknown = goal.checks.filter(
        (c: unknown) => !card.checks.some(k => k.spec.id === c),
      );
      if (unknown.length)
        throw new InputError(
          `goal.checks: ${card.name} has no check ${unknown.join(', ')}`,
        );
      checkedGoal = { checks: [...new Set<string>(goal.checks)] };
    } else
      throw new InputError(
        'goal: either { level } or { checks: [at least one check id] }',
      );
    const scope: InitiativeInput['scope'] = {};
    for (const key of Object.keys(input?.scope ?? {})) {
      if (!(SCOPE_KEYS as readonly string[]).includes(key))
        throw new InputError(
          `scope.${key}: unknown; use ${SCOPE_KEYS.join(', ')}`,
        );
      const values = input.scope[key];
      if (
        !Array.isArray(values) ||
        values.length > 50 ||
        values.some((v: unknown) => typeof v !== 'string' || !v.trim())
      )
        throw new InputError(`scope.${key}: a list of at most 50 names`);
      if (values.length)
        scope[key as (typeof SCOPE_KEYS)[number]] = values.map((v: string) =>
          v.trim(),
        );
    }
    const date = (v: unknown, field: string) => {
      if (typeof v !== 'string' || !DAY.test(v) || Number.isNaN(Date.parse(v)))
        throw new InputError(`${field}: a date, YYYY-MM-DD`);
      return v;
    };
    const startsOn = date(input?.startsOn, 'startsOn');
    const deadline = date(input?.deadline, 'deadline');
    if (deadline < startsOn)
      throw new InputError('deadline: on or after startsOn');
    const ref = (v: unknown, field: string, required: boolean) => {
      if (!required && (v === undefined || v === null || v === ''))
        return undefined;
      const key = tryEntityKey(v, { defaultKind: 'group' });
      if (!key || !/^(group|user):/.test(key))
        throw new InputError(`${field}: a group or user ref`);
      return key;
    };
    const status = input?.status ?? 'draft';
    if (status !== 'draft' && status !== 'active')
      throw new InputError('status: draft or active');
    return {
      title,
      ...(description ? { description } : {}),
      scorecard: card.name,
      goal: checkedGoal,
      scope,
      startsOn,
      deadline,
      owner: ref(input?.owner, 'owner', true)!,
      ...(input?.sponsor
        ? { sponsor: ref(input.sponsor, 'sponsor', false) }
        : {}),
      status,
    };
  }

  /** Whether a result meets the goal. */
  private meets(card: CompiledScorecard, i: StoredInitiative) {
    const goal = i.goal;
    if ('level' in goal) {
      const want = card.levels.findIndex(l => l.id === goal.level);
      return (level?: string) =>
        level !== undefined &&
        card.levels.findIndex(l => l.id === level) >= want;
    }
    const checks = goal.checks;
    // A goal check not enforced yet (`enforceFrom` ahead) does not count in
    // the score, but it must pass for the goal: its failures are "upcoming".
    return (
      _level: string | undefined,
      failing?: string[],
      upcoming: string[] = [],
    ) =>
      failing !== undefined &&
      !checks.some(c => failing.includes(c) || upcoming.includes(c));
  }

  /** The goal's checks a result does not pass yet (a level: its checks and those below). */
  private missing(
    card: CompiledScorecard,
    i: StoredInitiative,
    row: ReadinessResultRow,
  ) {
    return goalChecks(card, i.goal)
      .filter(
        c =>
          row.failingChecks.includes(c) ||
          (row.upcomingChecks ?? []).includes(c),
      )
      .map(c => {
        const spec = card.checks.find(k => k.spec.id === c)?.spec;
        return {
          checkId: c,
          title: spec?.title ?? c,
          ...(spec?.remediation?.text
            ? { remediation: spec.remediation.text }
            : {}),
        };
      });
  }

  private async rows(
    credentials: BackstageCredentials,
    scorecard: string,
    scope: StoredInitiative['scope'],
  ) {
    const { rows } = await this.options.queries.streamResults(credentials, {
      scorecard,
      ...scope,
    });
    const out: ReadinessResultRow[] = [];
    for await (const batch of rows) out.push(...batch);
    return out;
  }

  private async withProgress(
    credentials: BackstageCredentials,
    i: StoredInitiative,
  ): Promise<{
    initiative: Initiative;
    rows: ReadinessResultRow[];
    card: CompiledScorecard;
  }> {
    const card = this.options.scorecards.require(i.scorecard);
    const rows = await this.rows(credentials, i.scorecard, i.scope);
    const meets = this.meets(card, i);
    const met = rows.filter(r =>
      meets(r.level, r.failingChecks, r.upcomingChecks),
    ).length;
    const open = rows.length - met;
    let state: Initiative['state'] = i.status;
    if (i.status === 'active') {
      if (rows.length > 0 && open === 0) state = 'done';
      else if (today(this.now()) > i.deadline) state = 'missed';
    }
    return {
      initiative: { ...i, state, progress: { total: rows.length, met, open } },
      rows,
      card,
    };
  }

  /**
   * Every initiative with its progress. With `entity`, only the active (or
   * ended) ones whose scope holds it, each saying whether it meets the goal
   * and what it misses; with `owner` (a group, its sub-groups included, or
   * a user), those whose scope holds something it owns, with that team's
   * part.
   */
  async list(
    credentials: BackstageCredentials,
    options: {
      entity?: string;
      owner?: string;
      /** Only the active ones these refs (lower case) own: progress is computed for those alone. */
      ownedBy?: Set<string>;
    } = {},
  ): Promise<Initiative[]> {
    const entity = options.entity?.toLowerCase();
    const owned = new Map<string, Promise<Set<string>>>();
    const ownedIn = (scorecard: string) => {
      if (!owned.has(scorecard))
        owned.set(
          scorecard,
          this.rows(credentials, scorecard, { owner: [options.owner!] }).then(
            rows => new Set(rows.map(r => r.entityRef)),
          ),
        );
      return owned.get(scorecard)!;
    };
    const out: Initiative[] = [];
    for (const i of await this.options.store.list()) {
      const filtered = entity || options.owner || options.ownedBy;
      if (filtered && i.status === 'draft') continue;
      if (options.ownedBy && !options.ownedBy.has(i.owner.toLowerCase()))
        continue;
      const { initiative, rows, card } = await this.withProgress(
        credentials,
        i,
      );
      const meets = this.meets(card, i);
      if (entity) {
        const row = rows.find(r => r.entityRef === entity);
        if (row)
          out.push({
            ...initiative,
            forEntity: {
              entityRef: row.entityRef,
              met: meets(row.level, row.failingChecks, row.upcomingChecks),
              missing: this.missing(card, i, row),
            },
          });
      } else if (options.owner) {
        const mine = await ownedIn(i.scorecard);
        const theirs = rows.filter(r => mine.has(r.entityRef));
        if (theirs.length)
          out.push({
            ...initiative,
            forOwner: {
              owner: options.owner,
              total: theirs.length,
              met: theirs.filter(r =>
                meets(r.level, r.failingChecks, r.upcomingChecks),
              ).length,
              open: theirs
                .filter(r => !meets(r.level, r.failingChecks, r.upcomingChecks))
                .map(r => r.entityRef),
            },
          });
      } else out.push(initiative);
    }
    return out;
  }

  async get(
    credentials: BackstageCredentials,
    id: string,
  ): Promise<InitiativeDetail> {
    const stored = await this.options.store.get(id);
    const { initiative, rows, card } = await this.withProgress(
      credentials,
      stored,
    );
    const meets = this.meets(card, stored);
    const open = rows
      .filter(r => !meets(r.level, r.failingChecks, r.upcomingChecks))
      .map(r => ({
        entityRef: r.entityRef,
        title: r.title,
        owner: r.owner,
        missing: this.missing(card, stored, r),
      }));
    const byOwner = new Map<string, { met: number; total: number }>();
    for (const r of rows) {
      const o = byOwner.get(r.owner ?? '') ?? { met: 0, total: 0 };
      o.total++;
      if (meets(r.level, r.failingChecks, r.upcomingChecks)) o.met++;
      byOwner.set(r.owner ?? '', o);
    }
    const burnup = await this.burnup(card, stored, rows);
    return {
      ...initiative,
      open,
      burnup: burnup.all,
      burnupByOwner: burnup.byOwner,
      byOwner: [...byOwner.entries()]
        .map(([owner, c]) => ({ owner, ...c }))
        .sort((a, b) => a.owner.localeCompare(b.owner)),
    };
  }

  /**
   * Per day: the entities in scope now that met the goal that day (their
   * last point), in all and per owner (`spec.owner`; a team's days start
   * at its first point).
   */
  private async burnup(
    card: CompiledScorecard,
    i: StoredInitiative,
    rows: ReadinessResultRow[],
  ) {
    const now = this.now();
    const first = [
      i.startsOn,
      today(new Date(now.getTime() - BURNUP_DAYS * DAY_MS)),
    ].sort()[1];
    const last = today(now);
    if (first > last) return { all: [], byOwner: [] };
    const points = await this.options.history.pointsOf(
      i.scorecard,
      rows.map(r => r.entityRef),
      first,
    );
    const byDay = new Map<string, typeof points>();
    for (const p of points) byDay.set(p.day, [...(byDay.get(p.day) ?? []), p]);
    const meets = this.meets(card, i);
    const ownerOf = new Map(rows.map(r => [r.entityRef, r.owner ?? '']));
    const latest = new Map<string, boolean>();
    const all: InitiativeDetail['burnup'] = [];
    const teams = new Map<string, InitiativeDetail['burnup']>();
    for (let t = Date.parse(first); ; t += DAY_MS) {
      const day = today(new Date(t));
      if (day > last) break;
      for (const p of byDay.get(day) ?? [])
        latest.set(
          p.entityRef,
          meets(p.level, p.failingChecks, p.upcomingChecks),
        );
      const counts = new Map<string, { met: number; total: number }>();
      for (const [ref, met] of latest) {
        const c = counts.get(ownerOf.get(ref)!) ?? { met: 0, total: 0 };
        c.total++;
        if (met) c.met++;
        counts.set(ownerOf.get(ref)!, c);
      }
      all.push({
        day,
        met: [...latest.values()].filter(Boolean).length,
        total: latest.size,
      });
      for (const [owner, c] of counts)
        teams.set(owner, [...(teams.get(owner) ?? []), { day, ...c }]);
    }
    return {
      all,
      byOwner: [...teams.entries()]
        .map(([owner, burnup]) => ({ owner, burnup }))
        .sort((a, b) => a.owner.localeCompare(b.owner)),
    };
  }

  /**
   * "Make it standing": the scorecard's file with the goal's checks (a
   * level's: its checks and those below) enforced from the day after today
   * when the initiative is done, else from the day after its deadline. A
   * YAML change for someone to commit; nothing is written here.
   */
  async standing(
    credentials: BackstageCredentials,
    id: string,
  ): Promise<InitiativeStanding> {
    const detail = await this.get(credentials, id);
    const card = this.options.scorecards.require(detail.scorecard);
    const source = this.options.scorecards.source(detail.scorecard);
    if (!source)
      throw new NotFoundError(
        `scorecard "${detail.scorecard}" was not read from a file (readiness.scorecards)`,
      );
    const ids = goalChecks(card, detail.goal);
    const tomorrow = today(new Date(this.now().getTime() + DAY_MS));
    const afterDeadline = today(
      new Date(Date.parse(`${detail.deadline}T00:00:00Z`) + DAY_MS),
    );
    const day =
      detail.state === 'done' || afterDeadline < tomorrow
        ? tomorrow
        : afterDeadline;
    const { yaml, checks } = standingYaml(
      source.text,
      detail.scorecard,
      ids,
      day,
    );
    return {
      id: detail.id,
      scorecard: detail.scorecard,
      file: source.file,
      enforceFrom: day,
      state: detail.state,
      checks: checks.map(c => ({
        ...c,
        title: card.checks.find(k => k.spec.id === c.id)?.spec.title ?? c.id,
      })),
      yaml,
    };
  }

  async create(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    input: unknown,
  ): Promise<InitiativeDetail> {
    await this.mayManage(credentials);
    const created = await this.options.store.create(
      this.validate(input),
      credentials.principal.userEntityRef,
      this.now().toISOString(),
    );
    return this.get(credentials, created.id);
  }

  async update(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    id: string,
    input: unknown,
    expectedVersion: number,
  ): Promise<InitiativeDetail> {
    await this.mayManage(credentials);
    await this.options.store.update(
      id,
      this.validate(input),
      expectedVersion,
      credentials.principal.userEntityRef,
      this.now().toISOString(),
    );
    return this.get(credentials, id);
  }

  /**
   * Every active initiative in full, read with the plugin's own credentials
   * (every entity counts), for the scheduled reminders.
   */
  async activeForReminders(): Promise<InitiativeDetail[]> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const out: InitiativeDetail[] = [];
    for (const i of await this.options.store.list())
      if (i.status === 'active') out.push(await this.get(credentials, i.id));
    return out;
  }

  /** Whether the caller may create and edit initiatives (for the UI). */
  canManage(credentials: BackstageCredentials) {
    return new Access(this.options).may(
      credentials,
      readinessInitiativeManagePermission,
      undefined,
      { people: true },
    );
  }

  private mayManage(credentials: BackstageCredentials) {
    return new Access(this.options).demand(
      credentials,
      readinessInitiativeManagePermission,
      'create or edit initiatives',
      undefined,
      { people: true },
    );
  }
}

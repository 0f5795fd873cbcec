import { Entity } from '@backstage/catalog-model';
import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  CheckFailure,
  CheckFailureCount,
  CompiledScorecard,
  EntityReadinessResponse,
  HistoryResponse,
  READINESS_STATUSES,
  ReadinessStatus,
  readinessEvaluatePermission,
  readinessResultsReadPermission,
  ReadinessResultRow,
  ResultsPage,
  ResultsQuery,
  OrgHistoryResponse,
  ScorecardSummary,
  StatusesResponse,
  SummaryGroupBy,
  SummaryResponse,
  tryEntityKey,
} from '@readiness/backstage-plugin-readiness-common';
import type { ReadinessStores } from '../stores';
import type { ResultFilter } from '../platform/database/types';
import { CatalogReader } from '../evaluation/CatalogReader';
import { FactCollector } from '../evidence/facts/FactCollector';
import { Evaluator } from '../evaluation/Evaluator';
import { ScorecardRegistry } from '../evaluation/ScorecardRegistry';
import { missingSignoffGroups } from '../goLive/signoffGroups';
import { OrgTree } from '../platform/orgTree';
import { entityVisibility } from '../platform/entityVisibility';
import { ownersOf } from '../platform/owners';
import { summarise } from './summary';

const lower = (v?: string[]) => v?.map(x => x.toLowerCase());

/**
 * Refs of one kind as stored: short forms (`checkout`, `system:checkout`,
 * `Checkout`) become `system:default/checkout`; an InputError names the field
 * for a value that is not a ref.
 */
function refsOfKind(field: string, kind: string, values?: string[]) {
  return values?.map(v => {
    const key = tryEntityKey(v, { defaultKind: kind });
    if (!key) throw new InputError(`${field}: "${v}" is not an entity ref`);
    return key;
  });
}

/** The stored key of an entity ref; InputError naming the value when it is not one. */
function refKey(entityRef: string): string {
  const key = tryEntityKey(entityRef);
  if (!key) {
    throw new InputError(
      `entityRef: "${entityRef}" is not an entity ref such as component:default/payments-api`,
    );
  }
  return key;
}

/**
 * Every read and write of Readiness results, with its permission check. The
 * REST routes and the MCP actions both call it with the caller's credentials,
 * so they answer the same question the same way.
 */
export class ReadinessService {
  constructor(
    private readonly options: {
      stores: ReadinessStores;
      scorecards: ScorecardRegistry;
      reader: CatalogReader;
      evaluator: Evaluator;
      facts: FactCollector;
      catalog: CatalogService;
      permissions: PermissionsService;
      auth: AuthService;
    },
  ) {}

  /**
   * Reads an entity with the plugin's own credentials, once the caller was
   * found to be allowed `catalog.entity.read` on it: a CI token restricted
   * to this plugin may not have its request passed on to the catalog.
   */
  private async readEntity(entityRef: string) {
    return this.options.catalog.getEntityByRef(entityRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
  }

  /**
   * Throws NotAllowedError unless the caller may do `permission` (on
   * `resourceRef`); `what` says what was refused.
   */
  async authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission | ResourcePermission,
    resourceRef?: string,
    what = 'read readiness results',
  ): Promise<void> {
    const [decision] = await this.options.permissions.authorize(
      [
        resourceRef
          ? { permission: permission as ResourcePermission, resourceRef }
          : { permission: permission as BasicPermission },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You may not ${what} (${permission.name})`);
    }
  }

  /**
   * Whether the caller may see `entityRef` in the catalog; throws
   * NotAllowedError unless they may read readiness results at all. One
   * permission request for both.
   */
  private async maySeeEntity(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<boolean> {
    const [mayRead, maySee] = await this.options.permissions.authorize(
      [
        { permission: readinessResultsReadPermission },
        { permission: catalogEntityReadPermission, resourceRef: entityRef },
      ],
      { credentials },
    );
    if (mayRead.result !== AuthorizeResult.ALLOW)
      throw new NotAllowedError(
        `You may not read readiness results (${readinessResultsReadPermission.name})`,
      );
    return maySee.result === AuthorizeResult.ALLOW;
  }

  /**
   * The where-clause of the results the caller may see (undefined: all), and
   * a key for caches of what they see.
   */
  private async visibleTo(
    credentials: BackstageCredentials,
  ): Promise<{ visibleTo?: ResultFilter['visibleTo']; key: string }> {
    const v = await entityVisibility(this.options.permissions, credentials);
    if ('all' in v) return { key: 'all' };
    if ('none' in v)
      return { visibleTo: q => q.whereRaw('1 = 0'), key: 'none' };
    return { visibleTo: v.where, key: v.key };
  }

  private get scorecards(): CompiledScorecard[] {
    return this.options.scorecards.list();
  }

  private card(name: string): CompiledScorecard {
    const card = this.options.scorecards.get(name);
    if (!card) throw new NotFoundError(`No scorecard named "${name}"`);
    return card;
  }

  /** A scorecard query parameter: the named one, or the first configured. */
  scorecardName(value: unknown): string {
    const name =
      typeof value === 'string' && value ? value : this.scorecards[0]?.name;
    if (!name) {
      throw new NotFoundError(
        'No scorecards are configured: see readiness.scorecards in app-config',
      );
    }
    return this.options.scorecards.require(name).name;
  }

  private summaryOf(card: CompiledScorecard): ScorecardSummary {
    return {
      name: card.name,
      title: card.title,
      description: card.description,
      passingScore: card.passingScore,
      scoring: card.scoring,
      areas: card.areas.map(a => ({
        id: a.id,
        title: a.title,
        checks: card.checks.filter(c => c.area === a.id).length,
      })),
      levels: card.levels.map(l => ({ id: l.id, title: l.title })),
      checks: card.checks.map(c => ({
        id: c.spec.id,
        title: c.spec.title,
        area: c.area,
        severity: c.spec.severity,
      })),
      appliesTo: card.appliesToSpec as Record<string, unknown>,
    };
  }

  async listScorecards(
    credentials: BackstageCredentials,
  ): Promise<ScorecardSummary[]> {
    await this.authorize(credentials, readinessResultsReadPermission);
    const missing = missingSignoffGroups(
      this.scorecards,
      await this.options.reader.organisation(),
    );
    return this.scorecards.map(c => ({
      ...this.summaryOf(c),
      ...(missing.has(c.name) ? { problems: missing.get(c.name) } : {}),
    }));
  }

  async getScorecard(credentials: BackstageCredentials, name: string) {
    await this.authorize(credentials, readinessResultsReadPermission);
    const card = this.card(name);
    return {
      summary: this.summaryOf(card),
      definition: card.spec as unknown as Record<string, unknown>,
    };
  }

  async getEntity(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<EntityReadinessResponse> {
    return this.entityResponse(credentials, refKey(entityRef));
  }

  /**
   * The entity's results and owners. One permission round trip decides both
   * questions (may the caller read readiness results; may they see this
   * entity in the catalog), and the owners come from the entity's last
   * evaluation, so the usual request reads only our own tables. Entities
   * never evaluated (a kind no scorecard applies to, or just added) are read
   * from the catalog, which also says whether they exist.
   */
  private async entityResponse(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<EntityReadinessResponse> {
    const { stores } = this.options;
    const [maySee, runs, results, stored] = await Promise.all([
      this.maySeeEntity(credentials, entityRef),
      stores.shardRuns.listShardRuns(),
      stores.results.getEntityResults(entityRef),
      stores.evaluationState.getOwners(entityRef),
    ]);
    let owners = stored;
    // Which scorecards apply: those with results, or, with none, the ones
    // whose appliesTo takes the entity as the catalog has it now.
    let applicable = [...new Set(results.map(r => r.scorecard))];
    if (maySee && (!owners || results.length === 0)) {
      const entity = await this.readEntity(entityRef);
      owners = owners ?? (entity && ownersOf(entity));
      if (entity && results.length === 0)
        applicable = this.scorecards
          .filter(c => c.appliesTo(entity))
          .map(c => c.name);
    }
    if (!maySee || !owners)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    const lastRun = runs
      .map(s => s.lastSuccessAt)
      .filter(Boolean)
      .sort()
      .pop();
    return {
      entityRef,
      owners,
      applicableScorecards: applicable,
      results: results.map(r => ({
        ...r.result,
        // The latest of this result's own evaluation and its shard's last run.
        evaluatedAt:
          r.stale || !lastRun || lastRun < r.result.evaluatedAt
            ? r.result.evaluatedAt
            : lastRun,
        changedAt: r.changedAt,
        stale: r.stale,
      })),
    };
  }

  /** Re-evaluates one entity now (permission `readiness.entity.evaluate` on it). */
  async evaluate(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<EntityReadinessResponse> {
    const ref = refKey(entityRef);
    await this.authorize(
      credentials,
      readinessEvaluatePermission,
      ref,
      `re-evaluate ${ref}`,
    );
    // Probe now: fresh facts from every provider that applies, then evaluate.
    const entity = await this.options.reader.readOne(ref);
    if (!entity) throw new NotFoundError(`No entity ${ref} in the catalog`);
    await this.options.facts.collectFor(entity);
    await this.options.evaluator.evaluateEntity(entity);
    return this.entityResponse(credentials, ref);
  }

  async getHistory(
    credentials: BackstageCredentials,
    entityRef: string,
    options: { days?: number; scorecard?: string } = {},
  ): Promise<HistoryResponse> {
    const ref = refKey(entityRef);
    // As for the entity itself: results may be read, and the entity seen.
    if (!(await this.maySeeEntity(credentials, ref)))
      throw new NotFoundError(`No entity ${ref} in the catalog`);
    const days = options.days ?? 30;
    if (!Number.isInteger(days) || days < 1 || days > 3650)
      throw new InputError(
        `days: ${days} is not a whole number from 1 to 3650`,
      );
    const since = new Date(Date.now() - (days - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const history = await this.options.stores.history.getHistory(
      ref,
      since,
      options.scorecard,
    );
    // No history: an entity just added, or one that does not exist (404).
    if (
      history.points.length === 0 &&
      history.changes.length === 0 &&
      !(await this.readEntity(ref))
    )
      throw new NotFoundError(`No entity ${ref} in the catalog`);
    return { entityRef: ref, ...history };
  }

  /** The catalog's users, groups, systems and domains, as last read. */
  organisation(): Promise<Entity[]> {
    return this.options.reader.organisation();
  }

  /**
   * Owner refs as full keys (`payments`, `group:payments` and
   * `group:default/payments` are the same group), each group with its sub-groups.
   */
  async expandOwners(owners: string[]): Promise<string[]> {
    const keys = owners.map(o => {
      const key = tryEntityKey(o, { defaultKind: 'group' });
      if (!key) throw new InputError(`owner: "${o}" is not an entity ref`);
      return key;
    });
    const tree = new OrgTree(await this.options.reader.organisation());
    return [
      ...new Set(
        keys.flatMap(k =>
          k.startsWith('group:') ? tree.descendantsAndSelf(k) : [k],
        ),
      ),
    ];
  }

  /** The store filter of a results query, validated, owners expanded. */
  async resultFilter(
    query: ResultsQuery,
    credentials?: BackstageCredentials,
  ): Promise<ResultFilter> {
    for (const s of query.status ?? []) {
      if (!READINESS_STATUSES.includes(s))
        throw new InputError(
          `status: "${s}" is not one of ${READINESS_STATUSES.join(', ')}`,
        );
    }
    return {
      scorecard: this.scorecardName(query.scorecard),
      status: query.status?.length ? query.status : undefined,
      owner: query.owner?.length
        ? await this.expandOwners(query.owner)
        : undefined,
      system: refsOfKind('system', 'system', query.system),
      domain: refsOfKind('domain', 'domain', query.domain),
      lifecycle: lower(query.lifecycle),
      kind: lower(query.kind),
      type: lower(query.type),
      failingArea: query.area,
      failingCheck: query.check,
      text: query.q?.trim() || undefined,
      entityRefs: query.entity?.map(e => tryEntityKey(e) ?? e.toLowerCase()),
      visibleTo: credentials
        ? (await this.visibleTo(credentials)).visibleTo
        : undefined,
    };
  }

  async listResults(
    credentials: BackstageCredentials,
    query: ResultsQuery,
  ): Promise<ResultsPage> {
    await this.authorize(credentials, readinessResultsReadPermission);
    const filter = await this.resultFilter(query, credentials);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    const page = await this.options.stores.results.queryResults({
      filter,
      sort: query.sort ?? 'score',
      offset,
      limit,
    });
    return { ...page, offset, limit };
  }

  /** Every row of a results query, in batches (for CSV). */
  async streamResults(
    credentials: BackstageCredentials,
    query: ResultsQuery,
  ): Promise<{ scorecard: string; rows: AsyncIterable<ReadinessResultRow[]> }> {
    await this.authorize(credentials, readinessResultsReadPermission);
    const filter = await this.resultFilter(query, credentials);
    return {
      scorecard: filter.scorecard!,
      rows: this.options.stores.results.streamResults({
        filter,
        sort: query.sort ?? 'score',
      }),
    };
  }

  /**
   * The worst status of each entity across its scorecards (for a status
   * column or filter in the catalog): of the given entities (at most 500), or
   * of every entity whose worst status is one of `status`.
   */
  async listStatuses(
    credentials: BackstageCredentials,
    query: { entity?: string[]; status?: string[] },
  ): Promise<StatusesResponse> {
    await this.authorize(credentials, readinessResultsReadPermission);
    for (const s of query.status ?? []) {
      if (!READINESS_STATUSES.includes(s as ReadinessStatus))
        throw new InputError(
          `status: "${s}" is not one of ${READINESS_STATUSES.join(', ')}`,
        );
    }
    if (!query.entity?.length && !query.status?.length)
      throw new InputError('entity or status: give at least one');
    if ((query.entity?.length ?? 0) > 500)
      throw new InputError('entity: at most 500 refs per request');
    const items = await this.options.stores.results.worstStatuses({
      entityRefs: query.entity?.map(refKey),
      status: query.status as ReadinessStatus[] | undefined,
      visibleTo: (await this.visibleTo(credentials)).visibleTo,
    });
    return { items };
  }

  /**
   * Daily status counts of a scorecard over the last `days` days (1–366) for
   * the entities a results query selects (owner with sub-groups, system,
   * domain, lifecycle, kind, type; as the entities are now), and with
   * `check`, how many failed that check each day.
   */
  async getOrgHistory(
    credentials: BackstageCredentials,
    query: ResultsQuery & { days?: number },
  ): Promise<OrgHistoryResponse> {
    await this.authorize(credentials, readinessResultsReadPermission);
    const days = query.days ?? 30;
    if (!Number.isInteger(days) || days < 1 || days > 366)
      throw new InputError(`days: ${days} is not a whole number from 1 to 366`);
    const filter = await this.resultFilter(
      { ...query, check: undefined },
      credentials,
    );
    // Any filter besides the scorecard (the check only counts failures).
    const { scorecard, ...narrowing } = filter;
    const filtered = Object.values(narrowing).some(v => v !== undefined);
    const since = new Date(Date.now() - (days - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return {
      scorecard: scorecard!,
      checkId: query.check,
      days: await this.options.stores.history.orgHistory({
        scorecard: scorecard!,
        sinceDay: since,
        checkId: query.check,
        entityRefs: filtered
          ? this.options.stores.results.entityRefsMatching(filter)
          : undefined,
      }),
    };
  }

  async getSummary(
    credentials: BackstageCredentials,
    groupBy: SummaryGroupBy = 'owner',
    scorecardParam?: string,
  ): Promise<SummaryResponse> {
    await this.authorize(credentials, readinessResultsReadPermission);
    const scorecard = this.scorecardName(scorecardParam);
    const { results } = this.options.stores;
    // Dashboards ask the same summary again and again: computed once per
    // version of the results (and of the organisation, for owners).
    const [version, snapshot, seen] = await Promise.all([
      results.resultsVersion(scorecard),
      groupBy === 'owner' ? this.options.reader.current() : undefined,
      this.visibleTo(credentials),
    ]);
    const key = `${scorecard}|${groupBy}|${version}|${snapshot?.readAt ?? ''}|${
      seen.key
    }`;
    const cached = this.summaries.get(key);
    if (cached) return cached;
    const rows = await results.summaryRows(scorecard, groupBy, seen.visibleTo);
    const tree = new OrgTree(snapshot?.organisation ?? []);
    const summary = { scorecard, groupBy, ...summarise(rows, groupBy, tree) };
    this.summaries.set(key, summary);
    if (this.summaries.size > 32)
      this.summaries.delete(this.summaries.keys().next().value!);
    return summary;
  }

  private readonly summaries = new Map<string, SummaryResponse>();

  async listCheckFailures(
    credentials: BackstageCredentials,
    scorecard: string,
  ): Promise<CheckFailureCount[]> {
    await this.authorize(credentials, readinessResultsReadPermission);
    const card = this.card(scorecard);
    const failing = new Map<string, number>();
    const { visibleTo } = await this.visibleTo(credentials);
    for await (const batch of this.options.stores.results.streamResults({
      filter: { scorecard: card.name, visibleTo },
      batchSize: 2000,
    })) {
      for (const r of batch)
        for (const id of r.failingChecks)
          failing.set(id, (failing.get(id) ?? 0) + 1);
    }
    return card.checks
      .map(c => ({
        checkId: c.spec.id,
        title: c.spec.title,
        area: c.area,
        severity: c.spec.severity,
        failing: failing.get(c.spec.id) ?? 0,
      }))
      .sort(
        (a, b) => b.failing - a.failing || a.checkId.localeCompare(b.checkId),
      );
  }

  async getCheckFailures(
    credentials: BackstageCredentials,
    scorecard: string,
    checkId: string,
  ): Promise<CheckFailure[]> {
    await this.authorize(credentials, readinessResultsReadPermission);
    const card = this.card(scorecard);
    if (!card.checks.some(c => c.spec.id === checkId)) {
      throw new NotFoundError(
        `Scorecard "${scorecard}" has no check "${checkId}"`,
      );
    }
    const rows = await this.options.stores.results.getCheckFailures(
      scorecard,
      checkId,
      (
        await this.visibleTo(credentials)
      ).visibleTo,
    );
    return rows.map(r => {
      const check = r.result.checks.find(c => c.checkId === checkId)!;
      return {
        entityRef: r.entityRef,
        title: r.title,
        owner: r.owner,
        result: check.result,
        message: check.message,
      };
    });
  }
}

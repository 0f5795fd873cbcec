import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  CheckFailure,
  CheckFailureCount,
  CompiledScorecard,
  OrgHistoryResponse,
  READINESS_STATUSES,
  ReadinessResultRow,
  readinessResultsReadPermission,
  ReadinessStatus,
  ResultsPage,
  ResultsQuery,
  StatusesResponse,
  SummaryGroupBy,
  SummaryResponse,
  tryEntityKey,
} from '@readiness/backstage-plugin-readiness-common';
import type { ResultFilter } from '../platform/database/types';
import type {
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import type { CatalogReader } from '../evaluation/CatalogReader';
import { OrgTree } from '../platform/orgTree';
import type { ReadinessStores } from '../stores';
import { lower, refKey, refsOfKind } from './queryInput';
import { summarise } from './summary';

/** What `ResultQueries` uses of `ReadinessService`. */
export interface ResultsCore {
  readonly options: { reader: CatalogReader };
  authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission | ResourcePermission,
  ): Promise<void>;
  visibleTo(
    credentials: BackstageCredentials,
  ): Promise<{ visibleTo?: ResultFilter['visibleTo']; key: string }>;
  scorecardName(value: unknown): string;
  card(name: string): CompiledScorecard;
  expandOwners(owners: string[]): Promise<string[]>;
}

/**
 * The org-wide reads of results, each checking `readiness.results.read` and
 * showing only the entities the caller may see: lists and CSV, worst
 * statuses, the org history, summaries and check failures.
 */
export class ResultQueries {
  constructor(
    private readonly core: ResultsCore,
    private readonly stores: ReadinessStores,
  ) {}

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
      scorecard: this.core.scorecardName(query.scorecard),
      status: query.status?.length ? query.status : undefined,
      owner: query.owner?.length
        ? await this.core.expandOwners(query.owner)
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
        ? (await this.core.visibleTo(credentials)).visibleTo
        : undefined,
    };
  }

  async listResults(
    credentials: BackstageCredentials,
    query: ResultsQuery,
  ): Promise<ResultsPage> {
    await this.core.authorize(credentials, readinessResultsReadPermission);
    const filter = await this.resultFilter(query, credentials);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    const page = await this.stores.results.queryResults({
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
    await this.core.authorize(credentials, readinessResultsReadPermission);
    const filter = await this.resultFilter(query, credentials);
    return {
      scorecard: filter.scorecard!,
      rows: this.stores.results.streamResults({
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
    await this.core.authorize(credentials, readinessResultsReadPermission);
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
    const items = await this.stores.results.worstStatuses({
      entityRefs: query.entity?.map(refKey),
      status: query.status as ReadinessStatus[] | undefined,
      visibleTo: (await this.core.visibleTo(credentials)).visibleTo,
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
    await this.core.authorize(credentials, readinessResultsReadPermission);
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
      days: await this.stores.history.orgHistory({
        scorecard: scorecard!,
        sinceDay: since,
        checkId: query.check,
        entityRefs: filtered
          ? this.stores.results.entityRefsMatching(filter)
          : undefined,
      }),
    };
  }

  async getSummary(
    credentials: BackstageCredentials,
    groupBy: SummaryGroupBy = 'owner',
    scorecardParam?: string,
  ): Promise<SummaryResponse> {
    await this.core.authorize(credentials, readinessResultsReadPermission);
    const scorecard = this.core.scorecardName(scorecardParam);
    const { results } = this.stores;
    // Dashboards ask the same summary again and again: computed once per
    // version of the results (and of the organisation, for owners).
    const [version, snapshot, seen] = await Promise.all([
      results.resultsVersion(scorecard),
      groupBy === 'owner' ? this.core.options.reader.current() : undefined,
      this.core.visibleTo(credentials),
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
    await this.core.authorize(credentials, readinessResultsReadPermission);
    const card = this.core.card(scorecard);
    const failing = new Map<string, number>();
    const { visibleTo } = await this.core.visibleTo(credentials);
    for await (const batch of this.stores.results.streamResults({
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
    await this.core.authorize(credentials, readinessResultsReadPermission);
    const card = this.core.card(scorecard);
    if (!card.checks.some(c => c.spec.id === checkId)) {
      throw new NotFoundError(
        `Scorecard "${scorecard}" has no check "${checkId}"`,
      );
    }
    const rows = await this.stores.results.getCheckFailures(
      scorecard,
      checkId,
      (
        await this.core.visibleTo(credentials)
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

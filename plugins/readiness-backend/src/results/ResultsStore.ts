import {
  READINESS_STATUSES,
  ReadinessStatus,
  ReadinessSummary,
} from '@readiness/backstage-plugin-readiness-common';
import { Knex } from 'knex';
import {
  barContains,
  escapeLike,
  LIST_COLUMNS,
  ResultDbRow,
  SORTS,
  toDbRow,
  toDetail,
  toStored,
} from './resultRows';
import { ScorecardLookup } from './resultCodec';
import { ResultKey, ResultKeyMap } from './resultKey';
import { applyVisibility } from './visibilitySql';
import type {
  CheckChange,
  ResultFilter,
  ResultRow,
  ResultSort,
  StoredResult,
  StoredResultWithDetail,
} from '../platform/database/types';
import { chunks, iso, TABLES } from '../platform/database/util';

const { results: RESULTS, history: HISTORY, changes: CHANGES } = TABLES;

/** One result as /summary reads it: its group value, status, score and area scores. */
export interface SummaryRow {
  key?: string;
  status: ReadinessStatus;
  score: number;
  areaScores: Record<string, number>;
}

/**
 * The latest result of every entity and scorecard: written by the evaluator
 * (with the check changes that explain it, in one transaction), queried by
 * the service. SQLite and PostgreSQL.
 */
export class ResultsStore {
  /**
   * @param lookup - the scorecards, so that stored results leave out the
   *   text every result of a scorecard repeats (see `resultCodec.ts`)
   */
  constructor(
    private readonly db: Knex,
    private readonly lookup?: ScorecardLookup,
  ) {}

  /** The stored hash of each result of these entities. */
  async getHashes(entityRefs: string[]): Promise<ResultKeyMap<string>> {
    const out = new ResultKeyMap<string>();
    for (const refs of chunks(entityRefs)) {
      const rows = await this.db(RESULTS)
        .whereIn('entity_ref', refs)
        .select('entity_ref', 'scorecard', 'hash');
      for (const r of rows)
        out.set({ entityRef: r.entity_ref, scorecard: r.scorecard }, r.hash);
    }
    return out;
  }

  /** Full stored results for these keys (missing keys are left out). */
  async getDetails(
    keys: ResultKey[],
  ): Promise<ResultKeyMap<StoredResultWithDetail>> {
    const out = new ResultKeyMap<StoredResultWithDetail>();
    const wanted = new ResultKeyMap(keys.map(k => [k, true]));
    const refs = [...new Set(keys.map(k => k.entityRef))];
    for (const batch of chunks(refs)) {
      const rows: ResultDbRow[] = await this.db(RESULTS)
        .whereIn('entity_ref', batch)
        .select();
      for (const r of rows) {
        const k = { entityRef: r.entity_ref, scorecard: r.scorecard };
        if (wanted.has(k)) out.set(k, toDetail(r, this.lookup));
      }
    }
    return out;
  }

  /** Upserts results and appends their check changes, all or nothing. */
  async writeResults(
    rows: ResultRow[],
    changes: CheckChange[],
    now: string,
  ): Promise<void> {
    if (rows.length === 0 && changes.length === 0) return;
    await this.db.transaction(async tx => {
      for (const batch of chunks(rows)) {
        await tx(RESULTS)
          .insert(batch.map(r => toDbRow(r, now, this.lookup)))
          .onConflict(['entity_ref', 'scorecard'])
          .merge();
      }
      for (const batch of chunks(changes)) {
        await tx(CHANGES)
          .insert(
            batch.map(c => ({
              entity_ref: c.entityRef,
              scorecard: c.scorecard,
              check_id: c.checkId,
              old_result: c.oldResult ?? null,
              new_result: c.newResult ?? null,
              old_message: c.oldMessage ?? null,
              new_message: c.newMessage ?? null,
              changed_at: c.changedAt,
              by_scorecard: c.byScorecard ?? null,
            })),
          )
          // Written again after a lost connection whose commit went through:
          // the same change is not logged twice.
          .onConflict(['entity_ref', 'scorecard', 'check_id', 'changed_at'])
          .ignore();
      }
    });
  }

  /** Status and score of every result: what roll-up checks read. */
  async listSummaries(): Promise<ReadinessSummary[]> {
    const rows = await this.db(RESULTS).select(
      'entity_ref',
      'scorecard',
      'status',
      'score',
    );
    return rows.map(r => ({
      entityRef: r.entity_ref,
      scorecard: r.scorecard,
      status: r.status,
      score: Number(r.score),
    }));
  }

  async listKeys(): Promise<ResultKey[]> {
    const rows = await this.db(RESULTS).select('entity_ref', 'scorecard');
    return rows.map(r => ({ entityRef: r.entity_ref, scorecard: r.scorecard }));
  }

  /** Deletes results with their history and changes; returns how many results. */
  async deleteResults(keys: ResultKey[]): Promise<number> {
    let deleted = 0;
    await this.db.transaction(async tx => {
      for (const { entityRef, scorecard } of keys) {
        const where = { entity_ref: entityRef, scorecard };
        deleted += await tx(RESULTS).where(where).delete();
        await tx(HISTORY).where(where).delete();
        await tx(CHANGES).where(where).delete();
      }
    });
    return deleted;
  }

  async setStale(entityRefs: string[], stale: boolean): Promise<void> {
    // Usually nothing is stale: one look instead of an update per batch.
    if (
      !stale &&
      !(await this.db(RESULTS).where('stale', true).first('scorecard'))
    )
      return;
    for (const refs of chunks(entityRefs)) {
      await this.db(RESULTS)
        .whereIn('entity_ref', refs)
        .whereNot('stale', stale)
        .update({ stale });
    }
  }

  async getEntityResults(entityRef: string): Promise<StoredResultWithDetail[]> {
    const rows: ResultDbRow[] = await this.db(RESULTS)
      .where('entity_ref', entityRef)
      .orderBy('scorecard')
      .select();
    return rows.map(r => toDetail(r, this.lookup));
  }

  /** One page of results and the total that match. */
  async queryResults(options: {
    filter: ResultFilter;
    sort?: ResultSort;
    offset?: number;
    limit?: number;
  }): Promise<{ items: StoredResult[]; totalItems: number }> {
    const [{ count }] = await this.filtered(options.filter).count({
      count: '*',
    });
    const rows: ResultDbRow[] = await this.sorted(
      this.filtered(options.filter).select(LIST_COLUMNS),
      options.sort,
    )
      .offset(options.offset ?? 0)
      .limit(options.limit ?? 50);
    return { items: rows.map(toStored), totalItems: Number(count) };
  }

  /** Every matching result, in batches, for exports and aggregates. */
  async *streamResults(options: {
    filter: ResultFilter;
    sort?: ResultSort;
    batchSize?: number;
  }): AsyncIterable<StoredResult[]> {
    const size = options.batchSize ?? 500;
    for (let offset = 0; ; offset += size) {
      const rows: ResultDbRow[] = await this.sorted(
        this.filtered(options.filter).select(LIST_COLUMNS),
        options.sort,
      )
        .offset(offset)
        .limit(size);
      if (rows.length === 0) return;
      yield rows.map(toStored);
      if (rows.length < size) return;
    }
  }

  /**
   * What /summary needs of every result of a scorecard, in one narrow query
   * (no sorting, no paging, none of the stored result).
   */
  /**
   * A value that changes whenever a scorecard's results do (a write sets
   * `changed_at`, a delete lowers the count): for caching what is computed
   * from all of them. One aggregate query.
   */
  async resultsVersion(scorecard: string): Promise<string> {
    const [row] = await this.db(RESULTS)
      .where('scorecard', scorecard)
      .select(
        this.db.raw('count(*) as n'),
        this.db.raw('max(changed_at) as latest'),
      );
    return `${row.n}:${row.latest ? iso(row.latest) : ''}`;
  }

  /**
   * The worst status of each entity across its scorecards: of the given
   * entities, or of every entity whose worst status is one of `status`.
   */
  async worstStatuses(filter: {
    entityRefs?: string[];
    status?: ReadinessStatus[];
    visibleTo?: ResultFilter['visibleTo'];
  }): Promise<Array<{ entityRef: string; status: ReadinessStatus }>> {
    const q = this.filtered({ visibleTo: filter.visibleTo }).select(
      'entity_ref',
      'status',
    );
    if (filter.entityRefs) q.whereIn('entity_ref', filter.entityRefs);
    if (filter.status) {
      // Every result of an entity that has one with a wanted status: the
      // worst is decided below, over all of them.
      q.whereIn(
        'entity_ref',
        this.db(RESULTS).select('entity_ref').whereIn('status', filter.status),
      );
    }
    // READINESS_STATUSES runs from best to worst.
    const rank = (x: ReadinessStatus) => READINESS_STATUSES.indexOf(x);
    const worst = new Map<string, ReadinessStatus>();
    for (const row of await q) {
      const had = worst.get(row.entity_ref);
      if (!had || rank(row.status as ReadinessStatus) > rank(had))
        worst.set(row.entity_ref, row.status);
    }
    return [...worst]
      .filter(([, s]) => !filter.status || filter.status.includes(s))
      .map(([entityRef, status]) => ({ entityRef, status }))
      .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  }

  async summaryRows(
    scorecard: string,
    groupBy: 'owner' | 'system' | 'domain' | 'lifecycle' | 'type',
    visibleTo?: ResultFilter['visibleTo'],
  ): Promise<SummaryRow[]> {
    const rows: Array<{
      key: string | null;
      status: ReadinessStatus;
      score: number | string;
      area_scores: string;
    }> = await this.filtered({ scorecard, visibleTo }).select(
      { key: groupBy },
      'status',
      'score',
      'area_scores',
    );
    return rows.map(r => ({
      key: r.key ?? undefined,
      status: r.status,
      score: Number(r.score),
      areaScores: JSON.parse(r.area_scores),
    }));
  }

  /** Full results of one scorecard where this check fails. */
  async getCheckFailures(
    scorecard: string,
    checkId: string,
    visibleTo?: ResultFilter['visibleTo'],
  ): Promise<StoredResultWithDetail[]> {
    const rows: ResultDbRow[] = await this.filtered({
      scorecard,
      failingCheck: checkId,
      visibleTo,
    })
      .orderBy('entity_ref')
      .select();
    return rows.map(r => toDetail(r, this.lookup));
  }

  /** The entity refs of the results a filter selects, as a subquery. */
  entityRefsMatching(filter: ResultFilter): Knex.QueryBuilder {
    return this.filtered(filter).distinct('entity_ref');
  }

  private filtered(filter: ResultFilter): Knex.QueryBuilder {
    const q = this.db(RESULTS);
    if (filter.visibleTo) applyVisibility(q, filter.visibleTo);
    if (filter.scorecard) q.where('scorecard', filter.scorecard);
    const inList = (column: string, values?: string[]) => {
      if (values && values.length > 0) q.whereIn(column, values);
    };
    inList('status', filter.status);
    inList('owner', filter.owner);
    inList('system', filter.system);
    inList('domain', filter.domain);
    inList('lifecycle', filter.lifecycle);
    inList('kind', filter.kind);
    inList('type', filter.type);
    inList('entity_ref', filter.entityRefs);
    if (filter.failingArea)
      q.whereRaw(`failing_areas like ? escape '\\'`, [
        barContains(filter.failingArea),
      ]);
    if (filter.failingCheck)
      q.whereRaw(`failing_checks like ? escape '\\'`, [
        barContains(filter.failingCheck),
      ]);
    if (filter.text) {
      q.whereRaw(`search like ? escape '\\'`, [
        `%${escapeLike(filter.text.toLowerCase())}%`,
      ]);
    }
    return q;
  }

  private sorted(
    q: Knex.QueryBuilder,
    sort: ResultSort = 'score',
  ): Knex.QueryBuilder {
    for (const [column, dir] of SORTS[sort]) q.orderBy(column, dir);
    return q.orderBy('entity_ref', 'asc').orderBy('scorecard', 'asc');
  }
}

import type {
  OrgHistoryDay,
  ReadinessStatus,
} from '@readiness/backstage-plugin-readiness-common';
import { Knex } from 'knex';
import { ResultKeyMap } from './resultKey';
import type { CheckChange, HistoryPoint } from '../platform/database/types';
import { barContains, bars, unbar } from './resultRows';
import { chunks, iso, orUndefined, TABLES } from '../platform/database/util';

const { history: HISTORY, changes: CHANGES } = TABLES;

/** A day's point to record; `changed` says whether the result was rewritten. */
export type HistoryPointToRecord = HistoryPoint & {
  entityRef: string;
  changed: boolean;
  /** The checks that count against the entity that day. */
  failingChecks?: string[];
  /** The checks not enforced yet that do not pass that day. */
  upcomingChecks?: string[];
};

/**
 * One point per entity, scorecard and day, and the check changes that the
 * results store appended; pruned after the retention period.
 */
export class HistoryStore {
  constructor(private readonly db: Knex) {}

  /**
   * Records today's points: changed results overwrite the day's point,
   * unchanged ones only fill a missing day. Returns the rows written.
   */
  async recordHistory(points: HistoryPointToRecord[]): Promise<number> {
    let written = 0;
    const upsert = (list: HistoryPointToRecord[]) =>
      this.db(HISTORY)
        .insert(
          list.map(p => ({
            entity_ref: p.entityRef,
            scorecard: p.scorecard,
            day: p.day,
            status: p.status,
            score: p.score,
            level: p.level ?? null,
            failing_checks: p.failingChecks ? bars(p.failingChecks) : null,
            upcoming_checks: p.upcomingChecks ? bars(p.upcomingChecks) : null,
            revision: p.revision ?? null,
          })),
        )
        .onConflict(['entity_ref', 'scorecard', 'day']);
    for (const batch of chunks(points)) {
      const changed = batch.filter(p => p.changed);
      if (changed.length) {
        await upsert(changed).merge();
        written += changed.length;
      }
      const unchanged = batch.filter(p => !p.changed);
      if (unchanged.length === 0) continue;
      const existing = await this.db(HISTORY)
        .whereIn('entity_ref', [...new Set(unchanged.map(p => p.entityRef))])
        .andWhere('day', unchanged[0].day)
        .select('entity_ref', 'scorecard');
      const have = new ResultKeyMap(
        existing.map(r => [
          { entityRef: r.entity_ref, scorecard: r.scorecard },
          true,
        ]),
      );
      const missing = unchanged.filter(p => !have.has(p));
      if (missing.length) {
        await upsert(missing).ignore();
        written += missing.length;
      }
    }
    return written;
  }

  /**
   * Gives every stored result a point for this day where it has none yet:
   * the point of a result that was not evaluated because nothing changed.
   * One statement, in the database.
   */
  async fillDay(day: string): Promise<number> {
    const result: any = await this.db.raw(
      `insert into ${HISTORY} (entity_ref, scorecard, day, status, score, level, failing_checks, upcoming_checks, revision)
       select r.entity_ref, r.scorecard, ?, r.status, r.score, r.level, r.failing_checks, r.upcoming_checks, r.revision
       from ${TABLES.results} r
       where not exists (
         select 1 from ${HISTORY} h
         where h.entity_ref = r.entity_ref and h.scorecard = r.scorecard and h.day = ?
       )
       on conflict (entity_ref, scorecard, day) do nothing`,
      [day, day],
    );
    // pg: { rowCount }; better-sqlite3: { changes }.
    return Number(result?.rowCount ?? result?.changes ?? 0);
  }

  /** Drops points and changes before this day (`YYYY-MM-DD`). */
  async pruneHistory(beforeDay: string): Promise<void> {
    await this.db(HISTORY).where('day', '<', beforeDay).delete();
    await this.db(CHANGES)
      .where('changed_at', '<', `${beforeDay}T00:00:00.000Z`)
      .delete();
  }

  /**
   * Per day since `sinceDay`: the scorecard's points per status and, with a
   * check, how many failed it; only entities `entityRefs` selects, when given
   * (a subquery of the results, so the filter is applied in the database).
   */
  async orgHistory(options: {
    scorecard: string;
    sinceDay: string;
    checkId?: string;
    entityRefs?: Knex.QueryBuilder;
  }): Promise<OrgHistoryDay[]> {
    const q = this.db(HISTORY)
      .where('scorecard', options.scorecard)
      .andWhere('day', '>=', options.sinceDay);
    if (options.entityRefs) q.whereIn('entity_ref', options.entityRefs);
    const rows = await q
      .groupBy('day', 'status')
      .orderBy('day')
      .select(
        'day',
        'status',
        this.db.raw('count(*) as n'),
        this.db.raw(
          `sum(case when failing_checks like ? escape '\\' then 1 else 0 end) as failing`,
          [barContains(options.checkId ?? '')],
        ),
        this.db.raw(
          'sum(case when failing_checks is null then 0 else 1 end) as known',
        ),
      );
    // The revisions each day's points were evaluated under.
    const rq = this.db(HISTORY)
      .where('scorecard', options.scorecard)
      .andWhere('day', '>=', options.sinceDay)
      .whereNotNull('revision');
    if (options.entityRefs) rq.whereIn('entity_ref', options.entityRefs);
    const revisions = new Map<string, string[]>();
    for (const r of await rq.distinct('day', 'revision').orderBy('revision'))
      revisions.set(r.day, [...(revisions.get(r.day) ?? []), r.revision]);
    const days = new Map<string, OrgHistoryDay>();
    for (const r of rows) {
      let d = days.get(r.day);
      if (!d) {
        d = { day: r.day, counts: { ready: 0, 'needs-work': 0, blocked: 0 } };
        if (options.checkId) d.check = { failing: 0, total: 0 };
        if (revisions.has(r.day)) d.revisions = revisions.get(r.day);
        days.set(r.day, d);
      }
      if (r.status in d.counts)
        d.counts[r.status as keyof OrgHistoryDay['counts']] += Number(r.n);
      if (d.check) {
        d.check.failing += Number(r.failing ?? 0);
        d.check.total += Number(r.known ?? 0);
      }
    }
    return [...days.values()];
  }

  /**
   * The daily points of these entities under a scorecard since a day: level
   * and failing checks (null where the point predates that column).
   */
  async pointsOf(
    scorecard: string,
    entityRefs: string[],
    sinceDay: string,
  ): Promise<
    Array<{
      entityRef: string;
      day: string;
      level?: string;
      failingChecks?: string[];
      upcomingChecks?: string[];
    }>
  > {
    const out = [];
    for (let i = 0; i < entityRefs.length; i += 200) {
      const rows = await this.db(HISTORY)
        .where('scorecard', scorecard)
        .andWhere('day', '>=', sinceDay)
        .whereIn('entity_ref', entityRefs.slice(i, i + 200))
        .select(
          'entity_ref',
          'day',
          'level',
          'failing_checks',
          'upcoming_checks',
        );
      for (const r of rows)
        out.push({
          entityRef: r.entity_ref as string,
          day: r.day as string,
          level: (r.level as string | null) ?? undefined,
          failingChecks:
            r.failing_checks === null || r.failing_checks === undefined
              ? undefined
              : unbar(r.failing_checks),
          upcomingChecks:
            r.upcoming_checks === null || r.upcoming_checks === undefined
              ? undefined
              : unbar(r.upcoming_checks),
        });
    }
    return out;
  }

  /** Every entity's status per scorecard on one day. */
  async statusesOn(
    day: string,
  ): Promise<
    Array<{ entityRef: string; scorecard: string; status: ReadinessStatus }>
  > {
    const rows = await this.db(HISTORY)
      .where('day', day)
      .select('entity_ref', 'scorecard', 'status');
    return rows.map(r => ({
      entityRef: r.entity_ref as string,
      scorecard: r.scorecard as string,
      status: r.status as ReadinessStatus,
    }));
  }

  /** Daily points since a day, and the latest 500 check changes. */
  async getHistory(
    entityRef: string,
    sinceDay: string,
    scorecard?: string,
  ): Promise<{ points: HistoryPoint[]; changes: CheckChange[] }> {
    const points = this.db(HISTORY)
      .where('entity_ref', entityRef)
      .andWhere('day', '>=', sinceDay);
    const changes = this.db(CHANGES)
      .where('entity_ref', entityRef)
      .andWhere('changed_at', '>=', `${sinceDay}T00:00:00.000Z`);
    if (scorecard) {
      points.andWhere('scorecard', scorecard);
      changes.andWhere('scorecard', scorecard);
    }
    const [p, c] = await Promise.all([
      points.orderBy('day').select(),
      changes
        .orderBy('changed_at', 'desc')
        .orderBy('id', 'desc')
        .limit(500)
        .select(),
    ]);
    return {
      points: p.map(r => ({
        scorecard: r.scorecard,
        day: r.day,
        status: r.status,
        score: Number(r.score),
        level: orUndefined(r.level),
        revision: orUndefined(r.revision ?? null),
      })),
      changes: c.map(r => ({
        entityRef: r.entity_ref,
        scorecard: r.scorecard,
        checkId: r.check_id,
        oldResult: orUndefined(r.old_result),
        newResult: orUndefined(r.new_result),
        oldMessage: orUndefined(r.old_message),
        newMessage: orUndefined(r.new_message),
        changedAt: iso(r.changed_at),
        ...(r.by_scorecard ? { byScorecard: true } : {}),
      })),
    };
  }
}

import { Knex } from 'knex';
import { ResultKeyMap } from './resultKey';
import type { CheckChange, HistoryPoint } from './types';
import { chunks, iso, orUndefined, TABLES } from './util';

const { history: HISTORY, changes: CHANGES } = TABLES;

/** A day's point to record; `changed` says whether the result was rewritten. */
export type HistoryPointToRecord = HistoryPoint & {
  entityRef: string;
  changed: boolean;
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
      `insert into ${HISTORY} (entity_ref, scorecard, day, status, score, level)
       select r.entity_ref, r.scorecard, ?, r.status, r.score, r.level
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
      })),
    };
  }
}

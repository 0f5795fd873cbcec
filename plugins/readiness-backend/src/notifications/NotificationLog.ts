import { Knex } from 'knex';
import { TABLES } from '../platform/database/util';

const TABLE = TABLES.notifications;

/**
 * Which notifications were sent, by key: each is sent once, or once per
 * window (a status change to the same status at most once a day).
 */
export class NotificationLog {
  constructor(private readonly db: Knex) {}

  /**
   * Claims `key` for sending now: true when it was never sent, or last sent
   * at least `windowMs` ago (Infinity: never again). When two replicas claim
   * the same key at once, one wins: the insert, or the conditional update,
   * succeeds for one of them only.
   */
  async claim(key: string, now: Date, windowMs = Infinity): Promise<boolean> {
    const row = await this.db(TABLE).where('key', key).first('sent_at');
    if (!row) {
      try {
        await this.db(TABLE).insert({ key, sent_at: now.toISOString() });
        return true;
      } catch (e) {
        if (/unique|duplicate/i.test(String((e as Error)?.message)))
          return false;
        throw e;
      }
    }
    if (windowMs === Infinity) return false;
    const before = new Date(now.getTime() - windowMs).toISOString();
    const updated = await this.db(TABLE)
      .where('key', key)
      .where('sent_at', '<=', before)
      .update({ sent_at: now.toISOString() });
    return updated > 0;
  }

  /**
   * Records that `value` (a status) is now what was last said under `key`;
   * false when it already was, so the same thing is not said twice in a row.
   */
  async changeValue(key: string, value: string, now: Date): Promise<boolean> {
    const row = await this.db(TABLE).where('key', key).first('value');
    if (!row) {
      try {
        await this.db(TABLE).insert({ key, value, sent_at: now.toISOString() });
        return true;
      } catch (e) {
        if (/unique|duplicate/i.test(String((e as Error)?.message)))
          return false;
        throw e;
      }
    }
    if (row.value === value) return false;
    // Only if nobody changed it meanwhile.
    const updated = await this.db(TABLE)
      .where({ key, value: row.value })
      .update({ value, sent_at: now.toISOString() });
    return updated > 0;
  }

  /** Sets what was last said under `key` back, after a failed send. */
  async restoreValue(key: string, value: string | undefined): Promise<void> {
    if (value === undefined) await this.release(key);
    else await this.db(TABLE).where('key', key).update({ value });
  }

  /** What was last said under `key`. */
  async lastValue(key: string): Promise<string | undefined> {
    const row = await this.db(TABLE).where('key', key).first('value');
    return row?.value ?? undefined;
  }

  /** Whether `key` was claimed (sent) at all. */
  async has(key: string): Promise<boolean> {
    return !!(await this.db(TABLE).where('key', key).first('key'));
  }

  /** Forgets a claim whose sending failed, so that it is tried again. */
  async release(key: string): Promise<void> {
    await this.db(TABLE).where('key', key).delete();
  }
}

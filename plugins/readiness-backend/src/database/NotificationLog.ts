import { Knex } from 'knex';
import { TABLES } from './util';

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

  /** Forgets a claim whose sending failed, so that it is tried again. */
  async release(key: string): Promise<void> {
    await this.db(TABLE).where('key', key).delete();
  }
}

import { Knex } from 'knex';
import type { ShardRun } from '../platform/database/types';
import { isoOrUndefined, orUndefined, TABLES } from '../platform/database/util';

/** When each evaluation shard last tried and last succeeded. */
export class ShardRunStore {
  constructor(private readonly db: Knex) {}

  /** Upserts a shard's times; fields left out keep their value, except the error. */
  async recordShardRun(run: ShardRun): Promise<void> {
    const row: Record<string, unknown> = {
      shard: run.shard,
      shards: run.shards,
    };
    if (run.lastAttemptAt) row.last_attempt_at = run.lastAttemptAt;
    if (run.lastSuccessAt) row.last_success_at = run.lastSuccessAt;
    row.last_error = run.lastError ?? null;
    await this.db(TABLES.shards).insert(row).onConflict('shard').merge();
  }

  async listShardRuns(): Promise<ShardRun[]> {
    const rows = await this.db(TABLES.shards).select().orderBy('shard');
    return rows.map(r => ({
      shard: r.shard,
      shards: r.shards,
      lastAttemptAt: isoOrUndefined(r.last_attempt_at),
      lastSuccessAt: isoOrUndefined(r.last_success_at),
      lastError: orUndefined(r.last_error),
    }));
  }
}

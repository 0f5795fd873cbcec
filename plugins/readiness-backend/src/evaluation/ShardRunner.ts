import { ResultKeyMap } from '../results/resultKey';
import { refOf } from './entityFields';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EntityReadiness } from '@readiness/backstage-plugin-readiness-common';
import type { ResultKey } from '../results/resultKey';
import type { ReadinessStores } from '../stores';
import type { CatalogReader, CatalogSnapshot } from './CatalogReader';
import type { EvaluationState } from './EvaluationStateStore';
import type { EvaluationListener } from './events';
import { EntityPreparer, isDue, Prepared } from './prepare';
import { shardOf } from './sharding';

/** What one evaluation run did, for logs and tests. */
export interface EvaluationReport {
  shard: number;
  shards: number;
  entities: number;
  /**
   * Entities evaluated: new, changed in the catalog, with new evidence or
   * ownership edits, or due because time changes their result. The others
   * were unchanged and cost nothing.
   */
  evaluated: number;
  results: number;
  /** Results written because they changed. */
  written: number;
  changes: number;
  historyRows: number;
  deleted: number;
  stale: boolean;
  ms: number;
}

/** What a shard run uses of the `Evaluator`. */
export interface ShardHost {
  readonly options: {
    stores: ReadinessStores;
    reader: CatalogReader;
    logger: LoggerService;
    historyRetentionDays: number;
  };
  readonly listeners: ReadonlyArray<EvaluationListener>;
  readonly preparer: EntityPreparer;
  now(): Date;
  evaluateAndStore(
    prepared: Prepared[],
    snapshot: CatalogSnapshot,
    at: Date,
    states?: Map<string, EvaluationState>,
  ): Promise<{
    results: EntityReadiness[];
    keys: ResultKey[];
    written: number;
    changes: number;
    historyRows: number;
  }>;
  rescoreRollups(
    snapshot: CatalogSnapshot,
    at: Date,
  ): Promise<{ written: number; changes: number; historyRows: number }>;
}

/**
 * One scheduled run of a shard: reads the catalog (a failed read keeps the
 * shard's results, marked stale), evaluates what is due, deletes results of
 * entities gone, re-scores the roll-ups when anything changed, and (shard 0)
 * fills and prunes the history.
 */
export class ShardRunner {
  constructor(private readonly core: ShardHost) {}

  /** Evaluates the entities whose ref hashes into `shard`. */
  async run(shard: number, shards: number): Promise<EvaluationReport> {
    const { stores, reader, logger } = this.core.options;
    const { results, shardRuns } = stores;
    const started = this.core.now();
    const t0 = Date.now();
    const startedAt = started.toISOString();
    // Start reading at once: shards of a cycle that start together share the read.
    const reading = reader.read().then(
      snapshot => ({ snapshot }),
      error => ({ error }),
    );
    await shardRuns.recordShardRun({ shard, shards, lastAttemptAt: startedAt });
    const report: EvaluationReport = {
      shard,
      shards,
      entities: 0,
      evaluated: 0,
      results: 0,
      written: 0,
      changes: 0,
      historyRows: 0,
      deleted: 0,
      stale: false,
      ms: 0,
    };

    const read = await reading;
    if ('error' in read) {
      const { error } = read;
      // Keep the last results, marked stale; the shard's last success time says since when.
      const refs = (await results.listKeys())
        .map(k => k.entityRef)
        .filter(r => shardOf(r, shards) === shard);
      await results.setStale([...new Set(refs)], true);
      await shardRuns.recordShardRun({
        shard,
        shards,
        lastError: `catalog could not be read: ${error}`,
      });
      logger.warn(
        `Readiness shard ${shard}/${shards}: catalog could not be read, ${refs.length} results marked stale: ${error}`,
      );
      return { ...report, stale: true, ms: Date.now() - t0 };
    }
    const { snapshot } = read;
    if (shard === 0)
      for (const l of this.core.listeners) l.catalogRead?.(snapshot);

    const mine = snapshot.scoped.filter(
      e => shardOf(refOf(e), shards) === shard,
    );
    const [states, ownership, storedKeys] = await Promise.all([
      stores.evaluationState.listStates(),
      stores.ownership.evaluationInputs(),
      results.listKeys(),
    ]);
    const prepared = this.core.preparer.prepare(mine, snapshot, ownership);
    const now = started.getTime();
    const due = prepared.filter(p => isDue(p, states.get(p.ref), now));
    const done = due.length
      ? await this.core.evaluateAndStore(due, snapshot, started, states)
      : undefined;
    report.entities = mine.length;
    report.evaluated = due.length;
    report.results = done?.results.length ?? 0;
    report.written = done?.written ?? 0;
    report.changes = done?.changes ?? 0;
    report.historyRows = done?.historyRows ?? 0;

    // Results of entities gone from the catalog, or no longer in a
    // scorecard's scope; the state of entities gone.
    const inShard = new Set(prepared.map(p => p.ref));
    const evaluated = new Set(due.map(p => p.ref));
    const current = new ResultKeyMap(
      (done?.keys ?? []).map(k => [k, true] as const),
    );
    const orphans = storedKeys.filter(
      k =>
        shardOf(k.entityRef, shards) === shard &&
        (evaluated.has(k.entityRef)
          ? !current.has(k)
          : !inShard.has(k.entityRef)),
    );
    report.deleted = orphans.length ? await results.deleteResults(orphans) : 0;
    const goneStates = [...states.keys()].filter(
      ref => shardOf(ref, shards) === shard && !inShard.has(ref),
    );
    await stores.evaluationState.deleteStates(goneStates);

    // Roll-ups (systems, domains, groups) read their parts' stored results, and
    // parts live in every shard: when this shard changed anything, re-score
    // them now rather than one schedule later. Unchanged ones write nothing.
    if (report.written > 0 || report.deleted > 0) {
      const again = await this.core.rescoreRollups(snapshot, started);
      report.written += again.written;
      report.changes += again.changes;
      report.historyRows += again.historyRows;
    }
    await results.setStale([...inShard], false);
    if (shard === 0) {
      // Today's point for every result not evaluated (or in another shard
      // not evaluated yet): what it was, since nothing changed.
      report.historyRows += await stores.history.fillDay(
        startedAt.slice(0, 10),
      );
      const cutoff = new Date(
        started.getTime() - this.core.options.historyRetentionDays * 86_400_000,
      );
      await stores.history.pruneHistory(cutoff.toISOString().slice(0, 10));
    }
    await shardRuns.recordShardRun({ shard, shards, lastSuccessAt: startedAt });
    report.ms = Date.now() - t0;
    logger.info(
      `Readiness shard ${shard}/${shards}: ${report.entities} entities, ${report.evaluated} evaluated, ${report.results} results, ${report.written} changed, ${report.deleted} removed in ${report.ms} ms`,
    );
    return report;
  }
}

import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  ANNOTATION_OWNERSHIP_IN_FILE,
  EntityReadiness,
  evaluateCatalog,
  overlayOwnership,
} from '@readiness/backstage-plugin-readiness-common';
import type { ReadinessStores } from '../database/ReadinessStores';
import { ResultKeyMap, resultKey } from '../database/resultKey';
import type { ResultRow } from '../database/types';
import { CatalogReader, CatalogSnapshot } from './CatalogReader';
import { diffChecks } from './diffChecks';
import { entityFields, refOf } from './entityFields';
import { hashResult, scorecardFingerprint } from './hash';
import { ScorecardRegistry } from './ScorecardRegistry';
import { shardOf } from './sharding';

/** What one evaluation run did, for logs and tests. */
export interface EvaluationReport {
  shard: number;
  shards: number;
  entities: number;
  results: number;
  /** Results written because they changed. */
  written: number;
  changes: number;
  historyRows: number;
  deleted: number;
  stale: boolean;
  ms: number;
}

/**
 * Evaluates catalog entities against the scorecards and stores what changed.
 * `runShard` is what each scheduled task calls; `evaluateNow` re-evaluates one
 * entity at once (after an edit, or on POST .../evaluate).
 */
export class Evaluator {
  constructor(
    private readonly options: {
      stores: ReadinessStores;
      reader: CatalogReader;
      scorecards: ScorecardRegistry;
      logger: LoggerService;
      historyRetentionDays: number;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Evaluates the entities whose ref hashes into `shard`. */
  async runShard(shard: number, shards: number): Promise<EvaluationReport> {
    const { stores, reader, logger } = this.options;
    const { results, shardRuns } = stores;
    const started = this.now();
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

    const mine = snapshot.scoped.filter(
      e => shardOf(refOf(e), shards) === shard,
    );
    const written = await this.evaluateAndStore(mine, snapshot, started);
    // Roll-ups (systems, domains, groups) read their parts' stored results, and
    // parts live in every shard: when this shard changed anything, re-score
    // them now rather than one schedule later. Unchanged ones write nothing.
    if (written.written > 0) {
      const again = await this.rescoreRollups(snapshot, started);
      written.written += again.written;
      written.changes += again.changes;
      written.historyRows += again.historyRows;
    }
    report.entities = mine.length;
    report.results = written.results.length;
    report.written = written.written;
    report.changes = written.changes;
    report.historyRows = written.historyRows;

    // Entities gone from the catalog, or no longer in a scorecard's scope.
    const current = new ResultKeyMap(written.keys.map(k => [k, true]));
    const orphans = (await results.listKeys()).filter(
      k => shardOf(k.entityRef, shards) === shard && !current.has(k),
    );
    report.deleted = orphans.length ? await results.deleteResults(orphans) : 0;
    if (shard === 0) {
      const cutoff = new Date(
        started.getTime() - this.options.historyRetentionDays * 86_400_000,
      );
      await stores.history.pruneHistory(cutoff.toISOString().slice(0, 10));
    }
    await shardRuns.recordShardRun({ shard, shards, lastSuccessAt: startedAt });
    report.ms = Date.now() - t0;
    logger.info(
      `Readiness shard ${shard}/${shards}: ${report.entities} entities, ${report.results} results, ${report.written} changed, ${report.deleted} removed in ${report.ms} ms`,
    );
    return report;
  }

  private rollupRun?: Promise<unknown>;
  private rollupNext?: Promise<{
    written: number;
    changes: number;
    historyRows: number;
  }>;

  /**
   * Re-scores every roll-up once for all the shards that finish while a
   * pass runs: one pass at a time, and at most one more queued behind it,
   * which starts after the running one and so sees every write before it.
   */
  private async rescoreRollups(snapshot: CatalogSnapshot, at: Date) {
    const none = { written: 0, changes: 0, historyRows: 0 };
    if (this.rollupNext) {
      // Counted once, by the shard that queued the pass.
      await this.rollupNext;
      return none;
    }
    const pass = async () => {
      this.rollupNext = undefined;
      const rollups = snapshot.scoped.filter(e =>
        this.options.scorecards.rollups().some(c => c.appliesTo(e)),
      );
      return rollups.length
        ? this.evaluateAndStore(rollups, snapshot, at)
        : none;
    };
    const before = this.rollupRun ?? Promise.resolve();
    const next = before.catch(() => undefined).then(pass);
    this.rollupNext = next;
    this.rollupRun = next;
    return next;
  }

  /** Re-evaluates one entity now and returns its fresh results. */
  async evaluateNow(entityRef: string): Promise<EntityReadiness[]> {
    const ref = entityRef.toLowerCase();
    const entity = await this.options.reader.readOne(ref);
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    return this.evaluateEntity(entity);
  }

  /** Re-evaluates one entity the caller has read from the catalog. */
  async evaluateEntity(entity: Entity): Promise<EntityReadiness[]> {
    const snapshot = await this.options.reader.current();
    const { results } = await this.evaluateAndStore(
      [entity],
      snapshot,
      this.now(),
    );
    return results;
  }

  /**
   * Re-evaluates these entities now (after new facts arrived), and the
   * roll-ups that read them. Returns how many results changed.
   */
  async evaluateEntities(entities: Entity[]): Promise<number> {
    if (entities.length === 0) return 0;
    const snapshot = await this.options.reader.current();
    const at = this.now();
    const done = await this.evaluateAndStore(entities, snapshot, at);
    if (done.written > 0) await this.rescoreRollups(snapshot, at);
    return done.written;
  }

  private async evaluateAndStore(
    catalogEntities: Entity[],
    snapshot: CatalogSnapshot,
    at: Date,
  ) {
    const { stores, scorecards } = this.options;
    const nowIso = at.toISOString();
    const refs = catalogEntities.map(refOf);
    const [evidence, hashes, summaries, edits] = await Promise.all([
      stores.evidence.loadEvidence(refs),
      stores.results.getHashes(refs),
      stores.results.listSummaries(),
      stores.ownership.listOwnerships(),
    ]);
    // Ownership edited in the UI counts at once, whatever the catalog module
    // has overlaid so far: start from what catalog-info.yaml says (kept in
    // `readiness/ownership-in-file` once overlaid), then apply the stored edit.
    // So a save, and a revert to the file, show in the next result.
    const roles = new Map(edits.map(o => [o.entityRef, o.roles]));
    const entities = catalogEntities.map(e => {
      const edit = roles.get(refOf(e));
      const annotations = e.metadata.annotations;
      if (!edit && !annotations?.[ANNOTATION_OWNERSHIP_IN_FILE]) return e;
      return {
        ...e,
        metadata: {
          ...e.metadata,
          annotations: overlayOwnership(annotations, edit ?? {}),
        },
      };
    });
    // Scoped kinds and organisation kinds can overlap (a scorecard for
    // systems): keep each entity once, the freshest copy.
    const context = new Map<string, Entity>();
    for (const e of [
      ...snapshot.organisation,
      ...snapshot.scoped,
      ...entities,
    ]) {
      context.set(refOf(e), e);
    }
    const results = evaluateCatalog(scorecards.list(), entities, {
      now: at,
      entities: [...context.values()],
      results: summaries,
      ...evidence,
    });

    const byRef = new Map(
      entities.map(e => [refOf(e), entityFields(e, snapshot.systemDomains)]),
    );
    const rows: ResultRow[] = [];
    for (const result of results) {
      const fields = byRef.get(result.entityRef)!;
      const card = scorecards.get(result.scorecard);
      const hash = hashResult(
        result,
        fields,
        card ? scorecardFingerprint(card) : result.scorecard,
      );
      if (hashes.get(result) !== hash) {
        rows.push({ ...fields, scorecard: result.scorecard, result, hash });
      }
    }
    const previous = await stores.results.getDetails(
      rows.filter(r => hashes.has(r)).map(resultKey),
    );
    // The change log explains changes; a first result has nothing to explain.
    const changes = rows.flatMap(r => {
      const before = previous.get(r);
      return before ? diffChecks(before.result, r.result, nowIso) : [];
    });
    await stores.results.writeResults(rows, changes, nowIso);
    await stores.results.setStale(refs, false);
    const changed = new ResultKeyMap(rows.map(r => [r, true]));
    const day = nowIso.slice(0, 10);
    const historyRows = await stores.history.recordHistory(
      results.map(r => ({
        entityRef: r.entityRef,
        scorecard: r.scorecard,
        day,
        status: r.status,
        score: r.score,
        level: r.level?.id,
        changed: changed.has(r),
      })),
    );
    return {
      results,
      keys: results.map(resultKey),
      written: rows.length,
      changes: changes.length,
      historyRows,
    };
  }
}

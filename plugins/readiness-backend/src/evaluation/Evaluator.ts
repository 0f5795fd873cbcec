import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  applyOwnership,
  CompiledScorecard,
  EntityReadiness,
  evaluateCatalog,
} from '@readiness/backstage-plugin-readiness-common';
import { ReadinessStore } from '../database/ReadinessStore';
import type { CheckChange, ResultRow } from '../database/types';
import { CatalogReader, CatalogSnapshot } from './catalogSnapshot';
import { entityFields, refOf } from './entityFields';
import { hashResult } from './hash';
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

const key = (ref: string, scorecard: string) => `${ref}|${scorecard}`;
const SNAPSHOT_TTL_MS = 5 * 60_000;

/** Which checks flipped between two results of one entity and scorecard. */
export function diffChecks(
  before: EntityReadiness | undefined,
  after: EntityReadiness,
  changedAt: string,
): CheckChange[] {
  const old = new Map((before?.checks ?? []).map(c => [c.checkId, c]));
  const out: CheckChange[] = [];
  for (const c of after.checks) {
    const o = old.get(c.checkId);
    old.delete(c.checkId);
    if (o && o.result === c.result && o.message === c.message) continue;
    out.push({
      entityRef: after.entityRef,
      scorecard: after.scorecard,
      checkId: c.checkId,
      oldResult: o?.result,
      newResult: c.result,
      oldMessage: o?.message,
      newMessage: c.message,
      changedAt,
    });
  }
  for (const o of old.values()) {
    out.push({
      entityRef: after.entityRef,
      scorecard: after.scorecard,
      checkId: o.checkId,
      oldResult: o.result,
      oldMessage: o.message,
      changedAt,
    });
  }
  return out;
}

/**
 * Evaluates catalog entities against the scorecards and stores what changed.
 * `runShard` is what each scheduled task calls; `evaluateNow` re-evaluates one
 * entity at once (after an edit, or on POST .../evaluate).
 */
export class Evaluator {
  private snapshot?: CatalogSnapshot;

  constructor(
    private readonly options: {
      store: ReadinessStore;
      reader: CatalogReader;
      scorecards: CompiledScorecard[];
      logger: LoggerService;
      historyRetentionDays: number;
      now?: () => Date;
    },
  ) {}

  get scorecards(): CompiledScorecard[] {
    return this.options.scorecards;
  }

  private get rollupCards(): CompiledScorecard[] {
    return this.options.scorecards.filter(c =>
      c.checks.some(x => x.spec.type === 'rollup'),
    );
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Evaluates the entities whose ref hashes into `shard`. */
  async runShard(shard: number, shards: number): Promise<EvaluationReport> {
    const { store, reader, logger } = this.options;
    const started = this.now();
    const t0 = Date.now();
    const startedAt = started.toISOString();
    await store.recordShardRun({ shard, shards, lastAttemptAt: startedAt });
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

    let snapshot: CatalogSnapshot;
    try {
      snapshot = await reader.read();
      this.snapshot = snapshot;
    } catch (error) {
      // Keep the last results, marked stale; the shard's last success time says since when.
      const refs = (await store.listKeys())
        .map(k => k.slice(0, k.lastIndexOf('|')))
        .filter(r => shardOf(r, shards) === shard);
      await store.setStale([...new Set(refs)], true);
      await store.recordShardRun({
        shard,
        shards,
        lastError: `catalog could not be read: ${error}`,
      });
      logger.warn(
        `Readiness shard ${shard}/${shards}: catalog could not be read, ${refs.length} results marked stale: ${error}`,
      );
      return { ...report, stale: true, ms: Date.now() - t0 };
    }

    const mine = snapshot.scoped.filter(
      e => shardOf(refOf(e), shards) === shard,
    );
    const written = await this.evaluateAndStore(mine, snapshot, started);
    // Roll-ups (systems, domains, groups) read their parts' stored results, and
    // parts live in every shard: when this shard changed anything, re-score
    // them all now rather than one schedule later. Unchanged ones write nothing.
    if (written.written > 0) {
      const rollups = snapshot.scoped.filter(e =>
        this.rollupCards.some(c => c.appliesTo(e)),
      );
      if (rollups.length > 0) {
        const again = await this.evaluateAndStore(rollups, snapshot, started);
        written.written += again.written;
        written.changes += again.changes;
        written.historyRows += again.historyRows;
      }
    }
    report.entities = mine.length;
    report.results = written.results.length;
    report.written = written.written;
    report.changes = written.changes;
    report.historyRows = written.historyRows;

    // Entities gone from the catalog, or no longer in a scorecard's scope.
    const current = new Set(written.keys);
    const orphans = (await store.listKeys()).filter(
      k =>
        shardOf(k.slice(0, k.lastIndexOf('|')), shards) === shard &&
        !current.has(k),
    );
    report.deleted = orphans.length ? await store.deleteResults(orphans) : 0;
    if (shard === 0) {
      const cutoff = new Date(
        started.getTime() - this.options.historyRetentionDays * 86_400_000,
      );
      await store.pruneHistory(cutoff.toISOString().slice(0, 10));
    }
    await store.recordShardRun({ shard, shards, lastSuccessAt: startedAt });
    report.ms = Date.now() - t0;
    logger.info(
      `Readiness shard ${shard}/${shards}: ${report.entities} entities, ${report.results} results, ${report.written} changed, ${report.deleted} removed in ${report.ms} ms`,
    );
    return report;
  }

  /** Users, groups, systems and domains from the last catalog read (read now if older than 5 minutes). */
  async organisation(): Promise<Entity[]> {
    return (await this.freshSnapshot()).organisation;
  }

  private async freshSnapshot(): Promise<CatalogSnapshot> {
    if (!this.snapshot || Date.now() - this.snapshot.readAt > SNAPSHOT_TTL_MS) {
      this.snapshot = await this.options.reader.read();
    }
    return this.snapshot;
  }

  /** Re-evaluates one entity now and returns its fresh results. */
  async evaluateNow(entityRef: string): Promise<EntityReadiness[]> {
    const ref = entityRef.toLowerCase();
    const entity = await this.options.reader.readOne(ref);
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    const snapshot = await this.freshSnapshot();
    const { results } = await this.evaluateAndStore(
      [entity],
      snapshot,
      this.now(),
    );
    return results;
  }

  private async evaluateAndStore(
    catalogEntities: Entity[],
    snapshot: CatalogSnapshot,
    at: Date,
  ) {
    const { store, scorecards } = this.options;
    const nowIso = at.toISOString();
    const refs = catalogEntities.map(refOf);
    const [evidence, hashes, summaries, edits] = await Promise.all([
      store.loadEvidence(refs),
      store.getHashes(refs),
      store.listSummaries(),
      store.listOwnerships(),
    ]);
    // Ownership edited in the UI wins over the catalog until the catalog
    // module has overlaid it, so a save shows in the next result at once.
    const roles = new Map(edits.map(o => [o.entityRef, o.roles]));
    const entities = catalogEntities.map(e => {
      const edit = roles.get(refOf(e));
      return edit
        ? {
            ...e,
            metadata: {
              ...e.metadata,
              annotations: applyOwnership(e.metadata.annotations, edit),
            },
          }
        : e;
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
    const results = evaluateCatalog(scorecards, entities, {
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
      const hash = hashResult(result, fields);
      if (hashes.get(key(result.entityRef, result.scorecard)) !== hash) {
        rows.push({ ...fields, scorecard: result.scorecard, result, hash });
      }
    }
    const previous = await store.getDetails(
      rows.map(r => key(r.entityRef, r.scorecard)).filter(k => hashes.has(k)),
    );
    // The change log explains changes; a first result has nothing to explain.
    const changes = rows.flatMap(r => {
      const before = previous.get(key(r.entityRef, r.scorecard));
      return before ? diffChecks(before.result, r.result, nowIso) : [];
    });
    await store.writeResults(rows, changes, nowIso);
    await store.setStale(refs, false);
    const changed = new Set(rows.map(r => key(r.entityRef, r.scorecard)));
    const day = nowIso.slice(0, 10);
    const historyRows = await store.recordHistory(
      results.map(r => ({
        entityRef: r.entityRef,
        scorecard: r.scorecard,
        day,
        status: r.status,
        score: r.score,
        level: r.level?.id,
        changed: changed.has(key(r.entityRef, r.scorecard)),
      })),
    );
    return {
      results,
      keys: results.map(r => key(r.entityRef, r.scorecard)),
      written: rows.length,
      changes: changes.length,
      historyRows,
    };
  }
}

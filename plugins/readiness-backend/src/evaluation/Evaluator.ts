import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  ANNOTATION_OWNERSHIP_IN_FILE,
  EntityReadiness,
  evaluateCatalog,
  overlayOwnership,
  isFailing,
} from '@readiness/backstage-plugin-readiness-common';
import type { ReadinessStores } from '../stores';
import { ResultKeyMap, resultKey } from '../results/resultKey';
import { retryOnConnectionLoss } from '../platform/database/retry';
import type { EvaluationState } from './EvaluationStateStore';
import type { ResultRow, StoredOwnership } from '../platform/database/types';
import { CatalogReader, CatalogSnapshot } from './CatalogReader';
import { diffChecks } from './diffChecks';
import type { EvaluationListener, WrittenResult } from './events';
import { entityFields, refOf } from './entityFields';
import { hashResult, inputHash, scorecardFingerprint } from './hash';
import { ScorecardRegistry } from './ScorecardRegistry';
import { ownersOf } from '../platform/owners';
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
      /**
       * Every entity is evaluated again at least this often (ms) even when
       * nothing it reads has changed: the safety net of incremental
       * evaluation. Default one day.
       */
      fullPassMs?: number;
      now?: () => Date;
    },
  ) {}

  private get fullPassMs(): number {
    return this.options.fullPassMs ?? 86_400_000;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Runs a write again when the database connection is lost during it. */
  private retrying<T>(write: () => Promise<T>): Promise<T> {
    return retryOnConnectionLoss(write, {
      onRetry: error =>
        this.options.logger.warn(
          `Readiness: database connection lost during a write, trying again: ${error}`,
        ),
    });
  }

  private firstSeen?: (entities: Entity[]) => Promise<void>;
  private readonly listeners: EvaluationListener[] = [];

  /**
   * Adds a listener told about written results and each cycle's catalog
   * read (notifications and go-live subscribe; see `events.ts`).
   */
  subscribe(listener: EvaluationListener) {
    this.listeners.push(listener);
  }

  /**
   * Called with the entities evaluated for the first time (no earlier
   * evaluation; on every path: a shard, a CI push, a write), before they are
   * evaluated: the fact providers run for them then, so a new entity is
   * probed within seconds, not one probe period later.
   */
  onFirstSeen(fn: (entities: Entity[]) => Promise<void>) {
    this.firstSeen = fn;
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
    if (shard === 0) for (const l of this.listeners) l.catalogRead?.(snapshot);

    const mine = snapshot.scoped.filter(
      e => shardOf(refOf(e), shards) === shard,
    );
    const [states, edits, storedKeys] = await Promise.all([
      stores.evaluationState.listStates(),
      stores.ownership.listOwnerships(),
      results.listKeys(),
    ]);
    const prepared = this.prepare(mine, snapshot, edits);
    const now = started.getTime();
    const due = prepared.filter(p => isDue(p, states.get(p.ref), now));
    const done = due.length
      ? await this.evaluateAndStore(due, snapshot, started, states)
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
      const again = await this.rescoreRollups(snapshot, started);
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
        started.getTime() - this.options.historyRetentionDays * 86_400_000,
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

  /** The context fingerprint of a snapshot's organisation, computed once. */
  private readonly organisationHashes = new WeakMap<CatalogSnapshot, string>();

  /**
   * The entities as the engine sees them (ownership edits applied), each
   * with a hash of everything its evaluation reads besides evidence and
   * other results: the entity, the organisation (owners, groups, systems,
   * domains) and the scorecards.
   */
  private prepare(
    catalogEntities: Entity[],
    snapshot: CatalogSnapshot,
    edits: StoredOwnership[],
  ): Prepared[] {
    let organisation = this.organisationHashes.get(snapshot);
    if (!organisation) {
      organisation = inputHash('', snapshot.organisation);
      this.organisationHashes.set(snapshot, organisation);
    }
    const context = [
      organisation,
      ...this.options.scorecards.list().map(scorecardFingerprint),
    ].join(':');
    // Ownership edited in the UI counts at once, whatever the catalog module
    // has overlaid so far: start from what catalog-info.yaml says (kept in
    // `readiness/ownership-in-file` once overlaid), then apply the stored edit.
    // So a save, and a revert to the file, show in the next result.
    const roles = new Map(edits.map(o => [o.entityRef, o.roles]));
    return catalogEntities.map(e => {
      const ref = refOf(e);
      const edit = roles.get(ref);
      const annotations = e.metadata.annotations;
      const entity =
        !edit && !annotations?.[ANNOTATION_OWNERSHIP_IN_FILE]
          ? e
          : {
              ...e,
              metadata: {
                ...e.metadata,
                annotations: overlayOwnership(annotations, edit ?? {}),
              },
            };
      return { ref, entity, inputHash: this.hashOf(context, entity) };
    });
  }

  /** Input hashes of catalog entities, kept while the reader keeps the entity object. */
  private readonly inputHashes = new WeakMap<Entity, [string, string]>();

  private hashOf(context: string, entity: Entity): string {
    const known = this.inputHashes.get(entity);
    if (known && known[0] === context) return known[1];
    const hash = inputHash(context, entity);
    this.inputHashes.set(entity, [context, hash]);
    return hash;
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
      if (rollups.length === 0) return none;
      const edits = await this.options.stores.ownership.listOwnerships();
      return this.evaluateAndStore(
        this.prepare(rollups, snapshot, edits),
        snapshot,
        at,
      );
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

  /**
   * Re-evaluates one entity the caller has read from the catalog, and when
   * its result changed, the roll-ups (all of them, so also those above it:
   * its system, domain, groups) before returning: a write answers with
   * everything it changed.
   */
  async evaluateEntity(entity: Entity): Promise<EntityReadiness[]> {
    const snapshot = await this.options.reader.current();
    const edits = await this.options.stores.ownership.listOwnerships();
    const at = this.now();
    const done = await this.evaluateAndStore(
      this.prepare([entity], snapshot, edits),
      snapshot,
      at,
    );
    if (done.written > 0) await this.rescoreRollups(snapshot, at);
    return done.results;
  }

  /**
   * Re-evaluates these entities now (after new facts arrived), and the
   * roll-ups that read them. Returns how many results changed.
   */
  async evaluateEntities(
    entities: Entity[],
    options: { factsCollected?: boolean } = {},
  ): Promise<number> {
    if (entities.length === 0) return 0;
    const snapshot = await this.options.reader.current();
    const at = this.now();
    const edits = await this.options.stores.ownership.listOwnerships();
    const done = await this.evaluateAndStore(
      this.prepare(entities, snapshot, edits),
      snapshot,
      at,
      undefined,
      options.factsCollected,
    );
    if (done.written > 0) await this.rescoreRollups(snapshot, at);
    return done.written;
  }

  /**
   * Runs the first-seen hook for the never-evaluated ones (from the states
   * the caller read, else asked of the store); returns their refs.
   */
  private async collectFirstFacts(
    prepared: Prepared[],
    states?: Map<string, EvaluationState>,
  ): Promise<string[]> {
    if (!this.firstSeen || prepared.length === 0) return [];
    const fresh = new Set(
      states
        ? prepared.filter(p => !states.get(p.ref)?.inputHash).map(p => p.ref)
        : await this.options.stores.evaluationState.listNeverEvaluated(
            prepared.map(p => p.ref),
          ),
    );
    if (fresh.size === 0) return [];
    try {
      await this.firstSeen(
        prepared.filter(p => fresh.has(p.ref)).map(p => p.entity),
      );
    } catch (error) {
      this.options.logger.warn(
        `Readiness: facts for ${fresh.size} new entities failed: ${error}`,
      );
    }
    return [...fresh];
  }

  /**
   * Evaluates these entities, stores the results that changed with their
   * history, and records what each evaluation read. `states` (read by the
   * caller before the evidence) give the evidence versions and which
   * entities were never evaluated; read here when not given. So evidence
   * written meanwhile is evaluated again.
   */
  private async evaluateAndStore(
    prepared: Prepared[],
    snapshot: CatalogSnapshot,
    at: Date,
    states?: Map<string, EvaluationState>,
    factsCollected = false,
  ) {
    const { stores, scorecards } = this.options;
    const nowIso = at.toISOString();
    const refs = prepared.map(p => p.ref);
    // Entities never evaluated (evidence may have come first: a state
    // without a hash) get their facts first, so their first result has them.
    // (Not when a provider run just collected them: no second probe.)
    const fresh = factsCollected
      ? []
      : await this.collectFirstFacts(prepared, states);
    const evidenceVersions = states
      ? new Map([...states].map(([ref, st]) => [ref, st.evidenceVersion]))
      : await stores.evaluationState.getEvidenceVersions(refs);
    // The hook's facts bumped the fresh ones' versions: read those again.
    if (states && fresh.length > 0) {
      const again = await stores.evaluationState.getEvidenceVersions(fresh);
      for (const [ref, v] of again) evidenceVersions.set(ref, v);
    }
    const [evidence, hashes, summaries] = await Promise.all([
      stores.evidence.loadEvidence(refs),
      stores.results.getHashes(refs),
      stores.results.listSummaries(),
    ]);
    const entities = prepared.map(p => p.entity);
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
    // The batch is one transaction: a lost connection rolls it back, and it
    // runs again on a new one (as do the idempotent writes after it).
    await this.retrying(() =>
      stores.results.writeResults(rows, changes, nowIso),
    );
    await this.retrying(() => stores.results.setStale(refs, false));
    const changed = new ResultKeyMap(rows.map(r => [r, true]));
    const day = nowIso.slice(0, 10);
    // Notifications and go-live follow what changed (./events.ts).
    if (rows.length > 0) {
      const written: WrittenResult[] = rows.map(r => {
        const before = previous.get(r)?.result.status;
        return {
          entityRef: r.result.entityRef,
          scorecard: r.result.scorecard,
          status: r.result.status,
          ...(before ? { previousStatus: before } : {}),
        };
      });
      for (const l of this.listeners) await l.resultsWritten?.(written, nowIso);
    }
    const historyRows = await this.retrying(() =>
      stores.history.recordHistory(
        results.map(r => ({
          entityRef: r.entityRef,
          scorecard: r.scorecard,
          day,
          status: r.status,
          score: r.score,
          level: r.level?.id,
          changed: changed.has(r),
          failingChecks: r.checks.filter(isFailing).map(c => c.checkId),
        })),
      ),
    );
    // What each evaluation read, and when time alone changes its results.
    const recheck = new Map<string, number>();
    for (const r of results) {
      if (!r.validUntil) continue;
      const t = Date.parse(r.validUntil);
      if (t < (recheck.get(r.entityRef) ?? Infinity))
        recheck.set(r.entityRef, t);
    }
    await this.retrying(() =>
      stores.evaluationState.saveStates(
        prepared.map(p => ({
          entityRef: p.ref,
          inputHash: p.inputHash,
          evaluatedVersion: evidenceVersions.get(p.ref) ?? 0,
          recheckAt: Math.min(
            recheck.get(p.ref) ?? Infinity,
            at.getTime() + this.fullPassMs,
          ),
          owners: ownersOf(p.entity),
        })),
      ),
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

/** An entity as the engine sees it, with the hash of its inputs. */
interface Prepared {
  ref: string;
  entity: Entity;
  inputHash: string;
}

/** Whether an entity must be evaluated: new, changed, new evidence, or due. */
function isDue(p: Prepared, state: EvaluationState | undefined, now: number) {
  return (
    !state ||
    state.inputHash !== p.inputHash ||
    state.evidenceVersion !== state.evaluatedVersion ||
    (state.recheckAt !== undefined && state.recheckAt <= now)
  );
}

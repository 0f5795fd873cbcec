import { LoggerService } from '@backstage/backend-plugin-api';

export type { EvaluationReport } from './ShardRunner';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  DAY_MS,
  EntityReadiness,
  evaluateCatalog,
} from '@readiness/backstage-plugin-readiness-common';
import type { ReadinessStores } from '../stores';
import { ResultKeyMap, resultKey } from '../results/resultKey';
import { retryOnConnectionLoss } from '../platform/database/retry';
import type { EvaluationState } from './EvaluationStateStore';
import { CatalogReader, CatalogSnapshot } from './CatalogReader';
import { diffChecks } from './diffChecks';
import type { EvaluationListener } from './events';
import { EntityPreparer, isDue, Prepared } from './prepare';
import {
  changedRows,
  historyPoints,
  recheckTimes,
  writtenResults,
} from './batchResults';
import { entityFields, refOf } from './entityFields';
import { ScorecardRegistry } from './ScorecardRegistry';
import { ownersOf } from '../platform/owners';
import { EvaluationReport, ShardHost, ShardRunner } from './ShardRunner';

/**
 * Evaluates catalog entities against the scorecards and stores what changed.
 * `runShard` is what each scheduled task calls; `evaluateNow` re-evaluates one
 * entity at once (after an edit, or on POST .../evaluate).
 */
export class Evaluator implements ShardHost {
  constructor(
    readonly options: {
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
    return this.options.fullPassMs ?? DAY_MS;
  }

  now(): Date {
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
  readonly listeners: EvaluationListener[] = [];
  private readonly shardRunner = new ShardRunner(this);
  readonly preparer = new EntityPreparer(() => this.options.scorecards.list());

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

  /** Evaluates the entities whose ref hashes into `shard` (see `ShardRunner`). */
  runShard(shard: number, shards: number): Promise<EvaluationReport> {
    return this.shardRunner.run(shard, shards);
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
  async rescoreRollups(snapshot: CatalogSnapshot, at: Date) {
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
      const ownership = await this.options.stores.ownership.evaluationInputs();
      return this.evaluateAndStore(
        this.preparer.prepare(rollups, snapshot, ownership),
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
    const ownership = await this.options.stores.ownership.evaluationInputs();
    const at = this.now();
    const done = await this.evaluateAndStore(
      this.preparer.prepare([entity], snapshot, ownership),
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
    const ownership = await this.options.stores.ownership.evaluationInputs();
    const done = await this.evaluateAndStore(
      this.preparer.prepare(entities, snapshot, ownership),
      snapshot,
      at,
      undefined,
      options.factsCollected,
    );
    if (done.written > 0) await this.rescoreRollups(snapshot, at);
    return done.written;
  }

  /**
   * Evaluates those of these entities whose inputs changed since their last
   * evaluation (or that were never evaluated), and the roll-ups when a
   * result changed: what a catalog change signal asks. Returns the refs
   * evaluated and those found unchanged (the catalog may not have stored
   * the change yet).
   */
  async evaluateIfChanged(
    entities: Entity[],
  ): Promise<{ evaluated: string[]; unchanged: string[]; written: number }> {
    if (entities.length === 0)
      return { evaluated: [], unchanged: [], written: 0 };
    // The last read, however old: a signal must not read the whole catalog
    // (organisation changes are announced too, and make every shard read).
    const snapshot = await this.options.reader.latest();
    const ownership = await this.options.stores.ownership.evaluationInputs();
    const prepared = this.preparer.prepare(entities, snapshot, ownership);
    const states = await this.options.stores.evaluationState.getStates(
      prepared.map(p => p.ref),
    );
    const at = this.now();
    const due = prepared.filter(p => isDue(p, states.get(p.ref), at.getTime()));
    const dueRefs = new Set(due.map(p => p.ref));
    let written = 0;
    if (due.length > 0) {
      const done = await this.evaluateAndStore(due, snapshot, at, states);
      written = done.written;
      if (written > 0)
        written += (await this.rescoreRollups(snapshot, at)).written;
    }
    return {
      evaluated: [...dueRefs],
      unchanged: prepared.map(p => p.ref).filter(r => !dueRefs.has(r)),
      written,
    };
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
  async evaluateAndStore(
    prepared: Prepared[],
    snapshot: CatalogSnapshot,
    at: Date,
    states?: Map<string, EvaluationState>,
    factsCollected = false,
  ) {
    const { stores } = this.options;
    // The scorecards of this batch, kept through its awaits: a reload meanwhile
    // applies to the next batch, and what is stored names the revision used.
    const cards = this.options.scorecards.list();
    const byName = new Map(cards.map(c => [c.name, c]));
    const scorecards = { get: (name: string) => byName.get(name) };
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
    const results = evaluateCatalog(cards, entities, {
      now: at,
      entities: [...context.values()],
      results: summaries,
      ...evidence,
    });

    const rows = changedRows(
      results,
      new Map(
        entities.map(e => [refOf(e), entityFields(e, snapshot.systemDomains)]),
      ),
      hashes,
      scorecards,
    );
    const previous = await stores.results.getDetails(
      rows.filter(r => hashes.has(r)).map(resultKey),
    );
    // The change log explains changes; a first result has nothing to explain.
    // A flip in the evaluation that first used a new scorecard revision is
    // the rule's doing, not the service's (unknown for older rows).
    const changes = rows.flatMap(r => {
      const before = previous.get(r);
      if (!before) return [];
      const byScorecard =
        before.revision !== undefined && before.revision !== r.revision;
      return diffChecks(before.result, r.result, nowIso).map(c =>
        byScorecard ? { ...c, byScorecard } : c,
      );
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
      const written = writtenResults(rows, previous);
      for (const l of this.listeners) await l.resultsWritten?.(written, nowIso);
    }
    const historyRows = await this.retrying(() =>
      stores.history.recordHistory(
        historyPoints(results, changed, day, scorecards),
      ),
    );
    // What each evaluation read, and when time alone changes its results.
    const recheck = recheckTimes(results);
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
          evaluatedAt: nowIso,
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

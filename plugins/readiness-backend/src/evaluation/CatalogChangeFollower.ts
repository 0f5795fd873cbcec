import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { EventsService } from '@backstage/plugin-events-node';
import {
  CATALOG_CHANGED_TOPIC,
  tryEntityKey,
} from '@readiness/backstage-plugin-readiness-common';
import { CatalogReader, ORG_KINDS } from './CatalogReader';
import { refOf } from './entityFields';
import type { Evaluator } from './Evaluator';

/** What one pass over the signalled refs did, for logs and tests. */
export interface FollowReport {
  /** Refs read from the catalog. */
  read: number;
  /** Entities evaluated because their inputs changed. */
  evaluated: string[];
  /** Results written. */
  written: number;
  /** Refs to look at again (the catalog had not stored the change yet). */
  retried: number;
  /** Whether an organisation entity changed (the shards were asked to run). */
  organisation: boolean;
}

/** Options of {@link CatalogChangeFollower}. */
export interface CatalogChangeFollowerOptions {
  reader: CatalogReader;
  evaluator: Pick<Evaluator, 'evaluateIfChanged'>;
  logger: LoggerService;
  /** A user, group, system or domain changed: every entity may read it. */
  onOrganisationChange: () => void;
  /** Wait this long after a signal before reading (default 500 ms). */
  delayMs?: number;
  /**
   * The catalog names an entity when it processes it and stores it a
   * moment later (Backstage stitches every second): an entity read
   * unchanged, or not found, is looked at again every `retryMs` (default
   * 1000 ms), up to `retries` times (default 8).
   */
  retries?: number;
  retryMs?: number;
  /**
   * At most one organisation trigger this often (default one minute; one
   * more at the end of the period for changes within it): after a catalog
   * restart every user and group is named once.
   */
  organisationEveryMs?: number;
}

/** A named ref waiting for its look: how many so far, and whether the catalog saw it first. */
export interface Pending {
  attempt: number;
  firstSeen: boolean;
}

/**
 * Evaluates the entities Readiness's catalog module names on the events
 * topic `readiness.catalog-changed` within seconds of the change, reading
 * only those entities: a change to catalog-info.yaml or a newly registered
 * entity no longer waits for the next scheduled cycle, which stays as the
 * safety net (and still finds deletions, which the catalog does not
 * announce). One pass at a time; refs named meanwhile join the next.
 */
export class CatalogChangeFollower {
  private readonly pending = new Map<string, Pending>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private draining = 0;
  private stopped = false;
  private organisationAt = -Infinity;
  private organisationTimer?: NodeJS.Timeout;

  constructor(private readonly options: CatalogChangeFollowerOptions) {}

  private get delayMs() {
    return this.options.delayMs ?? 500;
  }

  /** Subscribes to the catalog module's signals. */
  async subscribe(events: EventsService): Promise<void> {
    await events.subscribe({
      id: 'readiness-catalog-changes',
      topics: [CATALOG_CHANGED_TOPIC],
      onEvent: async ({ eventPayload }) => {
        const payload = eventPayload as {
          entityRefs?: unknown;
          firstSeen?: unknown;
        };
        if (!Array.isArray(payload?.entityRefs)) {
          this.options.logger.warn(
            `Readiness: ignored a ${CATALOG_CHANGED_TOPIC} event without entityRefs`,
          );
          return;
        }
        const firstSeen = new Set(
          Array.isArray(payload.firstSeen) ? payload.firstSeen : [],
        );
        const refs = payload.entityRefs.filter(
          (r): r is string => typeof r === 'string',
        );
        this.add(refs.filter(r => !firstSeen.has(r)));
        this.add(
          refs.filter(r => firstSeen.has(r)),
          { firstSeen: true },
        );
      },
    });
  }

  /** Queues these refs for evaluation (refs that do not parse are dropped). */
  add(
    entityRefs: string[],
    options: { attempt?: number; firstSeen?: boolean; delayMs?: number } = {},
  ): void {
    if (this.stopped) return;
    const attempt = options.attempt ?? 0;
    for (const ref of entityRefs) {
      const key = tryEntityKey(ref);
      if (!key) continue;
      const had = this.pending.get(key);
      this.pending.set(key, {
        attempt: Math.min(attempt, had?.attempt ?? attempt),
        firstSeen: (had?.firstSeen ?? true) && Boolean(options.firstSeen),
      });
    }
    if (!this.timer && this.pending.size > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.drain();
      }, options.delayMs ?? this.delayMs);
      this.timer.unref?.();
    }
  }

  /** Resolves once nothing is queued or running (retries included). */
  async settled(): Promise<void> {
    while (this.timer || this.running || this.draining > 0) {
      if (this.running) await this.running;
      else await new Promise(r => setTimeout(r, 20));
    }
  }

  /** Stops taking signals; a pass under way finishes. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.organisationTimer) clearTimeout(this.organisationTimer);
    this.timer = undefined;
  }

  private async drain(): Promise<void> {
    this.draining++;
    try {
      // One pass at a time.
      while (this.running) await this.running;
      const batch = new Map(this.pending);
      this.pending.clear();
      if (batch.size > 0) await this.pass(batch);
    } finally {
      this.draining--;
    }
  }

  private async pass(batch: Map<string, Pending>): Promise<void> {
    const pass = this.follow(batch)
      .then(report => {
        if (report.evaluated.length > 0 || report.organisation)
          this.options.logger.info(
            `Readiness: catalog changes: ${report.read} read, ${
              report.evaluated.length
            } evaluated, ${report.written} results changed${
              report.organisation ? ', organisation changed' : ''
            }`,
          );
      })
      .catch(error =>
        // The scheduled cycle still finds these changes.
        this.options.logger.warn(
          `Readiness: evaluating ${batch.size} changed entities failed: ${error}`,
        ),
      )
      .finally(() => {
        this.running = undefined;
      });
    this.running = pass;
    await pass;
  }

  /** Asks the shards to run, at most once per period (and once more at its end). */
  private organisationChanged(): void {
    const every = this.options.organisationEveryMs ?? 60_000;
    const wait = this.organisationAt + every - Date.now();
    if (wait <= 0) {
      this.organisationAt = Date.now();
      this.options.onOrganisationChange();
    } else if (!this.organisationTimer) {
      this.organisationTimer = setTimeout(() => {
        this.organisationTimer = undefined;
        if (!this.stopped) this.organisationChanged();
      }, wait);
      this.organisationTimer.unref?.();
    }
  }

  /** Reads and evaluates one batch of named refs. */
  async follow(batch: Map<string, Pending>): Promise<FollowReport> {
    const { reader, evaluator } = this.options;
    const report: FollowReport = {
      read: 0,
      evaluated: [],
      written: 0,
      retried: 0,
      organisation: false,
    };
    const pendingOf = (ref: string): Pending =>
      batch.get(ref) ?? { attempt: 0, firstSeen: false };
    const org = new Set(ORG_KINDS.map(k => k.toLowerCase()));
    const scoped: string[] = [];
    for (const ref of batch.keys()) {
      let kind: string;
      try {
        kind = parseEntityRef(ref).kind.toLowerCase();
      } catch {
        continue;
      }
      // One the catalog saw first since its start need not have changed.
      if (org.has(kind) && !pendingOf(ref).firstSeen)
        report.organisation = true;
      if (reader.readsKind(kind)) scoped.push(ref);
    }
    // Owners, groups, systems and domains feed every entity's inputs: the
    // shards read the catalog again now rather than at their next period.
    if (report.organisation) this.organisationChanged();

    const entities = await reader.readMany(scoped);
    report.read = scoped.length;
    // Whether what was read is the change (the catalog stores an entity a
    // moment after naming it): its etag differs from the one this replica
    // last read. Before the evaluation, which may be due for other reasons.
    const arrived = new Map<string, boolean | undefined>();
    for (const e of entities) {
      const before = reader.keptEtag(refOf(e));
      const now = e.metadata.etag;
      arrived.set(
        refOf(e),
        before !== undefined && now !== undefined ? now !== before : undefined,
      );
    }
    const done = await evaluator.evaluateIfChanged(entities);
    report.evaluated = done.evaluated;
    report.written = done.written;
    reader.remember(entities);
    const evaluated = new Set(done.evaluated);
    // Not stored by the catalog yet: again later. An entity the catalog saw
    // for the first time (after its restart) and that exists is not looked
    // at again: nothing says it changed.
    const again = scoped.filter(ref => {
      const { attempt, firstSeen } = pendingOf(ref);
      if (attempt >= (this.options.retries ?? 8)) return false;
      if (!arrived.has(ref)) return true; // not found
      if (firstSeen) return false;
      const known = arrived.get(ref);
      // Without etags to compare, an evaluation is taken as the change.
      return known === undefined ? !evaluated.has(ref) : !known;
    });
    for (const ref of again) {
      const { attempt, firstSeen } = pendingOf(ref);
      this.add([ref], {
        attempt: attempt + 1,
        firstSeen,
        delayMs: this.options.retryMs ?? 1000,
      });
    }
    report.retried = again.length;
    return report;
  }
}

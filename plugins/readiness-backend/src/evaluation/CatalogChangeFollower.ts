import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { EventsService } from '@backstage/plugin-events-node';
import { CATALOG_CHANGED_TOPIC } from '@readiness/backstage-plugin-readiness-common';
import { CatalogReader, ORG_KINDS } from './CatalogReader';
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
  private readonly pending = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

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
        const refs = (eventPayload as { entityRefs?: unknown })?.entityRefs;
        if (!Array.isArray(refs)) {
          this.options.logger.warn(
            `Readiness: ignored a ${CATALOG_CHANGED_TOPIC} event without entityRefs`,
          );
          return;
        }
        this.add(refs.filter((r): r is string => typeof r === 'string'));
      },
    });
  }

  /** Queues these refs for evaluation. */
  add(entityRefs: string[], attempt = 0, delayMs = this.delayMs): void {
    if (this.stopped) return;
    for (const ref of entityRefs) {
      const key = ref.toLowerCase();
      if (!this.pending.has(key) || attempt < this.pending.get(key)!)
        this.pending.set(key, attempt);
    }
    if (!this.timer && this.pending.size > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.drain();
      }, delayMs);
      this.timer.unref?.();
    }
  }

  /** Resolves once nothing is queued or running (retries included). */
  async settled(): Promise<void> {
    while (this.timer || this.running) {
      if (this.running) await this.running;
      else await new Promise(r => setTimeout(r, 20));
    }
  }

  /** Stops taking signals; a pass under way finishes. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async drain(): Promise<void> {
    // One pass at a time.
    while (this.running) await this.running;
    const batch = new Map(this.pending);
    this.pending.clear();
    if (batch.size === 0) return;
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

  /** Reads and evaluates one batch of named refs (ref → attempts so far). */
  async follow(batch: Map<string, number>): Promise<FollowReport> {
    const { reader, evaluator } = this.options;
    const report: FollowReport = {
      read: 0,
      evaluated: [],
      written: 0,
      retried: 0,
      organisation: false,
    };
    const org = new Set(ORG_KINDS.map(k => k.toLowerCase()));
    const scoped: string[] = [];
    for (const ref of batch.keys()) {
      let kind: string;
      try {
        kind = parseEntityRef(ref).kind.toLowerCase();
      } catch {
        continue;
      }
      if (org.has(kind)) report.organisation = true;
      if (reader.readsKind(kind)) scoped.push(ref);
    }
    // Owners, groups, systems and domains feed every entity's inputs: the
    // shards read the catalog again now rather than at their next period.
    if (report.organisation) this.options.onOrganisationChange();

    const entities = await reader.readMany(scoped);
    report.read = scoped.length;
    const done = await evaluator.evaluateIfChanged(entities);
    report.evaluated = done.evaluated;
    report.written = done.written;
    // Not stored by the catalog yet (read unchanged, or not found): again later.
    const evaluated = new Set(done.evaluated);
    const again = scoped.filter(
      ref =>
        !evaluated.has(ref) &&
        (batch.get(ref) ?? 0) < (this.options.retries ?? 8),
    );
    for (const ref of again) {
      const attempt = (batch.get(ref) ?? 0) + 1;
      this.add([ref], attempt, this.options.retryMs ?? 1000);
    }
    report.retried = again.length;
    return report;
  }
}

import { createHash } from 'node:crypto';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import type { EventsService } from '@backstage/plugin-events-node';
import {
  CATALOG_CHANGED_TOPIC,
  CatalogChangedPayload,
} from '@readiness/backstage-plugin-readiness-common';

/** How long refs gather before one event names them all. */
const FLUSH_MS = 250;
/** The most refs one event names. */
const MAX_REFS = 1000;

/**
 * Tells the Readiness backend which entities the catalog processed with new
 * content (on the events topic `readiness.catalog-changed`), so it evaluates
 * them within seconds of the change instead of at its next cycle.
 *
 * It keeps a hash of each entity it has processed, on this catalog replica,
 * and names an entity when the hash differs or the entity is new to it (so
 * after a restart every entity is named once, as the catalog processes it,
 * marked `firstSeen`: the backend then looks once, without waiting for a
 * change). The hashes of deleted entities stay until the catalog restarts.
 * Refs are gathered for a quarter of a second and sent together. Publishing
 * never fails processing: an error is logged and the refs are dropped (the
 * Readiness backend's scheduled cycle still finds the change).
 *
 * @public
 */
export class CatalogChangeSignals implements CatalogProcessor {
  private readonly hashes = new Map<string, string>();
  /** Ref → whether this replica sees it for the first time. */
  private pending = new Map<string, boolean>();
  private timer?: NodeJS.Timeout;
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly events: EventsService,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  getProcessorName(): string {
    return 'ReadinessCatalogChangeSignals';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    _emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    this.seen(entity);
    return entity;
  }

  /** Records a processed entity; queues its ref when its content is new. */
  seen(entity: Entity): void {
    const ref = stringifyEntityRef(entity).toLowerCase();
    const hash = createHash('sha1')
      .update(
        JSON.stringify([
          entity.apiVersion,
          entity.metadata,
          entity.spec ?? null,
        ]),
      )
      .digest('base64');
    const before = this.hashes.get(ref);
    if (before === hash) return;
    this.hashes.set(ref, hash);
    this.pending.set(ref, before === undefined);
    if (this.pending.size >= MAX_REFS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS).unref();
  }

  /** Sends the queued refs now; resolves once every send so far is done. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const refs = [...this.pending.keys()];
    const firstSeen = refs.filter(r => this.pending.get(r));
    this.pending = new Map();
    if (refs.length > 0) {
      const payload: CatalogChangedPayload = {
        entityRefs: refs,
        ...(firstSeen.length ? { firstSeen } : {}),
      };
      this.sending = this.sending.then(() =>
        this.events
          .publish({ topic: CATALOG_CHANGED_TOPIC, eventPayload: payload })
          .catch(this.onError),
      );
    }
    return this.sending;
  }
}

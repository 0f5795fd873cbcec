import type { ReadinessStatus } from '@readiness/backstage-plugin-readiness-common';
import type { ReadinessApi } from '../../api';

type Status = ReadinessStatus | null;

const BATCH = 200;
const TTL_MS = 60_000;

/**
 * Asks `GET /statuses` for the entities rendered in the same tick at once
 * (at most 200 per request), and keeps answers for a minute: a catalog table
 * page costs one request, not one per row.
 */
export class StatusLoader {
  private readonly known = new Map<
    string,
    { at: number; value: Promise<Status> }
  >();
  private pending = new Map<
    string,
    { resolve: (s: Status) => void; reject: (e: Error) => void }
  >();
  private scheduled = false;

  constructor(private readonly api: Pick<ReadinessApi, 'getStatuses'>) {}

  /** The worst status of an entity, or null when it has no results. */
  load(entityRef: string): Promise<Status> {
    const ref = entityRef.toLowerCase();
    const had = this.known.get(ref);
    if (had && Date.now() - had.at < TTL_MS) return had.value;
    const value = new Promise<Status>((resolve, reject) =>
      this.pending.set(ref, { resolve, reject }),
    );
    this.known.set(ref, { at: Date.now(), value });
    if (!this.scheduled) {
      this.scheduled = true;
      setTimeout(() => this.flush(), 0);
    }
    return value;
  }

  private async flush() {
    this.scheduled = false;
    const pending = this.pending;
    this.pending = new Map();
    const refs = [...pending.keys()];
    for (let i = 0; i < refs.length; i += BATCH) {
      const batch = refs.slice(i, i + BATCH);
      try {
        const { items } = await this.api.getStatuses({ entity: batch });
        const found = new Map(items.map(it => [it.entityRef, it.status]));
        for (const ref of batch)
          pending.get(ref)!.resolve(found.get(ref) ?? null);
      } catch (e) {
        for (const ref of batch) {
          this.known.delete(ref);
          pending.get(ref)!.reject(e as Error);
        }
      }
    }
  }
}

const loaders = new WeakMap<object, StatusLoader>();

/** One loader per API instance (per app). */
export function statusLoaderFor(api: ReadinessApi): StatusLoader {
  let loader = loaders.get(api);
  if (!loader) loaders.set(api, (loader = new StatusLoader(api)));
  return loader;
}

import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  OwnershipRoles,
  ReadinessClient,
} from '@readiness/backstage-plugin-readiness-common';

/** Where the processor gets ownership edits from. */
export interface OwnershipEditsSource {
  /** Edits by lower-case entity ref. */
  get(): Promise<Map<string, OwnershipRoles>>;
}

/**
 * Reads ownership edits from the Readiness backend (GET /ownership) with a
 * service token, and keeps them for `ttlMs`. When the backend cannot be
 * reached, the last edits are used (none before the first success), so
 * catalog processing never waits on or fails because of Readiness.
 */
export class ReadinessBackendOwnershipEdits implements OwnershipEditsSource {
  private cache?: { at: number; edits: Map<string, OwnershipRoles> };
  private inflight?: Promise<Map<string, OwnershipRoles>>;
  private generation = 0;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
      ttlMs?: number;
      fetch?: typeof fetch;
    },
  ) {}

  /** Drops the cached edits (a new one was saved): the next `get` reads them again. */
  invalidate(): void {
    this.generation++;
    if (this.cache) this.cache = { ...this.cache, at: 0 };
    // A read already under way may predate the edit: the next get starts anew.
    this.inflight = undefined;
  }

  async get(): Promise<Map<string, OwnershipRoles>> {
    const ttl = this.options.ttlMs ?? 30_000;
    if (this.cache && Date.now() - this.cache.at < ttl) return this.cache.edits;
    this.inflight ??= this.load().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async load(): Promise<Map<string, OwnershipRoles>> {
    const { discovery, auth, logger } = this.options;
    const generation = this.generation;
    try {
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'readiness',
      });
      const client = ReadinessClient.withToken({
        discoveryApi: discovery,
        token,
        fetch: this.options.fetch,
      });
      const items = await client.listOwnershipEdits();
      const edits = new Map(
        items.map(i => [i.entityRef.toLowerCase(), i.roles]),
      );
      // Invalidated while reading: use it, but read again next time.
      this.cache = {
        at: generation === this.generation ? Date.now() : 0,
        edits,
      };
      return edits;
    } catch (error) {
      logger.warn(
        `Readiness ownership edits could not be read; using the last known ones: ${error}`,
      );
      const edits = this.cache?.edits ?? new Map();
      this.cache = { at: Date.now(), edits };
      return edits;
    }
  }
}

import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CompiledScorecard,
  entityKey,
  tryEntityKey,
} from '@readiness/backstage-plugin-readiness-common';
import { refOf } from './entityFields';
import { ScorecardRegistry } from './ScorecardRegistry';
import { fieldsFor } from './scorecards';

/** What one evaluation reads from the catalog. */
export interface CatalogSnapshot {
  /** Entities of the kinds the scorecards apply to. */
  scoped: Entity[];
  /** Users, groups, systems and domains, for owners, domains and roll-ups. */
  organisation: Entity[];
  /** System ref → domain ref. */
  systemDomains: Map<string, string>;
  readAt: number;
}

const PAGE = 500;

/** The kinds these scorecards apply to, or undefined when one applies to every kind. */
function kindsOf(cards: CompiledScorecard[]): string[] | undefined {
  const kinds = cards.map(c => c.kinds);
  return kinds.every(k => k !== undefined)
    ? [...new Set(kinds.flat() as string[])]
    : undefined;
}
/** How long `current()` reuses the last read. */
const MAX_AGE_MS = 5 * 60_000;
/** The kinds of the organisation every evaluation reads beside its scope. */
export const ORG_KINDS = ['User', 'Group', 'System', 'Domain'];
/** What a cycle reads of every entity: enough to tell whether it changed. */
const ETAG_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.etag',
];
const ORG_FIELDS = [
  'kind',
  'metadata',
  'spec.profile',
  'spec.parent',
  'spec.children',
  'spec.memberOf',
  'spec.owner',
  'spec.domain',
  'spec.subdomainOf',
  'relations',
  'metadata.etag',
];

/**
 * Reads the catalog in pages, asking only for the fields the scorecards
 * need, and keeps the last read for the organisation (owners, groups,
 * systems, domains) that requests and single-entity evaluations need.
 */
export class CatalogReader {
  private last?: CatalogSnapshot;
  private inflight?: Promise<CatalogSnapshot>;
  /** Entities of earlier reads by ref, re-read only when their etag changes. */
  private kept = {
    scoped: new Map<string, Entity>(),
    organisation: new Map<string, Entity>(),
  };
  /** Counts scorecard reloads: a read started before one is not kept. */
  private generation = 0;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly scorecards: ScorecardRegistry,
  ) {
    // Reloaded scorecards may read other kinds and fields: read anew. A
    // read under way keeps its own maps and finishes whole for those who
    // wait on it (an entity missing from a shard's list would lose its
    // results), but is neither kept nor joined by later callers.
    scorecards.onChange(() => {
      this.generation++;
      this.kept = { scoped: new Map(), organisation: new Map() };
      this.last = undefined;
      this.inflight = undefined;
    });
  }

  /** The kinds the scorecards apply to (undefined: every kind). */
  private get kinds(): string[] | undefined {
    return kindsOf(this.scorecards.list());
  }

  /** The etag of an entity as this replica last read it, if it did. */
  keptEtag(entityRef: string): string | undefined {
    return this.kept.scoped.get(entityRef)?.metadata.etag;
  }

  /**
   * Keeps entities read one by one (after a catalog signal) as the next
   * cycle's copy, so it need not read them again.
   */
  remember(entities: Entity[]): void {
    for (const e of entities)
      if (this.readsKind(e.kind)) this.kept.scoped.set(refOf(e), e);
  }

  /** Whether a cycle reads entities of this kind (the scorecards' kinds). */
  readsKind(kind: string): boolean {
    const kinds = this.kinds;
    return !kinds || kinds.some(k => k.toLowerCase() === kind.toLowerCase());
  }

  /** The fields a read asks for. */
  private get fields(): string[] {
    return [...this.scorecards.fields(), 'metadata.etag'];
  }

  private async *pages(
    filter: Record<string, string[]> | undefined,
    fields: string[],
    limit = PAGE,
  ): AsyncIterable<Entity[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    let response = await this.catalog.queryEntities(
      { filter, fields, limit },
      { credentials },
    );
    yield response.items;
    while (response.pageInfo.nextCursor) {
      response = await this.catalog.queryEntities(
        { cursor: response.pageInfo.nextCursor, fields, limit },
        { credentials },
      );
      yield response.items;
    }
  }

  /** The last read if younger than five minutes, or a new one. */
  async current(): Promise<CatalogSnapshot> {
    return this.read({ reuseMs: MAX_AGE_MS });
  }

  /**
   * The last read whatever its age (a read now when there is none): the
   * organisation an evaluation between cycles reads, when changes to it are
   * announced and make the shards read the catalog again anyway.
   */
  async latest(): Promise<CatalogSnapshot> {
    return this.last ?? this.read();
  }

  /** Users, groups, systems and domains, from {@link CatalogReader.current}. */
  async organisation(): Promise<Entity[]> {
    return (await this.current()).organisation;
  }

  /**
   * Reads the catalog, kept for {@link CatalogReader.current}. The shards of
   * one cycle share a read: a call while a read is running waits for it,
   * and `reuseMs` accepts a snapshot finished that recently.
   */
  async read(options: { reuseMs?: number } = {}): Promise<CatalogSnapshot> {
    if (this.inflight) return this.inflight;
    const reuseMs = options.reuseMs ?? 0;
    if (reuseMs > 0 && this.last && Date.now() - this.last.readAt < reuseMs)
      return this.last;
    const read: Promise<CatalogSnapshot> = this.readNow().finally(() => {
      if (this.inflight === read) this.inflight = undefined;
    });
    this.inflight = read;
    return read;
  }

  private async readNow(): Promise<CatalogSnapshot> {
    const generation = this.generation;
    const kept = this.kept;
    const scoped = await this.readSet(
      this.kinds ? { kind: this.kinds } : undefined,
      this.fields,
      kept.scoped,
    );
    const organisation = await this.readSet(
      { kind: ORG_KINDS },
      ORG_FIELDS,
      kept.organisation,
    );
    const systemDomains = new Map<string, string>();
    for (const e of organisation) {
      const domain = (e.spec as { domain?: unknown } | undefined)?.domain;
      const key = tryEntityKey(domain, {
        defaultKind: 'domain',
        defaultNamespace: e.metadata.namespace ?? 'default',
      });
      if (e.kind.toLowerCase() === 'system' && key) {
        systemDomains.set(entityKey(e), key);
      }
    }
    const snapshot = {
      scoped,
      organisation,
      systemDomains,
      readAt: Date.now(),
    };
    if (generation === this.generation) this.last = snapshot;
    return snapshot;
  }

  /**
   * The entities matching `filter`: their refs and etags in pages, then
   * with `fields` only those new or changed since the last read (by
   * etag). A catalog that gives no etags is read in full.
   */
  private async readSet(
    filter: Record<string, string[]> | undefined,
    fields: string[],
    kept: Map<string, Entity>,
  ): Promise<Entity[]> {
    const light: Entity[] = [];
    // Refs and etags are small: fewer, larger pages.
    for await (const page of this.pages(filter, ETAG_FIELDS, 10 * PAGE))
      light.push(...page);
    if (light.some(e => !e.metadata.etag)) {
      kept.clear();
      const all: Entity[] = [];
      for await (const page of this.pages(filter, fields)) all.push(...page);
      return all;
    }
    const refs = light.map(refOf);
    const changed = refs.filter(
      (ref, i) => kept.get(ref)?.metadata.etag !== light[i].metadata.etag,
    );
    for (const e of await this.readMany(changed, fields)) kept.set(refOf(e), e);
    const current = new Set(refs);
    for (const ref of kept.keys()) if (!current.has(ref)) kept.delete(ref);
    // An entity deleted between the two reads is left out.
    return refs.flatMap(ref => kept.get(ref) ?? []);
  }

  /**
   * A snapshot whose scoped entities are what `cards` read (candidate
   * scorecards in a preview): the current one when its kinds and fields
   * cover theirs, else one with the scoped entities read again for them
   * (kept for nothing: a preview must not change what cycles read).
   */
  async snapshotFor(cards: CompiledScorecard[]): Promise<CatalogSnapshot> {
    const snapshot = await this.current();
    const kinds = kindsOf(cards);
    const fields = fieldsFor(cards);
    const lower = (list: string[]) => list.map(k => k.toLowerCase());
    const coversKinds =
      !this.kinds ||
      (kinds !== undefined &&
        lower(kinds).every(k => lower(this.kinds!).includes(k)));
    const coversFields = fields.every(f =>
      this.fields.some(o => o === f || f.startsWith(`${o}.`)),
    );
    if (coversKinds && coversFields) return snapshot;
    const scoped: Entity[] = [];
    for await (const page of this.pages(
      kinds ? { kind: kinds } : undefined,
      fields,
    ))
      scoped.push(...page);
    return { ...snapshot, scoped };
  }

  /** One entity, with the same fields as a full read. */
  async readOne(entityRef: string): Promise<Entity | undefined> {
    return (await this.readMany([entityRef]))[0];
  }

  /** These entities (those that exist), with the same fields as a full read. */
  async readMany(
    entityRefs: string[],
    fields: string[] = this.fields,
  ): Promise<Entity[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const out: Entity[] = [];
    for (let i = 0; i < entityRefs.length; i += PAGE) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: entityRefs.slice(i, i + PAGE), fields },
        { credentials },
      );
      for (const e of items) if (e) out.push(e);
    }
    return out;
  }
}

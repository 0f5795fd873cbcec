import { Entity } from '@backstage/catalog-model';
import type { Attestation, EntityReadiness, Exemption, Fact } from '../types';
import { entityKey } from '../refs';
import { refKey } from './refs';
import { parseTime } from './time';

/**
 * What the engine evaluates against, besides the entity itself. All of it is
 * data: the engine does no I/O.
 *
 * @public
 */
export interface EvaluationContextInput {
  /** The time of the evaluation; expiry and fact age are measured against it. */
  now: Date | string;
  /**
   * The catalog (at least its users and groups), for resolving owners and
   * finding the parts of a system, domain or group. When omitted, checks that
   * need it give `unknown`.
   */
  entities?: Entity[];
  /** Facts per entity ref. The newest fact of each id counts. */
  facts?: Record<string, Fact[]>;
  /** Attestations per entity ref. */
  attestations?: Record<string, Attestation[]>;
  /** Exemptions per entity ref. */
  exemptions?: Record<string, Exemption[]>;
  /** Results of other entities already evaluated (for example stored ones), for roll-up checks. */
  results?: ReadinessSummary[];
}

/**
 * The part of a result that roll-ups read.
 *
 * @public
 */
export type ReadinessSummary = Pick<
  EntityReadiness,
  'entityRef' | 'scorecard' | 'status' | 'score'
>;

/**
 * The indexed form of {@link EvaluationContextInput} that checks read from.
 *
 * @public
 */
export interface EvaluationContext {
  readonly now: number;
  readonly nowIso: string;
  readonly hasCatalog: boolean;
  entity(ref: string): Entity | undefined;
  fact(entityRef: string, factId: string): Fact | undefined;
  attestations(entityRef: string, checkId: string): Attestation[];
  exemptions(entityRef: string, checkId: string): Exemption[];
  /** All exemptions of an entity by check id, or undefined when it has none. */
  exemptionsOf(entityRef: string): ReadonlyMap<string, Exemption[]> | undefined;
  /** Refs of the parts of an entity (a system's components, a domain's systems), or what a group owns. */
  children(entityRef: string, of: 'parts' | 'owned'): string[];
  /** Results recorded so far for an entity, one per scorecard. */
  readiness(entityRef: string): ReadinessSummary[];
  /** Records a result (replacing an earlier one for the same scorecard) so that roll-ups evaluated later can read it. */
  record(result: ReadinessSummary): void;
  /**
   * Notes a time (epoch ms) at which the result being evaluated changes by
   * the passing of time alone: an exemption or attestation runs out, a fact
   * becomes too old, a check starts to count. Times not after `now` are
   * ignored.
   */
  changesAt(time: number): void;
  /** The earliest time noted since the last call (undefined when none), and starts over. */
  takeChangeTime(): number | undefined;
}

function keyed<T>(input: Record<string, T[]> | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const [ref, list] of Object.entries(input ?? {})) {
    const key = refKey(ref, 'component');
    map.set(key, [...(map.get(key) ?? []), ...list]);
  }
  return map;
}

/** Entity ref → check id → items, for attestations and exemptions. */
function byCheck<T extends { checkId: string }>(
  input: Record<string, T[]> | undefined,
): Map<string, Map<string, T[]>> {
  const out = new Map<string, Map<string, T[]>>();
  for (const [ref, list] of keyed(input)) {
    const checks = new Map<string, T[]>();
    for (const item of list) push(checks, item.checkId, item);
    out.set(ref, checks);
  }
  return out;
}

const NONE: never[] = [];

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The parent refs an entity is part of: relations first, spec fields as a fallback. */
function parentsOf(entity: Entity, self: string): string[] {
  const ns = entity.metadata.namespace ?? 'default';
  const out = new Set<string>();
  for (const r of entity.relations ?? []) {
    if (r.type === 'partOf') out.add(r.targetRef.toLowerCase());
  }
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  if (typeof spec.system === 'string')
    out.add(refKey(spec.system, 'system', ns));
  if (typeof spec.domain === 'string')
    out.add(refKey(spec.domain, 'domain', ns));
  if (typeof spec.subdomainOf === 'string')
    out.add(refKey(spec.subdomainOf, 'domain', ns));
  out.delete(self);
  return [...out];
}

function ownersOf(entity: Entity): string[] {
  const ns = entity.metadata.namespace ?? 'default';
  const out = new Set<string>();
  for (const r of entity.relations ?? []) {
    if (r.type === 'ownedBy') out.add(r.targetRef.toLowerCase());
  }
  const owner = (entity.spec as Record<string, unknown> | undefined)?.owner;
  if (typeof owner === 'string') out.add(refKey(owner, 'group', ns));
  return [...out];
}

/**
 * Indexes the context once, so that each lookup during evaluation is a map
 * access.
 *
 * @public
 */
export function createEvaluationContext(
  input: EvaluationContextInput,
): EvaluationContext {
  const nowDate =
    typeof input.now === 'string' ? new Date(input.now) : input.now;
  if (Number.isNaN(nowDate.getTime()))
    throw new Error(`invalid "now": ${String(input.now)}`);
  const entities = new Map<string, Entity>();
  const parts = new Map<string, string[]>();
  const owned = new Map<string, string[]>();
  const parentGroup = new Map<string, string>();
  // The same entity given twice counts once (the last copy wins).
  for (const entity of input.entities ?? [])
    entities.set(entityKey(entity), entity);
  for (const [key, entity] of entities) {
    for (const parent of parentsOf(entity, key)) push(parts, parent, key);
    for (const owner of ownersOf(entity)) push(owned, owner, key);
    const parent = (entity.spec as Record<string, unknown> | undefined)?.parent;
    if (entity.kind.toLowerCase() === 'group' && typeof parent === 'string') {
      parentGroup.set(
        key,
        refKey(parent, 'group', entity.metadata.namespace ?? 'default'),
      );
    }
  }
  // A group owns what its sub-groups own, so a parent group sees its teams' services.
  const subGroups = new Map<string, string[]>();
  for (const [child, parent] of parentGroup) push(subGroups, parent, child);
  const ownedDeep = (group: string): string[] => {
    const out = new Set<string>();
    const seen = new Set<string>();
    const visit = (g: string) => {
      if (seen.has(g)) return;
      seen.add(g);
      for (const e of owned.get(g) ?? []) out.add(e);
      for (const s of subGroups.get(g) ?? []) visit(s);
    };
    visit(group);
    return [...out];
  };

  const facts = new Map<string, Map<string, import('../types').Fact>>();
  for (const [ref, list] of keyed(input.facts)) {
    const byId = new Map<string, Fact>();
    for (const fact of list) {
      const prev = byId.get(fact.id);
      if (!prev || parseTime(fact.observedAt) > parseTime(prev.observedAt))
        byId.set(fact.id, fact);
    }
    facts.set(ref, byId);
  }
  const attestations = byCheck(input.attestations);
  const exemptions = byCheck(input.exemptions);
  const results = new Map<string, ReadinessSummary[]>();
  const record = (r: ReadinessSummary) => {
    const key = r.entityRef.toLowerCase();
    const list = results.get(key);
    if (!list) {
      results.set(key, [r]);
      return;
    }
    const at = list.findIndex(x => x.scorecard === r.scorecard);
    if (at >= 0) list[at] = r;
    else list.push(r);
  };
  for (const r of input.results ?? []) record(r);
  const now = nowDate.getTime();
  let next = Infinity;

  return {
    now,
    nowIso: nowDate.toISOString(),
    hasCatalog: input.entities !== undefined,
    entity: ref => entities.get(ref.toLowerCase()),
    fact: (ref, id) => facts.get(ref)?.get(id),
    attestations: (ref, checkId) => attestations.get(ref)?.get(checkId) ?? NONE,
    exemptions: (ref, checkId) => exemptions.get(ref)?.get(checkId) ?? NONE,
    exemptionsOf: ref => exemptions.get(ref),
    children: (ref, of) =>
      of === 'parts' ? parts.get(ref) ?? [] : ownedDeep(ref),
    readiness: ref => results.get(ref) ?? [],
    record,
    changesAt: time => {
      if (time > now && time < next) next = time;
    },
    takeChangeTime: () => {
      const t = next;
      next = Infinity;
      return t === Infinity ? undefined : t;
    },
  };
}

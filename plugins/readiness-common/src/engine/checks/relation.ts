import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CheckFn } from './types';

/** Relation types derived from spec fields when an entity has no `relations` (files outside the catalog). */
const SPEC_RELATIONS: Array<[string, string, string]> = [
  ['system', 'partOf', 'system'],
  ['domain', 'partOf', 'domain'],
  ['owner', 'ownedBy', 'group'],
  ['providesApis', 'providesApi', 'api'],
  ['consumesApis', 'consumesApi', 'api'],
  ['dependsOn', 'dependsOn', 'component'],
  ['dependencyOf', 'dependencyOf', 'component'],
  ['subcomponentOf', 'partOf', 'component'],
];

/** The entity's relations as `{type, targetKind}`; from spec fields when not processed by the catalog. */
export function relationsOf(
  entity: Entity,
): Array<{ type: string; targetKind: string }> {
  if (entity.relations && entity.relations.length > 0) {
    return entity.relations.map(r => ({
      type: r.type,
      targetKind: r.targetRef.split(':')[0].toLowerCase(),
    }));
  }
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const out: Array<{ type: string; targetKind: string }> = [];
  for (const [field, type, defaultKind] of SPEC_RELATIONS) {
    const raw = spec[field];
    let values: unknown[] = [];
    if (Array.isArray(raw)) values = raw;
    else if (raw !== undefined) values = [raw];
    for (const v of values) {
      if (typeof v !== 'string') continue;
      try {
        const ref = parseEntityRef(v, {
          defaultKind,
          defaultNamespace: 'default',
        });
        out.push({ type, targetKind: ref.kind.toLowerCase() });
      } catch {
        // A malformed ref is not a relation.
      }
    }
  }
  return out;
}

const NOUNS: Record<string, (kind?: string) => string> = {
  ownedby: () => 'owner',
  partof: kind => (kind ? `parent ${kind}` : 'parent'),
  haspart: kind => (kind ? `${kind} part` : 'part'),
  providesapi: () => 'provided API',
  consumesapi: () => 'consumed API',
  dependson: kind => (kind ? `${kind} dependency` : 'dependency'),
  dependencyof: () => 'dependent',
};

/** `relation` checks: the entity has at least `min` relations of a type, optionally to a kind. */
export function compileRelationCheck(w: {
  type: string;
  targetKind?: string;
  min: number;
}): CheckFn {
  const type = w.type.toLowerCase();
  const kind = w.targetKind?.toLowerCase();
  // People's words for the well-known relations ("has no owner"), the
  // relation's name for the others.
  const noun = NOUNS[type]?.(kind);
  const what = (n: number) =>
    noun
      ? `${noun}${n === 1 ? '' : 's'}`
      : `${w.type} relation${n === 1 ? '' : 's'}${
          w.targetKind ? ` to a ${w.targetKind}` : ''
        }`;
  return entity => {
    const n = relationsOf(entity).filter(
      r => r.type.toLowerCase() === type && (!kind || r.targetKind === kind),
    ).length;
    return n >= w.min
      ? {
          result: 'pass',
          message: `has ${n} ${what(n)}`,
          observed: n,
          threshold: w.min,
        }
      : {
          result: 'fail',
          message: `has ${n === 0 ? 'no' : n} ${what(n)}, expected at least ${
            w.min
          }`,
          observed: n,
          threshold: w.min,
        };
  };
}

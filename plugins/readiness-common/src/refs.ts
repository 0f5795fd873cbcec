import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * The key results are stored and compared under: `kind:namespace/name` in
 * lower case, from an entity, a compound ref or a ref string (`payments`,
 * `group:payments`, `group:default/payments` all give
 * `group:default/payments` with `defaultKind: 'group'`). Throws a TypeError
 * naming the value when it is not a ref.
 *
 * @public
 */
export function entityKey(
  ref: string | CompoundEntityRef | Entity,
  context?: { defaultKind?: string; defaultNamespace?: string },
): string {
  // toLowerCase: the same as toLocaleLowerCase('en-US') (English has no
  // casing rules of its own), thirty times faster, and this runs for every
  // entity and owner of every evaluation.
  if (typeof ref === 'string') {
    return stringifyEntityRef(
      parseEntityRef(ref.trim(), context),
    ).toLowerCase();
  }
  return stringifyEntityRef(ref).toLowerCase();
}

/**
 * Like {@link entityKey}, but undefined for a value that is not a ref
 * (missing, empty, or malformed).
 *
 * @public
 */
export function tryEntityKey(
  value: unknown,
  context?: { defaultKind?: string; defaultNamespace?: string },
): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    return entityKey(value, context);
  } catch {
    return undefined;
  }
}

/**
 * The REST path of an entity: `/entities/{kind}/{namespace}/{name}`.
 *
 * @public
 */
export function entityPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/entities/${encodeURIComponent(kind)}/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}`;
}

import { Entity } from '@backstage/catalog-model';
import {
  entityKey,
  tryEntityKey,
} from '@readiness/backstage-plugin-readiness-common';
import type { EntityFields } from '../platform/database/types';

const fullRef = (value: unknown, kind: string, namespace: string) =>
  tryEntityKey(value, { defaultKind: kind, defaultNamespace: namespace });

const refs = new WeakMap<Entity, string>();

/**
 * `kind:namespace/name` in lower case: the key results are stored under.
 * Kept per entity object: a cycle asks it of every entity several times.
 */
export function refOf(entity: Entity): string {
  let ref = refs.get(entity);
  if (ref === undefined) {
    ref = entityKey(entity);
    refs.set(entity, ref);
  }
  return ref;
}

/**
 * The columns results are filtered by. `domain` comes from the entity, or for
 * a component, API or resource from its system.
 */
export function entityFields(
  entity: Entity,
  systemDomains: Map<string, string>,
): EntityFields {
  const ns = entity.metadata.namespace ?? 'default';
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const system = fullRef(spec.system, 'system', ns);
  const domain =
    fullRef(spec.domain, 'domain', ns) ??
    (system ? systemDomains.get(system) : undefined);
  return {
    entityRef: refOf(entity),
    kind: entity.kind.toLowerCase(),
    namespace: ns.toLowerCase(),
    name: entity.metadata.name,
    title: entity.metadata.title,
    type: typeof spec.type === 'string' ? spec.type.toLowerCase() : undefined,
    lifecycle:
      typeof spec.lifecycle === 'string'
        ? spec.lifecycle.toLowerCase()
        : undefined,
    owner: fullRef(spec.owner, 'group', ns),
    system,
    domain,
  };
}

import { Entity } from '@backstage/catalog-model';
import type { EntityFields } from '../database/types';

function fullRef(
  value: unknown,
  kind: string,
  namespace: string,
): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const m = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(value.trim());
  if (!m) return undefined;
  return `${m[1] ?? kind}:${m[2] ?? namespace}/${m[3]}`.toLowerCase();
}

/** `kind:namespace/name` in lower case: the key results are stored under. */
export function refOf(entity: Entity): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLowerCase();
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

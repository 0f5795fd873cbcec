import { Entity } from '@backstage/catalog-model';

/** Kinds the example scorecards apply to. */
const KINDS = ['component', 'system', 'domain'];

/**
 * Whether to show Readiness on an entity's page: components, systems and
 * domains by default. Entities no scorecard applies to show an explanation
 * instead of results.
 *
 * @public
 */
export function isReadinessAvailable(entity: Entity): boolean {
  return KINDS.includes(entity.kind.toLowerCase());
}

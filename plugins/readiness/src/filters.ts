import { Entity } from '@backstage/catalog-model';
import {
  FilterPredicate,
  filterPredicateToFilterFunction,
} from '@backstage/filter-predicates';

/**
 * Entities that get the Readiness tab and card by default: components,
 * systems and domains. Override it per extension in `app-config.yaml`
 * (`app.extensions: - entity-content:readiness: { config: { filter: … } }`);
 * entities no scorecard applies to show an explanation instead of results.
 *
 * @public
 */
export const readinessEntityFilter: FilterPredicate = {
  kind: { $in: ['component', 'system', 'domain'] },
};

const matches = filterPredicateToFilterFunction(readinessEntityFilter);

/**
 * Whether to show Readiness on an entity's page, for apps on the legacy
 * frontend system (`EntitySwitch.Case if={isReadinessAvailable}`); see
 * {@link readinessEntityFilter}.
 *
 * @public
 */
export function isReadinessAvailable(entity: Entity): boolean {
  return matches(entity);
}

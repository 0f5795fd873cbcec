import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read readiness results, scorecards, summaries and history.
 *
 * @public
 */
export const readinessResultsReadPermission = createPermission({
  name: 'readiness.results.read',
  attributes: { action: 'read' },
});

/**
 * Ask for an entity to be re-evaluated now. Uses the catalog-entity resource
 * type, so policies can allow it to the entity's owners (`isEntityOwner`).
 *
 * @public
 */
export const readinessEvaluatePermission = createPermission({
  name: 'readiness.entity.evaluate',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Change the incident, technical and communication owners, channel and
 * runbook of an entity from the UI. Catalog-entity resource, so policies can
 * allow it to the entity's owners.
 *
 * @public
 */
export const readinessOwnershipUpdatePermission = createPermission({
  name: 'readiness.ownership.update',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Every permission of the Readiness plugin.
 *
 * @public
 */
export const readinessPermissions = [
  readinessResultsReadPermission,
  readinessEvaluatePermission,
  readinessOwnershipUpdatePermission,
];

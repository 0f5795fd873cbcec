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
 * Push facts about an entity (`POST /facts`): CI pipelines with an external
 * access token, or people a policy allows, per entity.
 *
 * @public
 */
export const readinessFactsWritePermission = createPermission({
  name: 'readiness.facts.write',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/**
 * Attest that a manual check of an entity is satisfied.
 *
 * @public
 */
export const readinessAttestationCreatePermission = createPermission({
  name: 'readiness.attestation.create',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/**
 * Grant an exemption from a check of an entity.
 *
 * @public
 */
export const readinessExemptionCreatePermission = createPermission({
  name: 'readiness.exemption.create',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/**
 * Sign an entity off for go-live in one of its scorecard's sign-off roles.
 *
 * @public
 */
export const readinessSignoffCreatePermission = createPermission({
  name: 'readiness.signoff.create',
  attributes: { action: 'create' },
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
  readinessFactsWritePermission,
  readinessAttestationCreatePermission,
  readinessExemptionCreatePermission,
  readinessSignoffCreatePermission,
];

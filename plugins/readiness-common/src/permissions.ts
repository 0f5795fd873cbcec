import { createPermission } from '@backstage/plugin-permission-common';

/** A permission on one catalog entity, so policies can decide by the entity. */
const entityPermission = (name: string, action: 'update' | 'create') =>
  createPermission({
    name,
    attributes: { action },
    resourceType: 'catalog-entity',
  });

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
export const readinessEvaluatePermission = entityPermission(
  'readiness.entity.evaluate',
  'update',
);

/**
 * Change the incident, technical and communication owners, channel and
 * runbook of an entity from the UI. Catalog-entity resource, so policies can
 * allow it to the entity's owners.
 *
 * @public
 */
export const readinessOwnershipUpdatePermission = entityPermission(
  'readiness.ownership.update',
  'update',
);

/**
 * Push facts about an entity (`POST /facts`): CI pipelines with an external
 * access token, or people a policy allows, per entity.
 *
 * @public
 */
export const readinessFactsWritePermission = entityPermission(
  'readiness.facts.write',
  'create',
);

/**
 * Attest that a manual check of an entity is satisfied.
 *
 * @public
 */
export const readinessAttestationCreatePermission = entityPermission(
  'readiness.attestation.create',
  'create',
);

/**
 * Grant an exemption from a check of an entity.
 *
 * @public
 */
export const readinessExemptionCreatePermission = entityPermission(
  'readiness.exemption.create',
  'create',
);

/**
 * Sign an entity off for go-live in one of its scorecard's sign-off roles.
 *
 * @public
 */
export const readinessSignoffCreatePermission = entityPermission(
  'readiness.signoff.create',
  'create',
);

/**
 * Create and edit initiatives (a goal on a scorecard, a scope and a deadline).
 * Not tied to one entity: an initiative spans many.
 *
 * @public
 */
export const readinessInitiativeManagePermission = createPermission({
  name: 'readiness.initiative.manage',
  attributes: { action: 'update' },
});

/**
 * Preview a candidate scorecard (`POST /scorecards/preview`): evaluates it
 * against the catalog and evidence without writing; what it shows is limited
 * to the entities the caller may read.
 *
 * @public
 */
export const readinessScorecardPreviewPermission = createPermission({
  name: 'readiness.scorecard.preview',
  attributes: { action: 'read' },
});

/**
 * Read the scorecard files again now (`POST /scorecards/reload`); replicas
 * also do it on their own every 30 seconds.
 *
 * @public
 */
export const readinessScorecardReloadPermission = createPermission({
  name: 'readiness.scorecard.reload',
  attributes: { action: 'update' },
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
  readinessInitiativeManagePermission,
  readinessScorecardPreviewPermission,
  readinessScorecardReloadPermission,
];

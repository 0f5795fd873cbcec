import type { OwnershipRole } from './annotations';

/**
 * Catalog relation types for the three ownership roles: from the entity to
 * its owner (`ownedBy`), and the reverse from the owner to the entity
 * (`ownerOf`). The catalog module emits them; the group card reads them.
 *
 * @public
 */
export const READINESS_ROLE_RELATIONS: Readonly<
  Record<OwnershipRole, { ownedBy: string; ownerOf: string }>
> = {
  incident: { ownedBy: 'incidentOwnedBy', ownerOf: 'incidentOwnerOf' },
  technical: { ownedBy: 'technicalOwnedBy', ownerOf: 'technicalOwnerOf' },
  communication: {
    ownedBy: 'communicationOwnedBy',
    ownerOf: 'communicationOwnerOf',
  },
};

import { OwnershipRole } from '@readiness/backstage-plugin-readiness-common';

/**
 * Catalog relation types emitted for the three ownership roles: from the
 * entity to its owner, and the reverse from the owner to the entity.
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

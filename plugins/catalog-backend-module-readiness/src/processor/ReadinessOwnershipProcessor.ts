import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  overlayOwnership,
  OWNERSHIP_ROLES,
  OWNERSHIP_ROLE_ANNOTATIONS,
  parseOwnerRef,
} from '@readiness/backstage-plugin-readiness-common';
import { OwnershipEditsSource } from './OwnershipEdits';
import { READINESS_ROLE_RELATIONS } from './relations';

/**
 * Overlays ownership edits made in the Readiness UI onto an entity's
 * annotations, and emits catalog relations for the incident, technical and
 * communication owners named in its `readiness/*-owner` annotations, so group
 * pages and the catalog graph show what a group answers for.
 *
 * A malformed value emits nothing; the readiness checks report it instead, so
 * one bad annotation never stops the entity from being ingested.
 *
 * @public
 */
export class ReadinessOwnershipProcessor implements CatalogProcessor {
  /**
   * @param edits - ownership edits made in the Readiness UI; when given, they
   * are written onto the entity's annotations before anything else reads them.
   */
  constructor(private readonly edits?: OwnershipEditsSource) {}

  getProcessorName(): string {
    return 'ReadinessOwnershipProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    if (!this.edits) return entity;
    const ref = stringifyEntityRef(entity).toLowerCase();
    const roles = (await this.edits.get()).get(ref);
    if (!roles) return entity;
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: overlayOwnership(entity.metadata.annotations, roles),
      },
    };
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const annotations = entity.metadata.annotations ?? {};
    const self = getCompoundEntityRef(entity);
    for (const role of OWNERSHIP_ROLES) {
      const value = annotations[OWNERSHIP_ROLE_ANNOTATIONS[role]];
      if (value === undefined) continue;
      const parsed = parseOwnerRef(value, self.namespace);
      if (!parsed.ok) continue;
      const { ownedBy, ownerOf } = READINESS_ROLE_RELATIONS[role];
      emit(
        processingResult.relation({
          source: self,
          type: ownedBy,
          target: parsed.ref,
        }),
      );
      emit(
        processingResult.relation({
          source: parsed.ref,
          type: ownerOf,
          target: self,
        }),
      );
    }
    return entity;
  }
}

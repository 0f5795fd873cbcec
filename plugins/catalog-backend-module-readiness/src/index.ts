/**
 * Catalog backend module for Readiness: relations for the incident, technical
 * and communication owners of every entity, and signals of changed entities.
 *
 * @packageDocumentation
 */

export { catalogModuleReadiness as default } from './module';
export { ReadinessOwnershipProcessor } from './processor/ReadinessOwnershipProcessor';
export { READINESS_ROLE_RELATIONS } from './processor/relations';
export {
  ReadinessBackendOwnershipEdits,
  type OwnershipEditsSource,
} from './processor/OwnershipEdits';
export { CatalogChangeSignals } from './signals/CatalogChangeSignals';

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { OWNERSHIP_CHANGED_TOPIC } from '@readiness/backstage-plugin-readiness-common';
import { ReadinessBackendOwnershipEdits } from './processor/OwnershipEdits';
import { ReadinessOwnershipProcessor } from './processor/ReadinessOwnershipProcessor';
import { CatalogChangeSignals } from './signals/CatalogChangeSignals';

/**
 * Catalog module that overlays ownership edits, emits relations for the
 * Readiness ownership roles, and names changed entities to the Readiness backend.
 *
 * @public
 */
export const catalogModuleReadiness = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'readiness',
  register({ registerInit }) {
    registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        events: eventsServiceRef,
      },
      async init({ catalog, discovery, auth, logger, events }) {
        const edits = new ReadinessBackendOwnershipEdits({
          discovery,
          auth,
          logger,
        });
        catalog.addProcessor(new ReadinessOwnershipProcessor(edits));
        // Entities processed with new content are named to the Readiness
        // backend, which evaluates them at once instead of at its next cycle.
        catalog.addProcessor(
          new CatalogChangeSignals(events, error =>
            logger.warn(
              `Readiness: could not announce changed entities: ${error}`,
            ),
          ),
        );
        // A saved edit: read the edits again before the entity is reprocessed,
        // instead of overlaying a cached list that does not have it yet.
        await events.subscribe({
          id: 'catalog-readiness-ownership',
          topics: [OWNERSHIP_CHANGED_TOPIC],
          onEvent: async () => edits.invalidate(),
        });
      },
    });
  },
});

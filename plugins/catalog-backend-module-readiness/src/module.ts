import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { OWNERSHIP_CHANGED_TOPIC } from '@readiness/backstage-plugin-readiness-common';
import { ReadinessBackendOwnershipEdits } from './processor/OwnershipEdits';
import { ReadinessOwnershipProcessor } from './processor/ReadinessOwnershipProcessor';

/**
 * Catalog module that emits relations for the Readiness ownership roles.
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

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
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
      },
      async init({ catalog, discovery, auth, logger }) {
        const edits = new ReadinessBackendOwnershipEdits({
          discovery,
          auth,
          logger,
        });
        catalog.addProcessor(new ReadinessOwnershipProcessor(edits));
      },
    });
  },
});

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { generateCatalog } from './generate';

/** Loads the generated catalog (`bench.components` components) into the catalog once. */
export const benchCatalogModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'bench-entities',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ catalog, config }) {
        const size = Number(config.getString('bench.components'));
        catalog.addEntityProvider({
          getProviderName: () => 'bench',
          connect: async connection => {
            const location = 'bench:generated';
            await connection.applyMutation({
              type: 'full',
              entities: generateCatalog(size).map(entity => ({
                locationKey: location,
                entity: {
                  ...entity,
                  metadata: {
                    ...entity.metadata,
                    annotations: {
                      ...entity.metadata.annotations,
                      'backstage.io/managed-by-location': location,
                      'backstage.io/managed-by-origin-location': location,
                    },
                  },
                },
              })),
            });
          },
        });
      },
    });
  },
});

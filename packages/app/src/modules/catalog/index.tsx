import {
  coreExtensionData,
  ExtensionBoundary,
} from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';

/**
 * The catalog plugin with its index page showing a Readiness column (see
 * ReadinessCatalogPage); the Readiness status filter comes from the Readiness
 * plugin as a `catalog-filter` extension.
 */
export const catalogWithReadiness = catalogPlugin.withOverrides({
  extensions: [
    catalogPlugin.getExtension('page:catalog').override({
      *factory(originalFactory, { node, inputs, config }) {
        const filters = inputs.filters.map(f =>
          f.get(coreExtensionData.reactElement),
        );
        for (const output of originalFactory()) {
          if (output.id !== coreExtensionData.reactElement.id) {
            yield output;
            continue;
          }
          yield coreExtensionData.reactElement(
            ExtensionBoundary.lazy(node, () =>
              import('./ReadinessCatalogPage').then(m => (
                <m.ReadinessCatalogPage
                  filters={<>{filters}</>}
                  pagination={config.pagination}
                />
              )),
            ),
          );
        }
      },
    }),
  ],
});

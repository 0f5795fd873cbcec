import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/**
 * A catalog mock whose reads answer from these entities (spied, so a test
 * can count or fail them) and whose refresh does nothing.
 */
export function spiedCatalog(entities: Entity[]) {
  const catalog = catalogServiceMock.mock({});
  const real = catalogServiceMock({ entities });
  for (const m of [
    'getEntityByRef',
    'getEntitiesByRefs',
    'getEntities',
    'queryEntities',
  ] as const) {
    (catalog[m] as jest.Mock).mockImplementation((...args: any[]) =>
      (real[m] as any)(...args),
    );
  }
  (catalog.refreshEntity as jest.Mock).mockResolvedValue(undefined);
  return catalog;
}

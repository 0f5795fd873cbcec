import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ConfigReader } from '@backstage/config';
import { exampleEntities, readinessConfig } from '../__testUtils__/testUtils';
import { CatalogReader } from './CatalogReader';
import { ScorecardRegistry } from './ScorecardRegistry';

function reader() {
  const catalog = catalogServiceMock({ entities: exampleEntities() });
  const query = jest.spyOn(catalog, 'queryEntities');
  const scorecards = ScorecardRegistry.fromConfig(
    new ConfigReader(readinessConfig()),
  );
  return {
    reader: new CatalogReader(catalog, mockServices.auth(), scorecards),
    query,
  };
}

describe('CatalogReader', () => {
  it('lets the shards of a cycle share one read of the catalog', async () => {
    const { reader: r, query } = reader();
    const snapshots = await Promise.all([r.read(), r.read(), r.read()]);
    // One read is two queries (scoped kinds, then organisation), not six.
    expect(query).toHaveBeenCalledTimes(2);
    expect(new Set(snapshots).size).toBe(1);
    expect(snapshots[0].scoped.length).toBeGreaterThan(10);

    // A read that just finished serves a shard that starts a moment later …
    expect(await r.read({ reuseMs: 60_000 })).toBe(snapshots[0]);
    expect(query).toHaveBeenCalledTimes(2);
    // … but without reuse (a new cycle), the catalog is read again.
    expect(await r.read()).not.toBe(snapshots[0]);
    expect(query).toHaveBeenCalledTimes(4);
  });
});

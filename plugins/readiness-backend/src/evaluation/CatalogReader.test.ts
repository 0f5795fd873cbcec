import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  EXAMPLES,
  exampleEntities,
  readinessConfig,
} from '../__testUtils__/testUtils';
import { CatalogReader } from './CatalogReader';
import { ScorecardRegistry } from './ScorecardRegistry';

function reader(entities = exampleEntities()) {
  const catalog = catalogServiceMock({ entities });
  const query = jest.spyOn(catalog, 'queryEntities');
  const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
  const scorecards = ScorecardRegistry.fromConfig(
    new ConfigReader(readinessConfig()),
  );
  return {
    reader: new CatalogReader(catalog, mockServices.auth(), scorecards),
    query,
    byRefs,
  };
}

describe('CatalogReader', () => {
  it('lets the shards of a cycle share one read of the catalog', async () => {
    const { reader: r, query } = reader();
    const snapshots = await Promise.all([r.read(), r.read(), r.read()]);
    // One read (scoped kinds, then organisation; each refs and etags first,
    // then in full as these entities have no etags) for the three.
    expect(query).toHaveBeenCalledTimes(4);
    expect(new Set(snapshots).size).toBe(1);
    expect(snapshots[0].scoped.length).toBeGreaterThan(10);

    // A read that just finished serves a shard that starts a moment later …
    expect(await r.read({ reuseMs: 60_000 })).toBe(snapshots[0]);
    expect(query).toHaveBeenCalledTimes(4);
    // … but without reuse (a new cycle), the catalog is read again.
    expect(await r.read()).not.toBe(snapshots[0]);
    expect(query).toHaveBeenCalledTimes(8);
  });

  it('gives the last read however old to latest(), where current() reads again after five minutes', async () => {
    const { reader: r, query } = reader();
    const first = await r.latest(); // none yet: reads
    expect(query).toHaveBeenCalledTimes(4);
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 10 * 60_000);
    try {
      expect(await r.latest()).toBe(first);
      expect(query).toHaveBeenCalledTimes(4);
      expect(await r.current()).not.toBe(first);
      expect(query).toHaveBeenCalledTimes(8);
    } finally {
      clock.mockRestore();
    }
  });

  it('reads in full only the entities whose etag changed since the last read', async () => {
    const entities = exampleEntities().map((e, i) => ({
      ...e,
      metadata: { ...e.metadata, etag: `v1-${i}` },
    }));
    const { reader: r, query, byRefs } = reader(entities);
    const fetched = () =>
      byRefs.mock.calls.flatMap(([request]) => request.entityRefs);
    const first = await r.read();
    expect(fetched()).toHaveLength(
      first.scoped.length + first.organisation.length,
    );

    byRefs.mockClear();
    const again = await r.read();
    expect(fetched()).toEqual([]);
    expect(again.scoped.map(e => e.metadata.name)).toEqual(
      first.scoped.map(e => e.metadata.name),
    );

    // One component changes, one group is deleted.
    const ledger = entities.find(e => e.metadata.name === 'ledger-service')!;
    ledger.metadata = {
      ...ledger.metadata,
      etag: 'v2',
      annotations: { 'readiness/runbook': 'https://runbooks.example.com/l' },
    };
    const goneName = entities.find(e => e.kind === 'Group')!.metadata.name;
    const remaining = entities.filter(e => e.metadata.name !== goneName);
    query.mockImplementation(async req =>
      catalogServiceMock({ entities: remaining }).queryEntities(req, {
        credentials: undefined as any,
      }),
    );
    byRefs.mockClear();
    const third = await r.read();
    expect(fetched()).toEqual(['component:default/ledger-service']);
    expect(
      third.scoped.find(e => e.metadata.name === 'ledger-service')!.metadata
        .annotations,
    ).toEqual({ 'readiness/runbook': 'https://runbooks.example.com/l' });
    expect(
      third.organisation.some(
        e => e.kind === 'Group' && e.metadata.name === goneName,
      ),
    ).toBe(false);
  });

  it('finishes a read whole when the scorecards are reloaded during it, and reads anew after', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-reader-'));
    const file = path.join(dir, 'production.yaml');
    const text = fs.readFileSync(
      path.join(EXAMPLES, 'scorecards/production.yaml'),
      'utf8',
    );
    fs.writeFileSync(file, text);
    const scorecards = ScorecardRegistry.fromConfig(
      new ConfigReader(readinessConfig({ scorecards: [{ file }] })),
    );
    const entities = exampleEntities().map((e, i) => ({
      ...e,
      metadata: { ...e.metadata, etag: `v1-${i}` },
    }));
    const catalog = catalogServiceMock({ entities });
    const original = catalog.getEntitiesByRefs.bind(catalog);
    const query = jest.spyOn(catalog, 'queryEntities');
    const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const r = new CatalogReader(catalog, mockServices.auth(), scorecards);
    const whole = (
      await new CatalogReader(
        catalogServiceMock({ entities }),
        mockServices.auth(),
        scorecards,
      ).read()
    ).scoped.length;

    // A first read keeps the entities; then one of them changes, and the
    // scorecards change while the next read fetches it.
    expect((await r.read()).scoped).toHaveLength(whole);
    const ledger = entities.find(e => e.metadata.name === 'ledger-service')!;
    ledger.metadata = { ...ledger.metadata, etag: 'v2' };
    let reloaded: { changed: boolean } | undefined;
    byRefs.mockImplementation(async (req, opts) => {
      if (!reloaded) {
        fs.writeFileSync(
          file,
          text.replace('passingScore: 95', 'passingScore: 90'),
        );
        reloaded = scorecards.reload();
      }
      return original(req, opts);
    });
    const during = await r.read();
    expect(reloaded).toEqual({ changed: true, revision: expect.any(String) });
    // Every scoped entity is there: a shard would otherwise drop the
    // results of those missing.
    expect(during.scoped).toHaveLength(whole);
    // That read was not kept: the next one reads the catalog again.
    query.mockClear();
    const after = await r.current();
    expect(after).not.toBe(during);
    expect(query).toHaveBeenCalled();
    expect(after.scoped).toHaveLength(whole);
  });
});

import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  DefaultEventsService,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CATALOG_CHANGED_TOPIC } from '@readiness/backstage-plugin-readiness-common';
import { Knex } from 'knex';
import { startReadinessBackend } from '../__testUtils__/testBackend';
import { exampleEntities } from '../__testUtils__/testUtils';

// A backend per test, and waits of a few seconds for the catalog's signals.
jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** A catalog whose entities the test replaces; its reads are spied. */
function mutableCatalog(initial: Entity[]) {
  const current = { real: catalogServiceMock({ entities: initial }) };
  const catalog = catalogServiceMock.mock({});
  for (const m of [
    'getEntitiesByRefs',
    'getEntityByRef',
    'queryEntities',
    'getEntities',
  ] as const)
    (catalog[m] as jest.Mock).mockImplementation((...args: any[]) =>
      (current.real[m] as any)(...args),
    );
  (catalog.refreshEntity as jest.Mock).mockResolvedValue(undefined);
  return {
    catalog,
    set(entities: Entity[]) {
      current.real = catalogServiceMock({ entities });
    },
    /** Refs asked for one by one since the last `clear`. */
    byRef: () =>
      (catalog.getEntitiesByRefs as jest.Mock).mock.calls.flatMap(
        ([r]) => r.entityRefs,
      ),
    clear: () => jest.clearAllMocks(),
  };
}

async function failing(knex: Knex, ref: string) {
  const rows = await knex('readiness_results')
    .where('entity_ref', ref)
    .select('scorecard', 'failing_checks');
  return Object.fromEntries(rows.map(r => [r.scorecard, r.failing_checks]));
}

async function until(what: string, ok: () => Promise<boolean>) {
  // Bounded: 20 s.
  for (let i = 0; i < 400; i++) {
    if (await ok()) return;
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each(databases.eachSupportedId())(
  'catalog change signals on %s',
  databaseId => {
    async function start() {
      const entities = exampleEntities();
      const cat = mutableCatalog(entities);
      const events = DefaultEventsService.create({
        logger: mockServices.logger.mock(),
        useEventBus: 'never',
      });
      const { knex } = await startReadinessBackend({
        databases,
        databaseId,
        catalog: cat.catalog,
        features: [
          createServiceFactory({
            service: eventsServiceRef,
            deps: {},
            factory: () => events,
          }),
        ],
      });
      const attempts = async () =>
        (await knex('readiness_shards').select('last_attempt_at'))
          .map(r => String(r.last_attempt_at))
          .sort()
          .join();
      const signal = (...entityRefs: string[]) =>
        events.publish({
          topic: CATALOG_CHANGED_TOPIC,
          eventPayload: { entityRefs },
        });
      return { entities, cat, knex, attempts, signal };
    }

    it('evaluates a changed entity on its signal, reading only it, without a cycle', async () => {
      const { entities, cat, knex, attempts, signal } = await start();
      const ref = 'component:default/payments-api';
      const before = await failing(knex, ref);
      expect(Object.keys(before).length).toBeGreaterThan(0);
      const cycles = await attempts();

      const payments = entities.find(
        e => e.kind === 'Component' && e.metadata.name === 'payments-api',
      )!;
      // catalog-info.yaml loses its runbook (annotation and link).
      const { 'readiness/runbook': _runbook, ...annotations } =
        payments.metadata.annotations!;
      const links = payments.metadata.links?.filter(l => l.type !== 'runbook');
      cat.set(
        entities.map(e =>
          e === payments
            ? { ...e, metadata: { ...e.metadata, annotations, links } }
            : e,
        ),
      );
      cat.clear();
      // The last catalog read is ten minutes old by now: a signal still
      // reads only its entity.
      const later = Date.now() + 10 * 60_000;
      const clock = jest.spyOn(Date, 'now').mockImplementation(() => later);
      try {
        await signal(ref);
        await until(
          'the new result',
          async () =>
            JSON.stringify(await failing(knex, ref)) !== JSON.stringify(before),
        );
        expect(Object.values(await failing(knex, ref)).join()).toContain(
          'runbook',
        );
        // Only the named entity was read; no shard ran.
        expect(cat.byRef()).toEqual([ref]);
        expect(cat.catalog.queryEntities).not.toHaveBeenCalled();
        expect(await attempts()).toBe(cycles);
      } finally {
        clock.mockRestore();
      }
    });

    it('looks again at an entity named but read unchanged (the catalog stores it a moment after naming it), writing nothing', async () => {
      const { cat, knex, signal } = await start();
      const ref = 'component:default/ledger-service';
      const before = await knex('readiness_results')
        .where('entity_ref', ref)
        .select('changed_at', 'hash');
      const changes = await knex('readiness_changes').count({ n: '*' });
      cat.clear();
      await signal(ref);
      await until('a second look', async () => cat.byRef().length >= 2);
      expect(new Set(cat.byRef())).toEqual(new Set([ref]));
      expect(
        await knex('readiness_results')
          .where('entity_ref', ref)
          .select('changed_at', 'hash'),
      ).toEqual(before);
      expect(await knex('readiness_changes').count({ n: '*' })).toEqual(
        changes,
      );
    });

    it('scores a newly registered entity when the catalog names it', async () => {
      const { entities, cat, knex, signal } = await start();
      const ref = 'component:default/brand-new-service';
      cat.set([
        ...entities,
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'brand-new-service' },
          spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
        },
      ]);
      expect(await failing(knex, ref)).toEqual({});
      await signal(ref);
      await until(
        'a first result',
        async () => Object.keys(await failing(knex, ref)).length > 0,
      );
    });

    it('makes every shard run at once when a group changes', async () => {
      const { attempts, signal } = await start();
      const cycles = await attempts();
      await new Promise(r => setTimeout(r, 20));
      await signal('group:default/payments');
      await until(
        'the shards to run',
        async () => (await attempts()) !== cycles,
      );
      expect(await attempts()).not.toBe(cycles);
    });
  },
);

import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ConfigReader } from '@backstage/config';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { CATALOG_CHANGED_TOPIC } from '@readiness/backstage-plugin-readiness-common';
import { exampleEntities, readinessConfig } from '../__testUtils__/testUtils';
import { CatalogChangeFollower } from './CatalogChangeFollower';
import { CatalogReader } from './CatalogReader';
import { ScorecardRegistry } from './ScorecardRegistry';

/** The follower with a stand-in evaluator that finds `changed` refs changed. */
function follower(changed: Set<string>, entities = exampleEntities()) {
  const catalog = catalogServiceMock({ entities });
  const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
  const reader = new CatalogReader(
    catalog,
    mockServices.auth(),
    ScorecardRegistry.fromConfig(new ConfigReader(readinessConfig())),
  );
  const evaluated: string[][] = [];
  const evaluator = {
    evaluateIfChanged: async (list: Entity[]) => {
      const refs = list.map(e =>
        `${e.kind}:${e.metadata.namespace ?? 'default'}/${
          e.metadata.name
        }`.toLowerCase(),
      );
      evaluated.push(refs);
      const due = refs.filter(r => changed.has(r));
      return {
        evaluated: due,
        unchanged: refs.filter(r => !changed.has(r)),
        written: due.length,
      };
    },
  };
  const organisation = jest.fn();
  const f = new CatalogChangeFollower({
    reader,
    evaluator,
    logger: mockServices.logger.mock(),
    onOrganisationChange: organisation,
    delayMs: 5,
    retries: 2,
    retryMs: 5,
  });
  const read = () => byRefs.mock.calls.flatMap(([r]) => r.entityRefs);
  return { f, evaluated, organisation, read };
}

describe('CatalogChangeFollower', () => {
  it('reads and evaluates only the entities named on the topic', async () => {
    const ref = 'component:default/payments-api';
    const { f, evaluated, organisation, read } = follower(new Set([ref]));
    const events = DefaultEventsService.create({
      logger: mockServices.logger.mock(),
      useEventBus: 'never',
    });
    await f.subscribe(events);
    await events.publish({
      topic: CATALOG_CHANGED_TOPIC,
      eventPayload: { entityRefs: ['Component:default/Payments-API'] },
    });
    // Delivered, then handled (bounded: 2 s).
    for (let i = 0; i < 200 && evaluated.length === 0; i++)
      await new Promise(r => setTimeout(r, 10));
    await f.settled();
    expect(read()).toEqual([ref]);
    expect(evaluated).toEqual([[ref]]);
    expect(organisation).not.toHaveBeenCalled();
  });

  it('looks again, a bounded number of times, at an entity the catalog has not stored yet', async () => {
    const ref = 'component:default/payments-api';
    const { f, evaluated } = follower(new Set());
    f.add([ref, 'component:default/not-registered-yet']);
    await new Promise(r => setTimeout(r, 20));
    await f.settled();
    // The first look and two more; the unknown one is asked for each time.
    expect(evaluated).toEqual([[ref], [ref], [ref]]);
  });

  it('makes every shard run when a user, group, system or domain changes', async () => {
    const { f, organisation, read } = follower(new Set());
    f.add(['group:default/payments']);
    await new Promise(r => setTimeout(r, 20));
    await f.settled();
    expect(organisation).toHaveBeenCalledTimes(1);
    // Groups are no scorecard's scope here: not read one by one.
    expect(read()).toEqual([]);
  });

  it('ignores refs that do not parse and kinds no scorecard reads', async () => {
    const { f, evaluated, organisation } = follower(new Set());
    const report = await f.follow(
      new Map([
        ['not a ref', 0],
        ['template:default/new-service', 0],
      ]),
    );
    expect(report.read).toBe(0);
    expect(evaluated).toEqual([[]]);
    expect(organisation).not.toHaveBeenCalled();
  });
});

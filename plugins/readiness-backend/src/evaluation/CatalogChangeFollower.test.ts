import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ConfigReader } from '@backstage/config';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { CATALOG_CHANGED_TOPIC } from '@readiness/backstage-plugin-readiness-common';
import { exampleEntities, readinessConfig } from '../__testUtils__/testUtils';
import { CatalogChangeFollower, Pending } from './CatalogChangeFollower';

/** A batch of refs named once, as the topic names them. */
const named = (...refs: string[]) =>
  new Map<string, Pending>(
    refs.map(r => [r, { attempt: 0, firstSeen: false }]),
  );
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
    organisationEveryMs: 200,
  });
  const read = () => byRefs.mock.calls.flatMap(([r]) => r.entityRefs);
  return { f, evaluated, organisation, read, reader };
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

  it('looks again at an entity evaluated for another reason while its etag is still the one it had, and stops once it changed', async () => {
    const ref = 'component:default/payments-api';
    const withEtag = (etag: string) =>
      exampleEntities().map(e =>
        e.kind === 'Component' && e.metadata.name === 'payments-api'
          ? { ...e, metadata: { ...e.metadata, etag } }
          : e,
      );
    // Due anyway (say its evidence changed): evaluated on every look.
    const old = follower(new Set([ref]), withEtag('v1'));
    old.reader.remember(withEtag('v1').filter(e => e.metadata.etag));
    const first = await old.f.follow(named(ref));
    expect(first.evaluated).toEqual([ref]);
    expect(first.retried).toBe(1); // the catalog still gives v1
    old.f.stop();

    const stored = follower(new Set([ref]), withEtag('v2'));
    stored.reader.remember(withEtag('v1').filter(e => e.metadata.etag));
    expect((await stored.f.follow(named(ref))).retried).toBe(0);
  });

  it('looks once at an entity the catalog saw for the first time since its start, unless it is not there yet', async () => {
    const { f, read } = follower(new Set());
    f.add(['component:default/payments-api', 'component:default/not-yet'], {
      firstSeen: true,
    });
    await f.settled();
    expect(read().filter(r => r.endsWith('payments-api'))).toHaveLength(1);
    expect(read().filter(r => r.endsWith('not-yet'))).toHaveLength(3);
  });

  it('asks the shards to run at most once per period for organisation changes, and once more at its end', async () => {
    const { f, organisation } = follower(new Set());
    // Seen first since the catalog started: not a change.
    f.add(['group:default/payments'], { firstSeen: true });
    await f.settled();
    expect(organisation).not.toHaveBeenCalled();
    await f.follow(named('group:default/payments'));
    await f.follow(named('user:default/alice'));
    await f.follow(named('group:default/ops'));
    expect(organisation).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 100 && organisation.mock.calls.length < 2; i++)
      await new Promise(r => setTimeout(r, 10));
    expect(organisation).toHaveBeenCalledTimes(2);
    f.stop();
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
      named('not a ref', 'template:default/new-service'),
    );
    expect(report.read).toBe(0);
    expect(evaluated).toEqual([[]]);
    expect(organisation).not.toHaveBeenCalled();
  });
});

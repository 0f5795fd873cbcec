import { Entity } from '@backstage/catalog-model';
import { EventParams } from '@backstage/plugin-events-node';
import { CATALOG_CHANGED_TOPIC } from '@readiness/backstage-plugin-readiness-common';
import { CatalogChangeSignals } from './CatalogChangeSignals';

const location = { type: 'url', target: 'http://127.0.0.1/catalog-info.yaml' };

function component(name: string, lifecycle = 'production'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'Shop' },
    spec: { type: 'service', owner: 'payments', lifecycle },
  };
}

function recorder(fail = false) {
  const published: EventParams[] = [];
  const events = {
    publish: async (e: EventParams) => {
      if (fail) throw new Error('bus down');
      published.push(e);
    },
    subscribe: async () => {},
  };
  const refs = () =>
    published.flatMap(
      e => (e.eventPayload as { entityRefs: string[] }).entityRefs,
    );
  return { events, published, refs };
}

describe('CatalogChangeSignals', () => {
  it('names an entity when it is new and when its content changes, not when it is processed unchanged', async () => {
    const { events, published, refs } = recorder();
    const signals = new CatalogChangeSignals(events);
    const out = await signals.postProcessEntity(
      component('payments-api'),
      location,
      () => {},
    );
    expect(out.metadata.name).toBe('payments-api');
    await signals.flush();
    expect(published).toEqual([
      {
        topic: CATALOG_CHANGED_TOPIC,
        eventPayload: {
          entityRefs: ['component:shop/payments-api'],
          firstSeen: ['component:shop/payments-api'],
        },
      },
    ]);

    // The next processing round: nothing changed, nothing said.
    signals.seen(component('payments-api'));
    await signals.flush();
    expect(published).toHaveLength(1);

    signals.seen(component('payments-api', 'deprecated'));
    await signals.flush();
    expect(refs()).toEqual([
      'component:shop/payments-api',
      'component:shop/payments-api',
    ]);
    // A change, not a first sight.
    expect(published[1].eventPayload).toEqual({
      entityRefs: ['component:shop/payments-api'],
    });
  });

  it('gathers the refs of a burst into one event, and sends on its own after a moment', async () => {
    const { events, published, refs } = recorder();
    const signals = new CatalogChangeSignals(events);
    for (let i = 0; i < 5; i++) signals.seen(component(`svc-${i}`));
    expect(published).toHaveLength(0);
    await new Promise(r => setTimeout(r, 400));
    expect(published).toHaveLength(1);
    expect(refs()).toHaveLength(5);
  });

  it('sends at most a thousand refs per event', async () => {
    const { events, published } = recorder();
    const signals = new CatalogChangeSignals(events);
    for (let i = 0; i < 2500; i++) signals.seen(component(`svc-${i}`));
    await signals.flush();
    expect(
      published.map(
        e => (e.eventPayload as { entityRefs: string[] }).entityRefs.length,
      ),
    ).toEqual([1000, 1000, 500]);
  });

  it('never fails processing when the events service does', async () => {
    const { events } = recorder(true);
    const errors: unknown[] = [];
    const signals = new CatalogChangeSignals(events, e => errors.push(e));
    await expect(
      signals.postProcessEntity(component('payments-api'), location, () => {}),
    ).resolves.toBeDefined();
    await signals.flush();
    expect(String(errors[0])).toContain('bus down');
  });
});

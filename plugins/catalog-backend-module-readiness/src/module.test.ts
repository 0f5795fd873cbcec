import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { CatalogProcessor } from '@backstage/plugin-catalog-node';
import { EventParams, eventsServiceRef } from '@backstage/plugin-events-node';
import { CATALOG_CHANGED_TOPIC } from '@readiness/backstage-plugin-readiness-common';
import { catalogModuleReadiness } from './module';

describe('catalogModuleReadiness', () => {
  it('adds the ownership processor and the change signals, which name a processed entity on the topic', async () => {
    const processors: CatalogProcessor[] = [];
    const published: EventParams[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          {
            addProcessor: (...p: any[]) => processors.push(...p.flat()),
            addEntityProvider: () => {},
            addPlaceholderResolver: () => {},
            setOnProcessingErrorHandler: () => {},
          },
        ],
      ],
      features: [
        catalogModuleReadiness,
        mockServices.discovery.factory(),
        createServiceFactory({
          service: eventsServiceRef,
          deps: {},
          factory: () => ({
            publish: async (e: EventParams) => {
              published.push(e);
            },
            subscribe: async () => {},
          }),
        }),
      ],
    });
    expect(processors.map(p => p.getProcessorName())).toEqual([
      'ReadinessOwnershipProcessor',
      'ReadinessCatalogChangeSignals',
    ]);
    const signals = processors[1];
    await signals.postProcessEntity!(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'payments-api' },
        spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
      },
      { type: 'url', target: 'http://127.0.0.1/catalog-info.yaml' },
      () => {},
      undefined as any, // the processing cache, which it does not use
    );
    for (let i = 0; i < 100 && published.length === 0; i++)
      await new Promise(r => setTimeout(r, 20));
    expect(published).toEqual([
      {
        topic: CATALOG_CHANGED_TOPIC,
        eventPayload: {
          entityRefs: ['component:default/payments-api'],
          firstSeen: ['component:default/payments-api'],
        },
      },
    ]);
  });
});

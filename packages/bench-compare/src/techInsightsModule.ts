import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  FactRetriever,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';

const FACTS: Record<string, (e: Entity) => boolean | number> = {
  hasIncidentOwner: e => !!ann(e, 'readiness/incident-owner'),
  hasTechnicalOwner: e => !!ann(e, 'readiness/technical-owner'),
  hasCommunicationOwner: e => !!ann(e, 'readiness/communication-owner'),
  rolesSeparate: e =>
    !!ann(e, 'readiness/incident-owner') &&
    ann(e, 'readiness/incident-owner') !== ann(e, 'readiness/technical-owner'),
  channelValid: e =>
    /^(slack|teams|email):\S+$/.test(
      ann(e, 'readiness/communication-channel') ?? '',
    ),
  hasRunbook: e => /^https:\/\//.test(ann(e, 'readiness/runbook') ?? ''),
  hasHealthUrl: e => /^https?:\/\//.test(ann(e, 'readiness/health-url') ?? ''),
  hasDashboard: e =>
    (e.metadata.links ?? []).some(l => l.type === 'dashboard' && !!l.url),
  hasSystem: e => typeof e.spec?.system === 'string',
  hasRto: e => !!ann(e, 'readiness/rto'),
  hasRpo: e => !!ann(e, 'readiness/rpo'),
  hasTechdocs: e => !!ann(e, 'backstage.io/techdocs-ref'),
  hasOncall: e => !!ann(e, 'pagerduty.com/service-id'),
  hasRepository: e => !!ann(e, 'github.com/project-slug'),
  isService: e => e.spec?.type === 'service',
  tagCount: e => (e.metadata.tags ?? []).length,
  linkCount: e => (e.metadata.links ?? []).length,
};

function ann(e: Entity, key: string): string | undefined {
  return e.metadata.annotations?.[key];
}

/**
 * Tech Insights' side of the comparison: one fact retriever written the way
 * the built-in ones are (one catalog read of the entities it covers, one
 * fact row per entity), computing from annotations what Readiness's default
 * scorecard checks in the catalog. The checks are in app-config.yaml.
 */
export const benchTechInsightsModule = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'bench-facts',
  register(reg) {
    reg.registerInit({
      deps: {
        retrievers: techInsightsFactRetrieversExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ retrievers, catalog, auth }) {
        const retriever: FactRetriever = {
          id: 'readinessFactRetriever',
          version: '0.1.0',
          title: 'Readiness annotations',
          description:
            'What the Readiness default scorecard reads from the catalog',
          entityFilter: [{ kind: 'component', 'spec.lifecycle': 'production' }],
          schema: Object.fromEntries(
            Object.keys(FACTS).map(id => [
              id,
              {
                type: id.endsWith('Count') ? 'integer' : 'boolean',
                description: id,
              },
            ]),
          ),
          async handler({ entityFilter }) {
            const { items } = await catalog.getEntities(
              { filter: entityFilter as any },
              { credentials: await auth.getOwnServiceCredentials() },
            );
            return items.map(e => ({
              entity: {
                kind: e.kind,
                namespace: e.metadata.namespace ?? 'default',
                name: e.metadata.name,
              },
              facts: Object.fromEntries(
                Object.entries(FACTS).map(([id, f]) => [id, f(e)]),
              ),
            }));
          },
        };
        retrievers.addFactRetrievers({ readinessFactRetriever: retriever });
      },
    });
  },
});

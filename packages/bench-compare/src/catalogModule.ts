import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { generateCatalog } from './generate';

const LOCATION = 'bench:generated';

function located(entity: Entity): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
      },
    },
  };
}

const refOf = (e: Entity) =>
  `${e.kind}:${e.metadata.namespace ?? 'default'}/${
    e.metadata.name
  }`.toLowerCase();

/**
 * Loads the generated catalog (`bench.components` components) into the
 * catalog once, and changes it on request for the freshness measure:
 * `POST /api/catalog/bench/mutate {change, add}` removes the runbook of
 * `change` production components that have one (their `runbook` check then
 * fails) and registers `add` new production components, as a delta.
 */
export const benchCatalogModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'bench-entities',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        http: coreServices.httpRouter,
      },
      async init({ catalog, config, http }) {
        const size = Number(config.getString('bench.components'));
        const entities = generateCatalog(size) as Entity[];
        let connection: EntityProviderConnection | undefined;
        let round = 0;
        catalog.addEntityProvider({
          getProviderName: () => 'bench',
          connect: async c => {
            connection = c;
            await c.applyMutation({
              type: 'full',
              entities: entities.map(entity => ({
                locationKey: LOCATION,
                entity: located(entity),
              })),
            });
          },
        });
        const router = Router();
        router.use(express.json());
        router.post('/bench/mutate', async (req, res) => {
          const change = Number(req.body.change ?? 0);
          const add = Number(req.body.add ?? 0);
          round++;
          const candidates = entities.filter(
            e =>
              e.kind === 'Component' &&
              (e.spec as { lifecycle?: string }).lifecycle === 'production' &&
              e.metadata.annotations?.['readiness/runbook'],
          );
          const changed = candidates.slice(0, change).map(e => {
            const { 'readiness/runbook': _gone, ...annotations } =
              e.metadata.annotations!;
            const next = { ...e, metadata: { ...e.metadata, annotations } };
            entities[entities.indexOf(e)] = next;
            return next;
          });
          const template = candidates[candidates.length - 1];
          const added = Array.from({ length: add }, (_, i) => ({
            ...template,
            metadata: {
              ...template.metadata,
              name: `new-${round}-${i}`,
              title: `New service ${round}-${i}`,
            },
          }));
          entities.push(...added);
          const at = Date.now();
          await connection!.applyMutation({
            type: 'delta',
            added: [...changed, ...added].map(entity => ({
              locationKey: LOCATION,
              entity: located(entity),
            })),
            removed: [],
          });
          res.json({
            at,
            changed: changed.map(refOf),
            added: added.map(refOf),
          });
        });
        http.use(router);
        http.addAuthPolicy({ path: '/bench', allow: 'unauthenticated' });
      },
    });
  },
});

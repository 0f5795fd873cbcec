import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readinessPermissions } from '@readiness/backstage-plugin-readiness-common';
import { registerActions } from './actions/registerActions';
import { DatabaseReadinessStore } from './database/DatabaseReadinessStore';
import { CatalogReader } from './evaluation/catalogSnapshot';
import { Evaluator } from './evaluation/Evaluator';
import { loadScorecards } from './evaluation/scorecards';
import { createRouter } from './service/router';
import { ReadinessService } from './service/ReadinessService';
import { readSchedule } from './evaluation/schedule';

/**
 * The Readiness backend plugin: evaluates catalog entities against the
 * configured scorecards on a schedule, stores results and history, and
 * serves them over REST and as actions.
 *
 * @public
 */
export const readinessPlugin = createBackendPlugin({
  pluginId: 'readiness',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        actions: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler } = deps;
        const scorecards = loadScorecards(config);
        if (scorecards.length === 0) {
          logger.warn(
            'Readiness: no scorecards configured (readiness.scorecards); nothing will be evaluated',
          );
        }
        const store = await DatabaseReadinessStore.create({
          database: deps.database,
        });
        const evaluator = new Evaluator({
          store,
          reader: new CatalogReader(deps.catalog, deps.auth, scorecards),
          scorecards,
          logger,
          historyRetentionDays:
            config.getOptionalNumber('readiness.history.retentionDays') ?? 180,
        });
        deps.permissionsRegistry.addPermissions(readinessPermissions);

        const shards =
          config.getOptionalNumber('readiness.evaluation.shards') ?? 4;
        if (!Number.isInteger(shards) || shards < 1 || shards > 256) {
          throw new Error(
            `readiness.evaluation.shards: expected a whole number from 1 to 256, got ${shards}`,
          );
        }
        const schedule = readSchedule(config);
        for (let shard = 0; shard < shards; shard++) {
          await scheduler.scheduleTask({
            id: `readiness-evaluate-${shard}-of-${shards}`,
            ...schedule,
            // Each shard runs on one replica at a time, whatever the config says.
            scope: 'global',
            fn: async () => {
              await evaluator.runShard(shard, shards);
            },
          });
        }

        const service = new ReadinessService({
          store,
          evaluator,
          catalog: deps.catalog,
          permissions: deps.permissions,
        });
        registerActions(deps.actions, service);
        deps.httpRouter.use(
          await createRouter({
            service,
            auth: deps.auth,
            store,
            evaluator,
            catalog: deps.catalog,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            logger,
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});

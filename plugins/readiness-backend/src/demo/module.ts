import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { targetPaths } from '@backstage/cli-common';
import path from 'node:path';
import { applyDatabaseMigrations } from '../database/migrations';
import { loadDemoEvidence } from './loadDemoEvidence';

/**
 * Demo only: a module that loads an evidence file (see
 * `examples/evidence.json`) into the Readiness database at start-up, its times
 * moved so that its `asOf` is now, as if probes and CI had reported it. A
 * relative `file` is resolved against the repository root. Not for
 * production: add it only to a demo backend.
 *
 * @public
 */
export function readinessDemoEvidenceModule(options: { file: string }) {
  return createBackendModule({
    pluginId: 'readiness',
    moduleId: 'demo-evidence',
    register(env) {
      env.registerInit({
        deps: {
          database: coreServices.database,
          logger: coreServices.logger,
        },
        async init({ database, logger }) {
          // Modules start before their plugin, so the evidence is there
          // before the first evaluation; the migrations are idempotent.
          const knex = await database.getClient();
          if (!database.migrations?.skip) await applyDatabaseMigrations(knex);
          await loadDemoEvidence({
            file: path.resolve(targetPaths.rootDir, options.file),
            knex,
            logger,
          });
        },
      });
    },
  });
}

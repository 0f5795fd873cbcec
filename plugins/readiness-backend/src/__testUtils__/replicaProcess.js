/*
 * One Readiness backend replica in its own Node.js process, for the soak
 * test: the real plugin with Backstage's scheduler on the PostgreSQL
 * database in READINESS_REPLICA_DB (a knex connection object as JSON), the
 * example catalog, mock auth and an allow-all permission policy. Sends
 * `{ port }` to its parent once it listens; stops on SIGTERM.
 */
require('@backstage/cli/config/nodeTransform.cjs');
// Backstage's test backend builds its mock services with jest.fn: give
// this plain Node.js process the same mock functions jest has.
const { ModuleMocker } = require('jest-mock');

global.jest = new ModuleMocker(global);

const {
  mockServices,
  startTestBackend,
} = require('@backstage/backend-test-utils');
const {
  schedulerServiceFactory,
} = require('@backstage/backend-defaults/scheduler');
const {
  catalogServiceMock,
} = require('@backstage/plugin-catalog-node/testUtils');
const knexFactory = require('knex');
const { readinessPlugin } = require('../plugin');
const { exampleEntities } = require('./testUtils');

async function main() {
  const knex = knexFactory({
    client: 'pg',
    connection: JSON.parse(process.env.READINESS_REPLICA_DB),
    // As Backstage's test databases: other test files share the server.
    pool: { min: 0, max: 5 },
  });
  const backend = await startTestBackend({
    features: [
      readinessPlugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: JSON.parse(process.env.READINESS_REPLICA_CONFIG),
      }),
      catalogServiceMock.factory({ entities: exampleEntities() }),
      schedulerServiceFactory,
    ],
  });
  process.send({ port: backend.server.address().port });
  process.on('SIGTERM', async () => {
    await backend.stop().catch(() => undefined);
    await knex.destroy();
    process.exit(0);
  });
}

main().catch(error => {
  process.stderr.write(`replica: ${error.stack ?? error}\n`);
  process.exit(1);
});

import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  createServiceFactory,
  coreServices,
} from '@backstage/backend-plugin-api';
import request from 'supertest';
import { readinessPlugin } from './plugin';

jest.setTimeout(60_000);

describe('readiness backend plugin', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'answers /health without credentials on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [readinessPlugin, mockServices.database.factory({ knex })],
      });
      const res = await request(server).get('/api/readiness/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', database: 'ok' });
    },
  );

  it('answers 503 when the database is down', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startTestBackend({
      features: [
        readinessPlugin,
        createServiceFactory({
          service: coreServices.database,
          deps: {},
          factory: () => ({ getClient: async () => knex }),
        }),
      ],
    });
    await knex.destroy();
    const res = await request(server).get('/api/readiness/health');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'error', database: 'unavailable' });
  });
});

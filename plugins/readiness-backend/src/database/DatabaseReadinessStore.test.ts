import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { DatabaseReadinessStore } from './DatabaseReadinessStore';

jest.setTimeout(60_000);

describe('DatabaseReadinessStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'pings the database on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseReadinessStore.create({
        database: mockServices.database({ knex }),
      });
      await expect(store.ping()).resolves.toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'rejects when the connection is gone on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseReadinessStore.create({
        database: mockServices.database({ knex }),
      });
      await knex.destroy();
      await expect(store.ping()).rejects.toThrow();
    },
  );
});

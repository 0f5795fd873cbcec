import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { startReadinessBackend } from './__testUtils__/testBackend';
import { readinessPlugin } from './plugin';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const start = (options: { databaseId: TestDatabaseId; config: object }) =>
  startReadinessBackend({ databases, ...options });

describe.each(databases.eachSupportedId())(
  'readiness backend start-up on %s',
  databaseId => {
    it('refuses to start with an invalid scorecard, naming the field', async () => {
      const fs = require('node:fs');
      const os = require('node:os');
      const path = require('node:path');
      const file = path.join(
        fs.mkdtempSync(path.join(os.tmpdir(), 'rd-')),
        'bad.yaml',
      );
      fs.writeFileSync(
        file,
        'apiVersion: readiness/v1\nkind: Scorecard\nmetadata: { name: bad }\nspec:\n  areas: [{ id: a, title: A, checks: [{ id: x, title: X, severity: urgent, type: relation, with: { type: partOf } }] }]\n',
      );
      await expect(
        start({
          databaseId,
          config: { readiness: { scorecards: [{ file }] } },
        }),
      ).rejects.toThrow(
        'spec.areas[0].checks[0].severity (check "x"): expected one of critical, required, recommended',
      );
    });

    it('answers 503 on /health when the database is down', async () => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          readinessPlugin,
          mockServices.rootConfig.factory({ data: {} }),
          catalogServiceMock.factory({ entities: [] }),
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
  },
);

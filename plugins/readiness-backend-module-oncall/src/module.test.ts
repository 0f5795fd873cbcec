import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import readinessPlugin from '@readiness/backstage-plugin-readiness-backend';
import path from 'node:path';
import { readinessModuleOnCall } from './module';

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const component = (name: string, annotations: Record<string, string> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'team' },
});

describe.each(databases.eachSupportedId())(
  'readinessModuleOnCall on %s',
  databaseId => {
    it('stores the oncall fact of every component through the Readiness backend', async () => {
      const knex = await databases.init(databaseId);
      await startTestBackend({
        features: [
          readinessPlugin,
          readinessModuleOnCall,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              readiness: {
                scorecards: [
                  {
                    file: path.resolve(
                      __dirname,
                      '../../../examples/scorecards/production.yaml',
                    ),
                  },
                ],
                probes: { enabled: false },
              },
            },
          }),
          catalogServiceMock.factory({
            entities: [
              component('paged', { 'pagerduty.com/service-id': 'P123' }),
              component('genied', { 'opsgenie.com/team': 'ops' }),
              component('silent'),
            ],
          }),
          mockServices.scheduler.factory({
            includeInitialDelayedTasksOnStartup: true,
          }),
        ],
      });
      let rows: any[] = [];
      for (let i = 0; i < 100 && rows.length < 3; i++) {
        rows = await knex('readiness_facts').where({ fact_id: 'oncall' });
        await new Promise(r => setTimeout(r, 100));
      }
      const value = (name: string) =>
        JSON.parse(
          rows.find(r => r.entity_ref === `component:default/${name}`).value,
        );
      expect(value('paged')).toEqual({
        declared: true,
        providers: ['pagerduty'],
      });
      expect(value('genied')).toEqual({
        declared: true,
        providers: ['opsgenie'],
      });
      expect(value('silent')).toEqual({ declared: false, providers: [] });
      expect(rows.every(r => r.source === 'oncall-integration')).toBe(true);
    });
  },
);

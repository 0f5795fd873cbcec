import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseReadinessStore } from '../database/DatabaseReadinessStore';
import { resultRow } from '../database/testData';
import { registerActions } from './registerActions';

describe('registerActions', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('registers actions that read an entity and an owner’s failing checks from the store', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseReadinessStore.create({
      database: mockServices.database({ knex }),
    });
    await store.writeResults(
      [
        resultRow('ledger-service', {
          status: 'blocked',
          score: 40,
          failing: [{ id: 'incident-owner', area: 'ownership' }],
        }),
        resultRow('payments-api', { status: 'ready' }),
      ],
      [],
      '2026-11-23T12:00:00.000Z',
    );
    const actions: Record<string, any> = {};
    registerActions({ register: (a: any) => (actions[a.name] = a) }, store);
    expect(Object.keys(actions)).toEqual([
      'get-entity-readiness',
      'list-failing-checks-for-owner',
    ]);

    const entity = await actions['get-entity-readiness'].action({
      input: { entityRef: 'component:default/ledger-service' },
    });
    expect(entity.output.results[0]).toMatchObject({
      status: 'blocked',
      score: 40,
      failingChecks: [
        {
          checkId: 'incident-owner',
          severity: 'critical',
          message: 'incident-owner fails',
        },
      ],
    });
    await expect(
      actions['get-entity-readiness'].action({
        input: { entityRef: 'component:default/ghost' },
      }),
    ).rejects.toThrow('No readiness results for component:default/ghost');

    const owner = await actions['list-failing-checks-for-owner'].action({
      input: { owner: 'payments' },
    });
    expect(owner.output.entities).toEqual([
      {
        entityRef: 'component:default/ledger-service',
        scorecard: 'production',
        status: 'blocked',
        score: 40,
        failingChecks: ['incident-owner'],
      },
    ]);
  });
});

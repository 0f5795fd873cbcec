import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  startReadinessBackend,
  testActions,
} from '../__testUtils__/testBackend';

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** The real plugin with its actions registered in Backstage's mock registry. */
async function start(databaseId: TestDatabaseId, result: AuthorizeResult) {
  const actions = testActions();
  const { server } = await startReadinessBackend({
    databases,
    databaseId,
    authorize: () => result,
    features: [actions.feature],
  });
  return { server, names: actions.names, run: actions.run };
}

describe.each(databases.eachSupportedId())('MCP actions on %s', databaseId => {
  it('answer as /results does for an owner, however the owner is written', async () => {
    const { server, names, run } = await start(
      databaseId,
      AuthorizeResult.ALLOW,
    );
    expect(names()).toEqual([
      'get-entity-readiness',
      'list-failing-checks-for-owner',
    ]);
    const rest = await request(server).get(
      '/api/readiness/results?owner=group:default/payments&status=blocked&status=needs-work&limit=500',
    );
    expect(rest.body.items.length).toBeGreaterThan(0);
    const expected = rest.body.items.map((r: any) => r.entityRef);
    for (const owner of [
      'payments',
      'group:payments',
      'group:default/payments',
    ]) {
      const { output } = await run('list-failing-checks-for-owner', { owner });
      expect(output.entities.map((e: any) => e.entityRef)).toEqual(expected);
    }
    // A parent group includes its sub-groups' entities, as /results does.
    const parent = await run('list-failing-checks-for-owner', {
      owner: 'engineering',
    });
    const restParent = await request(server).get(
      '/api/readiness/results?owner=engineering&status=blocked&status=needs-work&limit=500',
    );
    expect(parent.output.entities.map((e: any) => e.entityRef)).toEqual(
      restParent.body.items.map((r: any) => r.entityRef),
    );
    expect(parent.output.entities.length).toBeGreaterThan(expected.length);

    const entity = await run('get-entity-readiness', {
      entityRef: 'component:default/ledger-service',
    });
    expect(entity.output.results[0]).toMatchObject({
      scorecard: 'production',
      status: 'blocked',
    });
    expect(
      entity.output.results[0].failingChecks.map((c: any) => c.checkId),
    ).toContain('incident-owner');
    await expect(
      run('get-entity-readiness', { entityRef: 'component:default/ghost' }),
    ).rejects.toThrow('No entity component:default/ghost in the catalog');
  });

  it('refuse a caller without readiness.results.read', async () => {
    const { run } = await start(databaseId, AuthorizeResult.DENY);
    await expect(
      run('get-entity-readiness', {
        entityRef: 'component:default/ledger-service',
      }),
    ).rejects.toThrow('readiness.results.read');
    await expect(
      run('list-failing-checks-for-owner', { owner: 'payments' }),
    ).rejects.toThrow('readiness.results.read');
  });
});

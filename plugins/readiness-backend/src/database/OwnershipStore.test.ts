import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { createReadinessStores } from './ReadinessStores';

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe('OwnershipStore', () => {
  it.each(databases.eachSupportedId())(
    'saves with optimistic versions and logs every change on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { ownership: store } = await createReadinessStores({
        database: mockServices.database({ knex }),
      });
      const ref = 'component:default/ledger-service';
      expect(await store.getOwnership(ref)).toBeUndefined();

      const first = await store.saveOwnership(
        ref,
        { incident: 'group:default/sre-oncall' },
        {
          expectedVersion: 0,
          by: 'user:default/guest',
          reason: 'billing-oncall does not exist',
          at: '2026-11-23T12:00:00.000Z',
        },
      );
      expect(first).toMatchObject({
        version: 1,
        roles: { incident: 'group:default/sre-oncall' },
        updatedBy: 'user:default/guest',
      });

      // A second editor who read version 0 must reload; nothing is overwritten.
      await expect(
        store.saveOwnership(
          ref,
          { incident: 'group:default/payments' },
          {
            expectedVersion: 0,
            by: 'user:default/liam',
            at: '2026-11-23T12:01:00.000Z',
          },
        ),
      ).rejects.toThrow(
        /changed by user:default\/guest since version 0 \(now version 1\)/,
      );
      expect((await store.getOwnership(ref))!.roles).toEqual({
        incident: 'group:default/sre-oncall',
      });

      await store.saveOwnership(
        ref,
        { incident: 'group:default/sre-oncall', channel: 'slack:#ledger' },
        {
          expectedVersion: 1,
          by: 'user:default/liam',
          at: '2026-11-23T12:02:00.000Z',
        },
      );
      const history = await store.getOwnershipChanges(ref);
      expect(
        history.map(h => [h.changedBy, h.oldRoles, h.newRoles, h.reason]),
      ).toEqual([
        [
          'user:default/liam',
          { incident: 'group:default/sre-oncall' },
          { incident: 'group:default/sre-oncall', channel: 'slack:#ledger' },
          undefined,
        ],
        [
          'user:default/guest',
          undefined,
          { incident: 'group:default/sre-oncall' },
          'billing-oncall does not exist',
        ],
      ]);
      expect(
        (await store.listOwnerships()).map(o => [o.entityRef, o.version]),
      ).toEqual([[ref, 2]]);
    },
  );
});

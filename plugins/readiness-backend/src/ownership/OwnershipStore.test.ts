import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createReadinessStores } from '../stores';

jest.setTimeout(60_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const FILE = { incident: 'group:default/billing-oncall' };

async function storeOn(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const { ownership } = await createReadinessStores({
    database: mockServices.database({ knex }),
  });
  return ownership;
}

describe('OwnershipStore', () => {
  it.each(databases.eachSupportedId())(
    'saves overrides with optimistic versions and logs every change on %p',
    async databaseId => {
      const store = await storeOn(databaseId);
      const ref = 'component:default/ledger-service';
      expect(await store.getOwnership(ref)).toBeUndefined();

      const first = await store.saveOwnership(
        ref,
        { incident: 'group:default/sre-oncall' },
        {
          expectedVersion: 0,
          baseline: FILE,
          before: FILE,
          after: { incident: 'group:default/sre-oncall' },
          by: 'user:default/guest',
          reason: 'billing-oncall does not exist',
          at: '2026-11-23T12:00:00.000Z',
        },
      );
      expect(first).toMatchObject({
        version: 1,
        roles: { incident: 'group:default/sre-oncall' },
        baseline: FILE,
        updatedBy: 'user:default/guest',
      });

      // A second editor who read version 0 must reload; nothing is overwritten.
      await expect(
        store.saveOwnership(
          ref,
          { incident: 'group:default/payments' },
          {
            expectedVersion: 0,
            baseline: FILE,
            before: FILE,
            after: { incident: 'group:default/payments' },
            by: 'user:default/liam',
            at: '2026-11-23T12:01:00.000Z',
          },
        ),
      ).rejects.toThrow(
        /changed by user:default\/guest since version 0 \(now version 1\)/,
      );
      expect(await store.getOwnership(ref)).toMatchObject({
        roles: { incident: 'group:default/sre-oncall' },
        baseline: FILE,
      });

      // Every override removed: the row stays (versions never go back).
      await store.saveOwnership(
        ref,
        {},
        {
          expectedVersion: 1,
          baseline: {},
          before: { incident: 'group:default/sre-oncall' },
          after: FILE,
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
          FILE,
          undefined,
        ],
        [
          'user:default/guest',
          FILE,
          { incident: 'group:default/sre-oncall' },
          'billing-oncall does not exist',
        ],
      ]);
      expect(
        (await store.listOwnerships()).map(o => [
          o.entityRef,
          o.version,
          o.roles,
        ]),
      ).toEqual([[ref, 2, {}]]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets exactly one of 8 parallel saves from the same version win on %p',
    async databaseId => {
      const store = await storeOn(databaseId);
      const ref = 'component:default/payments-api';
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          store.saveOwnership(
            ref,
            { channel: `slack:#editor-${i}` },
            {
              expectedVersion: 0,
              baseline: {},
              before: {},
              after: { channel: `slack:#editor-${i}` },
              by: `user:default/editor-${i}`,
              at: `2026-11-23T12:00:0${i}.000Z`,
            },
          ),
        ),
      );
      const won = outcomes.flatMap((o, i) =>
        o.status === 'fulfilled' ? [i] : [],
      );
      expect(won).toHaveLength(1);
      const losers = outcomes.flatMap(o =>
        o.status === 'rejected' ? [(o.reason as Error).name] : [],
      );
      expect(losers).toEqual(Array(7).fill('ConflictError'));
      // The history is what a serial replay of the winner alone gives.
      const winner = won[0];
      expect(await store.getOwnership(ref)).toMatchObject({
        version: 1,
        roles: { channel: `slack:#editor-${winner}` },
      });
      const history = await store.getOwnershipChanges(ref);
      expect(history.map(h => [h.changedBy, h.newRoles])).toEqual([
        [
          `user:default/editor-${winner}`,
          { channel: `slack:#editor-${winner}` },
        ],
      ]);

      // The same again from version 1: one more wins, and versions stay in step.
      const second = await Promise.allSettled(
        [0, 1, 2, 3].map(i =>
          store.saveOwnership(
            ref,
            { channel: `slack:#again-${i}` },
            {
              expectedVersion: 1,
              baseline: {},
              before: { channel: `slack:#editor-${winner}` },
              after: { channel: `slack:#again-${i}` },
              by: `user:default/editor-${i}`,
              at: `2026-11-23T12:01:0${i}.000Z`,
            },
          ),
        ),
      );
      expect(second.filter(o => o.status === 'fulfilled')).toHaveLength(1);
      expect((await store.getOwnership(ref))!.version).toBe(2);
      expect(await store.getOwnershipChanges(ref)).toHaveLength(2);
    },
  );
});

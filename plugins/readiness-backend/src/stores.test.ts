import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations } from './platform/database/migrations';
import { createReadinessStores } from './stores';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const NOW = '2026-11-23T12:00:00.000Z';

async function storeFor(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const stores = await createReadinessStores({
    database: mockServices.database({ knex }),
  });
  return { knex, stores };
}

describe('the Readiness stores', () => {
  it.each(databases.eachSupportedId())(
    'migrates up and down and up again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      expect(await knex.schema.hasTable('readiness_results')).toBe(true);
      const directory = require('node:path').resolve(
        __dirname,
        '../migrations',
      );
      await knex.migrate.rollback(
        { directory, tableName: 'readiness_knex_migrations' },
        true,
      );
      for (const t of [
        'readiness_results',
        'readiness_history',
        'readiness_changes',
        'readiness_facts',
        'readiness_ownership',
      ]) {
        expect(await knex.schema.hasTable(t)).toBe(false);
      }
      await applyDatabaseMigrations(knex);
      expect(await knex.schema.hasTable('readiness_ownership_changes')).toBe(
        true,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'pings, and rejects when the connection is gone, on %p',
    async databaseId => {
      const { knex, stores } = await storeFor(databaseId);
      await expect(stores.ping()).resolves.toBeUndefined();
      await knex.destroy();
      await expect(stores.ping()).rejects.toThrow();
    },
  );

  it.each(databases.eachSupportedId())(
    'stores facts (latest per id), attestations and exemptions on %p',
    async databaseId => {
      const { stores } = await storeFor(databaseId);
      const ref = 'component:default/a';
      await stores.evidence.upsertFacts([
        {
          entityRef: ref,
          fact: {
            id: 'load',
            value: { p95: 300 },
            observedAt: '2026-11-01T00:00:00Z',
            source: 'ci',
          },
        },
      ]);
      await stores.evidence.upsertFacts([
        {
          entityRef: ref,
          fact: {
            id: 'load',
            value: { p95: 120 },
            observedAt: '2026-11-20T00:00:00Z',
          },
        },
      ]);
      await stores.evidence.addAttestation(ref, {
        checkId: 'runbook-reviewed',
        attestedBy: 'user:default/grace',
        attestedAt: '2026-11-10T00:00:00Z',
        note: 'ok',
      });
      await stores.evidence.addExemption(
        ref,
        {
          checkId: 'restore-tested',
          reason: 'stateless',
          approvedBy: 'user:default/priya',
        },
        { createdAt: NOW },
      );
      const evidence = await stores.evidence.loadEvidence([
        ref,
        'component:default/none',
      ]);
      expect(evidence.facts[ref]).toEqual([
        {
          id: 'load',
          value: { p95: 120 },
          observedAt: '2026-11-20T00:00:00.000Z',
          source: undefined,
        },
      ]);
      expect(evidence.attestations[ref]).toEqual([
        {
          checkId: 'runbook-reviewed',
          attestedBy: 'user:default/grace',
          attestedAt: '2026-11-10T00:00:00.000Z',
          expiresAt: undefined,
          evidenceUrl: undefined,
          note: 'ok',
        },
      ]);
      expect(evidence.exemptions[ref]).toEqual([
        {
          checkId: 'restore-tested',
          reason: 'stateless',
          approvedBy: 'user:default/priya',
          expiresAt: undefined,
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'requests, grants and revokes exemptions, revokes attestations, and counts only what is in force, on %p',
    async databaseId => {
      const { stores } = await storeFor(databaseId);
      const { evidence } = stores;
      const ref = 'component:default/a';
      const now = new Date(NOW);
      const requested = await evidence.addExemption(
        ref,
        {
          checkId: 'x',
          reason: 'stateless',
          expiresAt: '2026-12-31T00:00:00Z',
        },
        { createdAt: NOW, requestedBy: 'user:default/owner' },
      );
      const attested = await evidence.addAttestation(ref, {
        checkId: 'runbook',
        attestedBy: 'user:default/owner',
        attestedAt: NOW,
      });
      await evidence.addAttestation(ref, {
        checkId: 'old',
        attestedBy: 'user:default/owner',
        attestedAt: '2026-01-01T00:00:00Z',
        expiresAt: '2026-02-01T00:00:00Z',
      });
      const counted = async () => evidence.loadEvidence([ref]);
      expect((await counted()).exemptions).toEqual({});
      expect(
        (await evidence.listExemptions(ref, now)).map(e => e.status),
      ).toEqual(['requested']);

      expect(
        await evidence.grantExemption(
          ref,
          requested,
          'user:default/admin',
          NOW,
        ),
      ).toBe(true);
      expect(
        await evidence.grantExemption(
          ref,
          requested,
          'user:default/admin',
          NOW,
        ),
      ).toBe(false);
      expect(
        await evidence.grantExemption(
          'component:default/b',
          requested,
          'u',
          NOW,
        ),
      ).toBe(false);
      expect((await counted()).exemptions[ref]).toMatchObject([
        { checkId: 'x', approvedBy: 'user:default/admin' },
      ]);

      expect(
        await evidence.revoke(
          'exemption',
          ref,
          requested,
          'user:default/admin',
          NOW,
        ),
      ).toBe(true);
      expect(
        await evidence.revoke(
          'exemption',
          ref,
          requested,
          'user:default/admin',
          NOW,
        ),
      ).toBe(false);
      expect(
        await evidence.revoke(
          'attestation',
          ref,
          attested,
          'user:default/owner',
          NOW,
        ),
      ).toBe(true);
      expect(await evidence.revoke('attestation', ref, 'nope', 'u', NOW)).toBe(
        false,
      );
      const after = await counted();
      expect(after.exemptions).toEqual({});
      // Revoked attestations come along (the check says who revoked them),
      // marked; only 'old' is in force.
      expect(
        after.attestations[ref]
          .map(a => [a.checkId, Boolean(a.revokedAt)])
          .sort(),
      ).toEqual([
        ['old', false],
        ['runbook', true],
      ]);
      expect(
        (await evidence.listAttestations(ref, now)).map(a => [
          a.checkId,
          a.status,
        ]),
      ).toEqual([
        ['runbook', 'revoked'],
        ['old', 'expired'],
      ]);
      expect(await evidence.listExemptions(ref, now)).toMatchObject([
        {
          status: 'revoked',
          revokedBy: 'user:default/admin',
          requestedBy: 'user:default/owner',
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'records shard runs on %p',
    async databaseId => {
      const { stores } = await storeFor(databaseId);
      await stores.shardRuns.recordShardRun({
        shard: 0,
        shards: 2,
        lastAttemptAt: NOW,
      });
      await stores.shardRuns.recordShardRun({
        shard: 0,
        shards: 2,
        lastSuccessAt: NOW,
      });
      await stores.shardRuns.recordShardRun({
        shard: 1,
        shards: 2,
        lastError: 'boom',
      });
      expect(await stores.shardRuns.listShardRuns()).toEqual([
        {
          shard: 0,
          shards: 2,
          lastAttemptAt: NOW,
          lastSuccessAt: NOW,
          lastError: undefined,
        },
        {
          shard: 1,
          shards: 2,
          lastAttemptAt: undefined,
          lastSuccessAt: undefined,
          lastError: 'boom',
        },
      ]);
    },
  );
});

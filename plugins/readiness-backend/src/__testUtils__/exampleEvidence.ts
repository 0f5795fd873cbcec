import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  Evidence,
  parseEvidence,
  rebaseEvidence,
} from '@readiness/backstage-plugin-readiness-common';
import { Knex } from 'knex';
import fs from 'node:fs';
import path from 'node:path';
import { EvaluationStateStore } from '../evaluation/EvaluationStateStore';
import { EvidenceStore } from '../evidence/EvidenceStore';
import { applyDatabaseMigrations } from '../platform/database/migrations';
import { chunks, TABLES } from '../platform/database/util';

/**
 * Writes parsed evidence: facts are upserted; attestations and exemptions
 * replace those of the same entities, in one transaction, so loading the
 * same file again does not pile them up.
 */
export async function writeEvidence(
  knex: Knex,
  evidence: Evidence,
): Promise<void> {
  const lower = <T>(map: Record<string, T[]>) =>
    Object.entries(map).map(
      ([ref, list]) => [ref.toLowerCase(), list] as const,
    );
  await knex.transaction(async tx => {
    const store = new EvidenceStore(tx, new EvaluationStateStore(tx));
    await store.upsertFacts(
      lower(evidence.facts).flatMap(([entityRef, facts]) =>
        facts.map(fact => ({ entityRef, fact })),
      ),
    );
    const refs = [
      ...new Set([
        ...lower(evidence.attestations).map(([r]) => r),
        ...lower(evidence.exemptions).map(([r]) => r),
      ]),
    ];
    for (const batch of chunks(refs)) {
      await tx(TABLES.attestations).whereIn('entity_ref', batch).delete();
      await tx(TABLES.exemptions).whereIn('entity_ref', batch).delete();
    }
    const now = new Date().toISOString();
    for (const [entityRef, list] of lower(evidence.attestations))
      for (const a of list) await store.addAttestation(entityRef, a);
    for (const [entityRef, list] of lower(evidence.exemptions))
      for (const e of list)
        await store.addExemption(entityRef, e, { createdAt: now });
  });
}

/**
 * Tests only: a module that writes an evidence file (such as
 * `examples/evidence.json`) straight into the database before the plugin
 * starts, its times moved so that its `asOf` is now. The demo does not use
 * it: it gets its evidence through the probes and the REST API
 * (`packages/backend/src/demo`).
 */
export function exampleEvidenceModule(options: { file: string }) {
  return createBackendModule({
    pluginId: 'readiness',
    moduleId: 'example-evidence',
    register(env) {
      env.registerInit({
        deps: { database: coreServices.database },
        async init({ database }) {
          // Modules start before their plugin, so the evidence is there
          // before the first evaluation; the migrations are idempotent.
          const knex = await database.getClient();
          if (!database.migrations?.skip) await applyDatabaseMigrations(knex);
          const abs = path.resolve(options.file);
          await writeEvidence(
            knex,
            rebaseEvidence(
              parseEvidence(JSON.parse(fs.readFileSync(abs, 'utf8')), abs),
              new Date(),
            ),
          );
        },
      });
    },
  });
}

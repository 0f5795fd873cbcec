import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Evidence,
  parseEvidence,
  rebaseEvidence,
} from '@readiness/backstage-plugin-readiness-common';
import { Knex } from 'knex';
import fs from 'node:fs';
import path from 'node:path';
import { EvidenceStore } from '../database/EvidenceStore';
import { chunks, TABLES } from '../database/util';

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
    const store = new EvidenceStore(tx);
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
 * Demo only: loads an evidence file, its times moved so that its `asOf` is
 * now, as if probes and CI had reported it.
 */
export async function loadDemoEvidence(options: {
  file: string;
  knex: Knex;
  logger: LoggerService;
  now?: Date;
}) {
  const { file, knex, logger } = options;
  const abs = path.resolve(file);
  const evidence = rebaseEvidence(
    parseEvidence(
      JSON.parse(fs.readFileSync(abs, 'utf8')),
      `demo evidence (${abs})`,
    ),
    options.now ?? new Date(),
  );
  await writeEvidence(knex, evidence);
  logger.info(
    `Readiness demo: loaded evidence for ${
      Object.keys(evidence.facts).length
    } entities from ${abs}`,
  );
}

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  parseEvidence,
  rebaseEvidence,
} from '@readiness/backstage-plugin-readiness-common';
import fs from 'node:fs';
import path from 'node:path';
import { ReadinessStore } from '../database/ReadinessStore';

/**
 * Demo only: loads an evidence file into the store, its times moved so that
 * its `asOf` is now. Facts are upserted; attestations and exemptions are
 * replaced for the entities in the file, so restarts do not pile them up.
 */
export async function loadDemoEvidence(options: {
  file: string;
  store: ReadinessStore;
  logger: LoggerService;
  now?: Date;
}) {
  const { file, store, logger } = options;
  const abs = path.resolve(file);
  const evidence = rebaseEvidence(
    parseEvidence(
      JSON.parse(fs.readFileSync(abs, 'utf8')),
      `demo evidence (${abs})`,
    ),
    options.now ?? new Date(),
  );
  await store.upsertFacts(
    Object.entries(evidence.facts).flatMap(([ref, facts]) =>
      facts.map(fact => ({ entityRef: ref.toLowerCase(), fact })),
    ),
  );
  const refs = [
    ...new Set([
      ...Object.keys(evidence.attestations),
      ...Object.keys(evidence.exemptions),
    ]),
  ].map(r => r.toLowerCase());
  await store.replaceManualEvidence(
    refs,
    Object.entries(evidence.attestations).flatMap(([ref, list]) =>
      list.map(a => ({ entityRef: ref.toLowerCase(), attestation: a })),
    ),
    Object.entries(evidence.exemptions).flatMap(([ref, list]) =>
      list.map(e => ({ entityRef: ref.toLowerCase(), exemption: e })),
    ),
  );
  logger.info(
    `Readiness demo: loaded evidence for ${
      Object.keys(evidence.facts).length
    } entities from ${abs}`,
  );
}

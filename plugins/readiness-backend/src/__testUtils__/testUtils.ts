import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { exampleEvidenceModule } from './exampleEvidence';

/** The repository's examples folder. */
export const EXAMPLES = path.resolve(
  resolvePackagePath('@readiness/backstage-plugin-readiness-backend'),
  '../../examples',
);

/** The Acme Retail example catalog (all.yaml's targets), as plain entities. */
export function exampleEntities(): Entity[] {
  const files = [
    'org/groups.yaml',
    'org/users.yaml',
    'systems.yaml',
    'apis.yaml',
    'resources.yaml',
    'components/commerce.yaml',
    'components/identity.yaml',
    'components/operations.yaml',
  ];
  return files.flatMap(f =>
    parseAllDocuments(fs.readFileSync(path.join(EXAMPLES, f), 'utf8'))
      .map(d => d.toJS())
      .filter(Boolean),
  );
}

/** A module writing the example evidence (`examples/evidence.json`) before the plugin starts. */
export const exampleEvidence = exampleEvidenceModule({
  file: path.join(EXAMPLES, 'evidence.json'),
});

/** Config for the plugin with the example scorecards, two daily shards and no probes. */
export function readinessConfig(extra: Record<string, unknown> = {}) {
  return {
    readiness: {
      scorecards: [
        { file: path.join(EXAMPLES, 'scorecards/production.yaml') },
        { file: path.join(EXAMPLES, 'scorecards/systems.yaml') },
      ],
      evaluation: {
        shards: 2,
        schedule: {
          frequency: { hours: 24 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 0 },
        },
      },
      // The example hosts do not exist; tests that probe say so.
      probes: { enabled: false },
      ...extra,
    },
  };
}

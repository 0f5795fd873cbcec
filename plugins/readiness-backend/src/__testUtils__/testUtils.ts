import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
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
      // The weekly digest is due on Mondays: off, so that what a test sees
      // does not depend on the day it runs (digest tests turn it on).
      digest: { enabled: false },
      ...extra,
    },
  };
}

/**
 * Backstage's user info as a sign-in resolver gives it for the example users:
 * the user and the groups it is a member of (`spec.memberOf`), plus `extra`
 * memberships a test adds. Unknown users own only themselves.
 */
export function exampleUserInfo(extra: Record<string, string[]> = {}) {
  const groups = new Map<string, string[]>();
  for (const e of exampleEntities()) {
    if (e.kind !== 'User') continue;
    const ref = `user:default/${e.metadata.name}`;
    const memberOf = ((e.spec?.memberOf as string[]) ?? []).map(
      g => `group:default/${g}`,
    );
    groups.set(ref, memberOf);
  }
  return mockServices.userInfo.mock({
    getUserInfo: async (credentials: any) => {
      const user = credentials.principal.userEntityRef as string;
      return {
        userEntityRef: user,
        ownershipEntityRefs: [
          user,
          ...(groups.get(user) ?? []),
          ...(extra[user] ?? []),
        ],
      };
    },
  }).factory;
}

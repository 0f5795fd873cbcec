import { targetPaths } from '@backstage/cli-common';
import {
  Evidence,
  parseEvidence,
  rebaseEvidence,
} from '@readiness/backstage-plugin-readiness-common';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The demo's evidence file (relative to the repository root), its times
 * moved so that its `asOf` is `now`: what the demo's probes, CI and people
 * report when it starts.
 */
export function readEvidenceFile(file: string, now = new Date()): Evidence {
  const abs = path.resolve(targetPaths.rootDir, file);
  return rebaseEvidence(
    parseEvidence(JSON.parse(fs.readFileSync(abs, 'utf8')), abs),
    now,
  );
}

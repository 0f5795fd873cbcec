import fs from 'node:fs';
import {
  Evidence,
  parseEvidence,
} from '@readiness/backstage-plugin-readiness-common';

/** Reads and validates an evidence file; errors name the file and the field. */
export function loadEvidence(file: string): Evidence {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  return parseEvidence(raw, file);
}

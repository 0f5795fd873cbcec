import fs from 'node:fs';
import { z } from 'zod';
import type {
  Attestation,
  Exemption,
  Fact,
} from '@readiness/backstage-plugin-readiness-common';

const fact = z.object({
  id: z.string().min(1),
  value: z.unknown(),
  observedAt: z.iso.datetime({ offset: true }),
  source: z.string().optional(),
});
const attestation = z.object({
  checkId: z.string().min(1),
  attestedBy: z.string().min(1),
  attestedAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  evidenceUrl: z.string().optional(),
  note: z.string().optional(),
});
const exemption = z.object({
  checkId: z.string().min(1),
  reason: z.string().min(1),
  approvedBy: z.string().min(1),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
const evidenceSchema = z
  .object({
    facts: z.record(z.string(), z.array(fact)).default({}),
    attestations: z.record(z.string(), z.array(attestation)).default({}),
    exemptions: z.record(z.string(), z.array(exemption)).default({}),
  })
  .strict();

/** Facts, attestations and exemptions per entity ref, as the engine takes them. */
export interface Evidence {
  facts: Record<string, Fact[]>;
  attestations: Record<string, Attestation[]>;
  exemptions: Record<string, Exemption[]>;
}

/**
 * Reads an evidence file: `{ "facts": { "<entity ref>": [...] },
 * "attestations": {...}, "exemptions": {...} }`. Errors name the file and field.
 */
export function loadEvidence(file: string): Evidence {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  const parsed = evidenceSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue.path
      .map(p => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    throw new Error(`${file}: ${at || '(document)'}: ${issue.message}`);
  }
  return parsed.data as Evidence;
}

import { z } from 'zod';
import type { Attestation, Exemption, Fact } from './types';
import { DAY_MS } from './time';

const time = z.iso.datetime({ offset: true });
const fact = z.object({
  id: z.string().min(1),
  value: z.json(),
  observedAt: time,
  source: z.string().optional(),
});
const attestation = z.object({
  checkId: z.string().min(1),
  attestedBy: z.string().min(1),
  attestedAt: time,
  expiresAt: time.optional(),
  evidenceUrl: z.string().optional(),
  note: z.string().optional(),
});
const exemption = z.object({
  checkId: z.string().min(1),
  reason: z.string().min(1),
  approvedBy: z.string().min(1),
  expiresAt: time.optional(),
});
const day = z.iso.date('expected a date as YYYY-MM-DD');
const goLive = z
  .object({
    date: day,
    setBy: z.string().min(1),
    dailyChecks: z
      .array(
        z.object({
          day,
          checkedBy: z.string().min(1),
          items: z.record(
            z.string(),
            z.object({ ok: z.boolean(), note: z.string().optional() }),
          ),
        }),
      )
      .default([]),
  })
  .strict();
const evidenceSchema = z
  .object({
    asOf: time.optional(),
    facts: z.record(z.string(), z.array(fact)).default({}),
    attestations: z.record(z.string(), z.array(attestation)).default({}),
    exemptions: z.record(z.string(), z.array(exemption)).default({}),
    goLive: z.record(z.string(), goLive).optional(),
  })
  .strict();

/**
 * A go-live in an evidence file: the date, who set it, and the first week's
 * daily checks (the demo sends them through the API).
 *
 * @public
 */
export interface GoLiveEvidence {
  date: string;
  setBy: string;
  dailyChecks: Array<{
    day: string;
    checkedBy: string;
    items: Record<string, { ok: boolean; note?: string }>;
  }>;
}

/**
 * Facts, attestations and exemptions per entity ref: the evidence file the
 * CLI's `--facts` and the demo backend read.
 *
 * @public
 */
export interface Evidence {
  /** The time the evidence describes; the demo shifts all times so that this is "now". */
  asOf?: string;
  facts: Record<string, Fact[]>;
  attestations: Record<string, Attestation[]>;
  exemptions: Record<string, Exemption[]>;
  /** Go-live dates and first-week checks per entity ref. */
  goLive?: Record<string, GoLiveEvidence>;
}

/**
 * Validates an evidence document. Throws an Error naming the source and the
 * field path of the first problem.
 *
 * @public
 */
export function parseEvidence(doc: unknown, source = 'evidence'): Evidence {
  const parsed = evidenceSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue.path
      .map(p => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    throw new Error(`${source}: ${at || '(document)'}: ${issue.message}`);
  }
  return parsed.data as Evidence;
}

/**
 * Moves every time in the evidence by the same amount, so that `asOf` becomes
 * `now`. Used by the demo so that its example evidence never goes stale.
 *
 * @public
 */
export function rebaseEvidence(evidence: Evidence, now: Date): Evidence {
  if (!evidence.asOf) return evidence;
  const shift = now.getTime() - Date.parse(evidence.asOf);
  const move = (t: string) => new Date(Date.parse(t) + shift).toISOString();
  // Days move by whole days: asOf's day becomes today (UTC).
  const days =
    Math.floor(now.getTime() / DAY_MS) -
    Math.floor(Date.parse(evidence.asOf) / DAY_MS);
  const moveDay = (d: string) =>
    new Date(Date.parse(`${d}T00:00:00Z`) + days * DAY_MS)
      .toISOString()
      .slice(0, 10);
  const map = <T>(rec: Record<string, T[]>, f: (x: T) => T) =>
    Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, v.map(f)]));
  return {
    asOf: now.toISOString(),
    facts: map(evidence.facts, f => ({ ...f, observedAt: move(f.observedAt) })),
    attestations: map(evidence.attestations, a => ({
      ...a,
      attestedAt: move(a.attestedAt),
      ...(a.expiresAt ? { expiresAt: move(a.expiresAt) } : {}),
    })),
    exemptions: map(evidence.exemptions, e => ({
      ...e,
      ...(e.expiresAt ? { expiresAt: move(e.expiresAt) } : {}),
    })),
    ...(evidence.goLive
      ? {
          goLive: Object.fromEntries(
            Object.entries(evidence.goLive).map(([ref, g]) => [
              ref,
              {
                ...g,
                date: moveDay(g.date),
                dailyChecks: g.dailyChecks.map(c => ({
                  ...c,
                  day: moveDay(c.day),
                })),
              },
            ]),
          ),
        }
      : {}),
  };
}

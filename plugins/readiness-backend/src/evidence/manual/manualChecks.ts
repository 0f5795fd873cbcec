import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { parseDuration } from '@readiness/backstage-plugin-readiness-common';
import type { ScorecardRegistry } from '../../evaluation/ScorecardRegistry';
import { DAY_MS, DEFAULT_ATTESTATION_DAYS } from '../../platform/input';

/** What evidence an attestation must carry (`with.evidence` of the check). */
export type EvidenceRule = 'url' | 'note' | 'url-or-note' | 'url-and-note';

/** The evidence an attestation check asks for (`with.evidence`), if any. */
export function evidenceRequired(w: unknown): EvidenceRule | undefined {
  const rule = (w as { evidence?: string } | undefined)?.evidence;
  return rule && rule !== 'none' ? (rule as EvidenceRule) : undefined;
}

/** What is missing for the rule, naming the field; undefined when nothing. */
export function missingEvidence(
  rule: EvidenceRule | undefined,
  url: string | undefined,
  note: string | undefined,
): string | undefined {
  if (rule === 'url' && !url) return 'evidenceUrl: required for this check';
  if (rule === 'note' && !note) return 'note: required for this check';
  if (rule === 'url-or-note' && !url && !note)
    return 'evidenceUrl: an evidence URL or a note is required for this check';
  if (rule === 'url-and-note' && (!url || !note))
    return `${
      url ? 'note' : 'evidenceUrl'
    }: an evidence URL and a note are required for this check`;
  return undefined;
}

/** The check of a scorecard that applies to the entity; InputError naming `checkId` otherwise. */
export function manualCheck(
  scorecards: ScorecardRegistry,
  entity: Entity,
  checkId: unknown,
  type?: 'attestation',
) {
  const cards = scorecards.list().filter(c => c.appliesTo(entity));
  const all = cards.flatMap(c => c.checks);
  const found = all.find(c => c.spec.id === checkId);
  if (!found || (type && found.spec.type !== type)) {
    const ids = all
      .filter(c => !type || c.spec.type === type)
      .map(c => c.spec.id);
    throw new InputError(
      `checkId: "${String(checkId)}" is not ${
        type ? 'an attestation check' : 'a check'
      } of a scorecard for this entity${
        ids.length ? `; one of ${ids.join(', ')}` : ''
      }`,
    );
  }
  return found;
}

/** Attestation checks for this entity, with the longest an attestation may last. */
export function attestableChecks(
  scorecards: ScorecardRegistry,
  entity: Entity,
) {
  const seen = new Set<string>();
  return scorecards
    .list()
    .filter(c => c.appliesTo(entity))
    .flatMap(c => c.checks)
    .filter(c => c.spec.type === 'attestation' && !seen.has(c.spec.id))
    .map(c => {
      seen.add(c.spec.id);
      const evidence = evidenceRequired(c.spec.with);
      return {
        checkId: c.spec.id,
        title: c.spec.title,
        maxDays: Math.floor(longestMs(c.spec.with) / DAY_MS),
        ...(evidence ? { evidence } : {}),
      };
    });
}

/** The longest an attestation of a check may last (ms): its `maxAge`, else the default. */
export function longestMs(w: unknown): number {
  const maxAge = (w as { maxAge?: string } | undefined)?.maxAge;
  return maxAge ? parseDuration(maxAge) : DEFAULT_ATTESTATION_DAYS * DAY_MS;
}

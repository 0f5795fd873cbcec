import {
  CompiledScorecard,
  EntityReadiness,
} from '@readiness/backstage-plugin-readiness-common';
import { createHash } from 'node:crypto';

const fingerprints = new WeakMap<CompiledScorecard, string>();

/**
 * A scorecard's fingerprint: changes whenever anything in its definition
 * does (a title, a remediation text, a threshold), so results that repeat
 * its text need not hash that text themselves.
 */
export function scorecardFingerprint(card: CompiledScorecard): string {
  let f = fingerprints.get(card);
  if (!f) {
    f = createHash('sha256').update(JSON.stringify(card.spec)).digest('hex');
    fingerprints.set(card, f);
  }
  return f;
}

/**
 * Hash of a result without its evaluation time: equal hashes mean nothing
 * changed. What comes from the scorecard (titles, areas, severities,
 * weights, remediation, verdict texts) is covered by the scorecard's
 * fingerprint; the result adds only what the evaluation found, so hashing
 * reads a fraction of the result.
 */
export function hashResult(
  result: EntityReadiness,
  extra: unknown,
  fingerprint: string,
): string {
  const found = [
    fingerprint,
    result.entityRef,
    result.status,
    result.score,
    result.level?.id,
    result.areas.map(a => a.score),
    result.checks.map(c => [
      c.checkId,
      c.result,
      c.message,
      c.observed,
      c.threshold,
      c.evidence,
      c.enforceFrom,
      c.upcoming,
      c.counted,
    ]),
    extra,
  ];
  return createHash('sha256').update(JSON.stringify(found)).digest('hex');
}

/**
 * A hash of what an evaluation reads (a context string and an entity as
 * the catalog returned it): equal hashes mean the entity need not be
 * evaluated again.
 */
export function inputHash(context: string, input: unknown): string {
  return createHash('sha1')
    .update(context)
    .update(JSON.stringify(input))
    .digest('hex');
}

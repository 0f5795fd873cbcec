import {
  CompiledScorecard,
  OwnershipRole,
  parseDuration,
} from '@readiness/backstage-plugin-readiness-common';

/**
 * How long a confirmation of each role lasts: the shortest `confirmedWithin`
 * of the scorecards' role checks.
 */
export function confirmationPeriods(
  scorecards: CompiledScorecard[],
): Partial<Record<OwnershipRole, number>> {
  const out: Partial<Record<OwnershipRole, number>> = {};
  for (const card of scorecards)
    for (const { spec } of card.checks) {
      const w = spec.type === 'ownership' ? spec.with : undefined;
      if (w?.rule !== 'role' || !w.confirmedWithin) continue;
      const ms = parseDuration(w.confirmedWithin);
      out[w.role] = Math.min(out[w.role] ?? Infinity, ms);
    }
  return out;
}

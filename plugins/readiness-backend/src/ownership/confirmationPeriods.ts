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

/**
 * The stored confirmations that run out before `until` (or already have),
 * under the periods the scorecards ask for, with when each runs out.
 */
export function confirmationsDue<
  T extends { role: OwnershipRole; confirmedAt: string },
>(
  confirmations: T[],
  periods: Partial<Record<OwnershipRole, number>>,
  until: Date,
): Array<T & { expiresAt: string }> {
  return confirmations.flatMap(c => {
    const period = periods[c.role];
    if (period === undefined) return [];
    const expires = Date.parse(c.confirmedAt) + period;
    return expires <= until.getTime()
      ? [{ ...c, expiresAt: new Date(expires).toISOString() }]
      : [];
  });
}

import type {
  CompiledScorecard,
  EntityReadiness,
} from '@readiness/backstage-plugin-readiness-common';

/** The scorecard a stored result was evaluated against, when still configured. */
export type ScorecardLookup = (name: string) => CompiledScorecard | undefined;

type Loose = Record<string, unknown>;
const same = (a: unknown, b: unknown) =>
  a === b || JSON.stringify(a) === JSON.stringify(b);

const indexes = new WeakMap<
  CompiledScorecard,
  {
    areaTitles: Map<string, string>;
    checks: Map<string, CompiledScorecard['checks'][number]>;
  }
>();

/** A scorecard's area titles and checks by id, built once per scorecard. */
function indexOf(card: CompiledScorecard) {
  let index = indexes.get(card);
  if (!index) {
    index = {
      areaTitles: new Map(card.areas.map(a => [a.id, a.title])),
      checks: new Map(card.checks.map(c => [c.spec.id, c])),
    };
    indexes.set(card, index);
  }
  return index;
}

/**
 * A result as stored: without what its scorecard says anyway (check titles,
 * areas, severities, weights and remediation, area titles, the verdict and
 * passing score), which every result would otherwise repeat. Only fields
 * equal to the scorecard's are left out, so {@link expandResult} gives back
 * exactly the result that was stored.
 */
export function compactResult(
  result: EntityReadiness,
  card: CompiledScorecard | undefined,
): Loose {
  if (!card) return result as unknown as Loose;
  // New objects with only what differs (no `delete`: it makes objects slow
  // to serialise, and this runs for every result written).
  const out: Loose = {};
  for (const [k, v] of Object.entries(result)) {
    if (k === 'verdict' && v === card.verdicts[result.status]) continue;
    if (k === 'passingScore' && v === card.passingScore) continue;
    out[k] = v;
  }
  const { areaTitles, checks } = indexOf(card);
  out.areas = result.areas.map(a => {
    if (areaTitles.get(a.id) !== a.title) return a;
    const { title: _title, ...rest } = a;
    return rest;
  });
  out.checks = result.checks.map(c => {
    const check = checks.get(c.checkId);
    if (!check) return c;
    const stored: Loose = {};
    // for…in, not Object.entries: no pair allocated per field of every check.
    for (const k in c) {
      if (!Object.prototype.hasOwnProperty.call(c, k)) continue;
      const v = (c as unknown as Loose)[k];
      if (v === undefined) continue;
      if (k === 'title' && v === check.spec.title) continue;
      if (k === 'area' && v === check.area) continue;
      if (k === 'severity' && v === check.spec.severity) continue;
      if (k === 'weight' && v === check.weight) continue;
      if (k === 'remediation' && same(v, check.spec.remediation)) continue;
      stored[k] = v;
    }
    return stored;
  });
  return out;
}

/** A stored result with what {@link compactResult} left out put back. */
export function expandResult(
  stored: Loose,
  card: CompiledScorecard | undefined,
): EntityReadiness {
  if (!card) return stored as unknown as EntityReadiness;
  const status = stored.status as EntityReadiness['status'];
  const { areaTitles, checks } = indexOf(card);
  return {
    ...stored,
    passingScore: stored.passingScore ?? card.passingScore,
    verdict: stored.verdict ?? card.verdicts[status],
    areas: (stored.areas as Loose[]).map(a => ({
      ...a,
      title: a.title ?? areaTitles.get(a.id as string) ?? a.id,
    })),
    checks: (stored.checks as Loose[]).map(c => {
      const check = checks.get(c.checkId as string);
      return {
        ...c,
        title: c.title ?? check?.spec.title ?? c.checkId,
        area: c.area ?? check?.area,
        severity: c.severity ?? check?.spec.severity,
        weight: c.weight ?? check?.weight,
        remediation:
          'remediation' in c ? c.remediation : check?.spec.remediation,
      };
    }),
  } as EntityReadiness;
}

import {
  CompiledScorecard,
  EntityReadiness,
  isFailing,
  PreviewCheckDelta,
  ReadinessStatus,
  ScorecardMove,
  ScorecardPreviewEntry,
  StatusCounts,
} from '@readiness/backstage-plugin-readiness-common';

const SEVERITY: Record<ReadinessStatus, number> = {
  ready: 0,
  'needs-work': 1,
  blocked: 2,
};

const counts = (results: EntityReadiness[]): StatusCounts => {
  const out: StatusCounts = { ready: 0, 'needs-work': 0, blocked: 0 };
  for (const r of results) out[r.status]++;
  return out;
};

const mean = (results: EntityReadiness[]) =>
  results.length
    ? Math.round(
        (results.reduce((s, r) => s + r.score, 0) / results.length) * 10,
      ) / 10
    : undefined;

const failing = (r: EntityReadiness | undefined) =>
  new Set(r ? r.checks.filter(isFailing).map(c => c.checkId) : []);

/** A check's definition as written, to tell whether a change touched it. */
const specOf = (card: CompiledScorecard, id: string) =>
  JSON.stringify(card.checks.find(c => c.spec.id === id)?.spec);

/** How much worse a move is, for sorting: dropping to Blocked first. */
const badness = (m: ScorecardMove) =>
  (m.after ? SEVERITY[m.after.status] : 0) -
  (m.before ? SEVERITY[m.before.status] : 0);

/**
 * What a scorecard change does to the entities, from their results under the
 * base (`before`, none for a new scorecard) and the candidate (`after`), both
 * evaluated at the same time on the same inputs: totals, the entities that
 * move (status, score or failing checks) worst first, and the checks whose
 * failing count changes.
 */
export function previewDiff(options: {
  name: string;
  candidate: CompiledScorecard;
  base?: CompiledScorecard;
  baseKind: ScorecardPreviewEntry['base'];
  before: EntityReadiness[];
  after: EntityReadiness[];
  titles: Map<string, string | undefined>;
  limit: number;
}): ScorecardPreviewEntry {
  const { before, after } = options;
  const beforeBy = new Map(before.map(r => [r.entityRef, r]));
  const afterBy = new Map(after.map(r => [r.entityRef, r]));
  const refs = [...new Set([...beforeBy.keys(), ...afterBy.keys()])];
  const moves: ScorecardMove[] = [];
  for (const ref of refs) {
    const b = beforeBy.get(ref);
    const a = afterBy.get(ref);
    const fb = failing(b);
    const fa = failing(a);
    const newlyFailing = [...fa].filter(id => !fb.has(id)).sort();
    const newlyPassing = [...fb].filter(id => !fa.has(id)).sort();
    if (
      b &&
      a &&
      b.status === a.status &&
      b.score === a.score &&
      !newlyFailing.length &&
      !newlyPassing.length
    )
      continue;
    moves.push({
      entityRef: ref,
      title: options.titles.get(ref),
      before: b && { status: b.status, score: b.score },
      after: a && { status: a.status, score: a.score },
      newlyFailing,
      newlyPassing,
    });
  }
  moves.sort(
    (x, y) =>
      badness(y) - badness(x) ||
      (y.before?.score ?? 0) -
        (y.after?.score ?? 0) -
        ((x.before?.score ?? 0) - (x.after?.score ?? 0)) ||
      x.entityRef.localeCompare(y.entityRef),
  );

  const titleOf = new Map<string, string>();
  for (const card of [options.base, options.candidate])
    for (const c of card?.checks ?? []) titleOf.set(c.spec.id, c.spec.title);
  const beforeIds = new Set(options.base?.checks.map(c => c.spec.id) ?? []);
  const afterIds = new Set(options.candidate.checks.map(c => c.spec.id));
  const failingCount = (results: EntityReadiness[], id: string) =>
    results.filter(r => r.checks.some(c => c.checkId === id && isFailing(c)))
      .length;
  const checks: PreviewCheckDelta[] = [];
  for (const id of new Set([...beforeIds, ...afterIds])) {
    const delta: PreviewCheckDelta = {
      checkId: id,
      title: titleOf.get(id) ?? id,
      failingBefore: failingCount(before, id),
      failingAfter: failingCount(after, id),
    };
    if (!beforeIds.has(id) && options.base) delta.change = 'added';
    else if (!afterIds.has(id)) delta.change = 'removed';
    else if (
      options.base &&
      specOf(options.base, id) !== specOf(options.candidate, id)
    )
      delta.change = 'changed';
    if (delta.change || delta.failingBefore !== delta.failingAfter)
      checks.push(delta);
  }

  return {
    name: options.name,
    title: options.candidate.title,
    base: options.baseKind,
    entities: { before: before.length, after: after.length },
    totals: { before: counts(before), after: counts(after) },
    meanScore: { before: mean(before), after: mean(after) },
    moves: moves.slice(0, options.limit),
    movesTotal: moves.length,
    toBlocked: moves.filter(
      m => m.after?.status === 'blocked' && m.before?.status !== 'blocked',
    ).length,
    checks,
  };
}

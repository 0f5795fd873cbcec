import type {
  ReadinessStatus,
  ReadinessSummaryGroup,
} from '@readiness/backstage-plugin-readiness-common';
import type { SummaryRow } from './ResultsStore';
import { OrgTree } from '../platform/orgTree';

/** Fields /summary can group by. */
export type GroupBy = 'owner' | 'system' | 'domain' | 'lifecycle' | 'type';

/** One group of /summary. */
export type SummaryGroup = ReadinessSummaryGroup;

class Bucket {
  total = 0;
  direct = 0;
  scoreSum = 0;
  counts: Record<ReadinessStatus, number> = {
    ready: 0,
    'needs-work': 0,
    blocked: 0,
  };
  areaPassed: Record<string, number> = {};
  areaTotal: Record<string, number> = {};

  add(r: SummaryRow) {
    this.total += 1;
    this.direct += 1;
    this.scoreSum += r.score;
    this.counts[r.status] += 1;
    for (const [area, score] of Object.entries(r.areaScores)) {
      this.areaTotal[area] = (this.areaTotal[area] ?? 0) + 1;
      if (score >= 100)
        this.areaPassed[area] = (this.areaPassed[area] ?? 0) + 1;
    }
  }

  /** Adds another bucket's counts (a sub-group's, for its parents): not direct. */
  merge(b: Bucket) {
    this.total += b.total;
    this.scoreSum += b.scoreSum;
    for (const s of Object.keys(b.counts) as ReadinessStatus[])
      this.counts[s] += b.counts[s];
    for (const [a, n] of Object.entries(b.areaTotal))
      this.areaTotal[a] = (this.areaTotal[a] ?? 0) + n;
    for (const [a, n] of Object.entries(b.areaPassed))
      this.areaPassed[a] = (this.areaPassed[a] ?? 0) + n;
  }

  toGroup(key: string, withDirect: boolean): SummaryGroup {
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      key,
      total: this.total,
      ...(withDirect ? { direct: this.direct } : {}),
      counts: this.counts,
      meanScore: this.total ? round(this.scoreSum / this.total) : 0,
      areaPassRate: Object.fromEntries(
        Object.entries(this.areaTotal).map(([a, t]) => [
          a,
          round((100 * (this.areaPassed[a] ?? 0)) / t),
        ]),
      ),
    };
  }
}

/**
 * Aggregates results per group. Grouped by owner, a parent group also counts
 * its sub-groups' entities (`direct` says how many are its own).
 */
export function summarise(rows: SummaryRow[], groupBy: GroupBy, tree: OrgTree) {
  const overall = new Bucket();
  // First per value, once per row …
  const own = new Map<string, Bucket>();
  for (const r of rows) {
    overall.add(r);
    const value = r.key ?? '(none)';
    let b = own.get(value);
    if (!b) own.set(value, (b = new Bucket()));
    b.add(r);
  }
  // … then, by owner, each group's counts go to its parents too: once per
  // group, not once per row.
  let buckets = own;
  if (groupBy === 'owner') {
    buckets = new Map<string, Bucket>();
    const bucket = (k: string) => {
      let b = buckets.get(k);
      if (!b) buckets.set(k, (b = new Bucket()));
      return b;
    };
    for (const [value, b] of own) {
      const groups =
        value === '(none)' ? [value] : tree.ancestorsAndSelf(value);
      groups.forEach((g, i) => {
        bucket(g).merge(b);
        if (i === 0) bucket(g).direct += b.direct;
      });
    }
  }
  const groups = [...buckets.entries()]
    .map(([k, b]) => b.toGroup(k, groupBy === 'owner'))
    .sort(
      (a, b) =>
        b.counts.blocked - a.counts.blocked ||
        a.meanScore - b.meanScore ||
        a.key.localeCompare(b.key),
    );
  return { overall: overall.toGroup('all', false), groups };
}

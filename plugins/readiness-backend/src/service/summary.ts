import type {
  ReadinessStatus,
  ReadinessSummaryGroup,
} from '@readiness/backstage-plugin-readiness-common';
import type { StoredResult } from '../database/types';
import { OrgTree } from './orgTree';

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

  add(r: StoredResult, direct: boolean) {
    this.total += 1;
    if (direct) this.direct += 1;
    this.scoreSum += r.score;
    this.counts[r.status] += 1;
    for (const [area, score] of Object.entries(r.areaScores)) {
      this.areaTotal[area] = (this.areaTotal[area] ?? 0) + 1;
      if (score >= 100)
        this.areaPassed[area] = (this.areaPassed[area] ?? 0) + 1;
    }
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
export function summarise(
  rows: StoredResult[],
  groupBy: GroupBy,
  tree: OrgTree,
) {
  const overall = new Bucket();
  const buckets = new Map<string, Bucket>();
  const bucket = (k: string) => {
    let b = buckets.get(k);
    if (!b) buckets.set(k, (b = new Bucket()));
    return b;
  };
  for (const r of rows) {
    overall.add(r, true);
    const value = r[groupBy] ?? '(none)';
    if (groupBy === 'owner' && value !== '(none)') {
      tree.ancestorsAndSelf(value).forEach((g, i) => bucket(g).add(r, i === 0));
    } else {
      bucket(value).add(r, true);
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

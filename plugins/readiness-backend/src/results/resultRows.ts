import { isFailing } from '@readiness/backstage-plugin-readiness-common';
import type {
  ResultRow,
  ResultSort,
  StoredResult,
  StoredResultWithDetail,
} from '../platform/database/types';
import { compactResult, expandResult, ScorecardLookup } from './resultCodec';
import { iso, orUndefined } from '../platform/database/util';

/** A row of `readiness_results` as the database returns it. */
export type ResultDbRow = {
  entity_ref: string;
  scorecard: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  type: string | null;
  lifecycle: string | null;
  owner: string | null;
  system: string | null;
  domain: string | null;
  status: StoredResult['status'];
  score: number;
  level: string | null;
  failing_checks: string;
  not_applicable_checks: string;
  upcoming_checks: string | null;
  failing_areas: string;
  area_scores: string;
  result?: string;
  hash: string;
  revision?: string | null;
  search: string;
  changed_at: string | Date;
  stale: boolean | number;
};

/** The columns a list needs: everything but the full result. */
export const LIST_COLUMNS = [
  'entity_ref',
  'scorecard',
  'kind',
  'namespace',
  'name',
  'title',
  'type',
  'lifecycle',
  'owner',
  'system',
  'domain',
  'status',
  'score',
  'level',
  'failing_checks',
  'not_applicable_checks',
  'upcoming_checks',
  'area_scores',
  'changed_at',
  'stale',
];

export const SORTS: Record<ResultSort, Array<[string, 'asc' | 'desc']>> = {
  score: [['score', 'asc']],
  '-score': [['score', 'desc']],
  name: [['name', 'asc']],
  '-name': [['name', 'desc']],
  status: [['status', 'asc']],
  '-status': [['status', 'desc']],
  changed: [['changed_at', 'asc']],
  '-changed': [['changed_at', 'desc']],
};

// Lists are stored `|a|b|` so that `like '%|a|%'` finds one member.
export const bars = (list: string[]) =>
  list.length ? `|${list.join('|')}|` : '';
export const unbar = (s: string) => (s ? s.slice(1, -1).split('|') : []);

/** Escapes LIKE's wildcards; use with `escape '\'`. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, c => `\\${c}`);

/** A bar-list column contains `member`. */
export const barContains = (member: string) => `%|${escapeLike(member)}|%`;

export function toStored(row: ResultDbRow): StoredResult {
  return {
    entityRef: row.entity_ref,
    scorecard: row.scorecard,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    title: orUndefined(row.title),
    type: orUndefined(row.type),
    lifecycle: orUndefined(row.lifecycle),
    owner: orUndefined(row.owner),
    system: orUndefined(row.system),
    domain: orUndefined(row.domain),
    status: row.status,
    score: Number(row.score),
    level: orUndefined(row.level),
    failingChecks: unbar(row.failing_checks),
    notApplicableChecks: unbar(row.not_applicable_checks),
    upcomingChecks: unbar(row.upcoming_checks ?? ''),
    areaScores: JSON.parse(row.area_scores),
    changedAt: iso(row.changed_at),
    stale: Boolean(row.stale),
  };
}

export const toDetail = (
  row: ResultDbRow,
  lookup?: ScorecardLookup,
): StoredResultWithDetail => ({
  ...toStored(row),
  result: expandResult(JSON.parse(row.result!), lookup?.(row.scorecard)),
  revision: orUndefined(row.revision ?? null),
});

export function toDbRow(
  r: ResultRow,
  now: string,
  lookup?: ScorecardLookup,
): ResultDbRow {
  const failing = r.result.checks.filter(isFailing);
  return {
    entity_ref: r.entityRef,
    scorecard: r.scorecard,
    kind: r.kind,
    namespace: r.namespace,
    name: r.name,
    title: r.title ?? null,
    type: r.type ?? null,
    lifecycle: r.lifecycle ?? null,
    owner: r.owner ?? null,
    system: r.system ?? null,
    domain: r.domain ?? null,
    status: r.result.status,
    score: r.result.score,
    level: r.result.level?.id ?? null,
    failing_checks: bars(failing.map(c => c.checkId)),
    not_applicable_checks: bars(
      r.result.checks
        .filter(c => c.result === 'not-applicable')
        .map(c => c.checkId),
    ),
    upcoming_checks: bars(
      r.result.checks.filter(c => c.upcoming).map(c => c.checkId),
    ),
    failing_areas: bars([...new Set(failing.map(c => c.area))]),
    area_scores: JSON.stringify(
      Object.fromEntries(r.result.areas.map(a => [a.id, a.score])),
    ),
    result: JSON.stringify(compactResult(r.result, lookup?.(r.scorecard))),
    hash: r.hash,
    revision: r.revision ?? null,
    search: `${r.entityRef} ${r.title ?? ''}`.toLowerCase().slice(0, 512),
    changed_at: now,
    stale: false,
  };
}

import {
  EntityReadiness,
  isFailing,
} from '@readiness/backstage-plugin-readiness-common';
import type { EntityFields, ResultRow } from '../platform/database/types';
import { ResultKeyMap } from '../results/resultKey';
import type { StoredResultWithDetail } from '../platform/database/types';
import type { WrittenResult } from './events';
import { hashResult, scorecardFingerprint } from './hash';
import { revisionText } from './ScorecardRegistry';
import type { ScorecardRegistry } from './ScorecardRegistry';

/** Finds a scorecard by name: the registry, or the scorecards of one batch. */
type ScorecardLookup = Pick<ScorecardRegistry, 'get'>;

const revisionTextOf = (scorecards: ScorecardLookup, name: string) => {
  const card = scorecards.get(name);
  return card ? revisionText(card) : undefined;
};

/** The results of a batch whose hash differs from the stored one: what to write. */
export function changedRows(
  results: EntityReadiness[],
  fieldsByRef: Map<string, EntityFields>,
  storedHashes: ResultKeyMap<string>,
  scorecards: ScorecardLookup,
): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const result of results) {
    const fields = fieldsByRef.get(result.entityRef)!;
    const card = scorecards.get(result.scorecard);
    const hash = hashResult(
      result,
      fields,
      card ? scorecardFingerprint(card) : result.scorecard,
    );
    if (storedHashes.get(result) !== hash)
      rows.push({
        ...fields,
        scorecard: result.scorecard,
        result,
        hash,
        revision: card ? revisionText(card) : undefined,
      });
  }
  return rows;
}

/** What the listeners hear of written rows: the status, and the one before. */
export function writtenResults(
  rows: ResultRow[],
  previous: ResultKeyMap<StoredResultWithDetail>,
): WrittenResult[] {
  return rows.map(r => {
    const before = previous.get(r)?.result.status;
    return {
      entityRef: r.result.entityRef,
      scorecard: r.result.scorecard,
      status: r.result.status,
      ...(before ? { previousStatus: before } : {}),
    };
  });
}

/** The day's history point of each result. */
export function historyPoints(
  results: EntityReadiness[],
  changed: ResultKeyMap<boolean>,
  day: string,
  scorecards: ScorecardLookup,
) {
  return results.map(r => ({
    revision: revisionTextOf(scorecards, r.scorecard),
    entityRef: r.entityRef,
    scorecard: r.scorecard,
    day,
    status: r.status,
    score: r.score,
    level: r.level?.id,
    changed: changed.has(r),
    failingChecks: r.checks.filter(isFailing).map(c => c.checkId),
    upcomingChecks: r.checks.filter(c => c.upcoming).map(c => c.checkId),
  }));
}

/** When time alone changes each entity's results (its earliest `validUntil`). */
export function recheckTimes(results: EntityReadiness[]): Map<string, number> {
  const recheck = new Map<string, number>();
  for (const r of results) {
    if (!r.validUntil) continue;
    const t = Date.parse(r.validUntil);
    if (t < (recheck.get(r.entityRef) ?? Infinity)) recheck.set(r.entityRef, t);
  }
  return recheck;
}

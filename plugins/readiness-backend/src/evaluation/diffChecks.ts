import { EntityReadiness } from '@readiness/backstage-plugin-readiness-common';
import type { CheckChange } from '../platform/database/types';

/** Which checks flipped between two results of one entity and scorecard. */
export function diffChecks(
  before: EntityReadiness | undefined,
  after: EntityReadiness,
  changedAt: string,
): CheckChange[] {
  const old = new Map((before?.checks ?? []).map(c => [c.checkId, c]));
  const out: CheckChange[] = [];
  for (const c of after.checks) {
    const o = old.get(c.checkId);
    old.delete(c.checkId);
    if (o && o.result === c.result && o.message === c.message) continue;
    out.push({
      entityRef: after.entityRef,
      scorecard: after.scorecard,
      checkId: c.checkId,
      oldResult: o?.result,
      newResult: c.result,
      oldMessage: o?.message,
      newMessage: c.message,
      changedAt,
    });
  }
  for (const o of old.values()) {
    out.push({
      entityRef: after.entityRef,
      scorecard: after.scorecard,
      checkId: o.checkId,
      oldResult: o.result,
      oldMessage: o.message,
      changedAt,
    });
  }
  return out;
}

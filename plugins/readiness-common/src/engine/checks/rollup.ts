import type { ReadinessStatus } from '../../types';
import type { ReadinessSummary } from '../context';
import { CheckFn } from './types';

const RANK: Record<ReadinessStatus, number> = {
  ready: 0,
  'needs-work': 1,
  blocked: 2,
};

/** The worst status and lowest score an entity has across the scorecards it was evaluated against. */
function summarise(results: ReadinessSummary[]) {
  let status: ReadinessStatus = 'ready';
  let score = 100;
  for (const r of results) {
    if (RANK[r.status] > RANK[status]) status = r.status;
    score = Math.min(score, r.score);
  }
  return { status, score };
}

/** `rollup` checks: a system, domain or group scored by its parts' results. */
export function compileRollupCheck(w: {
  of: 'parts' | 'owned';
  require: 'all-ready' | 'none-blocked' | 'min-score';
  minScore?: number;
  kinds?: string[];
}): CheckFn {
  const kinds = w.kinds?.map(k => k.toLowerCase());
  const noun = w.of === 'parts' ? 'parts' : 'owned entities';
  return (_entity, entityRef, ctx) => {
    const children = ctx
      .children(entityRef, w.of)
      .filter(ref => !kinds || kinds.includes(ref.split(':')[0]))
      .map(ref => ({ ref, results: ctx.readiness(ref) }))
      .filter(c => c.results.length > 0)
      .map(c => ({ ref: c.ref, ...summarise(c.results) }));
    if (children.length === 0) {
      return { result: 'unknown', message: `No scored ${noun} yet` };
    }
    const name = (ref: string) => ref.replace(':default/', ':');
    if (w.require === 'min-score') {
      const mean = children.reduce((s, c) => s + c.score, 0) / children.length;
      const rounded = Math.round(mean * 10) / 10;
      return {
        result: mean >= w.minScore! ? 'pass' : 'fail',
        message: `Mean score of ${children.length} ${noun} is ${rounded}${
          mean >= w.minScore! ? '' : `, expected ≥ ${w.minScore}`
        }`,
        observed: rounded,
        threshold: w.minScore,
      };
    }
    const bad = children.filter(c =>
      w.require === 'all-ready' ? c.status !== 'ready' : c.status === 'blocked',
    );
    const want = w.require === 'all-ready' ? 'ready' : 'not blocked';
    if (bad.length === 0) {
      return {
        result: 'pass',
        message: `All ${children.length} ${noun} are ${want}`,
        observed: children.length,
      };
    }
    const list = bad
      .slice(0, 5)
      .map(c => `${name(c.ref)} (${c.status})`)
      .join(', ');
    return {
      result: 'fail',
      message: `${bad.length} of ${children.length} ${noun} ${
        w.require === 'all-ready' ? 'are not ready' : 'are blocked'
      }: ${list}${bad.length > 5 ? ', …' : ''}`,
      observed: children.length - bad.length,
      threshold: children.length,
    };
  };
}

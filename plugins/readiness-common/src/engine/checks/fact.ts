import { Comparison, compileComparison } from '../compare';
import {
  describedDurationChangesAt,
  describeDuration,
  parseDuration,
} from '../duration';
import { compilePath } from '../paths';
import { parseTime } from '../time';
import type { EvaluationContext } from '../context';
import type { Fact } from '../../types';
import { CheckFn, RawResult } from './types';

/** The fact, or the result to give when it is missing or too old. */
export function freshFact(
  ctx: EvaluationContext,
  entityRef: string,
  factId: string,
  maxAgeMs: number | undefined,
  missing: () => RawResult,
): { fact: Fact } | { result: RawResult } {
  const fact = ctx.fact(entityRef, factId);
  if (!fact) return { result: missing() };
  const evidence = { source: fact.source, observedAt: fact.observedAt };
  const at = parseTime(fact.observedAt);
  if (Number.isNaN(at)) {
    return {
      result: {
        result: 'error',
        message: `${factId} fact has an invalid observedAt "${fact.observedAt}"`,
        evidence,
      },
    };
  }
  if (maxAgeMs !== undefined && ctx.now - at > maxAgeMs) {
    // The message says how old it is.
    ctx.changesAt(describedDurationChangesAt(at, ctx.now));
    return {
      result: {
        result: 'fail',
        message: `${factId} fact is stale: observed ${describeDuration(
          ctx.now - at,
        )} ago, more than the ${describeDuration(maxAgeMs)} allowed`,
        evidence,
      },
    };
  }
  if (maxAgeMs !== undefined) ctx.changesAt(at + maxAgeMs + 1);
  return { fact };
}

/** `fact` checks: an observed value compared with a threshold, optionally no older than `maxAge`. */
export function compileFactCheck(
  w: Comparison & { fact: string; path?: string; maxAge?: string },
): CheckFn {
  const read = w.path ? compilePath(w.path) : (v: unknown) => v;
  const compare = compileComparison(w);
  const maxAgeMs = w.maxAge ? parseDuration(w.maxAge) : undefined;
  const label = w.path ? `${w.fact}.${w.path}` : w.fact;
  return (_entity, entityRef, ctx) => {
    const got = freshFact(ctx, entityRef, w.fact, maxAgeMs, () => ({
      result: 'unknown',
      message: `No ${w.fact} fact yet: report it from CI or a probe`,
    }));
    if ('result' in got) return got.result;
    const { fact } = got;
    const c = compare(read(fact.value));
    return {
      result: c.ok ? 'pass' : 'fail',
      message: c.ok
        ? `${label} ${c.found}`
        : `${label} ${c.found}, ${c.expected}`,
      observed: c.observed,
      threshold: c.threshold,
      evidence: { source: fact.source, observedAt: fact.observedAt },
    };
  };
}

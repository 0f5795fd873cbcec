import { Entity } from '@backstage/catalog-model';
import type { PredicateInput } from '../../scorecard/schema';
import { compileComparison } from '../compare';
import { compilePath } from '../paths';
import { CheckFn } from './types';

type Compiled = (entity: Entity) => {
  ok: boolean;
  message: string;
  observed?: any;
  threshold?: any;
};

/** Compiles a catalog predicate (with all / any / not) to a function. */
export function compilePredicate(p: PredicateInput): Compiled {
  if ('all' in p) {
    const parts = p.all.map(compilePredicate);
    return entity => {
      const results = parts.map(f => f(entity));
      const failing = results.filter(r => !r.ok);
      return failing.length === 0
        ? { ok: true, message: results.map(r => r.message).join('; ') }
        : { ok: false, message: failing.map(r => r.message).join('; ') };
    };
  }
  if ('any' in p) {
    const parts = p.any.map(compilePredicate);
    return entity => {
      const results = parts.map(f => f(entity));
      const passing = results.find(r => r.ok);
      return passing
        ? { ok: true, message: passing.message }
        : {
            ok: false,
            message: `none holds: ${results.map(r => r.message).join(' / ')}`,
          };
    };
  }
  if ('not' in p) {
    const inner = compilePredicate(p.not);
    return entity => {
      const r = inner(entity);
      return {
        ok: !r.ok,
        message: r.ok ? `${r.message}, which it must not` : r.message,
      };
    };
  }
  const read = compilePath(p.path);
  const compare = compileComparison(p);
  return entity => {
    const c = compare(read(entity));
    return {
      ok: c.ok,
      message: c.ok
        ? `${p.path} ${c.found}`
        : `${p.path} ${c.found}, ${c.expected}`,
      observed: c.observed,
      threshold: c.threshold,
    };
  };
}

/** `catalog` checks: predicates on the entity's own fields. */
export function compileCatalogCheck(predicate: PredicateInput): CheckFn {
  const f = compilePredicate(predicate);
  return entity => {
    const r = f(entity);
    return {
      result: r.ok ? 'pass' : 'fail',
      message: r.message,
      observed: r.observed,
      threshold: r.threshold,
    };
  };
}

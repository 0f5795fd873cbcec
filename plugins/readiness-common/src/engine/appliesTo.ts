import { Entity } from '@backstage/catalog-model';
import type { AppliesTo } from '../scorecard/schema';
import { compilePath } from './paths';

const lower = (list?: string[]) => list?.map(s => s.toLowerCase());
const str = (v: unknown) =>
  typeof v === 'string' ? v.toLowerCase() : undefined;

function compileFilter(
  filter: Record<string, unknown>,
): (e: Entity) => boolean {
  const tests = Object.entries(filter).map(([key, expected]) => {
    const read = compilePath(key);
    if (expected && typeof expected === 'object' && 'not' in expected) {
      const not = (expected as { not: unknown }).not;
      const refused = (Array.isArray(not) ? not : [not]).map(v =>
        String(v).toLowerCase(),
      );
      return (e: Entity) => {
        const v = read(e);
        const got = Array.isArray(v) ? v : [v];
        return !got.some(
          x =>
            x !== undefined &&
            x !== null &&
            refused.includes(String(x).toLowerCase()),
        );
      };
    }
    if (expected && typeof expected === 'object' && !Array.isArray(expected)) {
      const want = (expected as { exists: boolean }).exists;
      return (e: Entity) =>
        (read(e) !== undefined && read(e) !== null) === want;
    }
    const values = (Array.isArray(expected) ? expected : [expected]).map(v =>
      String(v).toLowerCase(),
    );
    return (e: Entity) => {
      const v = read(e);
      const got = Array.isArray(v) ? v : [v];
      return got.some(
        x =>
          x !== undefined &&
          x !== null &&
          values.includes(String(x).toLowerCase()),
      );
    };
  });
  return e => tests.every(t => t(e));
}

/**
 * Compiles a scorecard's `appliesTo` to a predicate. Every given criterion must
 * hold; within a list, any value matches (case-insensitive). `filter` works
 * like the catalog's: keys are field paths, a list of filters means any of them.
 */
export function compileAppliesTo(a: AppliesTo): (entity: Entity) => boolean {
  const kinds = lower(a.kinds);
  const types = lower(a.types);
  const lifecycles = lower(a.lifecycles);
  const tags = lower(a.tags);
  const filters = a.filter
    ? (Array.isArray(a.filter) ? a.filter : [a.filter]).map(compileFilter)
    : undefined;
  return entity => {
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    if (kinds && !kinds.includes(entity.kind.toLowerCase())) return false;
    if (types && !types.includes(str(spec.type) ?? '')) return false;
    if (lifecycles && !lifecycles.includes(str(spec.lifecycle) ?? ''))
      return false;
    if (
      tags &&
      !(entity.metadata.tags ?? []).some(t => tags.includes(t.toLowerCase()))
    ) {
      return false;
    }
    if (filters && !filters.some(f => f(entity))) return false;
    return true;
  };
}

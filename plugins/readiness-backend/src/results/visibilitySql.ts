import type { Knex } from 'knex';
import type {
  EntityCriteria,
  VISIBILITY_RULES,
  VisibleTo,
} from '../platform/entityVisibility';

const strings = (v: unknown) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Each rule Readiness applies, on the results table's own columns. */
const RULES: Record<
  (typeof VISIBILITY_RULES)[number],
  (q: Knex.QueryBuilder, params: Record<string, unknown>) => void
> = {
  IS_ENTITY_OWNER: (q, { claims }) =>
    q.whereIn(
      'owner',
      strings(claims).map(c => c.toLowerCase()),
    ),
  IS_ENTITY_KIND: (q, { kinds }) =>
    q.whereIn(
      'kind',
      strings(kinds).map(k => k.toLowerCase()),
    ),
};

function apply(q: Knex.QueryBuilder, c: EntityCriteria): void {
  if ('allOf' in c) {
    q.where(b => c.allOf.forEach(x => b.where(bb => apply(bb, x))));
  } else if ('anyOf' in c) {
    q.where(b => c.anyOf.forEach(x => b.orWhere(bb => apply(bb, x))));
  } else if ('not' in c) {
    q.whereNot(b => apply(b, c.not));
  } else {
    RULES[c.rule as keyof typeof RULES](
      q,
      (c.params ?? {}) as Record<string, unknown>,
    );
  }
}

/** Narrows a query of `readiness_results` to what the caller may see. */
export function applyVisibility(q: Knex.QueryBuilder, v: VisibleTo): void {
  if ('none' in v) q.whereRaw('1 = 0');
  else q.where(b => apply(b, v.criteria));
}

import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import type { Knex } from 'knex';

type EntityCriteria = PermissionCriteria<PermissionCondition<'catalog-entity'>>;

/**
 * Which results a caller may see: those of the entities they may read in the
 * catalog (`catalog.entity.read`). `all` and `none` for plain decisions; for
 * a conditional policy, a where-clause on the results table that applies the
 * catalog's rules in the database.
 */
export type Visibility =
  | { all: true }
  | { none: true }
  | { where: (q: Knex.QueryBuilder) => void; key: string };

const strings = (v: unknown) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * The catalog rules Readiness applies to its own columns: IS_ENTITY_OWNER
 * (the owner, `spec.owner` as the catalog's ownedBy relation) and
 * IS_ENTITY_KIND. Any other rule is refused with its name, so that a policy
 * never shows more than the catalog would.
 */
const RULES: Record<
  string,
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

/** The where-clause of a rule; NotAllowedError naming a rule we cannot apply. */
function ruleOf(name: string) {
  const rule = RULES[name];
  if (!rule) {
    throw new NotAllowedError(
      `The permission policy limits catalog.entity.read with the rule ${name}, which Readiness cannot apply to its results (it applies ${Object.keys(
        RULES,
      ).join(' and ')})`,
    );
  }
  return rule;
}

function apply(q: Knex.QueryBuilder, c: EntityCriteria): void {
  if ('allOf' in c) {
    q.where(b => c.allOf.forEach(x => b.where(bb => apply(bb, x))));
  } else if ('anyOf' in c) {
    q.where(b => c.anyOf.forEach(x => b.orWhere(bb => apply(bb, x))));
  } else if ('not' in c) {
    q.whereNot(b => apply(b, c.not));
  } else {
    ruleOf(c.rule)(q, (c.params ?? {}) as Record<string, unknown>);
  }
}

/** Checks every rule of a criteria tree up front (throws naming an unknown one). */
function check(c: EntityCriteria): void {
  if ('allOf' in c) c.allOf.forEach(check);
  else if ('anyOf' in c) c.anyOf.forEach(check);
  else if ('not' in c) check(c.not);
  else ruleOf(c.rule);
}

/** The results the caller may see, from one conditional permission request. */
export async function entityVisibility(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
): Promise<Visibility> {
  const [decision] = await permissions.authorizeConditional(
    [{ permission: catalogEntityReadPermission }],
    { credentials },
  );
  if (decision.result === AuthorizeResult.ALLOW) return { all: true };
  if (decision.result !== AuthorizeResult.CONDITIONAL) return { none: true };
  const criteria = decision.conditions as EntityCriteria;
  check(criteria);
  return {
    where: q => apply(q, criteria),
    key: JSON.stringify(criteria),
  };
}

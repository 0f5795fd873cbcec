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

/** The catalog's conditions on `catalog.entity.read`, as a policy returns them. */
export type EntityCriteria = PermissionCriteria<
  PermissionCondition<'catalog-entity'>
>;

/**
 * The catalog rules Readiness applies to its own columns: IS_ENTITY_OWNER
 * (the owner, `spec.owner` as the catalog's ownedBy relation) and
 * IS_ENTITY_KIND. Any other rule is refused with its name, so that a policy
 * never shows more than the catalog would. The stores turn them into SQL
 * (`results/visibilitySql.ts`).
 */
export const VISIBILITY_RULES = ['IS_ENTITY_OWNER', 'IS_ENTITY_KIND'] as const;

/** A filter of the results a caller may see: none, or those the criteria match. */
export type VisibleTo = { none: true } | { criteria: EntityCriteria };

/**
 * Which results a caller may see: those of the entities they may read in the
 * catalog (`catalog.entity.read`). `all` and `none` for plain decisions; for
 * a conditional policy, the catalog's criteria as a filter (with a key for
 * caches of what the caller sees).
 */
export type Visibility =
  | { all: true }
  | { none: true }
  | { criteria: EntityCriteria; key: string };

/** Checks every rule of a criteria tree up front (throws naming an unknown one). */
function check(c: EntityCriteria): void {
  if ('allOf' in c) c.allOf.forEach(check);
  else if ('anyOf' in c) c.anyOf.forEach(check);
  else if ('not' in c) check(c.not);
  else if (!(VISIBILITY_RULES as readonly string[]).includes(c.rule))
    throw new NotAllowedError(
      `The permission policy limits catalog.entity.read with the rule ${
        c.rule
      }, which Readiness cannot apply to its results (it applies ${VISIBILITY_RULES.join(
        ' and ',
      )})`,
    );
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
  return { criteria, key: JSON.stringify(criteria) };
}

const strings = (v: unknown) =>
  Array.isArray(v)
    ? v
        .filter((x): x is string => typeof x === 'string')
        .map(x => x.toLowerCase())
    : [];

function matches(
  entity: { owner?: string; kind: string },
  c: EntityCriteria,
): boolean {
  if ('allOf' in c) return c.allOf.every(x => matches(entity, x));
  if ('anyOf' in c) return c.anyOf.some(x => matches(entity, x));
  if ('not' in c) return !matches(entity, c.not);
  const params = (c.params ?? {}) as Record<string, unknown>;
  if (c.rule === 'IS_ENTITY_OWNER')
    return !!entity.owner && strings(params.claims).includes(entity.owner);
  if (c.rule === 'IS_ENTITY_KIND')
    return strings(params.kinds).includes(entity.kind);
  return false;
}

/**
 * Whether a caller with this visibility may see an entity, given its owner
 * (`spec.owner` as a full ref) and kind, both in lower case: the rules of
 * `results/visibilitySql.ts`, for entities held in memory (a preview).
 */
export function isVisible(
  entity: { owner?: string; kind: string },
  visibility: Visibility,
): boolean {
  if ('all' in visibility) return true;
  if ('none' in visibility) return false;
  return matches(entity, visibility.criteria);
}

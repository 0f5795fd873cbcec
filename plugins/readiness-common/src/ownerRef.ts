import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  makeValidator,
} from '@backstage/catalog-model';

const validator = makeValidator();

/** Kinds an ownership role may point at. */
const OWNER_KINDS = ['group', 'user'];

/**
 * The outcome of reading an ownership annotation.
 *
 * @public
 */
export type ParsedOwnerRef =
  | { ok: true; ref: CompoundEntityRef; refString: string }
  | { ok: false; error: string };

const cache = new Map<string, Map<string, ParsedOwnerRef>>();

/**
 * Reads an owner reference in the shorthand `spec.owner` accepts:
 * `team-a`, `group:team-a`, `group:default/team-a`, `user:default/jane`.
 * The kind defaults to `group` and the namespace to `defaultNamespace`.
 * Only groups and users can own a role; anything else is an error that says why.
 *
 * @public
 */
export function parseOwnerRef(
  value: unknown,
  defaultNamespace: string = DEFAULT_NAMESPACE,
): ParsedOwnerRef {
  if (typeof value !== 'string') return parse(value, defaultNamespace);
  // Owner values repeat across a catalog; results are immutable, so cache them.
  let byValue = cache.get(defaultNamespace);
  if (!byValue) {
    if (cache.size > 1_000) cache.clear();
    byValue = new Map();
    cache.set(defaultNamespace, byValue);
  }
  let result = byValue.get(value);
  if (!result) {
    if (byValue.size > 50_000) byValue.clear();
    result = Object.freeze(parse(value, defaultNamespace));
    byValue.set(value, result);
  }
  return result;
}

function parse(value: unknown, defaultNamespace: string): ParsedOwnerRef {
  if (typeof value !== 'string' || value.trim() === '') {
    return { ok: false, error: 'expected an entity ref such as group:team-a' };
  }
  const text = value.trim();
  const match = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(text);
  if (!match) {
    return {
      ok: false,
      error: `"${text}" is not an entity ref; expected [kind:][namespace/]name, such as group:team-a`,
    };
  }
  // toLowerCase: as toLocaleLowerCase('en-US'), much faster (see entityKey).
  const kind = (match[1] ?? 'group').toLowerCase();
  const namespace = (match[2] ?? defaultNamespace).toLowerCase();
  const name = match[3].toLowerCase();
  if (!OWNER_KINDS.includes(kind)) {
    return {
      ok: false,
      error: `"${text}" has kind "${kind}"; an owner must be a group or a user`,
    };
  }
  if (!validator.isValidNamespace(namespace)) {
    return {
      ok: false,
      error: `"${text}" has an invalid namespace "${namespace}"`,
    };
  }
  if (!validator.isValidEntityName(name)) {
    return {
      ok: false,
      error: `"${text}" is not a group or user name: names use letters, digits and - _ . with no spaces (such as group:payments-team)`,
    };
  }
  return {
    ok: true,
    ref: { kind, namespace, name },
    refString: `${kind}:${namespace}/${name}`,
  };
}

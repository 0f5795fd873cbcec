/** Normalises an entity ref string, or a partial one with defaults, to a lookup key. */
export function refKey(
  ref: string,
  defaultKind: string,
  defaultNamespace = 'default',
): string {
  const m = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(ref.trim());
  if (!m) return ref.trim().toLowerCase();
  return `${m[1] ?? defaultKind}:${m[2] ?? defaultNamespace}/${
    m[3]
  }`.toLowerCase();
}

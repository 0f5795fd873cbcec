/** One step of a field path. */
export type PathSegment =
  | { kind: 'key'; key: string }
  | { kind: 'filter'; field: string; value: string };

/**
 * Parses a field path such as `spec.lifecycle`,
 * `metadata.annotations['backstage.io/techdocs-ref']`, `metadata.links[0].url`
 * or `metadata.links[type=runbook].url`. Throws an Error saying what is wrong.
 */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`invalid path "${path}" at position ${i + 1}: ${why}`);
  };
  const ident = () => {
    const m = /^[A-Za-z_$][\w$-]*/.exec(path.slice(i));
    if (!m) fail('expected a field name');
    i += m![0].length;
    return m![0];
  };
  if (path.length === 0) fail('empty path');
  segments.push({ kind: 'key', key: ident() });
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      i += 1;
      segments.push({ kind: 'key', key: ident() });
    } else if (ch === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) fail('missing ]');
      const inner = path.slice(i + 1, close).trim();
      const quoted = /^(['"])(.*)\1$/.exec(inner);
      const filter =
        /^([A-Za-z_$][\w$-]*)\s*=\s*(?:(['"])(.*)\2|([^'"\]]+))$/.exec(inner);
      if (quoted) segments.push({ kind: 'key', key: quoted[2] });
      else if (/^\d+$/.test(inner)) segments.push({ kind: 'key', key: inner });
      else if (filter) {
        segments.push({
          kind: 'filter',
          field: filter[1],
          value: (filter[3] ?? filter[4]).trim(),
        });
      } else fail(`expected ['key'], [index] or [field=value], got [${inner}]`);
      i = close + 1;
    } else {
      fail(`unexpected "${ch}"`);
    }
  }
  return segments;
}

/**
 * Compiles a path to a function that reads it from a value. Reading through a
 * `[field=value]` filter yields the list of matching elements (an empty list
 * when none match), and later steps read from each of them.
 */
export function compilePath(path: string): (root: unknown) => unknown {
  const segments = parsePath(path);
  return (root: unknown) => {
    let current: unknown = root;
    let many = false;
    for (const seg of segments) {
      if (many) {
        const list: unknown[] = [];
        for (const item of current as unknown[]) {
          const v = step(item, seg);
          if (v === undefined) continue;
          if (seg.kind === 'filter') list.push(...(v as unknown[]));
          else list.push(v);
        }
        current = list;
      } else {
        current = step(current, seg);
        if (current === undefined) return undefined;
        if (seg.kind === 'filter') many = true;
      }
    }
    return current;
  };
}

function step(value: unknown, seg: PathSegment): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  if (seg.kind === 'key') {
    return Object.prototype.hasOwnProperty.call(value, seg.key)
      ? (value as Record<string, unknown>)[seg.key]
      : undefined;
  }
  if (!Array.isArray(value)) return undefined;
  return value.filter(
    item =>
      item !== null &&
      typeof item === 'object' &&
      String((item as Record<string, unknown>)[seg.field]) === seg.value,
  );
}

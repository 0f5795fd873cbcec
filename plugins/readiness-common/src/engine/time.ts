const times = new Map<string, number>();

/**
 * Date.parse with a small cache: facts, attestations and exemptions across a
 * catalog share few distinct timestamps, and parsing dominates otherwise.
 */
export function parseTime(text: string): number {
  let t = times.get(text);
  if (t === undefined) {
    if (times.size > 10_000) times.clear();
    t = Date.parse(text);
    times.set(text, t);
  }
  return t;
}

/** Identifies one stored result: an entity evaluated against one scorecard. */
export interface ResultKey {
  entityRef: string;
  scorecard: string;
}

/** A map keyed by {@link ResultKey}, compared by value. */
export class ResultKeyMap<V> {
  private readonly byRef = new Map<string, Map<string, V>>();
  private count = 0;

  constructor(entries: Iterable<[ResultKey, V]> = []) {
    for (const [k, v] of entries) this.set(k, v);
  }

  get size(): number {
    return this.count;
  }

  get(k: ResultKey): V | undefined {
    return this.byRef.get(k.entityRef)?.get(k.scorecard);
  }

  has(k: ResultKey): boolean {
    return this.byRef.get(k.entityRef)?.has(k.scorecard) ?? false;
  }

  set(k: ResultKey, v: V): this {
    let inner = this.byRef.get(k.entityRef);
    if (!inner) this.byRef.set(k.entityRef, (inner = new Map()));
    if (!inner.has(k.scorecard)) this.count++;
    inner.set(k.scorecard, v);
    return this;
  }

  *entries(): IterableIterator<[ResultKey, V]> {
    for (const [entityRef, inner] of this.byRef)
      for (const [scorecard, v] of inner) yield [{ entityRef, scorecard }, v];
  }
}

/** The key of anything that names an entity and a scorecard. */
export const resultKey = (r: ResultKey): ResultKey => ({
  entityRef: r.entityRef,
  scorecard: r.scorecard,
});

/** FNV-1a, 32 bit: a stable hash of an entity ref, the same on every replica. */
export function hashRef(ref: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < ref.length; i++) {
    h ^= ref.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The shard (0 … shards-1) that evaluates an entity. */
export function shardOf(entityRef: string, shards: number): number {
  return hashRef(entityRef.toLowerCase()) % shards;
}

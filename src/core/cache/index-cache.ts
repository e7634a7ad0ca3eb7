// Values read from an index's articles (an article's terms, whether it says something is unknown),
// kept per index and key: an index's article never changes, so what is read from it once holds
// for as long as the index lives. Several modules kept such values in a hand-written
// `WeakMap<NewsIndex, Map<doc, value>>`; this is that pattern once. The owner is held weakly (an
// index, or a question's reading for values that depend on the question too), so a dropped index
// drops its values. With `max`, only that many keys are kept per owner, the least recently used
// leaving first: a cache of what a few dozen candidate articles give, not of the whole archive.

export interface IndexCache<O extends object, K, V> {
  /** The value kept for `key` under `owner`, or `read()`'s, then kept. */
  get(owner: O, key: K, read: () => V): V;
}

export interface IndexCacheOptions {
  /** Most keys kept per owner (least recently used out first). Default: no limit. */
  readonly max?: number;
}

export function createIndexCache<O extends object, K, V>(
  options: IndexCacheOptions = {},
): IndexCache<O, K, V> {
  const byOwner = new WeakMap<O, Map<K, V>>();
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const bounded = Number.isFinite(max);
  return {
    get(owner, key, read) {
      let kept = byOwner.get(owner);
      if (!kept) {
        kept = new Map();
        byOwner.set(owner, kept);
      }
      const hit = kept.get(key);
      if (hit !== undefined || kept.has(key)) {
        if (bounded) {
          // most recently used last: a Map iterates in insertion order
          kept.delete(key);
          kept.set(key, hit as V);
        }
        return hit as V;
      }
      const value = read();
      kept.set(key, value);
      if (kept.size > max) kept.delete(kept.keys().next().value as K);
      return value;
    },
  };
}

import { LRUCache } from "lru-cache";

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

export function createIndexCache<O extends object, K extends {}, V>(
  options: IndexCacheOptions = {},
): IndexCache<O, K, V> {
  // values are boxed: lru-cache keeps no undefined value, and a read may well return one
  const byOwner = new WeakMap<O, Map<K, { value: V }> | LRUCache<K, { value: V }>>();
  const max = options.max;
  return {
    get(owner, key, read) {
      let kept = byOwner.get(owner);
      if (!kept) {
        kept = max === undefined ? new Map() : new LRUCache({ max });
        byOwner.set(owner, kept);
      }
      const hit = kept.get(key);
      if (hit) return hit.value;
      const value = read();
      kept.set(key, { value });
      return value;
    },
  };
}

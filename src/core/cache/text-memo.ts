import { LRUCache } from "lru-cache";

// A pure function of a text, remembered for the texts read last. A question's candidate sentences
// are read by several features that each scan them with the same detector (the figures of a
// sentence are found for the asked kind, for what they count and for the asked detail; the
// sentences of an article are read for what it says is unknown, then the candidate among them
// again), and the neighbours of one candidate are candidates themselves. Keyed by the text
// itself, so the value must depend on nothing else; values are shared, so read-only.

/** `read`, remembered for the last `max` texts (least recently used out first). */
export function createTextMemo<V>(read: (text: string) => V, max = 1024): (text: string) => V {
  // boxed: lru-cache keeps no undefined value
  const kept = new LRUCache<string, { value: V }>({ max });
  return (text) => {
    const hit = kept.get(text);
    if (hit) return hit.value;
    const value = read(text);
    kept.set(text, { value });
    return value;
  };
}

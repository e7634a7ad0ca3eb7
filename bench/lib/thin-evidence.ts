// Screens (round 21, stories26): two articles that share one thing — a name (Porsche's GT4 and
// Porsche's chargers) or one theme word (`perquisition`, `chauffard`, `SUV`). Reports of one event
// share several things (the actor, the place, what happened), so the text cosine of a true pair
// should rest on several words. Measured as a refusal of thin lone pairs (bench/screens/
// cluster-variants.ts thin-*, thin-pairs.ts): true lone pairs rest on one name as often (Alexia
// Daval, Notre-Dame, Chirac's death), so it is not in src (bench/results/stories.md).
import type { ArticleFeatures } from "../../src/core/stories/features.ts";

/**
 * How many equally weighted pieces of evidence the text cosine of `a` and `b` rests on: the
 * shared words' products p, the words of one name (features.ts `names`, of either article) summed
 * as one piece, spread = (Σp)² / Σp² (1.0 when one word or one name carries it all, 3.0 for three
 * equal pieces). 0 when they share no word.
 */
export function evidenceSpread(a: ArticleFeatures, b: ArticleFeatures): number {
  const [small, big] = a.vector.size <= b.vector.size ? [a.vector, b.vector] : [b.vector, a.vector];
  const pieces = new Map<string, number>();
  for (const [t, w] of small) {
    const v = big.get(t);
    if (v !== undefined) pieces.set(t, w * v);
  }
  if (pieces.size === 0) return 0;
  // the words of one name, shared, are one piece: merged into the first of them
  for (const names of [a.names, b.names])
    for (const name of names ?? []) {
      const shared = name.filter((t) => pieces.has(t));
      if (shared.length < 2) continue;
      const [head, ...rest] = shared as [string, ...string[]];
      let sum = pieces.get(head) ?? 0;
      for (const t of rest) {
        sum += pieces.get(t) ?? 0;
        pieces.delete(t);
      }
      pieces.set(head, sum);
    }
  let s = 0;
  let s2 = 0;
  for (const p of pieces.values()) {
    s += p;
    s2 += p * p;
  }
  return s2 > 0 ? (s * s) / s2 : 0;
}

/**
 * The thin-evidence test over `items` (by index), the shape of cluster.ts's refusal hook: the
 * pair's evidence spread is below `floor`.
 */
export function thinTest(
  items: readonly ArticleFeatures[],
  floor: number,
): (i: number, j: number) => boolean {
  return (i, j) => {
    const a = items[i];
    const b = items[j];
    if (!a || !b) return false;
    const spread = evidenceSpread(a, b);
    return spread > 0 && spread < floor;
  };
}

// Dot products of one vector against many at once, through postings (term → the vectors holding
// it): a story's centroid against every article of its period or of the weeks before costs the
// lengths of its terms' postings, not a merge with each article — what keeps ranking a period of
// hundreds of stories within a digest's time.
import type { SparseVector } from "./features.ts";

export interface DotIndex {
  readonly size: number;
  /** dot(q, v) for every indexed vector v, in the order given. */
  dots(q: SparseVector): Float64Array;
}

export function createDotIndex(vectors: readonly SparseVector[]): DotIndex {
  const postings = new Map<number, { docs: number[]; weights: number[] }>();
  vectors.forEach((v, i) => {
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k] as number;
      let p = postings.get(id);
      if (!p) {
        p = { docs: [], weights: [] };
        postings.set(id, p);
      }
      p.docs.push(i);
      p.weights.push(v.weights[k] as number);
    }
  });
  return {
    size: vectors.length,
    dots: (q) => {
      const out = new Float64Array(vectors.length);
      for (let k = 0; k < q.ids.length; k++) {
        const p = postings.get(q.ids[k] as number);
        if (!p) continue;
        const w = q.weights[k] as number;
        for (let j = 0; j < p.docs.length; j++) {
          const d = p.docs[j] as number;
          out[d] = (out[d] as number) + w * (p.weights[j] as number);
        }
      }
      return out;
    },
  };
}

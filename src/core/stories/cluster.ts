// Two ways to group a period's articles into stories, both over the same pair similarity:
// agglomerative clustering with average linkage (merge the two most similar groups while their
// mean pair similarity reaches the threshold; a story must hang together as a whole, so one
// bridging article cannot chain two events) and single pass (each article, in time order, joins
// the group it is most similar to on average, or starts one) — the incremental form used for live
// ingestion. bench/tune-stories.ts measures both on the labelled days.
import type { ArticleFeatures } from "./features.ts";
import { type SimilarityWeights, similarity } from "./similarity.ts";

export type ClusterMethod = "average" | "single-pass";

export interface ClusterParams {
  readonly weights: SimilarityWeights;
  /** Mean pair similarity two groups need to be one story. */
  readonly threshold: number;
}

/** Pair similarities of `items` as a dense symmetric matrix (row-major). */
export function similarityMatrix(
  items: readonly ArticleFeatures[],
  weights: SimilarityWeights,
): Float32Array {
  const n = items.length;
  const m = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = items[i] as ArticleFeatures;
    for (let j = i + 1; j < n; j++) {
      const s = similarity(a, items[j] as ArticleFeatures, weights);
      m[i * n + j] = s;
      m[j * n + i] = s;
    }
  }
  return m;
}

/** Average-linkage agglomerative clustering of `n` items; returns groups of item indices. */
export function averageLinkage(n: number, sim: Float32Array, threshold: number): number[][] {
  // group-to-group summed similarity (Lance–Williams for average linkage: sums add up)
  const sum = Float64Array.from(sim);
  const size = new Array<number>(n).fill(1);
  const members: (number[] | undefined)[] = Array.from({ length: n }, (_, i) => [i]);
  const alive = new Uint8Array(n).fill(1);
  for (;;) {
    let best = threshold;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const si = size[i] as number;
      for (let j = i + 1; j < n; j++) {
        if (!alive[j]) continue;
        const avg = (sum[i * n + j] as number) / (si * (size[j] as number));
        if (avg >= best) {
          best = avg;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    // merge bj into bi
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const s = (sum[bi * n + k] as number) + (sum[bj * n + k] as number);
      sum[bi * n + k] = s;
      sum[k * n + bi] = s;
    }
    size[bi] = (size[bi] as number) + (size[bj] as number);
    (members[bi] as number[]).push(...(members[bj] as number[]));
    members[bj] = undefined;
    alive[bj] = 0;
  }
  return members.filter((m): m is number[] => m !== undefined).map((m) => m.sort((a, b) => a - b));
}

/** Single pass in the given order: join the group of best mean similarity ≥ threshold, or start one. */
export function singlePass(n: number, sim: Float32Array, threshold: number): number[][] {
  const groups: number[][] = [];
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestAvg = threshold;
    groups.forEach((g, gi) => {
      let s = 0;
      for (const j of g) s += sim[i * n + j] as number;
      const avg = s / g.length;
      if (avg >= bestAvg) {
        bestAvg = avg;
        best = gi;
      }
    });
    if (best >= 0) (groups[best] as number[]).push(i);
    else groups.push([i]);
  }
  return groups;
}

/** Groups of `items` (indices into it) by `method`; single pass takes items in the order given. */
export function clusterFeatures(
  items: readonly ArticleFeatures[],
  params: ClusterParams,
  method: ClusterMethod = "average",
): number[][] {
  const sim = similarityMatrix(items, params.weights);
  return method === "average"
    ? averageLinkage(items.length, sim, params.threshold)
    : singlePass(items.length, sim, params.threshold);
}

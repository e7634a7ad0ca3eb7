// Spherical k-means over sparse unit vectors (term → weight): each vector joins the centroid of
// highest dot product, each centroid is its members' mean renormalised to unit length. Used to
// find the archive's sections (the kinds of news it carries: cars, national politics, faits
// divers…) without labels (bench/learn-sections.ts). Seeded by k-means++ on the dot's distance
// (1 − dot) with a seeded generator, so a run is reproducible.

export type SparseMap = ReadonlyMap<string, number>;

export interface KMeansOptions {
  readonly k: number;
  readonly iterations: number;
  /** Uniform [0, 1) generator (seeded: the same sections on every run). */
  readonly random: () => number;
  /** Terms kept per centroid (its heaviest), renormalised: a compact model. Default: all. */
  readonly keep?: number;
}

export function sparseDot(a: SparseMap, b: SparseMap): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) s += w * (large.get(t) ?? 0);
  return s;
}

/** `v` with only its `keep` heaviest terms, scaled to unit length. */
export function pruneUnit(v: SparseMap, keep = Number.POSITIVE_INFINITY): Map<string, number> {
  const top = [...v].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, keep);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return new Map(top.map(([t, w]) => [t, w / norm]));
}

/** Index of the centroid of highest dot product with `v` (ties: the first); -1 when none is positive. */
export function nearest(v: SparseMap, centroids: readonly SparseMap[]): number {
  let best = -1;
  let bestDot = 0;
  centroids.forEach((c, i) => {
    const d = sparseDot(v, c);
    if (d > bestDot) {
      best = i;
      bestDot = d;
    }
  });
  return best;
}

export function sphericalKMeans(
  vectors: readonly SparseMap[],
  { k, iterations, random, keep }: KMeansOptions,
): { centroids: Map<string, number>[]; assignment: number[] } {
  if (vectors.length < k) throw new Error(`sphericalKMeans: ${vectors.length} vectors for ${k} centroids`);
  // k-means++: each next seed drawn with probability ∝ its distance to the nearest seed so far
  const seeds: Map<string, number>[] = [
    pruneUnit(vectors[Math.floor(random() * vectors.length)] as SparseMap),
  ];
  const dist = vectors.map((v) => 1 - sparseDot(v, seeds[0] as SparseMap));
  while (seeds.length < k) {
    const total = dist.reduce((s, d) => s + Math.max(0, d), 0);
    let r = random() * total;
    let pick = dist.length - 1;
    for (let i = 0; i < dist.length; i++) {
      r -= Math.max(0, dist[i] as number);
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    const seed = pruneUnit(vectors[pick] as SparseMap);
    seeds.push(seed);
    vectors.forEach((v, i) => {
      dist[i] = Math.min(dist[i] as number, 1 - sparseDot(v, seed));
    });
  }
  let centroids = seeds;
  let assignment = vectors.map(() => 0);
  for (let it = 0; it < iterations; it++) {
    assignment = vectors.map((v) => Math.max(0, nearest(v, centroids)));
    const sums = centroids.map(() => new Map<string, number>());
    vectors.forEach((v, i) => {
      const s = sums[assignment[i] as number] as Map<string, number>;
      for (const [t, w] of v) s.set(t, (s.get(t) ?? 0) + w);
    });
    // an emptied centroid keeps its place (its seed) rather than vanishing
    centroids = sums.map((s, c) => (s.size ? pruneUnit(s, keep) : (centroids[c] as Map<string, number>)));
  }
  assignment = vectors.map((v) => Math.max(0, nearest(v, centroids)));
  return { centroids, assignment };
}

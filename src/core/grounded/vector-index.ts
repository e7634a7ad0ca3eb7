// The passage vectors of hybrid retrieval, in memory: one unit-length vector per article, in one
// growing Float32Array, searched by brute-force cosine (34,000 articles × 1,024 dimensions is a
// few tens of milliseconds). Filled from the database cache at start-up and as vectors arrive.
export interface VectorIndex {
  /** The embedding model the vectors come from. */
  readonly model: string;
  /** Vector dimension; 0 until the first vector is set. */
  readonly dimension: number;
  readonly size: number;
  has(doc: number): boolean;
  set(doc: number, vector: ArrayLike<number>): void;
  /** The `k` articles nearest `query`, best first (those `filter` accepts). */
  nearest(query: ArrayLike<number>, k: number, filter?: (doc: number) => boolean): number[];
}

function unit(vector: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(vector);
  let norm = 0;
  for (const x of out) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / norm;
  return out;
}

export function createVectorIndex(model: string): VectorIndex {
  let dimension = 0;
  let data = new Float32Array(0);
  const rowOf = new Map<number, number>();
  const docs: number[] = [];

  function set(doc: number, vector: ArrayLike<number>) {
    if (dimension === 0) dimension = vector.length;
    if (vector.length !== dimension)
      throw new Error(`vector of ${vector.length} dimensions, expected ${dimension} (${model})`);
    let row = rowOf.get(doc);
    if (row === undefined) {
      row = docs.length;
      if ((row + 1) * dimension > data.length) {
        const grown = new Float32Array(Math.max(dimension * 1024, data.length * 2));
        grown.set(data);
        data = grown;
      }
      rowOf.set(doc, row);
      docs.push(doc);
    }
    data.set(unit(vector), row * dimension);
  }

  function nearest(query: ArrayLike<number>, k: number, filter?: (doc: number) => boolean): number[] {
    if (docs.length === 0 || query.length !== dimension || k <= 0) return [];
    const q = unit(query);
    const scores = new Float32Array(docs.length);
    const d = dimension;
    for (let row = 0, base = 0; row < docs.length; row++, base += d) {
      // four running sums: fewer dependent additions for the CPU to wait on
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let i = 0;
      for (; i + 3 < d; i += 4) {
        s0 += (q[i] as number) * (data[base + i] as number);
        s1 += (q[i + 1] as number) * (data[base + i + 1] as number);
        s2 += (q[i + 2] as number) * (data[base + i + 2] as number);
        s3 += (q[i + 3] as number) * (data[base + i + 3] as number);
      }
      for (; i < d; i++) s0 += (q[i] as number) * (data[base + i] as number);
      scores[row] = s0 + s1 + s2 + s3;
    }
    const best: { doc: number; score: number }[] = [];
    let floor = Number.NEGATIVE_INFINITY;
    for (let row = 0; row < docs.length; row++) {
      const score = scores[row] as number;
      if (best.length === k && score <= floor) continue;
      const doc = docs[row] as number;
      if (filter && !filter(doc)) continue;
      best.push({ doc, score });
      best.sort((a, b) => b.score - a.score);
      if (best.length > k) best.pop();
      if (best.length === k) floor = (best[k - 1] as { score: number }).score;
    }
    return best.map((b) => b.doc);
  }

  return {
    model,
    get dimension() {
      return dimension;
    },
    get size() {
      return docs.length;
    },
    has: (doc) => rowOf.has(doc),
    set,
    nearest,
  };
}

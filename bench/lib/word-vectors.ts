// Word vectors learned from a corpus itself, with no model downloaded: which index terms are used
// in the same contexts (`décédé` / `mort`, `fondé` / `création`), so a question's word that a
// sentence does not write can still be met by one it does. Distributional: each frequent term is
// described by the terms within a few words of it in the same sentence (positive pointwise mutual
// information, contexts smoothed), and that long sparse description is shrunk to a hundred numbers
// by a seeded randomized truncated SVD (or, `reduction: "projection"`, a seeded random projection).
// Learned by bench/learn-word-vectors.ts, stored quantized to bytes; deterministic for a given
// corpus. A measurement tool, not part of the bot: as ranker features they did not help held out
// (ranker-comparison.md, "semantic13"; the features are on branch semantic13-features).

import { rng as random } from "./orangesum.ts";

export interface WordVectorOptions {
  /** How many of the most frequent terms get a vector. Default 10,000. */
  terms?: number;
  /** How many of the most frequent terms serve as contexts. Default 3,000. */
  contexts?: number;
  /** Terms on each side that count as a context. Default 4. */
  window?: number;
  /** Numbers per vector. Default 100. */
  dims?: number;
  /** Fewest occurrences for a term to get a vector. Default 20. */
  minCount?: number;
  /** Seed of the random projection. Default 1. */
  seed?: number;
  /**
   * How the PPMI rows are shrunk: `svd` (default; a randomized truncated SVD, rows U·√Σ: the
   * leading directions only, so noise shared by unrelated words drops out) or `projection` (a
   * plain random ±1 projection: cheaper, noisier; measured in bench/results/ranker-comparison.md).
   */
  reduction?: "svd" | "projection";
}

/** Learned vectors as plain data: `values[i * dims + d]`, each row of unit length scaled to ±127. */
export interface WordVectorData {
  readonly terms: readonly string[];
  readonly dims: number;
  readonly values: Int8Array;
}

export interface WordVectors {
  readonly dims: number;
  readonly size: number;
  /** Cosine of two terms' vectors, 0 when either has none. */
  similarity(a: string, b: string): number;
  /** The `k` terms nearest to `term`, most similar first. */
  neighbours(term: string, k: number): { term: string; similarity: number }[];
}

/**
 * Vectors of the most frequent terms of `sentences` (each the index terms of one sentence, in
 * order). `sentences` is read twice (counts, then co-occurrences), so it must be re-iterable.
 */
export function learnWordVectors(
  sentences: () => Iterable<readonly string[]>,
  options: WordVectorOptions = {},
): WordVectorData {
  const nTerms = options.terms ?? 10_000;
  const nContexts = options.contexts ?? 3_000;
  const window = options.window ?? 4;
  const dims = options.dims ?? 100;
  const minCount = options.minCount ?? 20;
  const counts = new Map<string, number>();
  for (const s of sentences()) for (const t of s) counts.set(t, (counts.get(t) ?? 0) + 1);
  // most frequent first, ties by term: the same corpus gives the same vocabulary
  const byCount = [...counts]
    .filter(([, c]) => c >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const terms = byCount.slice(0, nTerms).map(([t]) => t);
  const C = Math.min(nContexts, terms.length);
  const id = new Map(terms.map((t, i) => [t, i]));
  const cooc = new Float32Array(terms.length * C);
  const row: number[] = [];
  for (const s of sentences()) {
    row.length = 0;
    for (const t of s) row.push(id.get(t) ?? -1);
    for (let i = 0; i < row.length; i++) {
      const a = row[i] as number;
      if (a < 0) continue;
      const end = Math.min(row.length, i + window + 1);
      for (let j = i + 1; j < end; j++) {
        const b = row[j] as number;
        if (b < 0 || b === a) continue;
        if (b < C) cooc[a * C + b] = (cooc[a * C + b] as number) + 1;
        if (a < C) cooc[b * C + a] = (cooc[b * C + a] as number) + 1;
      }
    }
  }
  const m = ppmi(cooc, terms.length, C);
  const reduce = options.reduction === "projection" ? project : truncatedSvd;
  return { terms, dims, values: reduce(m, terms.length, C, dims, options.seed ?? 1) };
}

/** Positive PMI in place, the context distribution raised to 0.75 (rare contexts weigh less). */
function ppmi(cooc: Float32Array, rows: number, C: number): Float32Array {
  const rowSum = new Float64Array(rows);
  const colSum = new Float64Array(C);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < C; c++) {
      const v = cooc[r * C + c] as number;
      rowSum[r] = (rowSum[r] as number) + v;
      colSum[c] = (colSum[c] as number) + v;
    }
  let colTotal = 0;
  for (let c = 0; c < C; c++) colTotal += (colSum[c] as number) ** 0.75;
  for (let r = 0; r < rows; r++) {
    const rs = rowSum[r] as number;
    for (let c = 0; c < C; c++) {
      const v = cooc[r * C + c] as number;
      if (v === 0) continue;
      const pmi = Math.log(v / rs / ((colSum[c] as number) ** 0.75 / colTotal));
      cooc[r * C + c] = pmi > 0 ? pmi : 0;
    }
  }
  return cooc;
}

/** Each row times a seeded ±1 matrix, normalised and quantized to bytes. */
function project(m: Float32Array, rows: number, C: number, dims: number, seed: number): Int8Array {
  const rand = random(seed);
  const R = new Float32Array(C * dims);
  for (let i = 0; i < R.length; i++) R[i] = rand() < 0.5 ? -1 : 1;
  const out = new Int8Array(rows * dims);
  const v = new Float64Array(dims);
  for (let r = 0; r < rows; r++) {
    v.fill(0);
    for (let c = 0; c < C; c++) {
      const x = m[r * C + c] as number;
      if (x === 0) continue;
      for (let d = 0; d < dims; d++) v[d] = (v[d] as number) + x * (R[c * dims + d] as number);
    }
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += (v[d] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) out[r * dims + d] = Math.round(((v[d] as number) / norm) * 127);
  }
  return out;
}

/** Gaussian numbers (Box–Muller) from a seeded generator. */
function gaussian(rand: () => number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return out;
}

/** Y = M·X for M rows×C (dense, mostly zeros) and X C×l. */
function times(m: Float32Array, rows: number, C: number, x: Float64Array, l: number): Float64Array {
  const y = new Float64Array(rows * l);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < C; c++) {
      const v = m[r * C + c] as number;
      if (v === 0) continue;
      for (let j = 0; j < l; j++) y[r * l + j] = (y[r * l + j] as number) + v * (x[c * l + j] as number);
    }
  return y;
}

/** Z = Mᵀ·Y for M rows×C and Y rows×l. */
function timesT(m: Float32Array, rows: number, C: number, y: Float64Array, l: number): Float64Array {
  const z = new Float64Array(C * l);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < C; c++) {
      const v = m[r * C + c] as number;
      if (v === 0) continue;
      for (let j = 0; j < l; j++) z[c * l + j] = (z[c * l + j] as number) + v * (y[r * l + j] as number);
    }
  return z;
}

/** Orthonormal columns of Y (rows×l), in place (modified Gram–Schmidt). */
function orthonormalize(y: Float64Array, rows: number, l: number): void {
  for (let j = 0; j < l; j++) {
    for (let k = 0; k < j; k++) {
      let d = 0;
      for (let r = 0; r < rows; r++) d += (y[r * l + j] as number) * (y[r * l + k] as number);
      for (let r = 0; r < rows; r++) y[r * l + j] = (y[r * l + j] as number) - d * (y[r * l + k] as number);
    }
    let n = 0;
    for (let r = 0; r < rows; r++) n += (y[r * l + j] as number) ** 2;
    n = Math.sqrt(n) || 1;
    for (let r = 0; r < rows; r++) y[r * l + j] = (y[r * l + j] as number) / n;
  }
}

/** Eigenvalues and eigenvectors (columns of `v`) of a symmetric l×l matrix, by cyclic Jacobi. */
function jacobi(a: Float64Array, l: number): { values: Float64Array; v: Float64Array } {
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += (a[p * l + q] as number) ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < l; p++)
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q] as number;
        if (Math.abs(apq) < 1e-30) continue;
        const theta = ((a[q * l + q] as number) - (a[p * l + p] as number)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p] as number;
          const akq = a[k * l + q] as number;
          a[k * l + p] = c * akp - s * akq;
          a[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k] as number;
          const aqk = a[q * l + k] as number;
          a[p * l + k] = c * apk - s * aqk;
          a[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p] as number;
          const vkq = v[k * l + q] as number;
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
  }
  const values = new Float64Array(l);
  for (let i = 0; i < l; i++) values[i] = a[i * l + i] as number;
  return { values, v };
}

/**
 * Rows of U·√Σ of M's leading `dims` singular directions (Halko et al.'s randomized range finder
 * with one power iteration and 10 extra columns), normalised and quantized to bytes.
 */
function truncatedSvd(m: Float32Array, rows: number, C: number, dims: number, seed: number): Int8Array {
  const l = Math.min(dims + 10, C, rows);
  let y = times(m, rows, C, gaussian(random(seed), C * l), l);
  orthonormalize(y, rows, l);
  y = times(m, rows, C, timesT(m, rows, C, y, l), l);
  orthonormalize(y, rows, l);
  // B = Qᵀ·M (l×C); B·Bᵀ = Qᵀ·M·Mᵀ·Q, whose eigenvectors rotate Q onto M's left singular vectors
  const bt = timesT(m, rows, C, y, l); // C×l = Bᵀ
  const bbt = new Float64Array(l * l);
  for (let c = 0; c < C; c++)
    for (let i = 0; i < l; i++) {
      const x = bt[c * l + i] as number;
      if (x === 0) continue;
      for (let j = 0; j < l; j++) bbt[i * l + j] = (bbt[i * l + j] as number) + x * (bt[c * l + j] as number);
    }
  const { values, v } = jacobi(bbt, l);
  const order = [...values.keys()]
    .sort((a, b) => (values[b] as number) - (values[a] as number))
    .slice(0, dims);
  const out = new Int8Array(rows * dims);
  const row = new Float64Array(dims);
  for (let r = 0; r < rows; r++) {
    let norm = 0;
    order.forEach((e, d) => {
      let u = 0;
      for (let k = 0; k < l; k++) u += (y[r * l + k] as number) * (v[k * l + e] as number);
      // singular value σ = √eigenvalue; rows weighted by √σ
      const x = u * Math.max(0, values[e] as number) ** 0.25;
      row[d] = x;
      norm += x * x;
    });
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) out[r * dims + d] = Math.round(((row[d] as number) / norm) * 127);
  }
  return out;
}

export function createWordVectors(data: WordVectorData): WordVectors {
  const { dims, values, terms } = data;
  const id = new Map(terms.map((t, i) => [t, i]));
  // the bytes stay as they are (1 MB at 10,000 × 100), each row with its inverse norm
  const inverse = new Float32Array(terms.length);
  for (let r = 0; r < terms.length; r++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += (values[r * dims + d] as number) ** 2;
    inverse[r] = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  }
  const dot = (a: number, b: number) => {
    let s = 0;
    const oa = a * dims;
    const ob = b * dims;
    for (let d = 0; d < dims; d++) s += (values[oa + d] as number) * (values[ob + d] as number);
    return s * (inverse[a] as number) * (inverse[b] as number);
  };
  return {
    dims,
    size: terms.length,
    similarity(a, b) {
      const ra = id.get(a);
      const rb = id.get(b);
      if (ra === undefined || rb === undefined) return 0;
      return ra === rb ? 1 : dot(ra, rb);
    },
    neighbours(t, k) {
      const r = id.get(t);
      if (r === undefined) return [];
      const all: { term: string; similarity: number }[] = [];
      for (let o = 0; o < terms.length; o++)
        if (o !== r) all.push({ term: terms[o] as string, similarity: dot(r, o) });
      return all.sort((x, y) => y.similarity - x.similarity).slice(0, k);
    },
  };
}

/** The stored form (JSON): the terms on one line, the bytes in base64 (bench/learn-word-vectors.ts writes it). */
export interface StoredWordVectors {
  readonly dims: number;
  readonly terms: string;
  readonly values: string;
}

export function encodeWordVectors(data: WordVectorData): StoredWordVectors {
  const { buffer, byteOffset, byteLength } = data.values;
  return {
    dims: data.dims,
    terms: data.terms.join(" "),
    values: Buffer.from(buffer, byteOffset, byteLength).toString("base64"),
  };
}

export function decodeWordVectors(stored: StoredWordVectors): WordVectorData {
  const bytes = Buffer.from(stored.values, "base64");
  const values = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice();
  return { dims: stored.dims, terms: stored.terms === "" ? [] : stored.terms.split(" "), values };
}

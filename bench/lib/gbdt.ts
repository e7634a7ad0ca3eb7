// Gradient-boosted regression trees for pairwise ranking (LambdaRank without the metric weights):
// each round fits one tree, by Newton steps, to the gradient of the pairwise logistic loss
// -log σ(s_pos − s_neg) over a question's (right, wrong) candidate pairs. Histogram splits on
// quantile bins keep a round over ~150k candidates to a fraction of a second. Deterministic: same
// data, same trees.
import type { Tree } from "../../src/core/answer/tree-ensemble.ts";

export interface RankGroup {
  /** Candidate features (one row each). */
  readonly rows: readonly (readonly number[])[];
  /** 1 when the candidate holds the answer. */
  readonly labels: readonly number[];
  /** The question's weight. */
  readonly weight: number;
  /** Scores the trees start from (a base ranker's), default 0. */
  readonly init?: readonly number[];
}

export interface GbdtOptions {
  readonly rounds: number;
  readonly depth: number;
  readonly rate: number;
  /** L2 on leaf values. */
  readonly lambda: number;
  /** Least hessian mass in a leaf. */
  readonly minHessian: number;
  readonly bins: number;
}

export const GBDT_DEFAULTS: GbdtOptions = {
  rounds: 120,
  depth: 4,
  rate: 0.1,
  lambda: 1,
  minHessian: 1,
  bins: 32,
};

interface Data {
  n: number;
  d: number;
  /** Feature-major bin of each row. */
  bin: Uint8Array;
  /** Per feature, the upper edge of each bin (a split at bin b is value ≤ edges[b]). */
  edges: number[][];
  pairs: Int32Array;
  pairWeight: Float64Array;
}

function prepare(
  groups: readonly RankGroup[],
  bins: number,
): { data: Data; rows: number[][]; init: number[] } {
  const rows: number[][] = [];
  const init: number[] = [];
  const pairs: number[] = [];
  const pairWeight: number[] = [];
  for (const g of groups) {
    const base = rows.length;
    g.rows.forEach((r, i) => {
      rows.push([...r]);
      init.push(g.init?.[i] ?? 0);
    });
    g.labels.forEach((yp, p) => {
      if (yp !== 1) return;
      g.labels.forEach((yn, n) => {
        if (yn !== 1) {
          pairs.push(base + p, base + n);
          pairWeight.push(g.weight);
        }
      });
    });
  }
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const edges: number[][] = [];
  const bin = new Uint8Array(n * d);
  for (let f = 0; f < d; f++) {
    const values = [...new Set(rows.map((r) => r[f] as number))].sort((a, b) => a - b);
    const e: number[] = [];
    if (values.length <= bins) e.push(...values);
    else
      for (let b = 1; b <= bins; b++) e.push(values[Math.floor((b * (values.length - 1)) / bins)] as number);
    edges.push([...new Set(e)]);
    const fe = edges[f] as number[];
    for (let i = 0; i < n; i++) {
      const v = (rows[i] as number[])[f] as number;
      let lo = 0;
      while (lo < fe.length - 1 && v > (fe[lo] as number)) lo++;
      bin[f * n + i] = lo;
    }
  }
  return {
    data: { n, d, bin, edges, pairs: Int32Array.from(pairs), pairWeight: Float64Array.from(pairWeight) },
    rows,
    init,
  };
}

export function fitRankingTrees(groups: readonly RankGroup[], options: Partial<GbdtOptions> = {}): Tree[] {
  const o = { ...GBDT_DEFAULTS, ...options };
  const { data, init } = prepare(groups, o.bins);
  const score = Float64Array.from(init);
  const g = new Float64Array(data.n);
  const h = new Float64Array(data.n);
  const trees: Tree[] = [];
  for (let round = 0; round < o.rounds; round++) {
    g.fill(0);
    h.fill(0);
    for (let k = 0; k < data.pairWeight.length; k++) {
      const p = data.pairs[2 * k] as number;
      const q = data.pairs[2 * k + 1] as number;
      const w = data.pairWeight[k] as number;
      const rho = 1 / (1 + Math.exp((score[p] as number) - (score[q] as number)));
      g[p] = (g[p] as number) - w * rho;
      g[q] = (g[q] as number) + w * rho;
      const hh = w * rho * (1 - rho);
      h[p] = (h[p] as number) + hh;
      h[q] = (h[q] as number) + hh;
    }
    const tree = growTree(data, g, h, o);
    trees.push(tree.tree);
    for (let i = 0; i < data.n; i++) score[i] = (score[i] as number) + (tree.leafValue[i] as number);
  }
  return trees;
}

interface Growing {
  /** The bin each split cuts after (for the training rows, which are binned). */
  splitBin: number[];
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

function growTree(
  data: Data,
  g: Float64Array,
  h: Float64Array,
  o: GbdtOptions,
): { tree: Tree; leafValue: Float64Array } {
  const t: Growing = { splitBin: [], feature: [], threshold: [], left: [], right: [], value: [] };
  const leafValue = new Float64Array(data.n);
  const all: number[] = [];
  for (let i = 0; i < data.n; i++) if ((h[i] as number) > 0) all.push(i);
  const build = (members: number[], depth: number): number => {
    const node = t.feature.length;
    t.feature.push(-1);
    t.splitBin.push(-1);
    t.threshold.push(0);
    t.left.push(-1);
    t.right.push(-1);
    t.value.push(0);
    let G = 0;
    let H = 0;
    for (const i of members) {
      G += g[i] as number;
      H += h[i] as number;
    }
    const split = depth < o.depth ? bestSplit(data, g, h, members, G, H, o) : undefined;
    if (!split) {
      const v = (-G / (H + o.lambda)) * o.rate;
      t.value[node] = v;
      for (const i of members) leafValue[i] = v;
      return node;
    }
    const base = split.feature * data.n;
    const l = members.filter((i) => (data.bin[base + i] as number) <= split.bin);
    const r = members.filter((i) => (data.bin[base + i] as number) > split.bin);
    t.feature[node] = split.feature;
    t.splitBin[node] = split.bin;
    // halfway to the next value seen: unrounded features at run time fall on the side they were trained on
    const edges = data.edges[split.feature] as number[];
    t.threshold[node] = ((edges[split.bin] as number) + (edges[split.bin + 1] as number)) / 2;
    t.left[node] = build(l, depth + 1);
    t.right[node] = build(r, depth + 1);
    return node;
  };
  build(all, 0);
  // rows outside any pair keep a zero gradient but still move with the tree
  for (let i = 0; i < data.n; i++) if ((h[i] as number) === 0) leafValue[i] = leafOf(t, data, i);
  const { splitBin: _, ...tree } = t;
  return { tree, leafValue };
}

function leafOf(t: Growing, data: Data, i: number): number {
  let node = 0;
  while ((t.feature[node] as number) >= 0) {
    const f = t.feature[node] as number;
    const cut = t.splitBin[node] as number;
    node = (data.bin[f * data.n + i] as number) <= cut ? (t.left[node] as number) : (t.right[node] as number);
  }
  return t.value[node] as number;
}

function bestSplit(
  data: Data,
  g: Float64Array,
  h: Float64Array,
  members: readonly number[],
  G: number,
  H: number,
  o: GbdtOptions,
): { feature: number; bin: number } | undefined {
  const parent = (G * G) / (H + o.lambda);
  let best: { feature: number; bin: number; gain: number } | undefined;
  const gb = new Float64Array(o.bins + 1);
  const hb = new Float64Array(o.bins + 1);
  for (let f = 0; f < data.d; f++) {
    const nb = (data.edges[f] as number[]).length;
    if (nb < 2) continue;
    gb.fill(0);
    hb.fill(0);
    const base = f * data.n;
    for (const i of members) {
      const b = data.bin[base + i] as number;
      gb[b] = (gb[b] as number) + (g[i] as number);
      hb[b] = (hb[b] as number) + (h[i] as number);
    }
    let gl = 0;
    let hl = 0;
    for (let b = 0; b < nb - 1; b++) {
      gl += gb[b] as number;
      hl += hb[b] as number;
      const hr = H - hl;
      if (hl < o.minHessian || hr < o.minHessian) continue;
      const gr = G - gl;
      const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parent;
      if (gain > 1e-9 && (!best || gain > best.gain)) best = { feature: f, bin: b, gain };
    }
  }
  return best;
}

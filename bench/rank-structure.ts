// Screen of structural ranker changes on a feature cache (answers24): held-out top sentence right
// on PIAF (5 folds by article) and news (batches in 4 groups, batch mod 4; `--by-batch` holds each
// batch out as `npm run train` does), seeds always in training. The base is the shipped staged fit
// (a pairwise linear pass writes the votes, then the pairwise ranker), as bench/rank-screen.ts.
// Variants, each fitted on the same first pass and reported against the base (`--variant a,b`):
//   article   a second stage that also reads the first pass's article-level scores
//             (./lib/article-stage.ts: the article's best score against the question's, its softmax
//             mass, the sentence against its article's best, the article first, its other
//             sentences' coverage)
//   listwise  the second stage fitted by a softmax over each question's candidates (damped Newton)
//   gbdt      20 pairwise trees boosted from the second stage's linear scores
//   interact  products the linear score cannot form: coverage × kindFound / kindMissing / kindOther
//             / docRank
//   allneg    pairs with every wrong candidate of the question (a question weighing what 30 pairs do)
//   hard      pairs with the 30 wrong candidates the first pass scores best
// Only for choosing what to run through the full protocol. `--dump FILE` writes the base ranking's
// top and best right candidate per question (the fields bench/rank-losses.ts reads from
// train-scorer's `--dump`); `--sample N` keeps every N-th question (debugging a fit quickly).
// Usage: node bin/run-ts.mjs bench/rank-structure.ts --cache FILE [--variant a,b] [--by-batch]
//   [--out FILE] [--dump FILE]
import { readFileSync, writeFileSync } from "node:fs";
import { GATE_ONLY_FEATURES } from "../src/core/answer/answer-gate.ts";
import { addVoteFeatures } from "../src/core/answer/answer-votes.ts";
import { FEATURES } from "../src/core/answer/features.ts";
import { type Tree, treeScore } from "../src/core/answer/tree-ensemble.ts";
import { ARTICLE_STAGE_FEATURES, articleStageFeatures } from "./lib/article-stage.ts";
import { createFlags } from "./lib/flags.ts";
import { fitRankingTrees } from "./lib/gbdt.ts";
import { type Fit, fitLogistic, newtonStep, predict } from "./lib/logistic.ts";
import { pairNegatives } from "./lib/pair-negatives.ts";

interface Cand {
  f: number[];
  y: number;
  d: number;
  k: string[];
}
interface Q {
  set: string;
  fold: string;
  id: string;
  answerable: boolean;
  bypass: boolean;
  cands: Cand[];
}

const flags = createFlags(process.argv.slice(2));
// `--sample N`: every N-th question only (debugging a fit quickly)
const SAMPLE = flags.number("sample") ?? 1;
const all = (JSON.parse(readFileSync(flags.value("cache") ?? "", "utf8")) as Q[]).filter(
  (_, i) => i % SAMPLE === 0,
);
const VARIANTS = new Set((flags.value("variant") ?? "").split(",").filter((v) => v !== ""));
const BY_BATCH = process.argv.includes("--by-batch");
const PAIRS = 30;
// the cache's own width: the extra columns go after it, whatever FEATURES holds now
const BASE = all.find((q) => q.cands.length > 0)?.cands[0]?.f.length ?? FEATURES.length;
const ZERO = GATE_ONLY_FEATURES.map((f) => FEATURES.indexOf(f));
const at = (name: string) => FEATURES.indexOf(name as (typeof FEATURES)[number]);
const VOTE = ["voteOthers", "voteShare", "voteArticles", "voteTop"].map(at);
const weightOf = (q: Q) => (q.set === "news" ? 5 : q.set === "seeds" ? 2 : 1);
const group = (q: Q) => (q.set === "news" && !BY_BATCH ? `news-g${Number(q.fold.slice(5)) % 4}` : q.fold);

/** Interactions (variant interact), appended after the base features. */
const INTERACT: readonly (readonly [number, number])[] = [
  [at("coverage"), at("kindFound")],
  [at("coverage"), at("kindMissing")],
  [at("coverage"), at("kindOther")],
  [at("coverage"), at("docRank")],
];
const ARTICLE_COLS = ARTICLE_STAGE_FEATURES.map((_, i) => BASE + i);
const INTERACT_COLS = INTERACT.map((_, i) => BASE + ARTICLE_COLS.length + i);
const EXTRA = ARTICLE_COLS.length + INTERACT_COLS.length;
for (const q of all)
  for (const c of q.cands) {
    for (let i = 0; i < EXTRA; i++) c.f.push(0);
    INTERACT.forEach(([a, b], i) => {
      c.f[INTERACT_COLS[i] as number] = (c.f[a] as number) * (c.f[b] as number);
    });
  }

/** The pairwise logistic (as shipped) over every column but `off`. */
/** The shipped choice of wrong candidates to pair with: the first PAIRS in the candidates' order (prescore). */
const inOrder = (q: Q) => q.cands.filter((c) => c.y === 0).slice(0, PAIRS);

function fitPairs(train: readonly Q[], off: readonly number[], negativesOf = inOrder, even = false): Fit {
  const rows: number[][] = [];
  const labels: number[] = [];
  const weights: number[] = [];
  const zero = [...ZERO, ...off];
  for (const q of train) {
    if (q.bypass) continue;
    const negatives = negativesOf(q);
    // `even`: a question weighs what its shipped pairs would, however many wrong candidates it pairs
    const scale = even
      ? Math.min(PAIRS, q.cands.filter((c) => c.y === 0).length) / Math.max(1, negatives.length)
      : 1;
    for (const p of q.cands) {
      if (p.y !== 1) continue;
      for (const n of negatives) {
        const d = p.f.map((x, i) => x - (n.f[i] as number));
        for (const i of zero) d[i] = 0;
        rows.push(
          d,
          d.map((x) => -x),
        );
        labels.push(1, 0);
        weights.push(weightOf(q) * scale, weightOf(q) * scale);
      }
    }
  }
  const f = fitLogistic(rows, labels, { l2: 1, sampleWeights: weights });
  return { weights: f.weights, bias: 0 };
}

/** Penalised log-likelihood of the listwise fit (what Newton's steps climb). */
function listObjective(train: readonly Q[], on: readonly number[], w: Float64Array): number {
  let total = 0;
  for (let j = 0; j < w.length; j++) total -= (w[j] as number) ** 2 / 2;
  for (const q of train) {
    const pos = q.cands.filter((c) => c.y === 1).length;
    if (q.bypass || pos === 0 || q.cands.length < 2) continue;
    const wq = listWeight(q, pos);
    const s = q.cands.map((c) => on.reduce((a, k, j) => a + (c.f[k] as number) * (w[j] as number), 0));
    const top = Math.max(...s);
    const lz = top + Math.log(s.reduce((a, v) => a + Math.exp(v - top), 0));
    q.cands.forEach((c, i) => {
      if (c.y === 1) total += (wq / pos) * ((s[i] as number) - lz);
    });
  }
  return total;
}
const listWeight = (q: Q, pos: number) =>
  weightOf(q) * 2 * Math.min(PAIRS, q.cands.length - pos) * Math.min(pos, 3) * 0.25;

/**
 * Softmax cross-entropy over each question's candidates (target: uniform over its right ones), L2 1,
 * by Newton's method; a question weighs what its pairs weigh in the pairwise fit, up to 3 right ones.
 */
function fitList(train: readonly Q[], off: readonly number[], iterations = 12): Fit {
  const d = train.find((q) => q.cands.length > 0)?.cands[0]?.f.length ?? 0;
  const on = [...Array(d).keys()].filter((k) => !ZERO.includes(k) && !off.includes(k));
  const m = on.length;
  const w = new Float64Array(m);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(m);
    const hess = new Float64Array(m * m);
    for (let j = 0; j < m; j++) {
      grad[j] = -(w[j] as number);
      hess[j * m + j] = 1 + 1e-9;
    }
    for (const q of train) {
      const pos = q.cands.filter((c) => c.y === 1).length;
      if (q.bypass || pos === 0 || q.cands.length < 2) continue;
      const wq = listWeight(q, pos);
      const xs = q.cands.map((c) => on.map((k) => c.f[k] as number));
      const s = xs.map((x) => x.reduce((a, v, j) => a + v * (w[j] as number), 0));
      const top = Math.max(...s);
      const e = s.map((v) => Math.exp(v - top));
      const z = e.reduce((a, v) => a + v, 0);
      const p = e.map((v) => v / z);
      const mean = new Float64Array(m);
      xs.forEach((x, i) => {
        for (let k = 0; k < m; k++) mean[k] = (mean[k] as number) + (p[i] as number) * (x[k] as number);
      });
      xs.forEach((x, i) => {
        const t = (q.cands[i]?.y ?? 0) / pos;
        const pi = p[i] as number;
        for (let j = 0; j < m; j++) {
          grad[j] = (grad[j] as number) + wq * (t - pi) * (x[j] as number);
          const cj = (x[j] as number) - (mean[j] as number);
          if (cj === 0) continue;
          for (let k = j; k < m; k++)
            hess[j * m + k] =
              (hess[j * m + k] as number) + wq * pi * cj * ((x[k] as number) - (mean[k] as number));
        }
      });
    }
    for (let j = 0; j < m; j++) for (let k = 0; k < j; k++) hess[j * m + k] = hess[k * m + j] as number;
    // damped Newton: halve the step until the penalised likelihood does not fall
    const before = Float64Array.from(w);
    const value = listObjective(train, on, w);
    const change = newtonStep(w, hess, grad, m);
    let scale = 1;
    while (listObjective(train, on, w) < value && scale > 1 / 64) {
      scale /= 2;
      for (let j = 0; j < m; j++)
        w[j] = (before[j] as number) + ((w[j] as number) - (before[j] as number)) / 2;
    }
    if (process.env.LIST_DEBUG) console.log(`iteration ${it}: objective ${value.toFixed(2)}, scale ${scale}`);
    if (change * scale < 1e-6) break;
  }
  const weights = new Array<number>(d).fill(0);
  on.forEach((k, j) => {
    weights[k] = w[j] as number;
  });
  return { weights, bias: 0 };
}

/** The votes and the article stage from `first`'s scores (zero without a first pass). */
function writeStages(qs: readonly Q[], first?: Fit) {
  for (const q of qs) {
    if (!first) {
      for (const c of q.cands) for (const i of [...VOTE, ...ARTICLE_COLS]) c.f[i] = 0;
      continue;
    }
    const scores = q.cands.map((c) => predict(first, c.f));
    addVoteFeatures(
      q.cands.map((c) => ({ doc: c.d, keys: c.k, features: c.f })),
      scores,
    );
    const rows = articleStageFeatures(
      q.cands.map((c) => ({ doc: c.d, features: c.f })),
      scores,
    );
    q.cands.forEach((c, i) => {
      (rows[i] as number[]).forEach((v, j) => {
        c.f[ARTICLE_COLS[j] as number] = v;
      });
    });
  }
}

function spread(q: Q, k: number): Cand[] {
  const negatives = q.cands.filter((c) => c.y === 0);
  if (negatives.length <= k) return negatives;
  const head = Math.ceil(k / 2);
  const rest = negatives.slice(head);
  const step = rest.length / (k - head);
  return [
    ...negatives.slice(0, head),
    ...Array.from({ length: k - head }, (_, i) => rest[Math.floor(i * step)] as Cand),
  ];
}

type Ranker = Fit & { trees?: Tree[] };
const scoreOf = (r: Ranker, f: readonly number[]) =>
  predict(r, f as number[]) + (r.trees ? treeScore(r.trees, (i) => f[i] ?? 0) : 0);

/** 20 pairwise trees boosted from `linear`'s scores, over the base columns only. */
function boost(train: readonly Q[], linear: Fit): Ranker {
  const groups = train
    .filter((q) => !q.bypass && q.cands.some((c) => c.y === 1))
    .map((q) => {
      const kept = [...q.cands.filter((c) => c.y === 1), ...spread(q, 20)];
      return {
        rows: kept.map((c) => c.f.slice(0, BASE)),
        labels: kept.map((c) => c.y),
        weight: weightOf(q),
        init: kept.map((c) => predict(linear, c.f)),
      };
    });
  return { ...linear, trees: fitRankingTrees(groups, { rounds: 20, depth: 3, rate: 0.25 }) };
}

const EXTRA_COLS = [...ARTICLE_COLS, ...INTERACT_COLS];
/** Each variant's second stage, fitted on `train` once the first pass has written its columns. */
const SECOND: Record<string, (train: readonly Q[], base: () => Fit) => Ranker> = {
  base: (_, base) => base(),
  gbdt: (train, base) => boost(train, base()),
  article: (train) => fitPairs(train, INTERACT_COLS),
  interact: (train) => fitPairs(train, ARTICLE_COLS),
  listwise: (train) => fitList(train, EXTRA_COLS),
  // every wrong candidate of the question, its pairs weighing together what 30 do
  allneg: (train) => fitPairs(train, EXTRA_COLS, (q) => q.cands.filter((c) => c.y === 0), true),
  // the 30 wrong candidates the first pass scores best (those that beat the right one)
  hard: (train) => fitPairs(train, EXTRA_COLS, (q) => hardest(q), false),
};
let firstFit: Fit | undefined;
const hardest = (q: Q) => pairNegatives(q.cands, PAIRS, (f) => predict(firstFit as Fit, f));
const NAMES = ["base", ...VARIANTS].filter((v, i, a) => a.indexOf(v) === i);
for (const v of NAMES) if (!SECOND[v]) throw new Error(`--variant: one of ${Object.keys(SECOND).join(", ")}`);

/** The base ranking's top and best right candidate per question, as train-scorer's `--dump` (for rank-losses.ts). */
const positions: unknown[] = [];
function placeOf(q: Q, r: Ranker, hit: number) {
  const ranked = q.bypass ? [] : [...q.cands].sort((a, b) => scoreOf(r, b.f) - scoreOf(r, a.f));
  const rank = ranked.findIndex((c) => c.y === 1);
  return {
    set: q.set,
    id: q.id,
    answerable: q.answerable,
    bypass: q.bypass,
    right: hit === 1,
    ...(ranked[0] ? { topAt: q.cands.indexOf(ranked[0]) } : {}),
    ...(rank >= 0 ? { rightRank: rank, rightAt: q.cands.indexOf(ranked[rank] as Cand) } : {}),
  };
}

const groups = [...new Set(all.filter((q) => q.set !== "seeds").map(group))].sort();
const right = new Map<string, [number, number]>();
const perQuestion: Record<string, Record<string, number>> = {};
for (const g of groups) {
  const train = all.filter((q) => group(q) !== g);
  const test = all.filter((q) => group(q) === g);
  writeStages(all);
  const first = fitPairs(train, EXTRA_COLS);
  firstFit = first;
  writeStages(all, first);
  let baseFit: Fit | undefined;
  const base = () => {
    baseFit ??= fitPairs(train, EXTRA_COLS);
    return baseFit;
  };
  for (const v of NAMES) {
    const second = (SECOND[v] as (typeof SECOND)[string])(train, base);
    for (const q of test) {
      if (!q.answerable) continue;
      const key = `${v} ${q.set}`;
      const [ok, n] = right.get(key) ?? [0, 0];
      let best: Cand | undefined;
      let bs = Number.NEGATIVE_INFINITY;
      if (!q.bypass)
        for (const c of q.cands) {
          const s = scoreOf(second, c.f);
          if (s > bs) {
            bs = s;
            best = c;
          }
        }
      const hit = best?.y === 1 ? 1 : 0;
      if (v === "base") positions.push(placeOf(q, second, hit));
      perQuestion[v] ??= {};
      (perQuestion[v] as Record<string, number>)[q.id] = hit;
      right.set(key, [ok + hit, n + 1]);
    }
  }
  console.log(`group ${g} done`);
}
for (const [key, [ok, n]] of right)
  console.log(`${key}: top right ${ok}/${n} = ${((100 * ok) / n).toFixed(1)} %`);
const baseRight = perQuestion.base ?? {};
for (const v of NAMES.slice(1)) {
  const mine = perQuestion[v] ?? {};
  for (const set of ["news", "piaf"]) {
    const ids = Object.keys(mine).filter((id) => (set === "piaf") === id.startsWith("piaf-"));
    const gained = ids.filter((id) => mine[id] === 1 && baseRight[id] === 0).length;
    const lost = ids.filter((id) => mine[id] === 0 && baseRight[id] === 1).length;
    console.log(`${v} ${set} against base: +${gained} / -${lost}`);
  }
}
const DUMP = flags.value("dump");
if (DUMP) writeFileSync(DUMP, JSON.stringify(positions));
const OUT = flags.value("out");
if (OUT) writeFileSync(OUT, JSON.stringify(perQuestion));

// Quick screen of ranker objectives on a feature cache (scratch, answers21): held-out top sentence
// right on PIAF (5 folds by article) and news (batches in 4 groups, batch mod 4), seeds always in
// training; the same staged fit as bench/train-scorer.ts (a linear pass writes the votes, then the
// ranker). Only for choosing what to run through the full protocol.
// Usage: node bin/run-ts.mjs bench/rank-screen.ts --cache FILE --variant base|hard|perq|hard-perq [--in-ranker a,b]
import { readFileSync } from "node:fs";
import { GATE_ONLY_FEATURES } from "../src/core/answer/answer-gate.ts";
import { addVoteFeatures } from "../src/core/answer/answer-votes.ts";
import { FEATURES } from "../src/core/answer/features.ts";
import { createFlags } from "./lib/flags.ts";
import { type Fit, fitLogistic, predict } from "./lib/logistic.ts";

interface Cand {
  f: number[];
  y: number;
  d: number;
  k: string[];
}
interface Q {
  set: string;
  fold: string;
  answerable: boolean;
  bypass: boolean;
  cands: Cand[];
}

const flags = createFlags(process.argv.slice(2));
const all = JSON.parse(readFileSync(flags.value("cache") ?? "", "utf8")) as Q[];
const VARIANT = flags.value("variant") ?? "base";
const PAIRS = flags.number("pairs") ?? 30;
const without = (flags.value("without") ?? "").split(",").filter((x) => x !== "");
for (const q of all) for (const c of q.cands) for (const w of without) c.f[FEATURES.indexOf(w as never)] = 0;
// `--in-ranker a,b`: those gate-only features in the ranker too (as bench/train-scorer.ts's flag)
const inRanker = (flags.value("in-ranker") ?? "").split(",").filter((x) => x !== "");
const ZERO = GATE_ONLY_FEATURES.filter((f) => !inRanker.includes(f)).map((f) => FEATURES.indexOf(f));
const VOTE = ["voteOthers", "voteShare", "voteArticles", "voteTop"].map((n) => FEATURES.indexOf(n as never));
const weightOf = (q: Q) => (q.set === "news" ? 5 : q.set === "seeds" ? 2 : 1);
const group = (q: Q) => (q.set === "news" ? `news-g${Number(q.fold.slice(5)) % 4}` : q.fold);

function fitPairs(train: readonly Q[], negativesOf: (q: Q) => Cand[], perQuestion: boolean): Fit {
  const rows: number[][] = [];
  const labels: number[] = [];
  const weights: number[] = [];
  for (const q of train) {
    if (q.bypass) continue;
    const negatives = negativesOf(q);
    const positives = q.cands.filter((c) => c.y === 1);
    const w = perQuestion
      ? ((weightOf(q) * PAIRS) / Math.max(1, positives.length * negatives.length)) *
        Math.min(positives.length, 3)
      : weightOf(q);
    for (const p of positives)
      for (const n of negatives) {
        const d = p.f.map((x, i) => x - (n.f[i] as number));
        for (const i of ZERO) d[i] = 0;
        rows.push(
          d,
          d.map((x) => -x),
        );
        labels.push(1, 0);
        weights.push(w, w);
      }
  }
  const f = fitLogistic(rows, labels, { l2: 1, sampleWeights: weights });
  return { weights: f.weights, bias: 0 };
}

const inOrder = (q: Q) => q.cands.filter((c) => c.y === 0).slice(0, PAIRS);
function votes(qs: readonly Q[], first?: Fit) {
  for (const q of qs) {
    if (!first) for (const c of q.cands) for (const i of VOTE) c.f[i] = 0;
    else
      addVoteFeatures(
        q.cands.map((c) => ({ doc: c.d, keys: c.k, features: c.f })),
        q.cands.map((c) => predict(first, c.f)),
      );
  }
}

const groups = [...new Set(all.filter((q) => q.set !== "seeds").map(group))].sort();
const right = new Map<string, [number, number]>();
for (const g of groups) {
  const train = all.filter((q) => group(q) !== g);
  const test = all.filter((q) => group(q) === g);
  votes(all);
  const first = fitPairs(train, inOrder, false);
  votes(all, first);
  const hard = (q: Q) =>
    q.cands
      .filter((c) => c.y === 0)
      .map((c) => ({ c, s: predict(first, c.f) }))
      .sort((a, b) => b.s - a.s)
      .slice(0, PAIRS)
      .map((x) => x.c);
  const second = fitPairs(train, VARIANT.startsWith("hard") ? hard : inOrder, VARIANT.endsWith("perq"));
  for (const q of test) {
    if (!q.answerable) continue;
    const set = q.set;
    const [ok, n] = right.get(set) ?? [0, 0];
    let best: Cand | undefined;
    let bs = -Infinity;
    if (!q.bypass)
      for (const c of q.cands) {
        const s = predict(second, c.f);
        if (s > bs) {
          bs = s;
          best = c;
        }
      }
    right.set(set, [ok + (best?.y === 1 ? 1 : 0), n + 1]);
  }
  console.log(`group ${g} done`);
}
for (const [set, [ok, n]] of right)
  console.log(`${VARIANT} ${set}: top right ${ok}/${n} = ${((100 * ok) / n).toFixed(1)} %`);

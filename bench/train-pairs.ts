// Fits the pair model (src/core/stories/pair-model.ts) on the labelled days (bench/data/stories/)
// and reports leave-one-day-out figures: for each day, a logistic regression fitted on the other
// days' pairs only, its clustering thresholds (average linkage for the digest, single pass + merge
// for the live tracker) chosen on those days by the tuner's rule (best pooled F1 among thresholds
// with pooled precision ≥ 0.9), the day then clustered on the model's probability and scored.
// The formula in use (learned-params.ts) is scored the same way (its threshold re-chosen per fold)
// beside it, on the same days.
//   npm run train:pairs [-- --write] [--l2 X] [--days-rule]
// --write stores the all-days fit and thresholds in src/core/stories/learned-pairs.ts.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Tree } from "../src/core/answer/tree-ensemble.ts";
import { treeScore } from "../src/core/answer/tree-ensemble.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import {
  type ArticleFeatures,
  articleFeatures,
  averageLinkage,
  corpusShareOf,
  emphasise,
  periodTerms,
  similarityMatrix,
  singlePass,
} from "../src/core/stories/index.ts";
import { LEARNED_LIVE_PARAMS, LEARNED_PARAMS } from "../src/core/stories/learned-params.ts";
import {
  PAIR_FEATURES,
  type PairModel,
  pairFeatures,
  pairInputs,
  pairLogit,
} from "../src/core/stories/pair-model.ts";
import { fitRankingTrees } from "./lib/gbdt.ts";
import { type Fit, fitLogistic } from "./lib/logistic.ts";
import { ACCEPT_F1, meets } from "./lib/nested-choice.ts";
import { ORANGESUM_PATH } from "./lib/orangesum.ts";
import {
  addCounts,
  type LabelledDay,
  loadLabelledDays,
  NO_PAIRS,
  type PairCounts,
  pairCounts,
  prf,
} from "./lib/story-labels.ts";

const MIN_PRECISION = 0.9;
const argValue = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const L2 = argValue("l2", 1);
const WRITE = process.argv.includes("--write");
/** `--days-rule`: thresholds chosen by most training days meeting the bar (pooled F1 breaks ties). */
const DAYS_RULE = process.argv.includes("--days-rule");
/** `--gate X`: pairs whose text similarity is below X are never one story and are not fitted on. */
const GATE = argValue("gate", 0);
/** `--form log|cross|both`: experiment only — log of the overlaps, or their products with text. */
const FORM = process.argv.includes("--form") ? process.argv[process.argv.indexOf("--form") + 1] : "";
/** `--drop a,b`: experiment only — features left out (set to 0). */
const DROP = process.argv.includes("--drop")
  ? (process.argv[process.argv.indexOf("--drop") + 1] ?? "").split(",")
  : [];
/** `--day-weight`: experiment only — every day's pairs weigh the same in all (a big day's hundreds of pairs do not dominate). */
const DAY_WEIGHT = process.argv.includes("--day-weight");
/** `--story-weight`: experiment only — a same-story pair weighs 1 / (its story's size − 1), so every article's links to its story sum to one whatever the story's size. */
const STORY_WEIGHT = process.argv.includes("--story-weight");
/** `--trees`: experiment only — ranking trees (bench/lib/gbdt.ts, each day a group) boosted on top of the text-only fit, on the pairs of text ≥ TREE_FLOOR. */
const TREES = process.argv.includes("--trees");
const TREE_FLOOR = 0.05;
const treesOf = new WeakMap<Fit, Tree[]>();
const transform = (x: number[]): number[] => {
  const y = x.map((v, k) => (DROP.includes(PAIR_FEATURES[k] as string) ? 0 : v));
  const t = y[0] as number;
  const logs = FORM === "log" || FORM === "both" ? y.slice(0, 4).map((v) => Math.log(v + 0.01)) : [];
  const cross = FORM === "cross" || FORM === "both" ? y.slice(1).map((v) => v * t) : [];
  return [...y, ...logs, ...cross];
};

const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);
const days = loadLabelledDays(news);
for (const d of days) for (const p of d.problems) console.log(`! ${d.date}: ${p}`);

interface DayPairs {
  day: LabelledDay;
  n: number;
  /** Feature rows of the pairs i < j, row-major in (i, j) order. */
  rows: number[][];
  labels: number[];
  /** Size of the labelled story of a same-story pair (0 otherwise). */
  storySize: number[];
  /** The similarity in use (digest and live weights), for the baseline. */
  digestSim: Float32Array;
  liveSim: Float32Array;
}

/** The period-emphasised features the clustering in use compares (lead and boost of `params`). */
function emphasised(docs: readonly number[], params: typeof LEARNED_PARAMS): ArticleFeatures[] {
  const raw = docs.map((d) => articleFeatures(news, d, params.features));
  const period = periodTerms(raw, corpusShareOf(news));
  return raw.map((f) => emphasise(f, period, params.periodBoost ?? 0));
}

const dayPairs: DayPairs[] = days.map((day) => {
  const feats = emphasised(day.docs, LEARNED_PARAMS);
  const inputs = day.docs.map((d) => pairInputs(news, d, LEARNED_PARAMS.features));
  const rows: number[][] = [];
  const labels: number[] = [];
  const storySize: number[] = [];
  const sizeOf = new Map<string, number>();
  for (const l of day.gold.values()) sizeOf.set(l, (sizeOf.get(l) ?? 0) + 1);
  const n = day.docs.length;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      rows.push(
        transform(
          pairFeatures(
            feats[i] as ArticleFeatures,
            feats[j] as ArticleFeatures,
            inputs[i] as never,
            inputs[j] as never,
          ),
        ),
      );
      const same = day.gold.get(day.docs[i] as number) === day.gold.get(day.docs[j] as number);
      labels.push(same ? 1 : 0);
      storySize.push(same ? (sizeOf.get(day.gold.get(day.docs[i] as number) as string) as number) : 0);
    }
  return {
    day,
    n,
    rows,
    labels,
    storySize,
    digestSim: similarityMatrix(feats, LEARNED_PARAMS.weights),
    liveSim: similarityMatrix(emphasised(day.docs, LEARNED_LIVE_PARAMS), LEARNED_LIVE_PARAMS.weights),
  };
});
const pairTotal = dayPairs.reduce((s, d) => s + d.rows.length, 0);
const positives = dayPairs.reduce((s, d) => s + d.labels.reduce((a, b) => a + b, 0), 0);
console.log(`${days.length} days, ${pairTotal} pairs, ${positives} same-story`);

/** A day's probability matrix under `fit`. */
function probMatrix(d: DayPairs, fit: Fit): Float32Array {
  const model = {
    features: [...PAIR_FEATURES],
    weights: fit.weights,
    bias: fit.bias,
    threshold: 0,
    liveThreshold: 0,
  };
  const m = new Float32Array(d.n * d.n);
  let k = 0;
  for (let i = 0; i < d.n; i++)
    for (let j = i + 1; j < d.n; j++) {
      const row = d.rows[k++] as number[];
      const trees = treesOf.get(fit);
      const boost = trees && (row[0] as number) >= TREE_FLOOR ? treeScore(trees, (f) => row[f] as number) : 0;
      const p = (row[0] as number) < GATE ? 0 : 1 / (1 + Math.exp(-pairLogit(model, row) - boost));
      m[i * d.n + j] = p;
      m[j * d.n + i] = p;
    }
  return m;
}

type Merge = { a: number; b: number; at: number };
const mergeOrder = (n: number, sim: Float32Array) => {
  const merges: Merge[] = [];
  averageLinkage(n, sim, Number.NEGATIVE_INFINITY, (a, b, at) => merges.push({ a, b, at }));
  return merges;
};
function cut(n: number, merges: readonly Merge[], threshold: number): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  for (const m of merges) {
    if (m.at < threshold) break;
    parent[find(m.b)] = find(m.a);
  }
  const out = new Map<number, number[]>();
  for (let i = 0; i < n; i++) out.set(find(i), [...(out.get(find(i)) ?? []), i]);
  return [...out.values()];
}

type Clusterer = (threshold: number) => number[][];
/** Pair counts of a day at each threshold of `grid`. */
function countsAt(d: DayPairs, cluster: Clusterer, grid: readonly number[]): PairCounts[] {
  return grid.map((t) =>
    pairCounts(
      cluster(t).map((g) => g.map((k) => d.day.docs[k] as number)),
      d.day.gold,
    ),
  );
}
const averageOf = (d: DayPairs, sim: Float32Array): Clusterer => {
  const merges = mergeOrder(d.n, sim);
  return (t) => cut(d.n, merges, t);
};
const livePassOf =
  (d: DayPairs, sim: Float32Array): Clusterer =>
  (t) =>
    singlePass(d.n, sim, t, true);

/** The threshold of `grid` the rule picks on the training days' counts (days × thresholds). */
function chooseThreshold(train: readonly PairCounts[][], grid: readonly number[]): number {
  let best = 0;
  let bestKey: [number, number, number] = [-1, -1, -1];
  grid.forEach((_, ti) => {
    const pooled = train.reduce((a, c) => addCounts(a, c[ti] as PairCounts), NO_PAIRS);
    const m = prf(pooled);
    const ok = m.p >= MIN_PRECISION ? 1 : 0;
    const daysMet = train.filter((c) => meets(c[ti] as PairCounts, MIN_PRECISION)).length;
    const key: [number, number, number] = DAYS_RULE
      ? [daysMet, ok ? m.f1 : 0, m.p]
      : [ok, ok ? m.f1 : m.p, daysMet];
    if (
      key[0] > bestKey[0] ||
      (key[0] === bestKey[0] && (key[1] > bestKey[1] || (key[1] === bestKey[1] && key[2] > bestKey[2])))
    ) {
      best = ti;
      bestKey = key;
    }
  });
  return grid[best] as number;
}

const PROB_GRID = Array.from({ length: 39 }, (_, i) => Math.round((0.05 + i * 0.025) * 1000) / 1000);
const SIM_GRID = Array.from({ length: 25 }, (_, i) => Math.round((0.02 + i * 0.01) * 100) / 100);

interface Outcome {
  perDay: PairCounts[];
  thresholds: number[];
}

/** Leave-one-day-out: `countsOf(fold)` gives every day's counts per threshold for the model of a fold. */
function heldOut(grid: readonly number[], countsOf: (fold: number) => PairCounts[][]): Outcome {
  const perDay: PairCounts[] = [];
  const thresholds: number[] = [];
  days.forEach((_, di) => {
    const all = countsOf(di);
    const t = chooseThreshold(
      all.filter((_, k) => k !== di),
      grid,
    );
    thresholds.push(t);
    perDay.push((all[di] as PairCounts[])[grid.indexOf(t)] as PairCounts);
  });
  return { perDay, thresholds };
}

const fitWithout = (skip: number): Fit => {
  const rows: number[][] = [];
  const labels: number[] = [];
  const sampleWeights: number[] = [];
  const mean = pairTotal / days.length;
  dayPairs.forEach((d, di) => {
    if (di === skip) return;
    d.rows.forEach((r, k) => {
      if ((r[0] as number) < GATE) return;
      rows.push(r);
      labels.push(d.labels[k] as number);
      sampleWeights.push(
        (DAY_WEIGHT ? mean / d.rows.length : 1) *
          (STORY_WEIGHT && d.labels[k] === 1 ? 1 / ((d.storySize[k] as number) - 1) : 1),
      );
    });
  });
  if (!TREES) return fitLogistic(rows, labels, { l2: L2, iterations: 30, sampleWeights });
  const textOnly = fitLogistic(
    rows.map((r) => [r[0] as number]),
    labels,
    { l2: L2, iterations: 30 },
  );
  const fit: Fit = {
    weights: [textOnly.weights[0] as number, ...PAIR_FEATURES.slice(1).map(() => 0)],
    bias: textOnly.bias,
  };
  const groups = dayPairs
    .filter((_, di) => di !== skip)
    .map((d) => {
      const keep = d.rows
        .map((_r, k) => k)
        .filter((k) => ((d.rows[k] as number[])[0] as number) >= TREE_FLOOR);
      return {
        rows: keep.map((k) => d.rows[k] as number[]),
        labels: keep.map((k) => d.labels[k] as number),
        weight: 1,
        init: keep.map((k) => fit.bias + (fit.weights[0] as number) * ((d.rows[k] as number[])[0] as number)),
      };
    });
  treesOf.set(fit, fitRankingTrees(groups, { rounds: 40, depth: 3 }));
  return fit;
};

// the formula in use: its matrices do not depend on the fold, only the threshold does
const digestBase = dayPairs.map((d) => countsAt(d, averageOf(d, d.digestSim), SIM_GRID));
const liveBase = dayPairs.map((d) => countsAt(d, livePassOf(d, d.liveSim), SIM_GRID));
const base = heldOut(SIM_GRID, () => digestBase);
const baseLive = heldOut(SIM_GRID, () => liveBase);

const folds = days.map((_, di) => fitWithout(di));
const modelDigest: PairCounts[][][] = [];
const modelLive: PairCounts[][][] = [];
folds.forEach((fit) => {
  const ms = dayPairs.map((d) => probMatrix(d, fit));
  modelDigest.push(dayPairs.map((d, k) => countsAt(d, averageOf(d, ms[k] as Float32Array), PROB_GRID)));
  modelLive.push(dayPairs.map((d, k) => countsAt(d, livePassOf(d, ms[k] as Float32Array), PROB_GRID)));
});
// pair-level: how well each score orders the held-out day's pairs (average precision over all pairs pooled)
{
  const scored: [number, number, number][] = [];
  folds.forEach((fit, di) => {
    const d = dayPairs[di] as DayPairs;
    d.rows.forEach((r, k) => {
      const z = fit.bias + fit.weights.reduce((s, w, f) => s + w * (r[f] as number), 0);
      scored.push([z, r[0] as number, d.labels[k] as number]);
    });
  });
  const ap = (col: 0 | 1) => {
    const sorted = [...scored].sort((a, b) => b[col] - a[col]);
    let hits = 0;
    let sum = 0;
    sorted.forEach((s, i) => {
      if (s[2] === 1) sum += ++hits / (i + 1);
    });
    return (sum / hits).toFixed(3);
  };
  console.log(`pair-level average precision, held out: pair model ${ap(0)}, similarity in use ${ap(1)}`);
}
const model = heldOut(PROB_GRID, (fold) => modelDigest[fold] as PairCounts[][]);
const live = heldOut(PROB_GRID, (fold) => modelLive[fold] as PairCounts[][]);

const fmt = (c: PairCounts) => {
  const m = prf(c);
  return `P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f1.toFixed(3)}`;
};
const summary = (name: string, o: Outcome) => {
  const pooled = o.perDay.reduce(addCounts, NO_PAIRS);
  const met = o.perDay.filter((c) => meets(c, MIN_PRECISION)).length;
  console.log(
    `${name}: held out pooled ${fmt(pooled)}, days meeting P ≥ ${MIN_PRECISION} & F1 ≥ ${ACCEPT_F1}: ${met} of ${days.length}`,
  );
};
console.log(
  `\nleave one day out (l2 ${L2}, rule ${DAYS_RULE ? "days" : "pooled"}, gate ${GATE}, form ${FORM || "plain"}, drop ${DROP.join(",") || "none"})`,
);
summary("digest, formula in use (threshold per fold)", base);
summary("digest, pair model", model);
summary("live, formula in use (threshold per fold)", baseLive);
summary("live, pair model", live);
console.log("\nper day (P/F1): formula → pair model [digest] | formula → pair model [live]");
const pf = (c: PairCounts) =>
  `${prf(c).p.toFixed(2)}/${prf(c).f1.toFixed(2)}${meets(c, MIN_PRECISION) ? "*" : " "}`;
days.forEach((d, di) => {
  const a = base.perDay[di] as PairCounts;
  const b = model.perDay[di] as PairCounts;
  const c = baseLive.perDay[di] as PairCounts;
  const e = live.perDay[di] as PairCounts;
  const moved = pf(a) !== pf(b) || pf(c) !== pf(e) ? " ←" : "";
  console.log(
    `  ${d.date}: ${pf(a)} → ${pf(b)} (t ${model.thresholds[di]}) | ${pf(c)} → ${pf(e)} (t ${live.thresholds[di]})${moved}`,
  );
});

const all = fitWithout(-1);
const allDigest = dayPairs.map((d) => countsAt(d, averageOf(d, probMatrix(d, all)), PROB_GRID));
const allLive = dayPairs.map((d) => countsAt(d, livePassOf(d, probMatrix(d, all)), PROB_GRID));
const threshold = chooseThreshold(allDigest, PROB_GRID);
const liveThreshold = chooseThreshold(allLive, PROB_GRID);
console.log(
  `\nall days: weights ${PAIR_FEATURES.map((f, k) => `${f} ${all.weights[k]}`).join(", ")}, bias ${all.bias}`,
);
console.log(`  digest threshold ${threshold}, live ${liveThreshold}`);
const inSample = (
  table: PairCounts[][],
  grid: readonly number[],
  t: number,
  baseTable: PairCounts[][],
  baseT: number,
) => {
  const at = (tb: PairCounts[][], g: readonly number[], x: number) =>
    tb.map((c) => c[g.indexOf(x)] as PairCounts);
  const show = (cs: PairCounts[]) =>
    `${fmt(cs.reduce(addCounts, NO_PAIRS))}, ${cs.filter((c) => meets(c, MIN_PRECISION)).length} days`;
  return `${show(at(table, grid, t))} (formula in use, its threshold chosen on all days: ${show(at(baseTable, SIM_GRID, baseT))})`;
};
console.log(
  `  in sample, digest: ${inSample(allDigest, PROB_GRID, threshold, digestBase, chooseThreshold(digestBase, SIM_GRID))}`,
);
console.log(
  `  in sample, live: ${inSample(allLive, PROB_GRID, liveThreshold, liveBase, chooseThreshold(liveBase, SIM_GRID))}`,
);

if (WRITE) {
  const learned: PairModel = {
    features: [...PAIR_FEATURES],
    weights: all.weights,
    bias: all.bias,
    threshold,
    liveThreshold,
  };
  const path = resolve(fileURLToPath(import.meta.url), "../../src/core/stories/learned-pairs.ts");
  const command = `npm run train:pairs -- ${process.argv.slice(2).join(" ")}`.trim();
  writeFileSync(
    path,
    `// The pair model in use (pair-model.ts), fitted by \`${command}\` on the labelled days ${days.map((d) => d.date).join(", ")}.
// Do not edit by hand: re-run the command. Leave-one-day-out figures in bench/results/stories.md.
import type { PairModel } from "./pair-model.ts";

export const LEARNED_PAIRS: PairModel = ${JSON.stringify(learned, null, 2)};
`,
  );
  console.log(`wrote ${path}`);
}

// `--show DATE`: the held-out day's pairs the pair model puts together against the labels (features, probability)
if (process.argv.includes("--show")) {
  const date = process.argv[process.argv.indexOf("--show") + 1];
  const di = days.findIndex((d) => d.date === date);
  const d = dayPairs[di] as DayPairs;
  const fit = folds[di] as Fit;
  const groups = averageOf(d, probMatrix(d, fit))(model.thresholds[di] as number);
  const botOf = new Map<number, number>();
  groups.forEach((g, gi) => {
    for (const k of g) botOf.set(k, gi);
  });
  let k = 0;
  for (let i = 0; i < d.n; i++)
    for (let j = i + 1; j < d.n; j++) {
      const row = d.rows[k] as number[];
      const label = d.labels[k++] as number;
      const together = botOf.get(i) === botOf.get(j);
      if (together === (label === 1) && !((row[0] as number) > 0.1 && label === 0)) continue;
      const z = fit.bias + fit.weights.reduce((s, w, f) => s + w * (row[f] as number), 0);
      console.log(
        `${together ? "together" : "apart"} gold ${label} p ${(1 / (1 + Math.exp(-z))).toFixed(2)} base ${(d.digestSim[i * d.n + j] as number).toFixed(2)} [${row.map((v) => v.toFixed(2)).join(" ")}]\n   ${articles[d.day.docs[i] as number]?.title}\n   ${articles[d.day.docs[j] as number]?.title}`,
      );
    }
}

// `--direct`: experiment only — the pair score as the similarity in use plus a weighted sum of the
// other views (each in units of its spread over the pairs of similarity ≥ 0.05, times the
// similarity's), the weights found by coordinate search for the tuner's rule itself (clustering the
// training days), not for the pairs' log-loss; threshold chosen with them. Leave-one-day-out.
if (process.argv.includes("--direct")) {
  const F = PAIR_FEATURES.length;
  const near = dayPairs.flatMap((d) => d.rows.filter((r) => (r[0] as number) >= 0.05));
  const sd = (f: number) => {
    const v = near.map((r) => r[f] as number);
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length) || 1;
  };
  const unit = Array.from({ length: F }, (_, f) => sd(0) / sd(f));
  const STEPS = [-0.4, -0.2, -0.1, 0, 0.1, 0.2, 0.4];
  const GRID = Array.from({ length: 59 }, (_, i) => Math.round((0.02 + i * 0.01) * 100) / 100);
  const countsFor = (w: readonly number[]): PairCounts[][] =>
    dayPairs.map((d) => {
      const m = new Float32Array(d.n * d.n);
      let k = 0;
      for (let i = 0; i < d.n; i++)
        for (let j = i + 1; j < d.n; j++) {
          const r = d.rows[k++] as number[];
          let s = r[0] as number;
          for (let f = 1; f < F; f++) s += (w[f] as number) * (unit[f] as number) * (r[f] as number);
          m[i * d.n + j] = s;
          m[j * d.n + i] = s;
        }
      return countsAt(d, averageOf(d, m), GRID);
    });
  const cache = new Map<string, PairCounts[][]>();
  const cached = (w: readonly number[]) => {
    const key = w.join(",");
    let c = cache.get(key);
    if (!c) {
      c = countsFor(w);
      cache.set(key, c);
    }
    return c;
  };
  /** The rule's value of weights `w` on the days but `skip`: [ok, F1 or P, days met] at its best threshold. */
  const value = (w: readonly number[], skip: number): [number, number, number, number] => {
    const table = cached(w).filter((_, k) => k !== skip);
    const t = chooseThreshold(table, GRID);
    const ti = GRID.indexOf(t);
    const pooled = table.reduce((a, c) => addCounts(a, c[ti] as PairCounts), NO_PAIRS);
    const m = prf(pooled);
    const met = table.filter((c) => meets(c[ti] as PairCounts, MIN_PRECISION)).length;
    return m.p >= MIN_PRECISION ? [1, m.f1, met, t] : [0, m.p, met, t];
  };
  const better = (a: readonly number[], b: readonly number[]) =>
    DAYS_RULE
      ? (a[2] as number) > (b[2] as number) ||
        (a[2] === b[2] &&
          ((a[0] as number) > (b[0] as number) ||
            (a[0] === b[0] && (a[1] as number) > (b[1] as number) + 1e-9)))
      : (a[0] as number) > (b[0] as number) || (a[0] === b[0] && (a[1] as number) > (b[1] as number) + 1e-9);
  const search = (skip: number) => {
    let w = Array.from({ length: F }, () => 0);
    let best = value(w, skip);
    for (let sweep = 0; sweep < 2; sweep++)
      for (let f = 1; f < F; f++)
        for (const step of STEPS) {
          const trial = w.map((x, k) => (k === f ? step : x));
          const v = value(trial, skip);
          if (better(v, best)) {
            best = v;
            w = trial;
          }
        }
    return { w, t: best[3] as number };
  };
  const perDay: PairCounts[] = [];
  days.forEach((d, di) => {
    const { w, t } = search(di);
    const c = (cached(w)[di] as PairCounts[])[GRID.indexOf(t)] as PairCounts;
    perDay.push(c);
    console.log(
      `  ${d.date}: ${pf(base.perDay[di] as PairCounts)} → ${pf(c)} (t ${t}, w ${
        w
          .map((x, k) => (x ? `${PAIR_FEATURES[k]} ${x}` : ""))
          .filter(Boolean)
          .join(" ") || "none"
      })`,
    );
  });
  summary("digest, direct search (held out)", { perDay, thresholds: [] });
  const all = search(-1);
  console.log(`  all days: t ${all.t}, w ${all.w.join(",")}; in sample ${value(all.w, -1).join(" ")}`);
}

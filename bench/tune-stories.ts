// Chooses the clustering method and parameters on the labelled days (bench/data/stories/), and
// reports leave-one-day-out figures: for each day, the setting that does best on the other days
// (highest pairwise F1 among those with precision ≥ 0.9, pooled over the days) is scored on it.
//   npm run tune:stories [-- --write] [--folds FILE]
// --write stores the all-days choice in learned-params.ts; --folds writes each day's digest parameters
// chosen on the other days (JSON, date → parameters), for `npm run train:ranker -- --clustering FILE`.
// Also tunes the importance weights the same way, on front-page hits in the first five stories.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import {
  type ArticleFeatures,
  articleFeatures,
  averageLinkage,
  backgroundBefore,
  type ClusterMethod,
  centroidOf,
  corpusShareOf,
  emphasise,
  type ImportanceWeights,
  importance,
  importanceSignals,
  periodTerms,
  type SimilarityWeights,
  similarityMatrix,
  singlePass,
  toSparse,
} from "../src/core/stories/index.ts";
import { ORANGESUM_PATH } from "./lib/orangesum.ts";
import {
  frontPageHits,
  type LabelledDay,
  loadLabelledDays,
  type PairCounts,
  pairCounts,
  prf,
} from "./lib/story-labels.ts";

const MIN_PRECISION = 0.9;
const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);
const days = loadLabelledDays(news);
for (const d of days) for (const p of d.problems) console.log(`! ${d.date}: ${p}`);
const LEADS = [3, 6];
const featsByLead = new Map(
  LEADS.map((lead) => [
    lead,
    days.map((d) => d.docs.map((doc) => articleFeatures(news, doc, { leadSentences: lead }))),
  ]),
);

interface Setting {
  lead: number;
  boost: number;
  /** Local rarity: background days before the period (0 = none) and the factor's exponent. */
  window: number;
  local: number;
  /** Lift below which local damping applies (0 = damp by background rarity instead). */
  liftAt: number;
  /** Period emphasis in proportion to the share of the period using the term. */
  share: boolean;
  method: ClusterMethod;
  /** Single pass only: fold groups together once their mean similarity reaches the threshold. */
  merge: boolean;
  weights: SimilarityWeights;
  threshold: number;
}
const settings: Setting[] = [];
const thresholds = Array.from({ length: 25 }, (_, i) => Math.round((0.02 + i * 0.01) * 100) / 100);
const LOCAL: [number, number, number][] = [[0, 0, 0]];
for (const window of [14, 28])
  for (const local of [0, 0.5, 1, 2])
    for (const liftAt of local > 0 ? [0, 2, 4] : [0]) LOCAL.push([window, local, liftAt]);
for (const [window, local, liftAt] of LOCAL)
  for (const [boost, share] of [0, 0.25, 0.5, 1, 2, 4].flatMap((b) =>
    b === 0 ? [[0, false] as const] : [[b, false] as const, [b * 4, true] as const],
  ))
    for (const lead of LEADS)
      for (const textWeight of [0.55, 0.7, 0.85, 1])
        for (const entityScale of textWeight < 1 ? [3, 6] : [3])
          for (const [method, merge] of [
            ["average", false],
            ["single-pass", false],
            ["single-pass", true],
          ] as [ClusterMethod, boolean][])
            for (const threshold of thresholds)
              settings.push({
                lead,
                boost,
                window,
                local,
                liftAt,
                share,
                method,
                merge,
                weights: { textWeight, graceDays: 1, halfLifeDays: 3, entityScale },
                threshold,
              });

/**
 * Average linkage run to the end, its merges in order: average linkage never merges at a higher
 * similarity than the merge before, so the groups at any threshold are the merges down to it.
 */
function mergeOrder(n: number, sim: Float32Array): { a: number; b: number; at: number }[] {
  const merges: { a: number; b: number; at: number }[] = [];
  averageLinkage(n, sim, Number.NEGATIVE_INFINITY, (a, b, at) => merges.push({ a, b, at }));
  return merges;
}
function cut(
  n: number,
  merges: readonly { a: number; b: number; at: number }[],
  threshold: number,
): number[][] {
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
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = out.get(r);
    if (g) g.push(i);
    else out.set(r, [i]);
  }
  return [...out.values()];
}

// per setting and day: pair counts (similarity matrices shared across thresholds and methods)
const counts: PairCounts[][] = settings.map(() => []);
const matrices = new Map<string, Float32Array[]>();
const mergesOf = new Map<string, { a: number; b: number; at: number }[][]>();
const keyOf = (s: Setting) =>
  `${s.lead}/${s.boost}/${s.share}/${s.window}/${s.local}/${s.liftAt}${JSON.stringify(s.weights)}`;
const periodFeatures = (s: Setting, f: ArticleFeatures[]) => {
  const first = Math.min(...f.map((x) => x.day ?? Number.POSITIVE_INFINITY));
  const bg = s.window > 0 ? backgroundBefore(news, first, s.window, { leadSentences: s.lead }) : undefined;
  const df = periodTerms(f, corpusShareOf(news), bg, (t) => news.index.idf(t));
  return f.map((x) => emphasise(x, df, s.boost, s.local, s.liftAt, s.share));
};
settings.forEach((s, si) => {
  const key = keyOf(s);
  let ms = matrices.get(key);
  if (!ms) {
    ms = (featsByLead.get(s.lead) as ArticleFeatures[][]).map((f) =>
      similarityMatrix(periodFeatures(s, f), s.weights),
    );
    matrices.set(key, ms);
    mergesOf.set(
      key,
      ms.map((m, di) => mergeOrder((days[di] as LabelledDay).docs.length, m)),
    );
  }
  const merges = mergesOf.get(key) as { a: number; b: number; at: number }[][];
  days.forEach((day, di) => {
    const n = day.docs.length;
    const groups =
      s.method === "average"
        ? cut(n, merges[di] as { a: number; b: number; at: number }[], s.threshold)
        : singlePass(n, ms[di] as Float32Array, s.threshold, s.merge);
    counts[si]?.push(
      pairCounts(
        groups.map((g) => g.map((k) => day.docs[k] as number)),
        day.gold,
      ),
    );
  });
});

const pooled = (si: number, use: (di: number) => boolean) =>
  (counts[si] as PairCounts[]).reduce(
    (a, c, di) => (use(di) ? { tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn } : a),
    { tp: 0, fp: 0, fn: 0 },
  );
/** `--macro`: choose on the mean of the days' precision and F1 (each day weighs the same) instead of pooled pairs. */
const MACRO = process.argv.includes("--macro");
const macro = (si: number, use: (di: number) => boolean) => {
  let p = 0;
  let f1 = 0;
  let n = 0;
  (counts[si] as PairCounts[]).forEach((c, di) => {
    if (!use(di)) return;
    const m = prf(c);
    p += m.p;
    f1 += m.f1;
    n++;
  });
  return { p: p / n, f1: f1 / n };
};
const choose = (use: (di: number) => boolean, method?: ClusterMethod) => {
  let best = -1;
  let bestOk = -1;
  let bestValue = -1;
  settings.forEach((s, si) => {
    if (method && s.method !== method) return;
    const m = MACRO ? macro(si, use) : prf(pooled(si, use));
    const ok = m.p >= MIN_PRECISION ? 1 : 0;
    const value = ok ? m.f1 : m.p;
    if (ok > bestOk || (ok === bestOk && value > bestValue)) {
      best = si;
      bestOk = ok;
      bestValue = value;
    }
  });
  return best;
};
const fmt = (c: PairCounts) => {
  const m = prf(c);
  return `P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f1.toFixed(3)}`;
};
const describe = (s: Setting) =>
  `lead ${s.lead} boost ${s.boost}${s.share ? " by share" : ""} window ${s.window} local ${s.local} lift ${s.liftAt} ${s.method}${s.merge ? " + merge" : ""} text ${s.weights.textWeight} names ${s.weights.entityScale} threshold ${s.threshold}`;

if (process.argv.includes("--explore")) {
  // the settings of best mean per-day F1, with each day's figures (for reading, not choosing)
  const meanF1 = (si: number) =>
    (counts[si] as PairCounts[]).reduce((n, c) => n + prf(c).f1, 0) / days.length;
  const only = process.argv[process.argv.indexOf("--explore") + 1];
  const ranked = settings
    .map((_, si) => si)
    .filter((si) => !only || only.startsWith("-") || describe(settings[si] as Setting).includes(only))
    .sort((a, b) => meanF1(b) - meanF1(a));
  for (const si of ranked.slice(0, 25))
    console.log(
      `${meanF1(si).toFixed(3)} ${describe(settings[si] as Setting)}\n   ${(counts[si] as PairCounts[])
        .map((c) => `${prf(c).p.toFixed(2)}/${prf(c).f1.toFixed(2)}`)
        .join(" ")}`,
    );
}

/** The clustering parameters of a setting (learned-params.ts's form). */
const paramsOf = (s: Setting) => ({
  weights: s.weights,
  threshold: s.threshold,
  features: { leadSentences: s.lead },
  periodBoost: s.boost,
  localWindowDays: s.window,
  localWeight: s.local,
  localLift: s.liftAt,
  shareBoost: s.share,
  ...(s.merge ? { merge: true } : {}),
});
/** Each day's digest parameters chosen on the other days (for `train:ranker -- --clustering FILE`). */
const heldOutParams: Record<string, ReturnType<typeof paramsOf>> = {};
for (const method of ["average", "single-pass"] as ClusterMethod[]) {
  let held = { tp: 0, fp: 0, fn: 0 };
  console.log(`\n${method}: leave one day out`);
  days.forEach((day, di) => {
    const si = choose((d) => d !== di, method);
    if (method === "average") heldOutParams[day.date] = paramsOf(settings[si] as Setting);
    const c = counts[si]?.[di] as PairCounts;
    held = { tp: held.tp + c.tp, fp: held.fp + c.fp, fn: held.fn + c.fn };
    console.log(`  ${day.date}: ${fmt(c)}   (chosen on the others: ${describe(settings[si] as Setting)})`);
  });
  console.log(`  held-out pooled: ${fmt(held)}`);
  const all = choose(() => true, method);
  console.log(`  on all days: ${fmt(pooled(all, () => true))} with ${describe(settings[all] as Setting)}`);
}
const final = settings[choose(() => true)] as Setting;
const foldsFile = process.argv.includes("--folds")
  ? process.argv[process.argv.indexOf("--folds") + 1]
  : undefined;
// the folds hold average-linkage choices: they stand for the digest's clustering only while the
// digest's method (the all-days choice) is average linkage too
if (foldsFile && final.method !== "average")
  throw new Error(`--folds: the digest now clusters by ${final.method}; the folds hold average linkage`);
if (foldsFile) writeFileSync(foldsFile, `${JSON.stringify(heldOutParams, null, 1)}\n`);
const live = settings[choose(() => true, "single-pass")] as Setting;
console.log(`\nchosen: ${describe(final)}`);

// importance weights: the clusters of the chosen setting, ranked by each weight vector
const feats = featsByLead.get(final.lead) as ArticleFeatures[][];
const groupsOf = days.map((day, di) => {
  const m = (matrices.get(keyOf(final)) as Float32Array[])[di] as Float32Array;
  const g =
    final.method === "average"
      ? averageLinkage(day.docs.length, m, final.threshold)
      : singlePass(day.docs.length, m, final.threshold, final.merge);
  return g.map((idx) => idx.map((k) => (feats[di] as ArticleFeatures[])[k] as ArticleFeatures));
});
const signals = groupsOf.map((groups, di) =>
  groups.map((members) =>
    importanceSignals(news, members, toSparse(centroidOf(members)), feats[di] as ArticleFeatures[]),
  ),
);
const grid: ImportanceWeights[] = [];
for (const prominence of [0, 0.5, 1, 2, 4, 8])
  for (const continuity of [0, 0.05, 0.2])
    for (const echo of [0, 0.5, 1, 2])
      for (const entitySalience of [0, 1, 2, 4])
        grid.push({ articles: 1, sources: 0, echo, entitySalience, recency: 0.5, continuity, prominence });
const hitsOf = (w: ImportanceWeights, di: number) => {
  const order = (signals[di] as ReturnType<typeof importanceSignals>[])
    .map((s, i) => ({ i, score: importance(s, w) }))
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const ranked = order.map(({ i }) =>
    ((groupsOf[di] as ArticleFeatures[][])[i] as ArticleFeatures[]).map((f) => f.doc),
  );
  return frontPageHits(ranked, days[di] as LabelledDay);
};
const bestWeights = (use: (di: number) => boolean) => {
  let best = grid[0] as ImportanceWeights;
  let bestHits = -1;
  for (const w of grid) {
    const h = days.reduce((n, _, di) => n + (use(di) ? hitsOf(w, di) : 0), 0);
    if (h > bestHits) {
      bestHits = h;
      best = w;
    }
  }
  return best;
};
let heldHits = 0;
console.log("\nimportance: leave one day out (front-page stories among the first five)");
days.forEach((day, di) => {
  const w = bestWeights((d) => d !== di);
  const h = hitsOf(w, di);
  heldHits += h;
  console.log(`  ${day.date}: ${h}/5 with ${JSON.stringify(w)}`);
});
const finalWeights = bestWeights(() => true);
console.log(
  `  held-out total ${heldHits}/${5 * days.length}; chosen on all days: ${JSON.stringify(finalWeights)}`,
);

if (process.argv.includes("--write")) {
  const path = resolve(fileURLToPath(import.meta.url), "../../src/core/stories/learned-params.ts");
  writeFileSync(
    path,
    `// The clustering and importance parameters in use, written by \`npm run tune:stories -- --write\`
// (bench/tune-stories.ts) from the labelled days ${days.map((d) => d.date).join(", ")}; leave-one-day-out
// figures in bench/results/stories.md. Do not edit by hand: re-run the script.
import type { ClusterMethod, ClusterParams } from "./cluster.ts";
import type { ImportanceWeights } from "./importance.ts";

export const LEARNED_METHOD: ClusterMethod = ${JSON.stringify(final.method)};

export const LEARNED_PARAMS: ClusterParams = {
  weights: ${JSON.stringify(final.weights)
    .replace(/"(\w+)":/g, "$1: ")
    .replace(/,/g, ", ")
    .replace(/\{/, "{ ")
    .replace(/\}$/, " }")},
  threshold: ${final.threshold},
  features: { leadSentences: ${final.lead} },
  periodBoost: ${final.boost},
  localWindowDays: ${final.window},
  localWeight: ${final.local},
  localLift: ${final.liftAt},
  shareBoost: ${final.share},
};

/** Single pass, for live tracking (one article at a time). */
export const LEARNED_LIVE_PARAMS: ClusterParams = {
  weights: ${JSON.stringify(live.weights)
    .replace(/"(\w+)":/g, "$1: ")
    .replace(/,/g, ", ")
    .replace(/\{/, "{ ")
    .replace(/\}$/, " }")},
  threshold: ${live.threshold},
  features: { leadSentences: ${live.lead} },
  periodBoost: ${live.boost},
  localWindowDays: ${live.window},
  localWeight: ${live.local},
  localLift: ${live.liftAt},
  shareBoost: ${live.share},${live.merge ? "\n  merge: true," : ""}
};

export const LEARNED_IMPORTANCE: ImportanceWeights = ${JSON.stringify(finalWeights)
      .replace(/"(\w+)":/g, "$1: ")
      .replace(/,/g, ", ")
      .replace(/\{/, "{ ")
      .replace(/\}$/, " }")};
`,
  );
  console.log(`\nwrote ${path}`);
}

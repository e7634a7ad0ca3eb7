// Chooses the clustering method and parameters on the labelled days (bench/data/stories/), and
// reports leave-one-day-out figures: for each day, the setting that does best on the other days
// (highest pairwise F1 among those with precision ≥ 0.9, pooled over the days) is scored on it.
//   npm run tune:stories [-- --write]     (--write stores the all-days choice in learned-params.ts)
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
const LEADS = [3, 6, 12];
const featsByLead = new Map(
  LEADS.map((lead) => [
    lead,
    days.map((d) => d.docs.map((doc) => articleFeatures(news, doc, { leadSentences: lead }))),
  ]),
);

interface Setting {
  lead: number;
  boost: number;
  method: ClusterMethod;
  weights: SimilarityWeights;
  threshold: number;
}
const settings: Setting[] = [];
const thresholds = Array.from({ length: 25 }, (_, i) => Math.round((0.02 + i * 0.01) * 100) / 100);
for (const boost of [0, 0.25, 0.5, 1])
  for (const lead of LEADS)
    for (const textWeight of [0.4, 0.55, 0.7, 0.85, 1])
      for (const entityScale of [3, 6, 12])
        for (const method of ["average", "single-pass"] as ClusterMethod[])
          for (const threshold of thresholds)
            settings.push({
              lead,
              boost,
              method,
              weights: { textWeight, graceDays: 1, halfLifeDays: 3, entityScale },
              threshold,
            });

// per setting and day: pair counts (similarity matrices shared across thresholds and methods)
const counts: PairCounts[][] = settings.map(() => []);
const matrices = new Map<string, Float32Array[]>();
settings.forEach((s, si) => {
  const key = `${s.lead}/${s.boost}${JSON.stringify(s.weights)}`;
  let ms = matrices.get(key);
  if (!ms) {
    ms = (featsByLead.get(s.lead) as ArticleFeatures[][]).map((f) => {
      const df = periodTerms(f, corpusShareOf(news));
      return similarityMatrix(
        f.map((x) => emphasise(x, df, s.boost)),
        s.weights,
      );
    });
    matrices.set(key, ms);
  }
  days.forEach((day, di) => {
    const n = day.docs.length;
    const groups = (s.method === "average" ? averageLinkage : singlePass)(
      n,
      ms[di] as Float32Array,
      s.threshold,
    );
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
const choose = (use: (di: number) => boolean, method?: ClusterMethod) => {
  let best = -1;
  let bestOk = -1;
  let bestValue = -1;
  settings.forEach((s, si) => {
    if (method && s.method !== method) return;
    const m = prf(pooled(si, use));
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
  `lead ${s.lead} boost ${s.boost} ${s.method} text ${s.weights.textWeight} names ${s.weights.entityScale} threshold ${s.threshold}`;

for (const method of ["average", "single-pass"] as ClusterMethod[]) {
  let held = { tp: 0, fp: 0, fn: 0 };
  console.log(`\n${method}: leave one day out`);
  days.forEach((day, di) => {
    const si = choose((d) => d !== di, method);
    const c = counts[si]?.[di] as PairCounts;
    held = { tp: held.tp + c.tp, fp: held.fp + c.fp, fn: held.fn + c.fn };
    console.log(`  ${day.date}: ${fmt(c)}   (chosen on the others: ${describe(settings[si] as Setting)})`);
  });
  console.log(`  held-out pooled: ${fmt(held)}`);
  const all = choose(() => true, method);
  console.log(`  on all days: ${fmt(pooled(all, () => true))} with ${describe(settings[all] as Setting)}`);
}
const final = settings[choose(() => true)] as Setting;
const live = settings[choose(() => true, "single-pass")] as Setting;
console.log(`\nchosen: ${describe(final)}`);

// importance weights: the clusters of the chosen setting, ranked by each weight vector
const feats = featsByLead.get(final.lead) as ArticleFeatures[][];
const groupsOf = days.map((day, di) => {
  const m = (matrices.get(`${final.lead}/${final.boost}${JSON.stringify(final.weights)}`) as Float32Array[])[
    di
  ] as Float32Array;
  const g = (final.method === "average" ? averageLinkage : singlePass)(day.docs.length, m, final.threshold);
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

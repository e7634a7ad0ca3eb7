// Chooses the clustering a briefing uses inside each of its topic's weeks. A briefing clusters the
// articles chosen for a topic, so every one of them shares the topic's words: the period emphasis
// and local rarity of the digest (which compare a period with the corpus and the weeks before) are
// off there, and the similarity scale changes with them — the digest's threshold does not carry
// over. This script scores that setting (no emphasis, no local rarity) on the labelled days
// (bench/data/stories/), whose crisis days are the closest to a topic's week (one theme, several
// events): for each day, the text weight, name scale and threshold chosen on the other days
// (highest pooled pairwise F1 among those with precision ≥ 0.9) are scored on it.
//   npm run tune:briefing-stories [-- --write] [--macro]   (--write stores the all-days choice;
//   --macro chooses on the days' mean precision and F1 instead of pooled pairs)
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import {
  articleFeatures,
  averageLinkage,
  type SimilarityWeights,
  similarityMatrix,
} from "../src/core/stories/index.ts";
import { ORANGESUM_PATH } from "./lib/orangesum.ts";
import { loadLabelledDays, type PairCounts, pairCounts, prf } from "./lib/story-labels.ts";

const MIN_PRECISION = 0.9;
const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);
const days = loadLabelledDays(news);

interface Setting {
  lead: number;
  weights: SimilarityWeights;
  threshold: number;
}
const settings: Setting[] = [];
for (const lead of [3, 6])
  for (const textWeight of [0.55, 0.7, 0.85, 1])
    for (const entityScale of textWeight < 1 ? [3, 6] : [3])
      for (let i = 0; i <= 40; i++)
        settings.push({
          lead,
          weights: { textWeight, graceDays: 1, halfLifeDays: 3, entityScale },
          threshold: Math.round((0.04 + i * 0.01) * 100) / 100,
        });

const matrices = new Map<string, Float32Array[]>();
const counts: PairCounts[][] = settings.map((s) => {
  const key = `${s.lead}${JSON.stringify(s.weights)}`;
  let ms = matrices.get(key);
  if (!ms) {
    ms = days.map((d) =>
      similarityMatrix(
        d.docs.map((doc) => articleFeatures(news, doc, { leadSentences: s.lead })),
        s.weights,
      ),
    );
    matrices.set(key, ms);
  }
  return days.map((d, di) =>
    pairCounts(
      averageLinkage(d.docs.length, ms[di] as Float32Array, s.threshold).map((g) =>
        g.map((k) => d.docs[k] as number),
      ),
      d.gold,
    ),
  );
});
const pooled = (si: number, use: (di: number) => boolean) =>
  (counts[si] as PairCounts[]).reduce(
    (a, c, di) => (use(di) ? { tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn } : a),
    { tp: 0, fp: 0, fn: 0 },
  );
/** Mean of the days' precision and F1: each day weighs the same, however big its one story. */
const macro = (si: number, use: (di: number) => boolean) => {
  const ms = (counts[si] as PairCounts[]).filter((_, di) => use(di)).map(prf);
  return { p: ms.reduce((n, m) => n + m.p, 0) / ms.length, f1: ms.reduce((n, m) => n + m.f1, 0) / ms.length };
};
const MACRO = process.argv.includes("--macro");
const choose = (use: (di: number) => boolean) => {
  let best = 0;
  let bestKey: [number, number] = [-1, -1];
  settings.forEach((_, si) => {
    const m = MACRO ? macro(si, use) : prf(pooled(si, use));
    const key: [number, number] = m.p >= MIN_PRECISION ? [1, m.f1] : [0, m.p];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
      best = si;
      bestKey = key;
    }
  });
  return best;
};
const describe = (s: Setting) =>
  `lead ${s.lead} text ${s.weights.textWeight} names ${s.weights.entityScale} threshold ${s.threshold}`;
const fmt = (c: PairCounts) => {
  const m = prf(c);
  return `P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f1.toFixed(3)}`;
};
let held = { tp: 0, fp: 0, fn: 0 };
console.log("briefing clustering (no period emphasis, no local rarity): leave one day out");
days.forEach((day, di) => {
  const si = choose((d) => d !== di);
  const c = counts[si]?.[di] as PairCounts;
  held = { tp: held.tp + c.tp, fp: held.fp + c.fp, fn: held.fn + c.fn };
  console.log(`  ${day.date}: ${fmt(c)}   (chosen on the others: ${describe(settings[si] as Setting)})`);
});
console.log(`  held-out pooled: ${fmt(held)}`);
const all = choose(() => true);
const final = settings[all] as Setting;
console.log(`  on all days: ${fmt(pooled(all, () => true))} with ${describe(final)}`);

if (process.argv.includes("--write")) {
  const path = resolve(fileURLToPath(import.meta.url), "../../src/core/briefing/learned-briefing-params.ts");
  const w = final.weights;
  writeFileSync(
    path,
    `// The clustering a briefing uses inside each week of its topic, written by
// \`npm run tune:briefing-stories -- --write${MACRO ? " --macro" : ""}\` (bench/tune-briefing-stories.ts) from the labelled
// days ${days.map((d) => d.date).join(", ")}${MACRO ? " (chosen on the days' mean\n// precision and F1)" : ""}. Do not edit by hand: re-run the script.
import type { ClusterParams } from "../stories/index.ts";

/** No period emphasis and no local rarity: every article of a topic's sample shares its words. */
export const BRIEFING_CLUSTER_PARAMS: ClusterParams = {
  weights: { textWeight: ${w.textWeight}, graceDays: ${w.graceDays}, halfLifeDays: ${w.halfLifeDays}, entityScale: ${w.entityScale} },
  threshold: ${final.threshold},
  features: { leadSentences: ${final.lead} },
  periodBoost: 0,
  localWindowDays: 0,
};
`,
  );
  console.log(`wrote ${path}`);
}

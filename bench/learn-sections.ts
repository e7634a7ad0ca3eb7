// Finds the archive's sections without labels and writes them as JSON to FILE (for `npm run
// train:ranker -- --sections FILE`, a screen; bench/screens/sections.ts):
// spherical k-means (bench/lib/spherical-kmeans.ts) over the title-and-lead vectors (the digest's
// features, learned-params.ts) of every article dated before HELD_OUT_FROM (the reserved days are
// not read), seeded, so the same corpus gives the same sections. One cut of the archive per k: how
// finely to cut it is not chosen on the labelled days; the ranker averages the cuts (sections.ts).
//   npm run learn:sections -- --out FILE [--k 20,40,80] [--iterations 15] [--keep 200] [--seed 18]
import { writeFileSync } from "node:fs";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { articleFeatures, LEARNED_PARAMS } from "../src/core/stories/index.ts";
import { createFlags } from "./lib/flags.ts";
import { ORANGESUM_PATH, rng } from "./lib/orangesum.ts";
import { sphericalKMeans } from "./lib/spherical-kmeans.ts";
import { HELD_OUT_FROM } from "./lib/story-labels.ts";

const flags = createFlags();
const KS = (flags.value("k") ?? "20,40,80").split(",").map(Number);
for (const k of KS) if (!(Number.isInteger(k) && k > 1)) throw new Error(`--k: ${k}?`);
const ITERATIONS = flags.number("iterations") ?? 15;
const KEEP = flags.number("keep") ?? 200;
const SEED = flags.number("seed") ?? 18;
const out = flags.value("out");
if (!out) throw new Error("--out FILE: where to write the sections (JSON)");

const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);
const docs = news.articles.flatMap((a, d) => (a.date && a.date < HELD_OUT_FROM ? [d] : []));
const vectors = docs.map((d) => articleFeatures(news, d, LEARNED_PARAMS.features).vector);
const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
const sets = KS.map((k) => {
  const t0 = Date.now();
  const { centroids, assignment } = sphericalKMeans(vectors, {
    k,
    iterations: ITERATIONS,
    random: rng(SEED),
    keep: KEEP,
  });
  const sizes = centroids.map(() => 0);
  for (const a of assignment) sizes[a] = (sizes[a] as number) + 1;
  console.log(`k ${k} (${((Date.now() - t0) / 1000).toFixed(1)} s):`);
  centroids.forEach((c, i) => {
    console.log(`  §${i} (${sizes[i]}): ${[...c.keys()].slice(0, 10).join(" ")}`);
  });
  return centroids.map((c) => Object.fromEntries([...c].map(([t, w]) => [t, r4(w)])));
});
console.log(`${docs.length} articles`);
writeFileSync(out, JSON.stringify(sets));
console.log(
  `wrote ${out}: k ${KS.join(", ")} (one cut each), ${ITERATIONS} iterations, seed ${SEED}, ${KEEP} terms per centroid`,
);

// Learns word vectors from the OrangeSum archive (bench/lib/word-vectors.ts) and prints the
// nearest neighbours of common news words, to judge them before any feature reads them:
// `node bin/run-ts.mjs bench/learn-word-vectors.ts [--corpus F] [--terms N] [--dims D] [--window W]
// [--reduction svd|projection] [--probes w1,w2] [--out F]`; `--out` writes them (JSON, bytes in
// base64, what `decodeWordVectors` reads). Same corpus and options, same file (counts, ties by
// term, seeded projection). Measured as answer-ranker features in bench/results/ranker-comparison.md
// ("semantic13"): not shipped, so no vectors are committed (the file is 1.4 MB at 10,000 × 100).
import { writeFileSync } from "node:fs";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { stemLanguage } from "../src/core/search/news-index.ts";
import { createAnalyzer } from "../src/core/text/analyzer.ts";
import { splitSentences } from "../src/core/text/sentences.ts";
import { createFlags } from "./lib/flags.ts";
import { ORANGESUM_PATH } from "./lib/orangesum.ts";
import { createWordVectors, encodeWordVectors, learnWordVectors } from "./lib/word-vectors.ts";

const flags = createFlags();
const flag = flags.value;
/** A count flag: undefined without it; anything but a positive whole number throws (not the default). */
const count = (name: string) => {
  const n = flags.number(name);
  if (n !== undefined && (!Number.isInteger(n) || n < 1))
    throw new Error(`--${name}: a positive whole number, not ${n}`);
  return n;
};
const REDUCTION = flag("reduction") ?? "svd";
if (REDUCTION !== "svd" && REDUCTION !== "projection")
  throw new Error(`--reduction: svd or projection, not ${REDUCTION}`);
const OUT = flag("out");
/** Common news words (surface forms, analysed like any text) whose neighbours are printed. */
const PROBES = (
  flag("probes") ??
  "président,mort,décédé,fondé,création,élu,victoire,gouvernement,ministre,guerre,attentat,police," +
    "football,match,entreprise,prix,hôpital,grève,élection,tribunal,film,chanteur,arrêté,condamné"
).split(",");

const t0 = performance.now();
const { articles } = await loadCorpus(flag("corpus") ?? ORANGESUM_PATH);
const analyzer = createAnalyzer();
const sentences: string[][] = [];
for (const a of articles) {
  const lang = stemLanguage(a.lang);
  sentences.push(analyzer.terms(a.title, lang));
  for (const span of splitSentences(a.body))
    sentences.push(analyzer.terms(a.body.slice(span.start, span.end), lang));
}
const t1 = performance.now();
// an option left undefined takes learnWordVectors' default
const data = learnWordVectors(() => sentences, {
  terms: count("terms"),
  contexts: count("contexts"),
  dims: count("dims"),
  window: count("window"),
  minCount: count("min-count"),
  reduction: REDUCTION,
});
const t2 = performance.now();
console.log(
  `${articles.length} articles, ${sentences.length} sentences analysed in ${((t1 - t0) / 1000).toFixed(1)} s; ` +
    `${data.terms.length} vectors × ${data.dims} learned in ${((t2 - t1) / 1000).toFixed(1)} s`,
);
const vectors = createWordVectors(data);
for (const probe of PROBES) {
  const [term] = analyzer.terms(probe, "fr");
  if (!term) continue;
  const near = vectors.neighbours(term, 8).map((n) => `${n.term} ${n.similarity.toFixed(2)}`);
  console.log(`${probe} (${term}): ${near.length ? near.join(", ") : "no vector"}`);
}
if (OUT) {
  writeFileSync(OUT, `${JSON.stringify(encodeWordVectors(data))}\n`);
  console.log(`wrote ${OUT}`);
}

// Screen (round 21, stories26): the lone-pair merges of the clustering in use (average linkage,
// or `--live` the single pass + merge, at the learned similarity) on all labelled days, down to
// similarity 0.10: for each, whether the two articles are one labelled story, the evidence spread
// of their text cosine (thin.ts) and their bodies' name agreement (body-names.ts). Tallies same /
// different lone pairs by spread band × agreement band: where a refusal of thin lone pairs would
// cost true pairs.
//   node bin/run-ts.mjs bench/screens/thin-pairs.ts [--live] [--list]
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { createNewsIndex } from "../../src/core/search/news-index.ts";
import {
  type ArticleFeatures,
  averageLinkage,
  bodyNames,
  LEARNED_LIVE_PARAMS,
  LEARNED_PARAMS,
  nameAgreement,
  singlePass,
} from "../../src/core/stories/index.ts";
import { ORANGESUM_PATH } from "../lib/orangesum.ts";
import { dayFeatures, loadLabelledDays } from "../lib/story-labels.ts";
import { evidenceSpread } from "../lib/thin-evidence.ts";

const LIVE = process.argv.includes("--live");
const params = LIVE ? LEARNED_LIVE_PARAMS : LEARNED_PARAMS;
const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);
const SPREADS = [1.25, 1.5, 1.75, 2, 2.5, Number.POSITIVE_INFINITY];
const AGREE = [0.02, 0.05, 0.1, 0.2, Number.POSITIVE_INFINITY];
const band = (x: number, edges: readonly number[]) => edges.findIndex((e) => x < e);
/** The bodies' agreement on names other than the words title and lead already share (`--beyond`). */
const beyondAgreement = (a: ArticleFeatures, b: ArticleFeatures) => {
  const drop = (m: ReadonlyMap<string, number>) =>
    new Map([...m].filter(([t]) => !(a.vector.has(t) && b.vector.has(t))));
  return nameAgreement(drop(bodyNames(news, a.doc)), drop(bodyNames(news, b.doc))) ?? 0;
};
const tally = SPREADS.map(() => AGREE.map(() => ({ same: 0, diff: 0 })));
for (const day of loadLabelledDays(news)) {
  const { feats, sim } = dayFeatures(news, day.docs, params);
  const n = feats.length;
  // the refusal hook sees every lone pair about to be merged; it refuses none
  const seen: [number, number][] = [];
  const watch = (i: number, j: number) => {
    seen.push([i, j]);
    return false;
  };
  if (LIVE) singlePass(n, sim, 0.1, params.merge ?? false, watch);
  else averageLinkage(n, sim, 0.1, undefined, watch);
  for (const [i, j] of seen) {
    const s = sim[i * n + j] as number;
    if (s < 0.1) continue;
    const a = feats[i] as ArticleFeatures;
    const b = feats[j] as ArticleFeatures;
    const spread = evidenceSpread(a, b);
    const agree = process.argv.includes("--beyond")
      ? beyondAgreement(a, b)
      : (nameAgreement(bodyNames(news, a.doc), bodyNames(news, b.doc)) ?? 0);
    const same = day.gold.get(a.doc) === day.gold.get(b.doc);
    const cell = tally[band(spread, SPREADS)]?.[band(agree, AGREE)];
    if (cell) cell[same ? "same" : "diff"]++;
    if (process.argv.includes("--list") && spread < 2)
      console.log(
        `${day.date} ${same ? "same" : "DIFF"} sim ${s.toFixed(3)} spread ${spread.toFixed(2)} agree ${agree.toFixed(3)}  ${news.articles[a.doc]?.title} || ${news.articles[b.doc]?.title}`,
      );
  }
}
console.log(`lone-pair merges at similarity ≥ 0.10 (${LIVE ? "live" : "digest"}): same / different story`);
console.log(`spread \\ body agreement: ${AGREE.map((e) => `< ${e}`).join(" | ")}`);
tally.forEach((row, si) => {
  console.log(`  < ${SPREADS[si]}: ${row.map((c) => `${c.same} / ${c.diff}`).join(" | ")}`);
});

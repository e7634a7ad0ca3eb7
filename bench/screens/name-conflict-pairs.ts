// Screen (round 21, stories26): every pair of the labelled days that shares a word only inside two
// different names (name-conflicts.ts), at the similarity in use (`--live`: the live tracker's):
// whether it is one labelled story, its similarity without and with SimilarityWeights.nameConflicts,
// and the words. Pairs below 0.08 either way are counted, not listed: what the option costs (same-story
// pairs losing similarity) and what it saves.
//   node bin/run-ts.mjs bench/screens/name-conflict-pairs.ts [--live]
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { createNewsIndex } from "../../src/core/search/news-index.ts";
import {
  type ArticleFeatures,
  LEARNED_LIVE_PARAMS,
  LEARNED_PARAMS,
  similarity,
} from "../../src/core/stories/index.ts";
import { conflictingNameWords } from "../../src/core/stories/name-conflicts.ts";
import { ORANGESUM_PATH } from "../lib/orangesum.ts";
import { dayFeatures, loadLabelledDays } from "../lib/story-labels.ts";

const params = process.argv.includes("--live") ? LEARNED_LIVE_PARAMS : LEARNED_PARAMS;
const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);
const tally = { same: 0, diff: 0, sameCrossing: 0, diffCrossing: 0 };
for (const day of loadLabelledDays(news)) {
  const { feats } = dayFeatures(news, day.docs, params);
  for (let i = 0; i < feats.length; i++)
    for (let j = i + 1; j < feats.length; j++) {
      const a = feats[i] as ArticleFeatures;
      const b = feats[j] as ArticleFeatures;
      const words = conflictingNameWords(a, b);
      if (words.length === 0) continue;
      const before = similarity(a, b, params.weights);
      const after = similarity(a, b, { ...params.weights, nameConflicts: true });
      const same = day.gold.get(a.doc) === day.gold.get(b.doc);
      tally[same ? "same" : "diff"]++;
      // crossing the threshold in use: the pair no longer links two articles by itself
      if (before >= params.threshold && after < params.threshold)
        tally[same ? "sameCrossing" : "diffCrossing"]++;
      if (Math.max(before, after) < 0.08) continue;
      console.log(
        `${day.date} ${same ? "same" : "DIFF"} ${before.toFixed(3)} → ${after.toFixed(3)} [${words.join(" ")}]  ${news.articles[a.doc]?.title} || ${news.articles[b.doc]?.title}`,
      );
    }
}
console.log(
  `pairs sharing a word only inside different names: ${tally.same} same story, ${tally.diff} different; falling below the threshold ${params.threshold}: ${tally.sameCrossing} same, ${tally.diffCrossing} different`,
);

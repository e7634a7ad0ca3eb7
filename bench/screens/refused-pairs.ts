// Screen (round 20, stories24): every pair of a labelled day (digest similarity ≥ 0.12) that the
// refusal of apart title actors of any kind with the bodies' witness (apart.ts, `any`, body
// agreement < 0.05) holds apart, marked SAME when the labels put both in one story — the refusal's
// possible recall cost (only lone pairs are refused: a pair inside a big story mostly joins it
// through the others).
//   node bin/run-ts.mjs bench/screens/refused-pairs.ts
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { createNewsIndex } from "../../src/core/search/news-index.ts";
import {
  actorKindsOf,
  apartTest,
  bodyNames,
  LEARNED_PARAMS,
  nameAgreement,
} from "../../src/core/stories/index.ts";
import { ORANGESUM_PATH } from "../lib/orangesum.ts";
import { dayFeatures, loadLabelledDays } from "../lib/story-labels.ts";

const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);
const days = loadLabelledDays(news);
const kinds = actorKindsOf(news);
const p = LEARNED_PARAMS;
for (const day of days) {
  const { raw, feats, sim } = dayFeatures(news, day.docs, p);
  const n = feats.length;
  const ap = apartTest(raw, "any", kinds.kindOf, { ceiling: 0.05, namesOf: (d) => bodyNames(news, d) });
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const s = sim[i * n + j] as number;
      if (s < 0.12 || !ap(i, j)) continue;
      const di = day.docs[i] as number,
        dj = day.docs[j] as number;
      const same = day.gold.get(di) === day.gold.get(dj);
      console.log(
        `${same ? "SAME" : "diff"} ${day.date} ${s.toFixed(2)} ${raw[i]?.titleActor?.name} / ${raw[j]?.titleActor?.name} agree ${nameAgreement(bodyNames(news, di), bodyNames(news, dj))?.toFixed(2)} | ${news.articles[di]?.title.slice(0, 60)} | ${news.articles[dj]?.title.slice(0, 60)}`,
      );
    }
}

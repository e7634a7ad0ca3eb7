// Screen (round 19, stories22): the actor kinds the archive's own wording gives (actor-kind.ts) —
// the time to count them over the archive, and the kind of each name asked, with its counts.
//   node bin/run-ts.mjs bench/screens/actor-kinds.ts NAME…
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { createNewsIndex } from "../../src/core/search/news-index.ts";
import { actorKindsOf } from "../../src/core/stories/index.ts";
import { ORANGESUM_PATH } from "../lib/orangesum.ts";

const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);
const t0 = performance.now();
const kinds = actorKindsOf(news);
console.log(`counted over ${news.articles.length} articles in ${(performance.now() - t0).toFixed(0)} ms`);
for (const name of process.argv.slice(2)) {
  const last = name.split(/\s+/u).pop() ?? name;
  console.log(`${name}: ${kinds.kindOf(name)} ${JSON.stringify(kinds.evidence(last) ?? {})}`);
}

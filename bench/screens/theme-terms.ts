// Screen (round 13, stories11): are the terms that make theme-only merges (`bac`, `chauffard`,
// `bugatti`, a first name) told apart from an event's terms by how they spread over the archive's
// days? For every pair of a labelled day whose text similarity (the digest's period emphasis, no
// local rarity) reaches the threshold, prints its shared terms with each term's articles / days
// using it in the whole archive (dispersion: articles per day it is used on — a theme is used a
// little on many days, an event a lot on few), then counts same-story and different-story pairs
// whose shared weight is carried by low-dispersion terms or by fewer than two terms (spread).
//   node bin/run-ts.mjs bench/screens/theme-terms.ts [threshold, default 0.15] [--list]
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { createNewsIndex } from "../../src/core/search/news-index.ts";
import {
  type ArticleFeatures,
  articleFeatures,
  corpusShareOf,
  emphasise,
  LEARNED_PARAMS,
  periodTerms,
} from "../../src/core/stories/index.ts";
import { ORANGESUM_PATH } from "../lib/orangesum.ts";
import { loadLabelledDays } from "../lib/story-labels.ts";

const threshold = Number(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? 0.15);
if (!(threshold > 0)) throw new Error(`threshold: a positive similarity, not ${threshold}`);
const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);
const days = loadLabelledDays(news);
const features = LEARNED_PARAMS.features ?? {};
const termDays = new Map<string, Set<string>>();
const termDocs = new Map<string, number>();
news.articles.forEach((a, d) => {
  if (!a.date) return;
  for (const t of articleFeatures(news, d, features).vector.keys()) {
    let s = termDays.get(t);
    if (!s) {
      s = new Set();
      termDays.set(t, s);
    }
    s.add(a.date.slice(0, 10));
    termDocs.set(t, (termDocs.get(t) ?? 0) + 1);
  }
});
const dispersion = (t: string) => (termDocs.get(t) ?? 0) / Math.max(1, termDays.get(t)?.size ?? 0);
const DISPERSED = [1.3, 1.5];
const tally = { same: { pairs: 0, low: [0, 0], single: 0 }, diff: { pairs: 0, low: [0, 0], single: 0 } };
for (const day of days) {
  const f = day.docs.map((d) => articleFeatures(news, d, features));
  const period = periodTerms(f, corpusShareOf(news));
  const e = f.map((x) => emphasise(x, period, LEARNED_PARAMS.periodBoost ?? 0));
  e.forEach((a: ArticleFeatures, i) => {
    for (let j = i + 1; j < e.length; j++) {
      const b = e[j] as ArticleFeatures;
      const shared: [string, number][] = [];
      for (const [t, w] of a.vector) {
        const v = b.vector.get(t);
        if (v !== undefined) shared.push([t, w * v]);
      }
      const s = shared.reduce((n, [, p]) => n + p, 0);
      if (s < threshold) continue;
      const s2 = shared.reduce((n, [, p]) => n + p * p, 0);
      const weighted = shared.reduce((n, [t, p]) => n + p * dispersion(t), 0) / s;
      const same = day.gold.get(day.docs[i] as number) === day.gold.get(day.docs[j] as number);
      const row = same ? tally.same : tally.diff;
      row.pairs++;
      DISPERSED.forEach((at, k) => {
        if (weighted < at) row.low[k] = (row.low[k] as number) + 1;
      });
      if ((s * s) / s2 < 2) row.single++;
      if (process.argv.includes("--list")) {
        shared.sort((x, y) => y[1] - x[1]);
        const terms = shared
          .filter(([, p]) => p >= 0.005)
          .map(([t, p]) => `${t}:${p.toFixed(3)}(${termDocs.get(t)}/${termDays.get(t)?.size})`);
        console.log(`${same ? "SAME" : "DIFF"} ${day.date} ${s.toFixed(3)} ${terms.join(" ")}`);
      }
    }
  });
}
for (const [name, row] of Object.entries(tally))
  console.log(
    `${name}-story pairs at similarity ≥ ${threshold}: ${row.pairs}; weighted dispersion < ${DISPERSED.join(" / < ")}: ${row.low.join(" / ")}; carried by fewer than two terms (spread < 2): ${row.single}`,
  );

// Screen (round 20, stories24): how two signals of "one event, not one theme" separate the labelled
// days' near-threshold pairs (digest similarity 0.1–0.6): the agreement of the two bodies' rare
// names (body-names.ts) and the share of the pair's shared title-and-opening evidence carried by
// words rarely shared by two same-day articles in the archive (same-day-words.ts). Prints each
// signal's distribution for same-story and other pairs, and the false-merge pairs of the failing days.
//   node bin/run-ts.mjs bench/screens/event-evidence.ts
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { createNewsIndex } from "../../src/core/search/news-index.ts";
import { bodyNames, nameAgreement } from "../../src/core/stories/body-names.ts";
import { LEARNED_PARAMS } from "../../src/core/stories/index.ts";
import { ORANGESUM_PATH } from "../lib/orangesum.ts";
import { daysTogether, eventWeight, sameDaySharesOf, termPostingsOf } from "../lib/same-day-words.ts";
import { dayFeatures, loadLabelledDays } from "../lib/story-labels.ts";

const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);
const days = loadLabelledDays(news);
const params = LEARNED_PARAMS;
const t0 = performance.now();
const shares = sameDaySharesOf(news);
console.log(
  `same-day shares counted in ${((performance.now() - t0) / 1000).toFixed(1)} s over ${shares.days} days`,
);
const SCALES = [3, 10, 30, 100];
const t1 = performance.now();
const postings = termPostingsOf(news);
console.log(`postings built in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
type Row = {
  same: boolean;
  sim: number;
  agree: number | undefined;
  agree2: (number | undefined)[];
  together: number[];
  ratio: number[];
  date: string;
  a: string;
  b: string;
};
const rows: Row[] = [];
for (const day of days) {
  const { feats, sim } = dayFeatures(news, day.docs, params);
  const n = feats.length;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const s = sim[i * n + j] as number;
      if (s < 0.1 || s > 0.6) continue;
      const di = day.docs[i] as number;
      const dj = day.docs[j] as number;
      const a = feats[i]?.vector as ReadonlyMap<string, number>;
      const b = feats[j]?.vector as ReadonlyMap<string, number>;
      const ratio = SCALES.map((k) => {
        let num = 0;
        let den = 0;
        for (const [t, w] of a) {
          const v = b.get(t);
          if (v === undefined) continue;
          den += w * v;
          num += w * v * eventWeight(shares, t, k);
        }
        return den > 0 ? num / den : 0;
      });
      const shared: [string, number][] = [];
      for (const [term, w] of a) {
        const v = b.get(term);
        if (v !== undefined) shared.push([term, w * v]);
      }
      shared.sort((x, y) => y[1] - x[1]);
      const together = [1, 2, 3, 4].map((m) =>
        daysTogether(
          postings,
          shared.slice(0, m).map((x) => x[0]),
        ),
      );
      rows.push({
        together,
        same: day.gold.get(di) === day.gold.get(dj),
        sim: s,
        agree: nameAgreement(bodyNames(news, di), bodyNames(news, dj)),
        agree2: [3000, 10000, 30000].map((c) =>
          nameAgreement(bodyNames(news, di, c), bodyNames(news, dj, c)),
        ),
        ratio,
        date: day.date,
        a: news.articles[di]?.title ?? "",
        b: news.articles[dj]?.title ?? "",
      });
    }
}
const auc = (score: (r: Row) => number | undefined) => {
  const pos = rows
    .filter((r) => r.same)
    .map(score)
    .filter((x): x is number => x !== undefined);
  const neg = rows
    .filter((r) => !r.same)
    .map(score)
    .filter((x): x is number => x !== undefined);
  let k = 0;
  for (const p of pos) for (const q of neg) k += p > q ? 1 : p === q ? 0.5 : 0;
  return `AUC ${(k / (pos.length * neg.length)).toFixed(3)} (${pos.length} same, ${neg.length} other)`;
};
console.log(
  `pairs 0.1–0.6: ${rows.filter((r) => r.same).length} same, ${rows.filter((r) => !r.same).length} other`,
);
console.log(`similarity itself: ${auc((r) => r.sim)}`);
console.log(`body names agreement: ${auc((r) => r.agree)}`);
for (const [k, c] of [3000, 10000, 30000].entries())
  console.log(`body names agreement, common ${c}: ${auc((r) => r.agree2[k])}`);
for (const ci of [0, 1])
  for (const f of [0.6, 0.8, 0.9])
    for (const a0 of [0.05, 0.1, 0.2])
      console.log(
        `sim × (${f} + ${1 - f} × min(1, agreement${ci ? " 10000" : ""} / ${a0})): ${auc((r) => r.sim * (f + (1 - f) * Math.min(1, ((ci ? r.agree2[1] : r.agree) ?? 1) / a0)))}`,
      );
for (const f of [0.5, 0.7, 0.9])
  for (const k of [1, 2])
    console.log(
      `sim × (${f} + ${1 - f} × ratio[${k}]): ${auc((r) => r.sim * (f + (1 - f) * (r.ratio[k] as number)))}`,
    );
for (const m of [0, 1, 2, 3])
  console.log(`days together, top ${m + 1}: ${auc((r) => -(r.together[m] as number))}`);
for (const m of [1, 2])
  for (const k of [5, 20, 60])
    for (const f of [0.5, 0.7, 0.85])
      console.log(
        `sim × (${f} + ${(1 - f).toFixed(2)} / (1 + D${m + 1} / ${k})): ${auc((r) => r.sim * (f + (1 - f) / (1 + (r.together[m] as number) / k)))}`,
      );
for (const [k, s] of SCALES.entries()) console.log(`same-day ratio, scale ${s}: ${auc((r) => r.ratio[k])}`);
const bins = [0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.01];
for (const [name, score] of [
  ["agreement", (r: Row) => r.agree],
  ["ratio 30", (r: Row) => r.ratio[2]],
] as const) {
  console.log(`\n${name}: bin same / other`);
  console.log(
    `  none: ${rows.filter((r) => score(r) === undefined && r.same).length} / ${rows.filter((r) => score(r) === undefined && !r.same).length}`,
  );
  for (let b = 0; b + 1 < bins.length; b++) {
    const inBin = rows.filter((r) => {
      const x = score(r);
      return x !== undefined && x >= (bins[b] as number) && x < (bins[b + 1] as number);
    });
    console.log(
      `  ${bins[b]}–${bins[b + 1]}: ${inBin.filter((r) => r.same).length} / ${inBin.filter((r) => !r.same).length}`,
    );
  }
}
if (process.argv.includes("--list"))
  for (const r of rows.filter((x) => (process.argv.includes("--same") ? x.same : !x.same) && x.sim >= 0.15))
    console.log(
      `${r.date} ${r.sim.toFixed(2)} agree ${r.agree?.toFixed(2)} D ${r.together.join("/")} ratio ${r.ratio.map((x) => x.toFixed(2)).join("/")} | ${r.a.slice(0, 50)} | ${r.b.slice(0, 50)}`,
    );

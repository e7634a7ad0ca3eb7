// Learns what makes a story lead a digest from the labelled days' front pages
// (bench/data/stories/): a pairwise logistic model (a front-page story against one that is not,
// on the same day) over the features of src/core/stories/rank-features.ts, standardised.
//   npm run train:ranker [-- --write]      (--write stores the all-days model in learned-ranker.ts)
// Prints, held out one day at a time (the L2 penalty chosen by a leave-one-day-out inside the
// training days), how many of the first five stories are on the labelled front page — on the
// bot's stories and on the labelled stories themselves (ranking alone) — against the hand-set
// importance weights. The stories are the digest's clustering (learned-params.ts).
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import {
  buildStories,
  importance,
  LEARNED_IMPORTANCE,
  RANK_FEATURES,
  type Story,
  type StoryRanker,
  standardise,
} from "../src/core/stories/index.ts";
import { fitLogistic } from "./lib/logistic.ts";
import { ORANGESUM_PATH } from "./lib/orangesum.ts";
import { frontPageHits, type LabelledDay, loadLabelledDays, majorityLabel } from "./lib/story-labels.ts";

const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);
const days = loadLabelledDays(news);
for (const d of days) for (const p of d.problems) console.log(`! ${d.date}: ${p}`);

interface Item {
  readonly x: number[];
  /** 5 for the day's first front-page story … 1 for its fifth, 0 off the front page. */
  readonly grade: number;
  readonly docs: readonly number[];
  readonly hand: number;
}
const itemsOf = (day: LabelledDay, stories: readonly Story[]): Item[] =>
  stories.map((s) => {
    const label = majorityLabel(s.articles, day.gold);
    const rank = label === undefined ? -1 : day.frontPage.slice(0, 5).indexOf(label);
    return {
      x: [...s.rankFeatures],
      grade: rank < 0 ? 0 : 5 - rank,
      docs: s.articles,
      hand: importance(s.signals, LEARNED_IMPORTANCE),
    };
  });
const goldGroups = (day: LabelledDay) => {
  const by = new Map<string, number[]>();
  for (const [d, l] of day.gold) by.set(l, [...(by.get(l) ?? []), d]);
  return [...by.values()];
};
// the bot's stories (the digest's clustering) and the labelled stories, per day
const bot = days.map((day) => itemsOf(day, buildStories(news, day.docs, { summarize: false })));
const gold = days.map((day) =>
  itemsOf(day, buildStories(news, day.docs, { summarize: false, groups: goldGroups(day) })),
);

const dims = RANK_FEATURES.length;
interface Model {
  mean: number[];
  scale: number[];
  weights: number[];
}
function fitRanker(train: readonly Item[][], l2: number, graded: boolean): Model {
  const all = train.flat();
  const mean = Array.from(
    { length: dims },
    (_, k) => all.reduce((s, it) => s + (it.x[k] as number), 0) / all.length,
  );
  const scale = mean.map(
    (m, k) => Math.sqrt(all.reduce((s, it) => s + ((it.x[k] as number) - m) ** 2, 0) / all.length) || 1,
  );
  const z = (it: Item) => it.x.map((v, k) => standardise(v, mean[k] as number, scale[k] as number));
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const day of train)
    for (const a of day)
      for (const b of day) {
        const better = graded ? a.grade > b.grade : a.grade > 0 && b.grade === 0;
        if (!better) continue;
        const za = z(a);
        const zb = z(b);
        const d = za.map((v, k) => v - (zb[k] as number));
        rows.push(
          d,
          d.map((v) => -v),
        );
        labels.push(1, 0);
      }
  return { mean, scale, weights: fitLogistic(rows, labels, { l2 }).weights };
}
const score = (m: Model, it: Item) =>
  it.x.reduce(
    (s, v, k) => s + (m.weights[k] as number) * ((v - (m.mean[k] as number)) / (m.scale[k] as number)),
    0,
  );
const hits = (items: readonly Item[], rank: (it: Item) => number, day: LabelledDay) =>
  frontPageHits(
    items
      .map((it, i) => ({ it, i, s: rank(it) }))
      .sort((a, b) => b.s - a.s || (a.it.docs[0] ?? 0) - (b.it.docs[0] ?? 0))
      .map(({ it }) => it.docs),
    day,
  );

const L2 = [1, 3, 10, 30, 100, 300, 1000, 3000];
const GRADED = process.argv.includes("--graded");
/** The penalty of best leave-one-day-out hits within `use` (ties: the stronger penalty). */
function chooseL2(data: Item[][], use: readonly number[]): number {
  let best = L2[0] as number;
  let bestHits = -1;
  for (const l2 of L2) {
    let h = 0;
    for (const out of use) {
      const m = fitRanker(
        use.filter((d) => d !== out).map((d) => data[d] as Item[]),
        l2,
        GRADED,
      );
      h += hits(data[out] as Item[], (it) => score(m, it), days[out] as LabelledDay);
    }
    if (h >= bestHits) {
      bestHits = h;
      best = l2;
    }
  }
  return best;
}

const idx = days.map((_, i) => i);
for (const [name, data] of [
  ["bot stories (digest clustering)", bot],
  ["labelled stories (ranking alone)", gold],
] as const) {
  console.log(`\n${name}: front-page stories among the first five, held out one day at a time`);
  let learned = 0;
  let hand = 0;
  for (const di of idx) {
    const others = idx.filter((d) => d !== di);
    const l2 = chooseL2(data as Item[][], others);
    const m = fitRanker(
      others.map((d) => data[d] as Item[]),
      l2,
      GRADED,
    );
    const day = days[di] as LabelledDay;
    const h = hits(data[di] as Item[], (it) => score(m, it), day);
    const hh = hits(data[di] as Item[], (it) => it.hand, day);
    learned += h;
    hand += hh;
    console.log(`  ${day.date}: learned ${h}/5 (l2 ${l2}) · hand-set importance ${hh}/5`);
  }
  console.log(
    `  held-out total: learned ${learned}/${5 * days.length} · hand-set ${hand}/${5 * days.length}`,
  );
}

const l2 = chooseL2(bot, idx);
const final = fitRanker(bot, l2, GRADED);
const inSample = idx.reduce(
  (n, di) => n + hits(bot[di] as Item[], (it) => score(final, it), days[di] as LabelledDay),
  0,
);
console.log(`\nall days (l2 ${l2}): in-sample ${inSample}/${5 * days.length}`);
RANK_FEATURES.forEach((f, k) => {
  console.log(`  ${f.padEnd(15)} ${(final.weights[k] as number).toFixed(3)}`);
});

if (process.argv.includes("--write")) {
  const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
  const ranker: StoryRanker = {
    features: [...RANK_FEATURES],
    mean: final.mean.map(r4),
    scale: final.scale.map(r4),
    weights: final.weights.map(r4),
  };
  const path = resolve(fileURLToPath(import.meta.url), "../../src/core/stories/learned-ranker.ts");
  writeFileSync(
    path,
    `// The story ranker in use, written by \`npm run train:ranker -- --write\` (bench/train-story-ranker.ts)
// from the front pages of the labelled days ${days.map((d) => d.date).join(", ")}
// (pairwise logistic, L2 ${l2}${GRADED ? ", graded" : ""}); held-out figures in bench/results/stories.md.
// Do not edit by hand: re-run the script. Empty = rank by the hand-weighted importance signals.
import type { StoryRanker } from "./rank-features.ts";

export const LEARNED_RANKER: StoryRanker = ${JSON.stringify(ranker, null, 2).replace(/"(\w+)":/g, "$1:")};
`,
  );
  console.log(`wrote ${path}`);
}

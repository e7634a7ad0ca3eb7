// Screen (round 17, stories19): the structure of the digest's clustering, at the similarity in use
// (learned-params.ts; `--live`: the live tracker's, single pass + merge). `--errors` lists every
// labelled day failing the bound (P ≥ 0.9 and F1 ≥ 0.8) at the threshold in use: each bot story
// holding two labelled stories (its articles, their labels, the pair similarities between them)
// and each labelled story split (`--variant NAME --p a,b --t x`: a variant's instead). `--stats`
// counts the pairs of similarity 0.1–0.5 by whether their names are shared, in conflict or absent.
// Otherwise each variant of bench/screens/cluster-variants.ts (or those named) is run over a grid of
// its parameters × thresholds 0.08–0.24 and judged held out one day at a time: on each day, the
// variant's setting (parameters and threshold) chosen on the other days by the tuner's rule (best
// pooled F1 with pooled precision ≥ 0.9) — the baseline being the threshold alone chosen the same
// way — with a 90 % day bootstrap of the pooled F1 difference against the baseline. ~1 minute.
//   node bin/run-ts.mjs bench/screens/cluster-structure.ts [--live] [--errors | --stats] [--grid] [VARIANT…]
// --grid also prints each setting near the threshold in use in sample (all days): pooled P / R / F1, days meeting.
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { createNewsIndex } from "../../src/core/search/news-index.ts";
import {
  type ArticleFeatures,
  type ClusterParams,
  LEARNED_LIVE_PARAMS,
  LEARNED_PARAMS,
} from "../../src/core/stories/index.ts";
import { countTable, leaveOneDayOut, meets } from "../lib/nested-choice.ts";
import { ORANGESUM_PATH } from "../lib/orangesum.ts";
import {
  addCounts,
  dayFeatures,
  type LabelledDay,
  loadLabelledDays,
  NO_PAIRS,
  type PairCounts,
  pairCounts,
  prf,
} from "../lib/story-labels.ts";
import { actorClass, crossClass, headClass, VARIANTS, type Variant } from "./cluster-variants.ts";

const LIVE = process.argv.includes("--live");
const params: ClusterParams = LIVE ? LEARNED_LIVE_PARAMS : LEARNED_PARAMS;
const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);
const days = loadLabelledDays(news);

export interface DayData {
  readonly day: LabelledDay;
  readonly feats: ArticleFeatures[];
  readonly sim: Float32Array;
}
const data: DayData[] = days.map((day) => {
  const { feats, sim } = dayFeatures(news, day.docs, params);
  return { day, feats, sim };
});
const title = (doc: number) => news.articles[doc]?.title ?? "";

if (process.argv.includes("--errors")) {
  // `--variant NAME --p a,b --t x`: a variant's errors instead of the baseline's
  const vi = process.argv.indexOf("--variant");
  const base = (vi > 0 ? VARIANTS.find((v) => v.name === process.argv[vi + 1]) : VARIANTS[0]) as Variant;
  const pi = process.argv.indexOf("--p");
  const p = pi > 0 ? (process.argv[pi + 1] as string).split(",").map(Number) : (base.grid[0] as number[]);
  const ti = process.argv.indexOf("--t");
  const t = ti > 0 ? Number(process.argv[ti + 1]) : params.threshold;
  for (const d of data) {
    const groups = base.run(d, t, p, news, LIVE);
    const c = pairCounts(
      groups.map((g) => g.map((k) => d.day.docs[k] as number)),
      d.day.gold,
    );
    const m = prf(c);
    if (meets(c, 0.9)) continue;
    console.log(`\n== ${d.day.date}: P ${m.p.toFixed(2)} R ${m.r.toFixed(2)} F1 ${m.f1.toFixed(2)}`);
    const n = d.day.docs.length;
    const label = (k: number) => d.day.gold.get(d.day.docs[k] as number) ?? "";
    // stories20: the pairs whose title actors are apart and do not name each other (crossClass)
    const crossOf = crossClass(news, d, true);
    const cross = (a: number, b: number) => crossOf(a, b) === 1;
    for (const g of groups) {
      const labels = new Set(g.map(label));
      if (labels.size < 2) continue;
      console.log(`  bot story of ${g.length}, ${labels.size} labelled stories:`);
      for (const k of g)
        console.log(`    [${k}] {${label(k).slice(0, 40)}} ${title(d.day.docs[k] as number)}`);
      for (const a of g)
        for (const b of g)
          if (a < b && label(a) !== label(b))
            console.log(
              `      ${a}–${b} ${(d.sim[a * n + b] as number).toFixed(3)} (different${cross(a, b) ? ", actors apart" : ""})`,
            );
      for (const a of g)
        for (const b of g)
          if (a < b && label(a) === label(b))
            console.log(
              `      ${a}–${b} ${(d.sim[a * n + b] as number).toFixed(3)} (same${cross(a, b) ? ", actors apart" : ""})`,
            );
    }
    const botOf = new Map<number, number>();
    groups.forEach((g, gi) => {
      for (const k of g) botOf.set(k, gi);
    });
    const byLabel = new Map<string, number[]>();
    for (let k = 0; k < n; k++) byLabel.set(label(k), [...(byLabel.get(label(k)) ?? []), k]);
    for (const [l, ks] of byLabel) {
      const bots = new Set(ks.map((k) => botOf.get(k)));
      if (bots.size < 2) continue;
      console.log(`  split: {${l.slice(0, 50)}} in ${bots.size} bot stories`);
      for (const k of ks) console.log(`    [${k}] bot ${botOf.get(k)} ${title(d.day.docs[k] as number)}`);
      for (const a of ks)
        for (const b of ks)
          if (a < b && botOf.get(a) !== botOf.get(b))
            console.log(`      ${a}–${b} ${(d.sim[a * n + b] as number).toFixed(3)}`);
    }
  }
  process.exit(0);
}

if (process.argv.includes("--stats")) {
  // pairs of similarity 0.1–0.5 by name class (0 shared, 1 conflict, 2 a side without a name)
  for (const [name, of] of [
    ["actor", (d: DayData) => actorClass(news, d)],
    ["actor (title)", (d: DayData) => actorClass(news, d, true)],
    ["head names", (d: DayData) => headClass(news, d)],
    ["actor-cross (0 / 1 = conflict)", (d: DayData) => crossClass(news, d)],
    ["actor-cross-key (0 / 1 = conflict)", (d: DayData) => crossClass(news, d, true)],
  ] as const) {
    const tally = [0, 1, 2].map(() => ({ same: 0, diff: 0 }));
    for (const d of data) {
      const cls = of(d);
      const n = d.feats.length;
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          const s = d.sim[i * n + j] as number;
          if (s < 0.1 || s > 0.5) continue;
          const same = d.day.gold.get(d.day.docs[i] as number) === d.day.gold.get(d.day.docs[j] as number);
          const t = tally[cls(i, j)] as { same: number; diff: number };
          if (same) t.same++;
          else t.diff++;
        }
    }
    console.log(
      `${name}: ${tally.map((t, c) => `${["shared", "conflict", "no name"][c]} same ${t.same} diff ${t.diff}`).join("; ")}`,
    );
  }
  process.exit(0);
}

const THRESHOLDS = Array.from({ length: 17 }, (_, i) => Math.round((0.08 + i * 0.01) * 100) / 100);
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
/** The baseline's held-out counts per day, for the paired day bootstrap of each variant. */
let baseHeld: PairCounts[] | undefined;
/** Pooled F1 of the picked days' counts. */
const pooledF1 = (cs: readonly PairCounts[], pick: readonly number[]) =>
  prf(pick.reduce((a, i) => addCounts(a, cs[i] as PairCounts), NO_PAIRS)).f1;
/** 90 % interval of the held-out pooled F1 difference over days resampled with replacement (seeded). */
function bootstrap(a: readonly PairCounts[], b: readonly PairCounts[]): [number, number] {
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const diffs: number[] = [];
  for (let r = 0; r < 2000; r++) {
    const pick = a.map(() => Math.floor(rand() * a.length));
    diffs.push(pooledF1(a, pick) - pooledF1(b, pick));
  }
  diffs.sort((x, y) => x - y);
  return [diffs[100] as number, diffs[1899] as number];
}
for (const v of VARIANTS) {
  if (only.length > 0 && !only.includes(v.name) && v.name !== "baseline") continue;
  const settings: { t: number; p: number[] }[] = [];
  for (const p of v.grid) for (const t of THRESHOLDS) settings.push({ t, p });
  const counts: PairCounts[][] = settings.map((s) =>
    data.map((d) =>
      pairCounts(
        v.run(d, s.t, s.p, news, LIVE).map((g) => g.map((k) => d.day.docs[k] as number)),
        d.day.gold,
      ),
    ),
  );
  if (process.argv.includes("--grid"))
    // every setting in sample (all days): pooled figures and days meeting the floor
    settings.forEach((s, si) => {
      const cs = counts[si] as PairCounts[];
      const q = prf(cs.reduce(addCounts, NO_PAIRS));
      if (Math.abs(s.t - params.threshold) < 0.025)
        console.log(
          `  [${s.p.join(", ")}] t ${s.t}: P ${q.p.toFixed(3)} R ${q.r.toFixed(3)} F1 ${q.f1.toFixed(3)}, days ${cs.filter((c) => meets(c, 0.9)).length}`,
        );
    });
  const table = countTable(counts, "pooled", 0.9);
  const all = days.map((_, di) => di);
  const { held, picks } = leaveOneDayOut(
    table,
    settings.map((_, si) => si),
    all,
    0.9,
  );
  const perDay = days.map((d, di) => {
    const c = counts[picks.get(di) as number]?.[di] as PairCounts;
    return { date: d.date, c, met: meets(c, 0.9), s: settings[picks.get(di) as number] };
  });
  const m = prf(held);
  console.log(
    `\n${v.name}${LIVE ? " (live)" : ""}: held out P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f1.toFixed(3)}, days meeting ${perDay.filter((x) => x.met).length} of ${days.length}`,
  );
  const held_ = perDay.map((x) => x.c);
  if (!baseHeld) baseHeld = held_;
  else {
    const [lo, hi] = bootstrap(held_, baseHeld);
    console.log(`  F1 − baseline's, 90 % day bootstrap: ${lo.toFixed(3)} to ${hi.toFixed(3)}`);
  }
  const picked = new Map<string, number>();
  for (const x of perDay) {
    const k = `t ${x.s?.t} [${x.s?.p.join(", ")}]`;
    picked.set(k, (picked.get(k) ?? 0) + 1);
  }
  console.log(`  choices: ${[...picked].map(([k, n]) => `${k} ×${n}`).join("; ")}`);
  console.log(
    `  ${perDay
      .map((x) => {
        const q = prf(x.c);
        return `${x.date.slice(2)} ${q.p.toFixed(2)}/${q.f1.toFixed(2)}${x.met ? "" : "✗"}`;
      })
      .join(" ")}`,
  );
}

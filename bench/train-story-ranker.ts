// Learns what makes a story lead a digest from the labelled days' front pages
// (bench/data/stories/): a linear model over the features of src/core/stories/rank-features.ts,
// standardised, fitted pairwise (a front-page story against one that is not, on the same day; each
// day's pairs weigh as much in all as the average day's); its `words` feature is itself learned from the
// labelled stories (src/core/stories/word-weights.ts: every article of a story, the story counted once).
//   npm run train:ranker [-- --write] [--select] [--drop pastDays,words] [--show 2019-06-18,…] [--clustering FILE]
//     [--screen CANDIDATE,…] [--bot-only | --gold-only] [--no-held-out] [--headline-words] [--story-words]
//     [--items FILE] [--losses pairwise,listwise] [--word-settings 2:2,…] [--l2 …] [--no-coverage] [--pairs-as-counted]
//     [--sections FILE] [--per-day]
// --write stores the all-days model in learned-ranker.ts; --drop leaves features out (an ablation);
// --show prints those days' held-out rankings of the bot's stories (first ten) and where the front
// page's missed stories rank; --losses, --word-settings, --l2, --no-coverage and --pairs-as-counted
// change the ensemble (ablations, stories18); --dump-items FILE writes every story's features as JSON
// and stops, and --items FILE measures on those items instead of building the stories again.
// --per-day standardises every column but `words` within its day before the fit (stories23's screen).
// --sections FILE screens the headline's sections in the archive's k-means cuts (`npm run
// learn:sections -- --out FILE`) as one more column, learned like `words` (stories21).
// Prints, held out one day at a time, how many of the first five stories are on the labelled front
// page — on the bot's stories and on the labelled stories themselves (ranking alone) — against the
// hand-set importance weights. The model is the average of the models of every setting (the word
// model's smoothing and minimum days, the L2 penalty; bench/lib/ranker-ensemble.ts),
// fitted on the training days only. --select instead chooses one setting inside the training days
// by a leave-one-day-out over them (nested; the protocol of round 4). The `words` column of a
// training day is scored by a word model fitted without that day (stacked), as a new day's would be.
// The stories are the digest's clustering (learned-params.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import {
  articleFeatures,
  buildStories,
  type ClusterParams,
  fitWordWeights,
  importance,
  LEARNED_IMPORTANCE,
  LEARNED_PARAMS,
  RANK_FEATURES,
  type RankFeature,
  rankerWords,
  rankScore,
  type Story,
  type StoryRanker,
  standardise,
  type WordExample,
  wordScore,
} from "../src/core/stories/index.ts";
import { fitListwise } from "./lib/listwise.ts";
import { fitLogistic } from "./lib/logistic.ts";
import { ORANGESUM_PATH } from "./lib/orangesum.ts";
import {
  averageRankers,
  coverageNonDecreasing,
  type EnsembleMember,
  meanAndDeviation,
} from "./lib/ranker-ensemble.ts";
import { frontPageHits, type LabelledDay, loadLabelledDays, majorityLabel } from "./lib/story-labels.ts";
import { CANDIDATES } from "./screens/rank-candidates.ts";
import { type SectionSet, sectionKeys } from "./screens/sections.ts";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  // caught here, before minutes of work: `--dump-items --show …` would write a file named `--show`
  if (value === undefined || value.startsWith("--")) throw new Error(`--${name} needs a value`);
  return value;
};
const select = process.argv.includes("--select");
const shown = new Set((arg("show") ?? "").split(",").filter(Boolean));
const dropped = new Set((arg("drop") ?? "").split(",").filter(Boolean) as RankFeature[]);
for (const f of dropped) if (!RANK_FEATURES.includes(f)) throw new Error(`--drop: no feature ${f}`);
type Loss = "pairwise" | "listwise";
// pairwise only: the listwise members (rounds 4–17) cost front-page stories held out (stories18:
// 171/265 with them against 173, one day fewer); `--losses pairwise,listwise` is that ablation
// (checked before the stories are built, minutes before it is used)
const LOSSES = (arg("losses") ?? "pairwise").split(",") as Loss[];
for (const l of LOSSES) if (l !== "pairwise" && l !== "listwise") throw new Error(`--losses: no loss ${l}`);
const ABLATIONS = ["losses", "word-settings", "l2"].filter((a) => arg(a) !== undefined);
for (const flag of ["--no-coverage", "--pairs-as-counted", "--items", "--per-day"])
  if (process.argv.includes(flag)) ABLATIONS.push(flag.slice(2));
if (ABLATIONS.length && process.argv.includes("--write"))
  throw new Error(`--${ABLATIONS.join(", --")}: measurements; the model in use is the default ensemble`);
// `--screen NAME[,NAME…]`: candidate features (bench/screens/rank-candidates.ts) appended as more
// columns, judged held out by the same ensemble; a screen, never written as the model in use
const SCREENED = (arg("screen") ?? "").split(",").filter(Boolean);
// own keys only: `in` would take `toString` for a candidate
for (const c of SCREENED)
  if (!Object.hasOwn(CANDIDATES, c))
    throw new Error(`--screen: no candidate ${c} (${Object.keys(CANDIDATES).join(", ")})`);
if (SCREENED.length && process.argv.includes("--write"))
  throw new Error("--screen measures candidates; the model in use has the features of rank-features.ts");

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
  /** Stems of the headline article's title and lead (what the `words` feature scores). */
  readonly terms: readonly string[];
  /** Stems of every member's title and lead (what the word model learns from). */
  readonly memberTerms: readonly (readonly string[])[];
  /** `--sections`: the section keys (screens/sections.ts: one per cut of the archive) of the
   * headline article and of every member. */
  readonly section?: readonly string[];
  readonly memberSections?: readonly (readonly string[])[];
}
// `--sections FILE` (a screen, stories21): the headline's sections in the archive's k-means cuts
// (`npm run learn:sections -- --out FILE`, no label read) as one more column, scored like `words`
// by the front-page log-odds of its sections on the training days (stacked: a training day's
// column from the other training days)
const sectionsFile = arg("sections");
if (sectionsFile && process.argv.includes("--write"))
  throw new Error("--sections is a screen; the model in use has the features of rank-features.ts");
const SECTION_SETS = sectionsFile ? (JSON.parse(readFileSync(sectionsFile, "utf8")) as SectionSet[]) : [];
const SECTIONS = SECTION_SETS.length > 0;
const sectionKeysOf = (d: number) =>
  sectionKeys(articleFeatures(news, d, LEARNED_PARAMS.features).vector, SECTION_SETS);
/** The section model's smoothing and minimum days (word-weights.ts): as the words'. */
const SECTION_SETTING = { alpha: 1, minDays: 2 };
/** The columns of an item: the features in use, then the screened candidates (and `section`). */
const COLUMNS = [...RANK_FEATURES, ...SCREENED, ...(SECTIONS ? ["section"] : [])] as RankFeature[];
const SECTION = SECTIONS ? COLUMNS.length - 1 : -1;
const dims = COLUMNS.length;
const WORDS = RANK_FEATURES.indexOf("words");
const ARTICLES = RANK_FEATURES.indexOf("articles");
const SHARE = RANK_FEATURES.indexOf("share");
/** Day sizes on which a member must rank more coverage higher: a quiet day to the busiest (107 articles, 2020-05-07). */
const COVERAGE_DAY_SIZES = [10, 20, 40, 110];
const itemsOf = (day: LabelledDay, stories: readonly Story[]): Item[] =>
  stories.map((s) => {
    const label = majorityLabel(s.articles, day.gold);
    const rank = label === undefined ? -1 : day.frontPage.slice(0, 5).indexOf(label);
    const extra = SCREENED.map((c) =>
      (CANDIDATES[c] as (typeof CANDIDATES)[string])({
        news,
        story: s,
        period: day.docs,
        features: LEARNED_PARAMS.features ?? {},
      }),
    );
    return {
      x: [...s.rankFeatures, ...extra, ...(SECTIONS ? [0] : [])].map((v, k) =>
        dropped.has(COLUMNS[k] as RankFeature) ? 0 : v,
      ),
      ...(SECTIONS
        ? { section: sectionKeysOf(s.headline), memberSections: s.articles.map(sectionKeysOf) }
        : {}),
      grade: rank < 0 ? 0 : 5 - rank,
      docs: s.articles,
      hand: importance(s.signals, LEARNED_IMPORTANCE),
      terms: [...articleFeatures(news, s.headline, LEARNED_PARAMS.features).vector.keys()],
      memberTerms: s.articles.map((d) => [
        ...articleFeatures(news, d, LEARNED_PARAMS.features).vector.keys(),
      ]),
    };
  });
interface DumpDay {
  readonly date: string;
  readonly items: Item[];
}
const goldGroups = (day: LabelledDay) => {
  const by = new Map<string, number[]>();
  for (const [d, l] of day.gold) by.set(l, [...(by.get(l) ?? []), d]);
  return [...by.values()];
};
// the bot's stories (the digest's clustering: learned-params.ts, or with --clustering FILE each
// day's parameters chosen without it by `tune:stories -- --folds FILE`) and the labelled stories
const clusteringFile = arg("clustering");
if (process.argv.includes("--headline-words") && process.argv.includes("--write"))
  throw new Error("--headline-words is an ablation; the model in use learns its words from every article");
if (clusteringFile && process.argv.includes("--write"))
  throw new Error(
    "--clustering is for held-out figures; the model in use is fitted on the digest's own clustering",
  );
const heldOutParams = clusteringFile
  ? (JSON.parse(readFileSync(clusteringFile, "utf8")) as Record<string, ClusterParams>)
  : undefined;
// `--items FILE`: the items of an earlier `--dump-items FILE` run (same code, same clustering),
// instead of building the stories again: for held-out measurements of the fitting, and of any
// subset of the candidates that run screened (`--dump-items F --screen a,b,c` once, then `--items F
// --screen a` …: the columns are taken by name; stories23)
const itemsFile = arg("items");
if (itemsFile && sectionsFile) throw new Error("--items: --sections builds its own columns");
const dumped = itemsFile
  ? (JSON.parse(readFileSync(itemsFile, "utf8")) as { features: string[]; bot: DumpDay[]; gold: DumpDay[] })
  : undefined;
const dumpColumns = dumped
  ? COLUMNS.map((c) => {
      const k = dumped.features.indexOf(c);
      if (k < 0) throw new Error(`--items: the dump has no column ${c}`);
      return k;
    })
  : [];
const fromDump = (data: DumpDay[]): Item[][] =>
  days.map((day) => {
    const d = data.find((x) => x.date === day.date);
    if (!d) throw new Error(`--items: no ${day.date}`);
    return d.items.map((it) => ({
      ...it,
      x: dumpColumns.map((k, j) => (dropped.has(COLUMNS[j] as RankFeature) ? 0 : (it.x[k] as number))),
    }));
  });
// `--per-day` (stories23, a fitting screen): every column but `words` standardised within its day
// (mean 0, deviation 1 over the day's stories) before the fit, so that a feature's spread on a
// busy day (burst, share, echo) weighs as on a quiet one
const perDay = process.argv.includes("--per-day");
const perDayScaled = (data: Item[][]): Item[][] =>
  perDay
    ? data.map((day) => {
        const stats = Array.from({ length: dims }, (_, k) =>
          meanAndDeviation(day.map((it) => it.x[k] as number)),
        );
        return day.map((it) => ({
          ...it,
          x: it.x.map((v, k) => {
            const { mu, sd } = stats[k] as { mu: number; sd: number };
            return k === WORDS ? v : sd > 0 ? (v - mu) / sd : 0;
          }),
        }));
      })
    : data;
const bot = perDayScaled(
  dumped
    ? fromDump(dumped.bot)
    : days.map((day) => {
        const params = heldOutParams?.[day.date];
        if (heldOutParams && !params) throw new Error(`--clustering: no parameters for ${day.date}`);
        return itemsOf(
          day,
          buildStories(news, day.docs, { summarize: false, ...(params ? { params } : {}) }),
        );
      }),
);
const gold = perDayScaled(
  dumped
    ? fromDump(dumped.gold)
    : days.map((day) =>
        itemsOf(day, buildStories(news, day.docs, { summarize: false, groups: goldGroups(day) })),
      ),
);
const dumpFile = arg("dump-items");
if (dumpFile) {
  // the items as computed (features in RANK_FEATURES order, article ids), for analysis outside this script
  const out = (data: Item[][]) =>
    data.map((items, di) => ({
      date: (days[di] as LabelledDay).date,
      items: items.map((it) => ({ ...it, ids: it.docs.map((d) => news.articles[d]?.id) })),
    }));
  writeFileSync(dumpFile, JSON.stringify({ features: COLUMNS, bot: out(bot), gold: out(gold) }));
  console.log(`wrote ${dumpFile}`);
  process.exit(0);
}
// the word model learns from the labelled stories (the labels are theirs), whatever is ranked
// every member article of a labelled story is an example, weighted 1 / members: a story counts once,
// and the words of all its articles, not only its headline's, are evidence (stories15: 146/225 held
// out against 145; `--headline-words` is the headline-only word model before it, an ablation)
const wordMembers = !process.argv.includes("--headline-words");
// `--story-words`: a story's word score is the mean of its articles' (title and lead each), not its
// headline article's alone (stories17's screen; the model in use scores the headline)
const storyWords = process.argv.includes("--story-words");
if (storyWords && process.argv.includes("--write"))
  throw new Error("--story-words is a screen; src/core scores a story by its headline's words");
const itemWordScore = (w: ReadonlyMap<string, number>, it: Item) =>
  storyWords
    ? it.memberTerms.reduce((s, t) => s + wordScore(w, t), 0) / Math.max(1, it.memberTerms.length)
    : wordScore(w, it.terms);
const wordExampleMemo = new Map<number, WordExample[]>();
const wordExamples = (di: number): WordExample[] => {
  let ex = wordExampleMemo.get(di);
  if (!ex) {
    ex = dayWordExamples(di);
    wordExampleMemo.set(di, ex);
  }
  return ex;
};
const dayWordExamples = (di: number): WordExample[] =>
  (gold[di] as Item[]).flatMap((it) =>
    (wordMembers ? it.memberTerms : [it.terms]).map((terms, _, all) => ({
      terms,
      front: it.grade > 0,
      day: (days[di] as LabelledDay).date,
      weight: 1 / all.length,
    })),
  );

interface Spec {
  readonly alpha: number;
  readonly minDays: number;
  readonly loss: Loss;
}
// one word model (smoothing 1, a word seen on 2 days): the four settings of rounds 5–17 (2:2, 2:1,
// 0.5:2, 0.5:1) averaged gave the same held-out hits at four times the training time (stories18);
// `--word-settings α:minDays,…` and `--l2 p,…` are other grids, `--no-coverage` averages every
// member, none left out by the coverage check (measurements)
const WORD_SETTINGS = (arg("word-settings") ?? "1:2").split(",").map((v) => {
  const [a, m] = v.split(":").map(Number);
  if (!(a !== undefined && m !== undefined && a > 0 && m >= 0)) throw new Error(`--word-settings: ${v}?`);
  return { alpha: a, minDays: m };
});
const coverage = !process.argv.includes("--no-coverage");
// every training day's pairs weigh as much in all as the average day's: a busy day of 100 stories
// has 20 times the pairs of a quiet one, but the acceptance counts days (stories18: 173/265, 41 days,
// against 172 and 40 with each pair counted once); `--pairs-as-counted` is that ablation
const dayWeight = !process.argv.includes("--pairs-as-counted");
// ties keep the earlier setting (--select): the first word setting, pairwise
const SPECS: Spec[] = [];
for (const { alpha, minDays } of dropped.has("words") ? [{ alpha: 0, minDays: 0 }] : WORD_SETTINGS)
  for (const loss of LOSSES) SPECS.push({ alpha, minDays, loss });
const L2 = (arg("l2") ?? "0.1,0.3,1,3,10,30,100,300,1000,3000").split(",").map(Number);
for (const l2 of L2) if (!(l2 > 0)) throw new Error(`--l2: ${l2}?`);

/**
 * `data` with the `words` column scored: each day of `train` by the word model of the other
 * training days, each day of `target` by the model of all of them.
 */
function withWords(data: Item[][], train: readonly number[], target: readonly number[], spec: Spec) {
  const out = withSections(data, train, target);
  if (dropped.has("words")) return out;
  const score = (di: number, from: readonly number[]) => {
    const w = fitWordWeights(from.flatMap(wordExamples), spec);
    for (const it of out[di] as Item[]) it.x[WORDS] = itemWordScore(w, it);
  };
  for (const di of train)
    score(
      di,
      train.filter((d) => d !== di),
    );
  for (const di of target) score(di, train);
  return out;
}

const sectionExampleMemo = new Map<number, WordExample[]>();
const sectionExamples = (di: number): WordExample[] => {
  let ex = sectionExampleMemo.get(di);
  if (!ex) {
    ex = (gold[di] as Item[]).flatMap((it) =>
      (it.memberSections ?? []).map((keys, _, all) => ({
        terms: keys,
        front: it.grade > 0,
        day: (days[di] as LabelledDay).date,
        weight: 1 / all.length,
      })),
    );
    sectionExampleMemo.set(di, ex);
  }
  return ex;
};
/** A copy of `data`, with the `--sections` column scored as `withWords` scores the words. */
function withSections(data: Item[][], train: readonly number[], target: readonly number[]) {
  const out = data.map((d) => d.map((it) => ({ ...it, x: [...it.x] })));
  if (!SECTIONS) return out;
  const score = (di: number, from: readonly number[]) => {
    const w = fitWordWeights(from.flatMap(sectionExamples), SECTION_SETTING);
    for (const it of out[di] as Item[]) it.x[SECTION] = wordScore(w, it.section ?? []);
  };
  for (const di of train)
    score(
      di,
      train.filter((d) => d !== di),
    );
  for (const di of target) score(di, train);
  return out;
}

interface Model {
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
}
function fitRanker(train: readonly Item[][], l2: number, loss: Loss): Model {
  const all = train.flat();
  const mean = Array.from(
    { length: dims },
    (_, k) => all.reduce((s, it) => s + (it.x[k] as number), 0) / all.length,
  );
  const scale = mean.map(
    (m, k) => Math.sqrt(all.reduce((s, it) => s + ((it.x[k] as number) - m) ** 2, 0) / all.length) || 1,
  );
  const z = (it: Item) => it.x.map((v, k) => standardise(v, mean[k] as number, scale[k] as number));
  if (loss === "listwise")
    return {
      mean,
      scale,
      weights: fitListwise(
        train.map((day) => ({ rows: day.map(z), target: day.map((it) => (it.grade > 0 ? 1 : 0)) })),
        l2,
      ),
    };
  const rows: number[][] = [];
  const labels: number[] = [];
  const dayOf: number[] = [];
  for (const [di, day] of train.entries()) {
    const zs = day.map(z);
    for (const [i, a] of day.entries())
      for (const [j, b] of day.entries()) {
        if (!(a.grade > 0 && b.grade === 0)) continue;
        const za = zs[i] as number[];
        const zb = zs[j] as number[];
        const d = za.map((v, k) => v - (zb[k] as number));
        rows.push(
          d,
          d.map((v) => -v),
        );
        labels.push(1, 0);
        dayOf.push(di, di);
      }
  }
  if (!dayWeight) return { mean, scale, weights: fitLogistic(rows, labels, { l2 }).weights };
  const perDay = new Array<number>(train.length).fill(0);
  for (const d of dayOf) perDay[d] = (perDay[d] as number) + 1;
  const sampleWeights = dayOf.map((d) => rows.length / train.length / (perDay[d] as number));
  return { mean, scale, weights: fitLogistic(rows, labels, { l2, sampleWeights }).weights };
}
const score = (m: Model, it: Item) =>
  it.x.reduce(
    (s, v, k) => s + (m.weights[k] as number) * standardise(v, m.mean[k] as number, m.scale[k] as number),
    0,
  );
const ranked = (items: readonly Item[], rank: (it: Item) => number) =>
  items
    .map((it) => ({ it, s: rank(it) }))
    .sort((a, b) => b.s - a.s || (a.it.docs[0] ?? 0) - (b.it.docs[0] ?? 0))
    .map(({ it }) => it);
const hits = (items: readonly Item[], rank: (it: Item) => number, day: LabelledDay) =>
  frontPageHits(
    ranked(items, rank).map((it) => it.docs),
    day,
  );
/** Leave-one-day-out hits within `use` of the loss at each penalty; the best (ties: the stronger penalty). */
function chooseL2(data: Item[][], use: readonly number[], loss: Loss) {
  let best = { l2: L2[0] as number, hits: -1 };
  for (const l2 of L2) {
    let h = 0;
    for (const out of use) {
      const m = fitRanker(
        use.filter((d) => d !== out).map((d) => data[d] as Item[]),
        l2,
        loss,
      );
      h += hits(data[out] as Item[], (it) => score(m, it), days[out] as LabelledDay);
    }
    if (h >= best.hits) best = { l2, hits: h };
  }
  return best;
}

/** The setting of best leave-one-day-out hits within `use` (nothing of the other days is read;
 * ties keep the earlier setting). */
function chooseSpec(data: Item[][], use: readonly number[]) {
  let best = { spec: SPECS[0] as Spec, l2: L2[0] as number, hits: -1 };
  for (const spec of SPECS) {
    const c = chooseL2(withWords(data, use, [], spec), use, spec.loss);
    if (c.hits > best.hits) best = { spec, ...c };
  }
  return best;
}
/** Standard deviation of `m`'s scores over `items`. */
function scoreSd(m: Model, items: readonly Item[]): number {
  return meanAndDeviation(items.map((it) => score(m, it))).sd;
}

/** The average of the models of every setting, fitted on `train` (no choice among them), but those
 * whose score falls with one more article (coverageNonDecreasing); `size` = how many were averaged. */
/** A ranker, with the section odds of the `--sections` screen. */
type ScreenRanker = StoryRanker & { readonly sections?: Readonly<Record<string, number>> };
const sectionMaps = new WeakMap<object, ReadonlyMap<string, number>>();
const rankerSections = (r: ScreenRanker) => {
  if (!r.sections) return undefined;
  let m = sectionMaps.get(r.sections);
  if (!m) {
    m = new Map(Object.entries(r.sections));
    sectionMaps.set(r.sections, m);
  }
  return m;
};
function fitEnsemble(data: Item[][], train: readonly number[]): { ranker: ScreenRanker; size: number } {
  const members: EnsembleMember[] = [];
  // the word model's columns depend on its smoothing and minimum days, not on the loss
  const byWords = new Map<string, { items: Item[][]; words: Map<string, number> | undefined }>();
  for (const spec of SPECS) {
    const key = `${spec.alpha}/${spec.minDays}`;
    let w = byWords.get(key);
    if (!w) {
      const scored = withWords(data, train, [], spec);
      w = {
        items: train.map((d) => scored[d] as Item[]),
        words: dropped.has("words") ? undefined : fitWordWeights(train.flatMap(wordExamples), spec),
      };
      byWords.set(key, w);
    }
    const { items, words } = w;
    for (const l2 of L2) {
      const m = fitRanker(items, l2, spec.loss);
      if (coverage && !coverageNonDecreasing(m, ARTICLES, SHARE, COVERAGE_DAY_SIZES)) continue;
      members.push({ ...m, scoreSd: scoreSd(m, items.flat()), ...(words ? { words } : {}) });
    }
  }
  const averaged = averageRankers(
    COLUMNS,
    members,
    dropped.has("words") ? -1 : WORDS,
    train.flatMap((d) => data[d] as Item[]),
    itemWordScore,
  );
  // the section column of a story of another day: its sections' odds on all the training days
  const ranker: ScreenRanker = SECTIONS
    ? {
        ...averaged,
        sections: Object.fromEntries(fitWordWeights(train.flatMap(sectionExamples), SECTION_SETTING)),
      }
    : averaged;
  return { ranker, size: members.length };
}
/** A story's score under a ranker: its word score from the ranker's own word map. */
const ensembleScore = (r: ScreenRanker, it: Item) => {
  const x = [...it.x];
  if (!dropped.has("words")) x[WORDS] = itemWordScore(rankerWords(r) ?? new Map(), it);
  if (SECTIONS) x[SECTION] = wordScore(rankerSections(r), it.section ?? []);
  if (!SCREENED.length && !SECTIONS) return rankScore(r, x);
  // screened columns are not RANK_FEATURES (rankScore reads those by name): the same sum by position
  return score(r, { ...it, x });
};
const ensembleName = (size: number) =>
  `average of ${size} of ${SPECS.length * L2.length} models (${SPECS.length} setting${SPECS.length === 1 ? "" : "s"} × ${L2.length} penalties)`;

const describe = (s: Spec, l2: number) =>
  `${s.loss}, L2 ${l2}${dropped.has("words") ? "" : `, words α ${s.alpha} on ≥ ${s.minDays} days`}`;

const idx = days.map((_, i) => i);
if (dropped.size) console.log(`features left out: ${[...dropped].join(", ")}`);
if (SCREENED.length) console.log(`candidates screened: ${SCREENED.join(", ")}`);
// `--bot-only`: the bot's stories only (half the time: for screens, which are judged on them);
// `--gold-only`: the labelled stories only (the ranking alone);
// `--no-held-out`: the all-days model only (a `--write` whose held-out figures were measured by the
// same command without `--write`: the loop below does not change what is written)
const heldOut = process.argv.includes("--no-held-out")
  ? []
  : ([
      ...(process.argv.includes("--gold-only") ? [] : [["bot stories (digest clustering)", bot] as const]),
      ...(process.argv.includes("--bot-only") ? [] : [["labelled stories (ranking alone)", gold] as const]),
    ] as const);
/** Per feature: its contribution (weight × standardised value) to a story's held-out score, for the
 * shown days' missed front-page stories (ranked 6th or lower) and the stories of their first five
 * that are not on the front page; and over each day's (missed, intruder) pairs, how often the
 * feature scored the intruder higher. Why a front-page story ranked low, feature by feature. */
const blame = {
  missed: [] as number[][],
  intruders: [] as number[][],
  favoured: COLUMNS.map(() => 0),
  pairs: 0,
};
const contributions = (r: ScreenRanker, it: Item) => {
  const x = [...it.x];
  if (!dropped.has("words")) x[WORDS] = itemWordScore(rankerWords(r) ?? new Map(), it);
  if (SECTIONS) x[SECTION] = wordScore(rankerSections(r), it.section ?? []);
  return x.map(
    (v, k) => (r.weights[k] as number) * standardise(v, r.mean[k] as number, r.scale[k] as number),
  );
};
for (const [name, data] of heldOut) {
  console.log(`\n${name}: front-page stories among the first five, held out one day at a time`);
  let learned = 0;
  let hand = 0;
  let daysOk = 0;
  for (const di of idx) {
    const others = idx.filter((d) => d !== di);
    const day = days[di] as LabelledDay;
    let rank: (it: Item) => number;
    let how: string;
    if (select) {
      const { spec, l2 } = chooseSpec(data as Item[][], others);
      const scored = withWords(data as Item[][], others, [di], spec);
      const m = fitRanker(
        others.map((d) => scored[d] as Item[]),
        l2,
        spec.loss,
      );
      const its = scored[di] as Item[];
      rank = (it) => score(m, its[(data[di] as Item[]).indexOf(it)] as Item);
      how = describe(spec, l2);
    } else {
      const { ranker: r, size } = fitEnsemble(data as Item[][], others);
      rank = (it) => ensembleScore(r, it);
      how = ensembleName(size);
      if (shown.has(day.date) && data === bot) {
        const order = ranked(data[di] as Item[], rank);
        const missed = order.slice(5).filter((it) => it.grade > 0);
        const intruders = order.slice(0, 5).filter((it) => it.grade === 0);
        const cm = missed.map((it) => contributions(r, it));
        const ci = intruders.map((it) => contributions(r, it));
        blame.missed.push(...cm);
        blame.intruders.push(...ci);
        for (const a of cm)
          for (const b of ci) {
            blame.pairs++;
            a.forEach((v, k) => {
              if ((b[k] as number) > v) blame.favoured[k] = (blame.favoured[k] as number) + 1;
            });
          }
      }
    }
    const h = hits(data[di] as Item[], rank, day);
    const hh = hits(data[di] as Item[], (it) => it.hand, day);
    learned += h;
    hand += hh;
    if (h >= 3) daysOk++;
    console.log(`  ${day.date}: learned ${h}/5 (${how}) · hand-set importance ${hh}/5`);
    if (shown.has(day.date) && data === bot) {
      const order = ranked(data[di] as Item[], rank);
      for (const [r, it] of order.slice(0, 10).entries())
        console.log(
          `    ${r + 1}. ${it.grade > 0 ? `front ${6 - it.grade}` : "       "} ${it.docs.length}× ${news.articles[it.docs[0] as number]?.title}`,
        );
      // the labelled front page's stories the first five miss, and where they are
      day.frontPage.slice(0, 5).forEach((label, k) => {
        const r = order.findIndex((it) => it.grade === 5 - k);
        if (r >= 0 && r < 5) return;
        const size = [...day.gold.values()].filter((l) => l === label).length;
        console.log(
          `    missed front ${k + 1} (${size}×): ${r < 0 ? "split, no majority story" : `rank ${r + 1}`} · ${label}`,
        );
      });
    }
  }
  console.log(
    `  held-out total: learned ${learned}/${5 * days.length} (≥ 3 on ${daysOk} of ${days.length} days) · hand-set ${hand}/${5 * days.length}`,
  );
}
if (blame.pairs) {
  const mean = (rows: number[][], k: number) => rows.reduce((s, r) => s + (r[k] as number), 0) / rows.length;
  console.log(
    `\nwhy the shown days' ${blame.missed.length} missed front-page stories (ranked 6th or lower) ranked below the ${blame.intruders.length} others of their first five: mean contribution to the held-out score, and the share of the day's (missed, other) pairs the feature scored the other higher`,
  );
  COLUMNS.forEach((f, k) => {
    console.log(
      `  ${f.padEnd(15)} missed ${mean(blame.missed, k).toFixed(3).padStart(7)} · others ${mean(blame.intruders, k).toFixed(3).padStart(7)} · others higher in ${((100 * (blame.favoured[k] as number)) / blame.pairs).toFixed(0)} % of ${blame.pairs} pairs`,
    );
  });
}

let final: ScreenRanker;
let how: string;
if (select) {
  const { spec, l2 } = chooseSpec(bot, idx);
  const scored = withWords(bot, idx, [], spec);
  const m = fitRanker(scored, l2, spec.loss);
  const words = dropped.has("words")
    ? new Map<string, number>()
    : fitWordWeights(idx.flatMap(wordExamples), spec);
  final = {
    features: [...RANK_FEATURES],
    ...m,
    words: Object.fromEntries(words),
    ...(SECTIONS
      ? { sections: Object.fromEntries(fitWordWeights(idx.flatMap(sectionExamples), SECTION_SETTING)) }
      : {}),
  };
  how = describe(spec, l2);
} else {
  const e = fitEnsemble(bot, idx);
  final = e.ranker;
  how = ensembleName(e.size);
}
const inSample = idx.reduce(
  (n, di) => n + hits(bot[di] as Item[], (it) => ensembleScore(final, it), days[di] as LabelledDay),
  0,
);
console.log(`\nall days (${how}): in sample ${inSample}/${5 * days.length}`);
COLUMNS.forEach((f, k) => {
  console.log(`  ${f.padEnd(15)} ${(final.weights[k] as number).toFixed(3)}`);
});
const words = rankerWords(final) ?? new Map<string, number>();
const strongest = [...words].sort((a, b) => a[1] - b[1]);
console.log(
  `  words (${words.size}): most against ${strongest
    .slice(0, 12)
    .map(([t]) => t)
    .join(" ")}`,
);
console.log(
  `    most for ${strongest
    .slice(-12)
    .reverse()
    .map(([t]) => t)
    .join(" ")}`,
);

if (process.argv.includes("--write")) {
  const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
  const ranker: StoryRanker = {
    features: [...RANK_FEATURES],
    mean: final.mean.map(r4),
    scale: final.scale.map(r4),
    weights: final.weights.map(r4),
    words: Object.fromEntries([...words].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([t, w]) => [t, r4(w)])),
  };
  const path = resolve(fileURLToPath(import.meta.url), "../../src/core/stories/learned-ranker.ts");
  writeFileSync(
    path,
    `// The story ranker in use, written by \`npm run train:ranker -- --write\` (bench/train-story-ranker.ts)
// from the front pages of the labelled days ${days.map((d) => d.date).join(", ")}
// (${how}); held-out figures in bench/results/stories.md.
// Do not edit by hand: re-run the script. Empty = rank by the hand-weighted importance signals.
import type { StoryRanker } from "./rank-features.ts";

export const LEARNED_RANKER: StoryRanker = ${JSON.stringify(ranker, null, 2).replace(/"([A-Za-z_]\w*)":/g, "$1:")};
`,
  );
  console.log(`wrote ${path}`);
}

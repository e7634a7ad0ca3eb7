// What can tell a front-page story from a minor one, measured the same way on any corpus: how much
// of the period it fills, whether its words surge against the weeks before (news breaking) or have
// been written about all along (a magazine's routine subject), how well-known its names are, and
// how its headline reads and which words its headline uses (word-weights.ts), and how many
// institutions its headline article's body names (body-reading.ts). A linear model over
// these (learned-ranker.ts, fitted by bench/train-story-ranker.ts on the labelled days' front pages)
// turns them into a story's score. Every feature reads the period and the days before it, never
// after: a scheduled digest is built on the period's last day, when the next day's articles do not
// exist yet, so a feature reading them would be 0 for every story there while the model was fitted
// and measured with it (issue 12; bench/results/stories.md, "stories13").
import { type NewsIndex, stemLanguage } from "../search/news-index.ts";
import type { Background } from "./background.ts";
import { bodyOrganisationCount } from "./body-reading.ts";
import type { DotIndex } from "./dot-index.ts";
import type { ArticleFeatures, SparseVector } from "./features.ts";
import type { ImportanceSignals } from "./importance.ts";
import { wordScore } from "./word-weights.ts";

/** The features, in the order of a feature vector (the learned model's weights follow it). */
export const RANK_FEATURES = [
  "articles",
  "share",
  "echo",
  "entitySalience",
  "prominence",
  "burst",
  "pastEcho",
  "pastDays",
  "titleRarity",
  "titleWords",
  "quotedTitle",
  "bodyLength",
  "words",
  "bodyOrgs",
] as const;
export type RankFeature = (typeof RANK_FEATURES)[number];

/** A linear ranker over standardised features: score = Σ weight · (x − mean) / scale. */
export interface StoryRanker {
  readonly features: readonly RankFeature[];
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  /** Stem → front-page log-odds of a headline using it (the `words` feature; word-weights.ts). */
  readonly words?: Readonly<Record<string, number>>;
}

const wordMaps = new WeakMap<object, ReadonlyMap<string, number>>();
/** The ranker's word weights as a map (a record's inherited keys, `constructor`…, must not count). */
export function rankerWords(ranker: StoryRanker): ReadonlyMap<string, number> | undefined {
  const words = ranker.words;
  if (!words) return undefined;
  let m = wordMaps.get(words);
  if (!m) {
    m = new Map(Object.entries(words));
    wordMaps.set(words, m);
  }
  return m;
}

/** Similarity to a story under which an article of the weeks before is not about it. */
const PAST_FLOOR = 0.1;
// ABOUT and PERSIST_DAYS are set by hand (stories12 screened `pastDays` with these two values; no
// other is recorded in its commits or report): the ranker learns the feature's weight, not these.
// Changing one means measuring the ranker again held out (`npm run train:ranker`, against
// bench/results/stories.md). PERSIST_DAYS must stay within the background the ranker reads
// (stories.ts: the clustering's local window, else 28 days; the tuner's windows are 14 or 28).
/** Similarity to a story from which an article of the days before is about it (`pastDays`). */
const ABOUT = 0.2;
/** Days before the period over which `pastDays` counts the days that wrote about the story. */
const PERSIST_DAYS = 14;
/** Period articles a term must be in to count as the period's (one article's own words are not a surge). */
const MIN_SURGE_DOCS = 2;
const QUOTE = /["«»“”]/u;

export interface RankContext {
  readonly news: NewsIndex;
  /** The period's articles (features as clustered, before emphasis). */
  readonly period: readonly ArticleFeatures[];
  /** Term → period articles using it. */
  readonly periodDf: ReadonlyMap<string, number>;
  /** The weeks before the period, when the corpus has them. */
  readonly background?: Background;
  /** The background's vectors (in `background.docs` order), for the past echo. */
  readonly pastDots?: DotIndex;
  /** Days between each background article (same order) and the period's first day (1 = the day before). */
  readonly pastAges?: Int32Array;
  /** The ranker's word weights, for the `words` feature. */
  readonly words?: ReadonlyMap<string, number>;
}

/** Term → number of `period` articles using it. */
export function periodDocFreq(period: readonly ArticleFeatures[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const f of period) for (const t of f.vector.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

/**
 * How much the story's vocabulary surges in the period against the weeks before: its centroid's
 * terms (by squared weight, so they sum to 1) times ln(period share / background share).
 */
function burst(ctx: RankContext, centroid: ReadonlyMap<string, number>): number {
  const bg = ctx.background;
  const n = ctx.period.length;
  if (!bg || bg.size === 0 || n === 0) return 0;
  let b = 0;
  for (const [t, c] of centroid) {
    const df = ctx.periodDf.get(t) ?? 0;
    if (df < MIN_SURGE_DOCS) continue;
    const lift = df / n / ((bg.df(t) + 1) / (bg.size + 2));
    if (lift > 1) b += c * c * Math.log(lift);
  }
  return b;
}

/** Mean similarity (× 100), above a floor, of the indexed articles (the weeks before) to the story:
 * an ongoing subject scores high. */
function meanEcho(index: DotIndex | undefined, centroid: SparseVector, known?: Float64Array): number {
  if (!index || index.size === 0) return 0;
  let sum = 0;
  for (const s of known ?? index.dots(centroid)) if (s > PAST_FLOOR) sum += s - PAST_FLOOR;
  return (100 * sum) / index.size;
}

/**
 * On how many of the PERSIST_DAYS days before the period an article was about the story (log): an
 * ongoing national story (a strike, an inquiry, a reform) is written about a little every day,
 * which the mean echo weighs like one day's burst. `dots`: the story against the background.
 */
function pastDays(ages: Int32Array | undefined, dots: Float64Array | undefined): number {
  if (!ages || !dots) return 0;
  const days = new Set<number>();
  for (let i = 0; i < dots.length; i++) {
    const age = ages[i] as number;
    if ((dots[i] as number) >= ABOUT && age <= PERSIST_DAYS) days.add(age);
  }
  return Math.log1p(days.size);
}

/** The story's feature vector, in RANK_FEATURES order. */
export function rankFeatures(
  ctx: RankContext,
  members: readonly ArticleFeatures[],
  headline: number,
  centroid: ReadonlyMap<string, number>,
  sparseCentroid: SparseVector,
  signals: ImportanceSignals,
): number[] {
  const { news } = ctx;
  const article = news.articles[headline];
  const title = article?.title ?? "";
  const terms = news.analyzer.terms(title, stemLanguage(article?.lang));
  const logN = Math.log(1 + Math.max(1, news.index.docCount));
  const rarity = terms.length ? terms.reduce((s, t) => s + news.index.idf(t), 0) / terms.length / logN : 0;
  const length =
    members.reduce((s, m) => s + Math.log(1 + (news.articles[m.doc]?.body.length ?? 0)), 0) /
    Math.max(1, members.length);
  const past = ctx.pastDots && ctx.pastDots.size > 0 ? ctx.pastDots.dots(sparseCentroid) : undefined;
  const values: Record<RankFeature, number> = {
    articles: Math.log2(1 + members.length),
    share: ctx.period.length ? members.length / ctx.period.length : 0,
    echo: signals.echo,
    entitySalience: signals.entitySalience,
    prominence: signals.prominence,
    burst: burst(ctx, centroid),
    pastEcho: meanEcho(ctx.pastDots, sparseCentroid, past),
    pastDays: pastDays(ctx.pastAges, past),
    titleRarity: rarity,
    titleWords: Math.log(1 + terms.length),
    quotedTitle: QUOTE.test(title) ? 1 : 0,
    bodyLength: length,
    words: wordScore(ctx.words, members[0]?.vector.keys() ?? []),
    // the headline article's institutions, read from its whole body (body-reading.ts; stories23)
    bodyOrgs: Math.log1p(bodyOrganisationCount(news, headline)),
  };
  return RANK_FEATURES.map((k) => values[k]);
}

/** Standard deviations a feature may move the score: a corpus unlike the training days (a handful of
 * articles, where every pair is alike) must not let one feature far outside its range decide. */
export const MAX_Z = 3;

/** (v − mean) / scale, clipped to ±MAX_Z. */
export function standardise(v: number, mean: number, scale: number): number {
  return Math.max(-MAX_Z, Math.min(MAX_Z, (v - mean) / scale));
}

/**
 * The ranker's score of a feature vector (RANK_FEATURES order); features it lacks count 0.
 * Recency (0 = the period's first day, 1 = its last) cannot be learned from one-day labels: it
 * keeps the hand-set importance's exchange rate against coverage (`recencyPerDoubling` doublings
 * of a story's articles), converted to the ranker's scale by its weight on `articles`.
 */
export function rankScore(
  ranker: StoryRanker,
  x: readonly number[],
  recency = 0,
  recencyPerDoubling = 0,
): number {
  const a = ranker.features.indexOf("articles");
  let s = a >= 0 ? (recency * recencyPerDoubling * (ranker.weights[a] ?? 0)) / (ranker.scale[a] || 1) : 0;
  ranker.features.forEach((name, i) => {
    const v = x[RANK_FEATURES.indexOf(name)] ?? 0;
    s += (ranker.weights[i] ?? 0) * standardise(v, ranker.mean[i] ?? 0, ranker.scale[i] || 1);
  });
  return s;
}

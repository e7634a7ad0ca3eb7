// From a period's articles to ranked stories: cluster (see cluster.ts), then for each story its
// centroid, its most central article (the headline), its summary and its importance.
import type { NewsIndex } from "../search/news-index.ts";
import { actorKindsOf } from "./actor-kind.ts";
import { type Background, backgroundBefore } from "./background.ts";
import { bodyNames } from "./body-names.ts";
import { type ClusterMethod, type ClusterParams, clusterFeatures } from "./cluster.ts";
import { createDotIndex, type DotIndex } from "./dot-index.ts";
import { type ArticleFeatures, articleFeatures, toSparse } from "./features.ts";
import {
  entityDocCounts,
  type ImportanceSignals,
  type ImportanceWeights,
  importance,
  importanceSignals,
  type PeriodStats,
} from "./importance.ts";
import { LEARNED_IMPORTANCE, LEARNED_METHOD, LEARNED_PARAMS } from "./learned-params.ts";
import { LEARNED_RANKER } from "./learned-ranker.ts";
import {
  periodDocFreq,
  type RankContext,
  rankerWords,
  rankFeatures,
  rankScore,
  type StoryRanker,
} from "./rank-features.ts";
import { cosine, similarity } from "./similarity.ts";
import { storySummary } from "./summary.ts";

export interface Story {
  /** Doc ids (positions in `news.articles`), the most central first. */
  readonly articles: readonly number[];
  /** Doc id of the article whose title heads the story (the most central one). */
  readonly headline: number;
  /** Importance; stories are returned highest first. */
  readonly score: number;
  /** What the score is made of (coverage, prominence, recency…); a signal the weights ignore is 0. */
  readonly signals: ImportanceSignals;
  /** The ranker's inputs, in RANK_FEATURES order (rank-features.ts). */
  readonly rankFeatures: readonly number[];
  /** One or two whole sentences quoted from `summaryDoc` (empty when `summarize` is false). */
  readonly summary: readonly string[];
  readonly summaryDoc: number;
  /** Earliest and latest article dates (`YYYY-MM-DD`), when dated. */
  readonly firstDate?: string;
  readonly lastDate?: string;
  /** Distinct sources (an article without a `source` counts as its own). */
  readonly sourceCount: number;
  /** Normalised sum of its articles' title-and-lead vectors (for `centroidSimilarity`). */
  readonly centroid: ReadonlyMap<string, number>;
  /** The story's strongest index terms (centroid of titles and leads), heaviest first. */
  readonly terms: readonly string[];
  /** The rare names its articles share, heaviest first (analyzed keys, e.g. `melenchon`). */
  readonly entities: readonly string[];
}

export interface StoryOptions {
  /** `average` (default: agglomerative, average linkage) or `single-pass`. */
  method?: ClusterMethod;
  /** Similarity weights and threshold; default the learned ones (learned-params.ts). */
  params?: ClusterParams;
  /** Compute summaries (reads the central articles' sentences). Default true. */
  summarize?: boolean;
  /** Articles of the days around the period (not clustered): how much they echo a story counts
   * towards its importance (an ongoing story). Default none. */
  context?: readonly number[];
  /** Hand-weighted importance instead of the ranker (the weights of `importance.ts`). */
  importance?: ImportanceWeights;
  /** The ranker scoring stories; default the learned one (learned-ranker.ts). */
  ranker?: StoryRanker;
  /** Summaries only for the first `summarizeTop` stories (the rest get none). Default all. */
  summarizeTop?: number;
  /** Groups already formed (the live tracker's stories): docs in one keep it, the others are clustered. */
  groups?: readonly (readonly number[])[];
}

/** `options.groups` restricted to `docs`, and the docs in none of them clustered. */
function givenGroups(news: NewsIndex, docs: readonly number[], options: StoryOptions): number[][] {
  const wanted = new Set(docs);
  const out: number[][] = [];
  const placed = new Set<number>();
  for (const g of options.groups ?? []) {
    const kept = g.filter((d) => wanted.has(d) && !placed.has(d));
    for (const d of kept) placed.add(d);
    if (kept.length > 0) out.push(kept);
  }
  const rest = docs.filter((d) => !placed.has(d));
  return rest.length > 0 ? [...out, ...clusterDocs(news, rest, options)] : out;
}

/** The story groups of `docs` (each group of doc ids in input order), unranked. */
export function clusterDocs(
  news: NewsIndex,
  docs: readonly number[],
  options: StoryOptions = {},
): number[][] {
  const params = options.params ?? LEARNED_PARAMS;
  const method = options.method ?? LEARNED_METHOD;
  const feats = docs.map((d) => articleFeatures(news, d, params.features));
  // single pass reads in time order (a live feed's order), whether asked for or learned: a
  // multi-day period given out of order would otherwise open stories on later reports; ties keep
  // the input order
  const order = feats.map((_, i) => i);
  if (method === "single-pass")
    order.sort(
      (a, b) => ((feats[a] as ArticleFeatures).day ?? 0) - ((feats[b] as ArticleFeatures).day ?? 0) || a - b,
    );
  const groups = clusterFeatures(
    order.map((i) => feats[i] as ArticleFeatures),
    params,
    method,
    corpusShareOf(news),
    periodBackground(news, feats, params),
    (t) => news.index.idf(t),
    params.refuseApart ? actorKindsOf(news).kindOf : undefined,
    (doc) => bodyNames(news, doc),
  );
  return groups.map((g) =>
    g
      .map((k) => order[k] as number)
      .sort((a, b) => a - b)
      .map((i) => docs[i] as number),
  );
}

/** The days before the period's first dated article, when the parameters use local rarity. */
export function periodBackground(
  news: NewsIndex,
  feats: readonly ArticleFeatures[],
  params: ClusterParams,
): Background | undefined {
  const window = params.localWindowDays ?? 0;
  if (window <= 0) return undefined;
  const first = firstDay(news, feats);
  return first !== undefined ? backgroundBefore(news, first, window, params.features) : undefined;
}

/**
 * The first day of a period's articles dated to the day. A month-only date (`2019-12`, placed on
 * the 15th by dayNumber) is in any period of its month: counted, it would move the weeks before a
 * period after the 15th to before the 15th, so the days between were neither period nor past (the
 * background holds only articles dated to the day anyway). The Postgres source reads the same window.
 */
function firstDay(news: NewsIndex, feats: readonly ArticleFeatures[]): number | undefined {
  let first = Number.POSITIVE_INFINITY;
  for (const f of feats)
    if (f.day !== undefined && f.day < first && news.articles[f.doc]?.date?.length === 10) first = f.day;
  return Number.isFinite(first) ? first : undefined;
}

/** Days before the period the ranker compares a story with, when clustering uses none. */
const RANK_BACKGROUND_DAYS = 28;

/** The weeks before a period, with their dot index, kept for the last few periods asked (per index
 * size). Nothing after the period: see rank-features.ts. */
const pastCache = new WeakMap<
  NewsIndex,
  Map<string, { background: Background; pastDots: DotIndex; pastAges: Int32Array }>
>();
const PAST_CACHE_SIZE = 4;

function rankBackground(
  news: NewsIndex,
  period: readonly ArticleFeatures[],
  params: ClusterParams,
): { background?: Background; pastDots?: DotIndex; pastAges?: Int32Array } {
  const window = params.localWindowDays || RANK_BACKGROUND_DAYS;
  const first = firstDay(news, period);
  if (first === undefined) return {};
  let cache = pastCache.get(news);
  if (!cache) {
    cache = new Map();
    pastCache.set(news, cache);
  }
  // an article added since (live ingestion) may be dated in the window: the index size is in the key
  const key = `${first}/${window}/${params.features?.leadSentences ?? ""}/${news.articles.length}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const background = backgroundBefore(news, first, window, params.features);
  const vectors = (docs: readonly number[]) =>
    createDotIndex(docs.map((d) => articleFeatures(news, d, params.features).sparse));
  const entry = {
    background,
    pastDots: vectors(background.docs),
    // background articles are those of dated days; an undated one would be of no age (never counted)
    pastAges: Int32Array.from(background.docs, (d) => {
      const day = articleFeatures(news, d, params.features).day;
      return day === undefined ? 0x7fffffff : first - day;
    }),
  };
  if (cache.size >= PAST_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, entry);
  return entry;
}

/** Share of the corpus's articles using a term. */
export const corpusShareOf =
  (news: NewsIndex) =>
  (term: string): number =>
    news.index.docFreq(term) / Math.max(1, news.index.docCount);

/** Normalised sum of the members' vectors. */
export function centroidOf(members: readonly ArticleFeatures[]): Map<string, number> {
  const c = new Map<string, number>();
  for (const f of members) for (const [t, w] of f.vector) c.set(t, (c.get(t) ?? 0) + w);
  let norm = 0;
  for (const w of c.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of c) c.set(t, w / norm);
  return c;
}

/** Members by centrality: mean similarity to the other members (a lone article is its own centre). */
function byCentrality(members: readonly ArticleFeatures[], params: ClusterParams): ArticleFeatures[] {
  if (members.length <= 2) return [...members];
  const mean = new Map<ArticleFeatures, number>();
  for (const a of members) {
    let s = 0;
    for (const b of members) if (a !== b) s += similarity(a, b, params.weights);
    mean.set(a, s);
  }
  return [...members].sort((a, b) => (mean.get(b) as number) - (mean.get(a) as number) || a.doc - b.doc);
}

const topKeys = (m: ReadonlyMap<string, number>, n: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k]) => k);

/**
 * The stories of `docs` (doc ids of `news`, typically a period's articles), most important first.
 * Each article is in exactly one story.
 */
export function buildStories(news: NewsIndex, docs: readonly number[], options: StoryOptions = {}): Story[] {
  const params = options.params ?? LEARNED_PARAMS;
  const groups = options.groups ? givenGroups(news, docs, options) : clusterDocs(news, docs, options);
  const period = docs.map((d) => articleFeatures(news, d, params.features));
  const inPeriod = new Set(docs);
  const context = (options.context ?? [])
    .filter((d) => !inPeriod.has(d))
    .map((d) => articleFeatures(news, d, params.features));
  const ranker = options.ranker ?? LEARNED_RANKER;
  const useRanker = !options.importance && ranker.features.length > 0;
  const weights = options.importance ?? LEARNED_IMPORTANCE;
  const ctx: RankContext = {
    news,
    period,
    periodDf: periodDocFreq(period),
    ...rankBackground(news, period, params),
    ...(useRanker && ranker.words ? { words: rankerWords(ranker) } : {}),
  };
  const stats: PeriodStats = {
    dots: createDotIndex(period.map((f) => f.sparse)),
    entityDocs: entityDocCounts(period),
  };
  const drafts = groups.map((g) => {
    const members = byCentrality(
      g.map((d) => articleFeatures(news, d, params.features)),
      params,
    );
    const centroid = centroidOf(members);
    const sparse = toSparse(centroid);
    const signals = importanceSignals(news, members, sparse, period, context, undefined, stats);
    const head = members[0]?.doc ?? 0;
    const features = rankFeatures(ctx, members, head, centroid, sparse, signals);
    return {
      members,
      centroid,
      signals,
      features,
      score: useRanker
        ? rankScore(
            ranker,
            features,
            signals.recency,
            LEARNED_IMPORTANCE.recency / (LEARNED_IMPORTANCE.articles || 1),
          )
        : importance(signals, weights),
    };
  });
  drafts.sort((a, b) => b.score - a.score || (a.members[0]?.doc ?? 0) - (b.members[0]?.doc ?? 0));
  const summarizeTop = options.summarize === false ? 0 : (options.summarizeTop ?? drafts.length);
  return drafts.map((s, rank) => storyOf(news, s, rank < summarizeTop));
}

interface StoryDraft {
  readonly members: readonly ArticleFeatures[];
  readonly centroid: Map<string, number>;
  readonly signals: ImportanceSignals;
  readonly features: readonly number[];
  readonly score: number;
}

/** A scored group as a story: headline, summary (when `summarize`), dates, terms, shared names. */
function storyOf(news: NewsIndex, s: StoryDraft, summarize: boolean): Story {
  const articles = s.members.map((m) => m.doc);
  const headline = articles[0] as number;
  const summary = summarize
    ? storySummary(news, articles.slice(0, 3), s.centroid)
    : { doc: headline, sentences: [] as string[] };
  const dates = articles
    .map((d) => news.articles[d]?.date)
    .filter((d): d is string => !!d)
    .sort();
  const entities = new Map<string, number>();
  for (const m of s.members) for (const [e, w] of m.entities) entities.set(e, (entities.get(e) ?? 0) + w);
  const shared = new Map(
    [...entities].filter(
      ([e]) => s.members.length === 1 || s.members.filter((m) => m.entities.has(e)).length > 1,
    ),
  );
  return {
    articles,
    headline,
    score: s.score,
    signals: s.signals,
    rankFeatures: s.features,
    summary: summary.sentences,
    summaryDoc: summary.doc,
    ...(dates[0] ? { firstDate: dates[0] } : {}),
    ...(dates.length ? { lastDate: dates[dates.length - 1] as string } : {}),
    sourceCount: s.signals.sources,
    centroid: s.centroid,
    terms: topKeys(s.centroid, 12),
    entities: topKeys(shared, 8),
  };
}

/** Similarity of an article to a story's centroid (0–1), for callers that place one article. */
export function centroidSimilarity(
  news: NewsIndex,
  doc: number,
  centroid: ReadonlyMap<string, number>,
): number {
  return cosine(articleFeatures(news, doc, LEARNED_PARAMS.features).vector, centroid);
}

// Stories: a period's articles grouped by event (the same event or the same ongoing story) and
// ranked by importance — the unit digests and briefings are built from. Two articles are one story
// when their titles and leads are alike (TF-IDF cosine, the words the period uses far more than
// the corpus weighed up), they share rare names (a name found in a thousand articles weighs
// nothing) and they are close in time; groups are formed by average linkage, or one article at a
// time for live ingestion (`createStoryTracker`). Every parameter is learned by
// bench/tune-stories.ts (learned-params.ts). Stories are ranked by a linear front-page model
// (rank-features.ts; fitted by bench/train-story-ranker.ts into learned-ranker.ts) that reads the
// period and the weeks before it, never the days after (a scheduled digest is built on the
// period's last day). Part of the platform-free core: it must not import
// platform code (no @slack, discord.js, node-cron, better-sqlite3, storage, scheduling, ingest
// nor any adapter).
//
// API (stable, for digests and briefings):
//   buildStories(news: NewsIndex, docs: readonly number[], options?: StoryOptions): Story[]
//     — every doc in exactly one story, most important first. Story = { articles (doc ids, most
//       central first), headline (doc id of the most central), score, signals (coverage,
//       prominence, recency…), summary (1–2 whole sentences, [] past `summarizeTop`), summaryDoc,
//       firstDate?, lastDate?, sourceCount, centroid, terms (its, heaviest first), entities
//       (shared rare names) }. StoryOptions = { method?, params?, summarize?, summarizeTop?,
//       context? (docs of the surrounding days), importance? (weights) }.
//   clusterDocs(news, docs, options?): number[][] — the groups alone, unranked.
//   centroidSimilarity(news, doc, centroid) — how close an article is to a story.
//   createStoryTracker(news, options?): StoryTracker — add(doc) → { story, joined, similarity },
//     storyOf(doc), stories(), size(); stories older than its window are dropped.
//   placeLiveArticles(news, firstDoc) — ingestion's hook: the index's new docs placed in the
//     index's live tracker (startLiveStories / liveStoriesOf); digests group tracked docs by it.
export { type ActorKind, type ActorKinds, actorKindsOf, learnActorKinds } from "./actor-kind.ts";
export { APART_MODES, type ApartMode, actorsApart, apartTest, type BodyWitness } from "./apart.ts";
export { type Background, backgroundBefore, docsOfDay, localFactor } from "./background.ts";
export { bodyNames, nameAgreement, nameMass } from "./body-names.ts";
export {
  averageLinkage,
  bodyWitness,
  type ClusterMethod,
  type ClusterParams,
  clusterFeatures,
  emphasise,
  type PeriodTerms,
  periodTerms,
  similarityMatrix,
  singlePass,
} from "./cluster.ts";
export {
  type ArticleFeatures,
  articleFeatures,
  capitalisedRuns,
  dayNumber,
  dot,
  type FeatureOptions,
  type SparseVector,
  spreadDot,
  type TitleActor,
  toSparse,
} from "./features.ts";
export {
  DEFAULT_IMPORTANCE,
  type ImportanceSignals,
  type ImportanceWeights,
  importance,
  importanceSignals,
} from "./importance.ts";
export {
  LEARNED_IMPORTANCE,
  LEARNED_LIVE_PARAMS,
  LEARNED_METHOD,
  LEARNED_PARAMS,
} from "./learned-params.ts";
export { LEARNED_RANKER } from "./learned-ranker.ts";
export { liveStoriesOf, placeLiveArticles, startLiveStories } from "./live-stories.ts";
export {
  RANK_FEATURES,
  type RankFeature,
  rankerWords,
  rankScore,
  type StoryRanker,
  standardise,
} from "./rank-features.ts";
export {
  checkWeights,
  cosine,
  DEFAULT_WEIGHTS,
  type SimilarityWeights,
  sharedEntities,
  similarity,
} from "./similarity.ts";
export {
  buildStories,
  centroidOf,
  centroidSimilarity,
  clusterDocs,
  corpusShareOf,
  periodBackground,
  type Story,
  type StoryOptions,
} from "./stories.ts";
export { opensResolved, storySummary } from "./summary.ts";
export { createStoryTracker, type Placement, type StoryTracker, type TrackerOptions } from "./tracker.ts";
export { fitWordWeights, type WordExample, type WordWeightOptions, wordScore } from "./word-weights.ts";

// Stories: a period's articles grouped by event (the same event or the same ongoing story) and
// ranked by importance — the unit digests and briefings are built from. Two articles are one story
// when their titles and leads are alike (TF-IDF cosine), they share rare names (a name found in a
// thousand articles weighs nothing) and they are close in time; groups are formed by average
// linkage, or one article at a time for live ingestion (`createStoryTracker`). Part of the
// platform-free core: it must not import platform code (no @slack, discord.js, node-cron,
// better-sqlite3, storage, scheduling, ingest nor any adapter).
//
// API (stable, for digests and briefings):
//   buildStories(news: NewsIndex, docs: readonly number[], options?: StoryOptions): Story[]
//     — every doc in exactly one story, most important first; Story = { articles (doc ids, most
//       central first), headline (doc id), score, signals, summary (1–2 sentences), summaryDoc,
//       firstDate?, lastDate?, sourceCount, terms, entities }.
//   clusterDocs(news, docs, options?): number[][] — the groups alone, unranked.
//   createStoryTracker(news, options?): StoryTracker — add(doc) → { story, joined, similarity }.
export {
  averageLinkage,
  type ClusterMethod,
  type ClusterParams,
  clusterFeatures,
  similarityMatrix,
  singlePass,
} from "./cluster.ts";
export { type ArticleFeatures, articleFeatures, capitalisedRuns, dayNumber } from "./features.ts";
export {
  DEFAULT_IMPORTANCE,
  type ImportanceSignals,
  type ImportanceWeights,
  importance,
  importanceSignals,
} from "./importance.ts";
export { LEARNED_PARAMS } from "./learned-params.ts";
export { cosine, DEFAULT_WEIGHTS, type SimilarityWeights, sharedEntities, similarity } from "./similarity.ts";
export {
  buildStories,
  centroidOf,
  centroidSimilarity,
  clusterDocs,
  type Story,
  type StoryOptions,
} from "./stories.ts";
export { opensResolved, storySummary } from "./summary.ts";
export { createStoryTracker, type Placement, type StoryTracker, type TrackerOptions } from "./tracker.ts";

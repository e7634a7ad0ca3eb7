// The stories of a live feed: one story tracker per index, fed by ingestion as articles arrive
// (each joins a story or starts one, nothing of the period is regrouped), read by digests. The
// tracker is created on the first live article and starts from the index's latest days, so a new
// article can join a story that began before the process started.
import type { NewsIndex } from "../search/news-index.ts";
import { dayNumber } from "./features.ts";
import { createStoryTracker, type StoryTracker, type TrackerOptions } from "./tracker.ts";

const trackers = new WeakMap<NewsIndex, StoryTracker>();
const DEFAULT_WINDOW = 3;

/** The live tracker of `news`, if live articles reached it. */
export function liveStoriesOf(news: NewsIndex): StoryTracker | undefined {
  return trackers.get(news);
}

/**
 * The tracker of `news`, created and seeded with the articles of its latest `windowDays` days
 * (or with `seed`, docs in time order, when the feed resumes at an earlier date).
 */
export function startLiveStories(
  news: NewsIndex,
  options: TrackerOptions = {},
  seed?: readonly number[],
): StoryTracker {
  const known = trackers.get(news);
  if (known) return known;
  const tracker = createStoryTracker(news, options);
  trackers.set(news, tracker);
  if (seed) {
    for (const doc of seed) tracker.add(doc);
    return tracker;
  }
  const window = options.windowDays ?? DEFAULT_WINDOW;
  let latest = Number.NEGATIVE_INFINITY;
  const days = news.articles.map((a) => (a.date?.length === 10 ? dayNumber(a.date) : undefined));
  for (const d of days) if (d !== undefined && d > latest) latest = d;
  const latestDays = days
    .map((day, doc) => ({ day, doc }))
    .filter((x): x is { day: number; doc: number } => x.day !== undefined && latest - x.day <= window)
    .sort((a, b) => a.day - b.day || a.doc - b.doc);
  for (const { doc } of latestDays) tracker.add(doc);
  return tracker;
}

/** Place the index's docs from `firstDoc` on (just added by ingestion) in stories; returns how many joined one. */
export function placeLiveArticles(news: NewsIndex, firstDoc: number): number {
  const tracker = startLiveStories(news);
  let joined = 0;
  for (let doc = firstDoc; doc < news.articles.length; doc++) if (tracker.add(doc).joined) joined++;
  return joined;
}

// Live story tracking: each newly indexed article joins the story it is most similar to on
// average (the single-pass rule of cluster.ts) or starts one, without regrouping the period.
// Only stories active within `windowDays` and sharing at least one title-or-lead term with the
// article are compared, so the cost per article stays flat as the feed grows.
import type { NewsIndex } from "../search/news-index.ts";
import { type ClusterParams, emphasise, periodTerms } from "./cluster.ts";
import { type ArticleFeatures, articleFeatures } from "./features.ts";
import { LEARNED_LIVE_PARAMS } from "./learned-params.ts";
import { similarity } from "./similarity.ts";
import { corpusShareOf } from "./stories.ts";

export interface TrackerOptions {
  /** Default the parameters learned for single pass (learned-params.ts). */
  params?: ClusterParams;
  /** Stories with no article in this many days are closed. Default 3. */
  windowDays?: number;
  /** Members compared per story (the most recent). Default 40. */
  maxCompared?: number;
}

export interface Placement {
  /** Story number (stable for the tracker's life). */
  readonly story: number;
  /** True when the article joined an existing story, false when it started one. */
  readonly joined: boolean;
  /** Mean similarity to the story joined (0 for a new story). */
  readonly similarity: number;
}

export interface StoryTracker {
  /** Place a doc of `news` (already added to the index); placing a doc twice returns its story. */
  add(doc: number): Placement;
  storyOf(doc: number): number | undefined;
  /** Every story's doc ids, in arrival order. */
  stories(): number[][];
}

interface Tracked {
  readonly members: ArticleFeatures[];
  lastDay: number;
}

export function createStoryTracker(news: NewsIndex, options: TrackerOptions = {}): StoryTracker {
  const params = options.params ?? LEARNED_LIVE_PARAMS;
  const windowDays = options.windowDays ?? 3;
  const maxCompared = options.maxCompared ?? 40;
  const stories: Tracked[] = [];
  const byDoc = new Map<number, number>();
  const byTerm = new Map<string, Set<number>>();
  let latestDay = Number.NEGATIVE_INFINITY;
  // the period's term frequencies, over every article tracked (see ClusterParams.periodBoost)
  const period = periodTerms([], corpusShareOf(news));
  const boost = params.periodBoost ?? 0;

  function add(doc: number): Placement {
    const known = byDoc.get(doc);
    if (known !== undefined) return { story: known, joined: true, similarity: 0 };
    const raw = articleFeatures(news, doc, params.features);
    for (const t of raw.vector.keys()) period.df.set(t, (period.df.get(t) ?? 0) + 1);
    period.size++;
    const f = emphasise(raw, period, boost);
    const day = f.day ?? latestDay;
    latestDay = Math.max(latestDay, day);
    const candidates = new Set<number>();
    for (const t of f.vector.keys()) for (const s of byTerm.get(t) ?? []) candidates.add(s);
    let best = -1;
    let bestSim = params.threshold;
    for (const s of candidates) {
      const story = stories[s] as Tracked;
      if (Math.abs(story.lastDay - day) > windowDays) continue;
      const compared = story.members.slice(-maxCompared);
      let sum = 0;
      for (const m of compared) sum += similarity(f, m, params.weights);
      const mean = sum / compared.length;
      if (mean >= bestSim) {
        bestSim = mean;
        best = s;
      }
    }
    const joined = best >= 0;
    const id = joined ? best : stories.length;
    if (joined) {
      const story = stories[id] as Tracked;
      story.members.push(f);
      story.lastDay = Math.max(story.lastDay, day);
    } else stories.push({ members: [f], lastDay: Number.isFinite(day) ? day : 0 });
    byDoc.set(doc, id);
    for (const t of f.vector.keys()) {
      const set = byTerm.get(t);
      if (set) set.add(id);
      else byTerm.set(t, new Set([id]));
    }
    return { story: id, joined, similarity: joined ? bestSim : 0 };
  }

  return {
    add,
    storyOf: (doc) => byDoc.get(doc),
    stories: () => stories.map((s) => s.members.map((m) => m.doc)),
  };
}

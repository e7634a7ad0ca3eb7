// Live story tracking: each newly indexed article joins the story it is most similar to on
// average (the single-pass rule of cluster.ts) or starts one, without regrouping the period.
// Only stories active within `windowDays` and sharing at least one title-or-lead term with the
// article are compared, so the cost per article stays flat as the feed grows; stories with no
// article in the window are dropped (memory stays bounded on a feed that runs for months).
import type { NewsIndex } from "../search/news-index.ts";
import { type Background, backgroundBefore } from "./background.ts";
import { type ClusterParams, emphasise, type PeriodTerms, periodTerms } from "./cluster.ts";
import { type ArticleFeatures, articleFeatures } from "./features.ts";
import { LEARNED_LIVE_PARAMS } from "./learned-params.ts";
import { similarity } from "./similarity.ts";
import { corpusShareOf } from "./stories.ts";

export interface TrackerOptions {
  /** Default the parameters learned for single pass (learned-params.ts). */
  params?: ClusterParams;
  /** Stories with no article in this many days are closed and dropped. Default 3. */
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
  /** Story number of a doc still tracked (undefined once its story was dropped). */
  storyOf(doc: number): number | undefined;
  /** Every story still tracked: its doc ids, in arrival order. */
  stories(): number[][];
  /** Articles held (for memory checks). */
  size(): number;
}

interface Tracked {
  readonly members: ArticleFeatures[];
  lastDay: number;
}

export function createStoryTracker(news: NewsIndex, options: TrackerOptions = {}): StoryTracker {
  const params = options.params ?? LEARNED_LIVE_PARAMS;
  const windowDays = options.windowDays ?? 3;
  const maxCompared = options.maxCompared ?? 40;
  const stories = new Map<number, Tracked>();
  let nextId = 0;
  const byDoc = new Map<number, number>();
  const byTerm = new Map<string, Set<number>>();
  let latestDay = Number.NEGATIVE_INFINITY;
  // the period = the articles tracked in the window (see ClusterParams.periodBoost); its
  // background, the weeks before the article's day, is counted once per day
  const period: PeriodTerms = periodTerms([], corpusShareOf(news));
  const counted = new Map<number, ArticleFeatures>();
  const backgrounds = new Map<number, Background>();
  const idf = (t: string) => news.index.idf(t);

  function backgroundOf(day: number): Background | undefined {
    const window = params.localWindowDays ?? 0;
    if (window <= 0 || !Number.isFinite(day)) return undefined;
    let bg = backgrounds.get(day);
    if (!bg) {
      backgrounds.clear();
      bg = backgroundBefore(news, day, window, params.features);
      backgrounds.set(day, bg);
    }
    return bg;
  }

  function count(f: ArticleFeatures, by: 1 | -1): void {
    for (const t of f.vector.keys()) {
      const n = (period.df.get(t) ?? 0) + by;
      if (n > 0) period.df.set(t, n);
      else period.df.delete(t);
    }
    period.size += by;
  }

  /** Drop the stories whose last article is older than the window. */
  function evict(): void {
    for (const [id, story] of stories) {
      if (latestDay - story.lastDay <= windowDays) continue;
      stories.delete(id);
      for (const m of story.members) {
        byDoc.delete(m.doc);
        const raw = counted.get(m.doc);
        if (raw) count(raw, -1);
        counted.delete(m.doc);
        for (const t of m.vector.keys()) {
          const set = byTerm.get(t);
          set?.delete(id);
          if (set?.size === 0) byTerm.delete(t);
        }
      }
    }
  }

  function bestStory(f: ArticleFeatures, day: number): { id: number; sim: number } {
    const candidates = new Set<number>();
    for (const t of f.vector.keys()) for (const s of byTerm.get(t) ?? []) candidates.add(s);
    let best = -1;
    let bestSim = params.threshold;
    for (const s of candidates) {
      const story = stories.get(s) as Tracked;
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
    return { id: best, sim: bestSim };
  }

  function add(doc: number): Placement {
    const known = byDoc.get(doc);
    if (known !== undefined) return { story: known, joined: true, similarity: 0 };
    const raw = articleFeatures(news, doc, params.features);
    const day = raw.day ?? latestDay;
    if (day > latestDay) {
      latestDay = day;
      evict();
    }
    count(raw, 1);
    counted.set(doc, raw);
    const bg = backgroundOf(day);
    const view: PeriodTerms = bg ? { ...period, background: bg, corpusIdf: idf } : period;
    const f = emphasise(
      raw,
      view,
      params.periodBoost ?? 0,
      params.localWeight ?? 0,
      params.localLift ?? 0,
      params.shareBoost ?? false,
    );
    const { id: best, sim } = bestStory(f, day);
    const joined = best >= 0;
    const id = joined ? best : nextId++;
    const story = stories.get(id);
    if (story) {
      story.members.push(f);
      story.lastDay = Math.max(story.lastDay, day);
    } else stories.set(id, { members: [f], lastDay: Number.isFinite(day) ? day : 0 });
    byDoc.set(doc, id);
    for (const t of f.vector.keys()) {
      const set = byTerm.get(t);
      if (set) set.add(id);
      else byTerm.set(t, new Set([id]));
    }
    return { story: id, joined, similarity: joined ? sim : 0 };
  }

  return {
    add,
    storyOf: (doc) => byDoc.get(doc),
    stories: () => [...stories.values()].map((s) => s.members.map((m) => m.doc)),
    size: () => byDoc.size,
  };
}

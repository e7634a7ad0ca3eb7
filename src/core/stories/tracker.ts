// Live story tracking: each newly indexed article joins the story it is most similar to on
// average (the single-pass rule of cluster.ts) or starts one, without regrouping the period.
// Only stories active within `windowDays` and sharing at least one title-or-lead term with the
// article are compared, so the cost per article stays flat as the feed grows; stories with no
// article in the window are dropped (memory stays bounded on a feed that runs for months).
import type { NewsIndex } from "../search/news-index.ts";
import { type ActorKind, actorKindsOf } from "./actor-kind.ts";
import { type ApartMode, apartTest, type BodyWitness } from "./apart.ts";
import { type Background, backgroundBefore } from "./background.ts";
import { bodyNames } from "./body-names.ts";
import { bodyWitness, type ClusterParams, emphasise, type PeriodTerms, periodTerms } from "./cluster.ts";
import { type ArticleFeatures, articleFeatures } from "./features.ts";
import { LEARNED_LIVE_PARAMS } from "./learned-params.ts";
import { checkWeights, similarity } from "./similarity.ts";
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
  /** Story number (stable for the tracker's life, unless the story is later merged into another:
   * `storyOf` then gives the other's number). */
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
  /** Refused a lone pair of apart actors (ClusterParams.refuseApart): takes no join nor merge. */
  closed?: boolean;
}

/** What a tracker holds: its settings, the live stories and their indexes by doc and by term. */
interface TrackerState {
  readonly news: NewsIndex;
  readonly params: ClusterParams;
  readonly windowDays: number;
  readonly maxCompared: number;
  readonly stories: Map<number, Tracked>;
  nextId: number;
  readonly byDoc: Map<number, number>;
  readonly byTerm: Map<string, Set<number>>;
  latestDay: number;
  /**
   * The period = the articles tracked in the window (see ClusterParams.periodBoost); its
   * background, the weeks before the article's day, is counted once per day.
   */
  readonly period: PeriodTerms;
  readonly counted: Map<number, ArticleFeatures>;
  readonly backgrounds: Map<number, Background>;
  /** The archive's actor kinds, when the parameters refuse apart actors. */
  readonly kindOf?: (name: string) => ActorKind;
  /** The bodies' witness of apart actors (ClusterParams.apartBodyAgreement). */
  readonly body?: BodyWitness;
}

export function createStoryTracker(news: NewsIndex, options: TrackerOptions = {}): StoryTracker {
  const params = options.params ?? LEARNED_LIVE_PARAMS;
  checkWeights(params.weights);
  const body = bodyWitness(params, (doc) => bodyNames(news, doc));
  const st: TrackerState = {
    news,
    params,
    windowDays: options.windowDays ?? 3,
    maxCompared: options.maxCompared ?? 40,
    stories: new Map(),
    nextId: 0,
    byDoc: new Map(),
    byTerm: new Map(),
    latestDay: Number.NEGATIVE_INFINITY,
    period: periodTerms([], corpusShareOf(news)),
    counted: new Map(),
    backgrounds: new Map(),
    ...(params.refuseApart ? { kindOf: actorKindsOf(news).kindOf } : {}),
    ...(body ? { body } : {}),
  };
  return {
    add: (doc) => place(st, doc),
    storyOf: (doc) => st.byDoc.get(doc),
    stories: () => [...st.stories.values()].map((s) => s.members.map((m) => m.doc)),
    size: () => st.byDoc.size,
  };
}

function place(st: TrackerState, doc: number): Placement {
  const known = st.byDoc.get(doc);
  if (known !== undefined) return { story: known, joined: true, similarity: 0 };
  const raw = articleFeatures(st.news, doc, st.params.features);
  const day = raw.day ?? st.latestDay;
  if (day > st.latestDay) {
    st.latestDay = day;
    evict(st);
  }
  count(st, raw, 1);
  st.counted.set(doc, raw);
  const f = emphasised(st, raw, day);
  const { id: found, sim, near } = bestStory(st, f, day);
  // a lone article of apart actors (ClusterParams.refuseApart): both stories closed, the new
  // article in one of its own — the single pass's rule (cluster.ts singlePass)
  const refused = found >= 0 && isApart(st, f, st.stories.get(found) as Tracked, st.params.refuseApart);
  const best = refused ? -1 : found;
  const joined = best >= 0;
  const id = joined ? best : st.nextId++;
  join(st, id, f, day);
  st.byDoc.set(doc, id);
  if (refused) {
    (st.stories.get(found) as Tracked).closed = true;
    (st.stories.get(id) as Tracked).closed = true;
  }
  if (joined && st.params.merge) mergeNear(st, id, near);
  return { story: id, joined, similarity: joined ? sim : 0 };
}

/** Whether `f` and the one article of `story` are apart actors (cluster.ts ClusterParams.refuseApart). */
function isApart(st: TrackerState, f: ArticleFeatures, story: Tracked, mode: ApartMode | undefined): boolean {
  if (!mode || !st.kindOf || story.members.length !== 1) return false;
  return apartTest([story.members[0] as ArticleFeatures, f], mode, st.kindOf, st.body)(0, 1);
}

/** Mean similarity of the most recent members of two stories. */
function meanBetween(st: TrackerState, a: Tracked, b: Tracked): number {
  const from = (m: readonly ArticleFeatures[]) => Math.max(0, m.length - st.maxCompared);
  let sum = 0;
  let n = 0;
  for (let i = from(a.members); i < a.members.length; i++)
    for (let j = from(b.members); j < b.members.length; j++) {
      sum += similarity(a.members[i] as ArticleFeatures, b.members[j] as ArticleFeatures, st.params.weights);
      n++;
    }
  return n > 0 ? sum / n : 0;
}

/**
 * Fold into story `id` the stories `near` (those the new article was close to as well) whose mean
 * similarity to it has reached the threshold, best first. Only they can have: before the article
 * joined, no two stories were that close. Their articles take the story's number.
 */
function mergeNear(st: TrackerState, id: number, near: readonly number[]): void {
  const story = st.stories.get(id) as Tracked;
  const left = new Set(near.filter((h) => h !== id && st.stories.has(h) && !st.stories.get(h)?.closed));
  for (;;) {
    let other = -1;
    let top = st.params.threshold;
    for (const h of left) {
      const m = meanBetween(st, story, st.stories.get(h) as Tracked);
      if (m >= top) {
        top = m;
        other = h;
      }
    }
    if (other < 0) return;
    left.delete(other);
    const absorbed = st.stories.get(other) as Tracked;
    st.stories.delete(other);
    for (const m of absorbed.members) {
      for (const t of m.vector.keys()) {
        const set = st.byTerm.get(t);
        set?.delete(other);
        set?.add(id);
      }
      st.byDoc.set(m.doc, id);
      story.members.push(m);
    }
    story.lastDay = Math.max(story.lastDay, absorbed.lastDay);
  }
}

/** The article's features weighted against the tracked period and its day's background. */
function emphasised(st: TrackerState, raw: ArticleFeatures, day: number): ArticleFeatures {
  const { params, period } = st;
  const bg = backgroundOf(st, day);
  const view: PeriodTerms = bg
    ? { ...period, background: bg, corpusIdf: (t) => st.news.index.idf(t) }
    : period;
  return emphasise(
    raw,
    view,
    params.periodBoost ?? 0,
    params.localWeight ?? 0,
    params.localLift ?? 0,
    params.shareBoost ?? false,
  );
}

function join(st: TrackerState, id: number, f: ArticleFeatures, day: number): void {
  const story = st.stories.get(id);
  if (story) {
    story.members.push(f);
    story.lastDay = Math.max(story.lastDay, day);
  } else st.stories.set(id, { members: [f], lastDay: Number.isFinite(day) ? day : 0 });
  for (const t of f.vector.keys()) {
    const set = st.byTerm.get(t);
    if (set) set.add(id);
    else st.byTerm.set(t, new Set([id]));
  }
}

function backgroundOf(st: TrackerState, day: number): Background | undefined {
  const window = st.params.localWindowDays ?? 0;
  if (window <= 0 || !Number.isFinite(day)) return undefined;
  let bg = st.backgrounds.get(day);
  if (!bg) {
    st.backgrounds.clear();
    bg = backgroundBefore(st.news, day, window, st.params.features);
    st.backgrounds.set(day, bg);
  }
  return bg;
}

function count(st: TrackerState, f: ArticleFeatures, by: 1 | -1): void {
  const period = st.period;
  for (const t of f.vector.keys()) {
    const n = (period.df.get(t) ?? 0) + by;
    if (n > 0) period.df.set(t, n);
    else period.df.delete(t);
  }
  period.size += by;
}

/** Drop the stories whose last article is older than the window. */
function evict(st: TrackerState): void {
  for (const [id, story] of st.stories) {
    if (st.latestDay - story.lastDay <= st.windowDays) continue;
    st.stories.delete(id);
    for (const m of story.members) forget(st, id, m);
  }
}

function forget(st: TrackerState, id: number, m: ArticleFeatures): void {
  st.byDoc.delete(m.doc);
  const raw = st.counted.get(m.doc);
  if (raw) count(st, raw, -1);
  st.counted.delete(m.doc);
  for (const t of m.vector.keys()) {
    const set = st.byTerm.get(t);
    set?.delete(id);
    if (set?.size === 0) st.byTerm.delete(t);
  }
}

/** The story of best mean similarity ≥ threshold (-1: none), and every story at or above it (`near`). */
function bestStory(
  st: TrackerState,
  f: ArticleFeatures,
  day: number,
): { id: number; sim: number; near: number[] } {
  const candidates = new Set<number>();
  for (const t of f.vector.keys()) for (const s of st.byTerm.get(t) ?? []) candidates.add(s);
  let best = -1;
  let bestSim = st.params.threshold;
  const near: number[] = [];
  for (const s of candidates) {
    const story = st.stories.get(s) as Tracked;
    if (story.closed || Math.abs(story.lastDay - day) > st.windowDays) continue;
    // the most recent members, read in place (no copy: a live feed places thousands of articles)
    const members = story.members;
    const from = Math.max(0, members.length - st.maxCompared);
    let sum = 0;
    for (let i = from; i < members.length; i++)
      sum += similarity(f, members[i] as ArticleFeatures, st.params.weights);
    const mean = sum / (members.length - from);
    if (mean >= st.params.threshold) near.push(s);
    if (mean >= bestSim) {
      bestSim = mean;
      best = s;
    }
  }
  return { id: best, sim: bestSim, near };
}

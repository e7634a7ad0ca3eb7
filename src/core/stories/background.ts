// What the weeks before a period kept writing about: the share of the articles of the `windowDays`
// days before it whose title and lead use each term. In a long crisis (covid in spring 2020, the
// pension strikes of December 2019) the crisis's words are in most articles of those weeks, so they
// say nothing about which development an article reports; clustering weighs them down by this local
// rarity (see ClusterParams.localWeight) instead of the whole archive's, where they are rare.
// Counts are kept per day and per index, so a live article or a re-run digest only counts the days
// that changed.
import type { NewsIndex } from "../search/news-index.ts";
import { articleFeatures, dayNumber, type FeatureOptions } from "./features.ts";

export interface Background {
  /** Articles in the window. */
  readonly size: number;
  /** Articles of the window whose title-and-lead vector holds a term. */
  df(term: string): number;
  /** The window's docs (what a story is compared with to tell an ongoing story from a new one). */
  readonly docs: readonly number[];
}

interface DayCounts {
  readonly docs: number;
  readonly terms: Map<string, number>;
}

interface State {
  /** Articles of `news` already sorted into days. */
  seen: number;
  readonly byDay: Map<number, number[]>;
  /** Per feature setting (lead length): per day, its term counts. */
  readonly counts: Map<string, Map<number, DayCounts>>;
}

const states = new WeakMap<NewsIndex, State>();

function stateOf(news: NewsIndex): State {
  let s = states.get(news);
  if (!s) {
    s = { seen: 0, byDay: new Map(), counts: new Map() };
    states.set(news, s);
  }
  // articles added to the index since the last call are sorted into their days
  for (; s.seen < news.articles.length; s.seen++) {
    const a = news.articles[s.seen];
    const day = a?.date?.length === 10 ? dayNumber(a.date) : undefined;
    if (day === undefined) continue;
    const docs = s.byDay.get(day);
    if (docs) docs.push(s.seen);
    else s.byDay.set(day, [s.seen]);
  }
  return s;
}

function dayCounts(news: NewsIndex, state: State, day: number, features: FeatureOptions): DayCounts {
  const key = `${features.leadSentences ?? ""}/${features.commonEntityDocs ?? ""}`;
  let perDay = state.counts.get(key);
  if (!perDay) {
    perDay = new Map();
    state.counts.set(key, perDay);
  }
  const docs = state.byDay.get(day) ?? [];
  const cached = perDay.get(day);
  // a day that received articles since it was counted is counted again
  if (cached && cached.docs === docs.length) return cached;
  const terms = new Map<string, number>();
  for (const d of docs)
    for (const t of articleFeatures(news, d, features).vector.keys()) terms.set(t, (terms.get(t) ?? 0) + 1);
  const counts = { docs: docs.length, terms };
  perDay.set(day, counts);
  return counts;
}

/** The background of a period starting on `firstDay` (days since the epoch): the `windowDays` days before it. */
export function backgroundBefore(
  news: NewsIndex,
  firstDay: number,
  windowDays: number,
  features: FeatureOptions = {},
): Background {
  const state = stateOf(news);
  const days: DayCounts[] = [];
  const docs: number[] = [];
  for (let d = firstDay - windowDays; d < firstDay; d++) {
    days.push(dayCounts(news, state, d, features));
    docs.push(...(state.byDay.get(d) ?? []));
  }
  const size = days.reduce((n, c) => n + c.docs, 0);
  const memo = new Map<string, number>();
  return {
    size,
    docs,
    df: (term) => {
      let n = memo.get(term);
      if (n !== undefined) return n;
      n = 0;
      for (const c of days) n += c.terms.get(term) ?? 0;
      memo.set(term, n);
      return n;
    },
  };
}

/** The articles dated on `day` (days since the epoch), in index order. */
export function docsOfDay(news: NewsIndex, day: number): readonly number[] {
  return stateOf(news).byDay.get(day) ?? [];
}

/** Fewest background articles for the local rarity to be trusted (the archive's first days have none). */
export const MIN_BACKGROUND = 30;

/**
 * How much a term's corpus weight is kept, 0–1, raised to `localWeight`: with `localLift` 0, its
 * rarity in the background against its rarity in the corpus (`idf` in the same form); otherwise
 * the period's share of it (`periodShare`) over the background's, divided by `localLift`. Never
 * above 1, since lifting a period's own words is the period emphasis's job.
 */
export function localFactor(
  background: Background,
  term: string,
  corpusIdf: number,
  localWeight: number,
  periodShare = 0,
  localLift = 0,
): number {
  if (localWeight <= 0 || background.size < MIN_BACKGROUND || corpusIdf <= 0) return 1;
  const n = background.size;
  const f = background.df(term);
  if (localLift > 0) {
    const lift = periodShare / ((f + 1) / (n + 2));
    return Math.min(1, lift / localLift) ** localWeight;
  }
  const local = Math.log(1 + (n - f + 0.5) / (f + 0.5));
  return Math.min(1, local / corpusIdf) ** localWeight;
}

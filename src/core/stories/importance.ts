// How important a story is within its period, from signals an editor would weigh: coverage (how
// many articles, from how many sources), how much the rest of the period's titles and leads echo
// it (the event surfacing early in other articles too), how concentrated its rare names are in
// the period, and recency. Titles and leads are what `echo` compares, so an event mentioned only
// deep in another article's body does not count for it.
import type { NewsIndex } from "../search/news-index.ts";
import type { DotIndex } from "./dot-index.ts";
import { type ArticleFeatures, dot, type SparseVector } from "./features.ts";

/** What every story of a period is compared with, computed once for the period (see `periodStats`). */
export interface PeriodStats {
  /** The period's vectors, in the order of `period`. */
  readonly dots: DotIndex;
  /** Entity key → articles of the period naming it. */
  readonly entityDocs: ReadonlyMap<string, number>;
}

/** Entity counts of a period (the dot index is built by the caller, who may share it). */
export function entityDocCounts(period: readonly ArticleFeatures[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const f of period) for (const e of f.entities.keys()) count.set(e, (count.get(e) ?? 0) + 1);
  return count;
}

export interface ImportanceSignals {
  readonly articles: number;
  /** Distinct sources; an article without a `source` counts as its own. */
  readonly sources: number;
  /** Summed similarity of the period's other articles (titles and leads) to the story. */
  readonly echo: number;
  /** Share of the period's articles naming the story's most widespread rare name (0–1). */
  readonly entitySalience: number;
  /** 0 (the period's first day) to 1 (its last day). */
  readonly recency: number;
  /** Summed similarity of the articles of the surrounding days (the context) to the story: an
   * event covered before and after the period is an ongoing story, a one-off piece is not. */
  readonly continuity: number;
  /** Prominence of the best-known name its articles give (see ArticleFeatures.prominence). */
  readonly prominence: number;
}

/** One weight per signal (the signals are documented on `ImportanceSignals`). */
export type ImportanceWeights = { readonly [K in keyof ImportanceSignals]: number };

export const DEFAULT_IMPORTANCE: ImportanceWeights = {
  articles: 1,
  sources: 0.5,
  echo: 1,
  entitySalience: 2,
  recency: 0.5,
  continuity: 0,
  prominence: 0,
};

/** Echo below this similarity is noise (two unrelated articles share a few common words). */
const ECHO_FLOOR = 0.08;

export function importanceSignals(
  news: NewsIndex,
  members: readonly ArticleFeatures[],
  centroid: SparseVector,
  period: readonly ArticleFeatures[],
  context: readonly ArticleFeatures[] = [],
  /** When given, signals these weights ignore are not computed (left 0): they cost a pass over the period. */
  weights?: ImportanceWeights,
  /** The period's dot index and entity counts, when many stories of it are scored. */
  stats?: PeriodStats,
): ImportanceSignals {
  const needed = (k: keyof ImportanceWeights) => weights?.[k] !== 0;
  const inStory = new Set(members.map((m) => m.doc));
  const sources = new Set(members.map((m) => news.articles[m.doc]?.source ?? `#${m.doc}`));
  const echoOf = (docs: readonly ArticleFeatures[]) => {
    let echo = 0;
    for (const f of docs) {
      if (inStory.has(f.doc)) continue;
      const s = dot(f.sparse, centroid);
      if (s > ECHO_FLOOR) echo += s - ECHO_FLOOR;
    }
    return echo;
  };
  const echoFast = () => {
    const dots = (stats as PeriodStats).dots.dots(centroid);
    let echo = 0;
    period.forEach((f, i) => {
      const s = dots[i] as number;
      if (!inStory.has(f.doc) && s > ECHO_FLOOR) echo += s - ECHO_FLOOR;
    });
    return echo;
  };
  const echo = needed("echo") ? (stats ? echoFast() : echoOf(period)) : 0;
  const names = new Set<string>();
  for (const m of members) for (const e of m.entities.keys()) names.add(e);
  let widest = 0;
  if (needed("entitySalience") && names.size > 0 && period.length > 1) {
    const entityDocs = stats?.entityDocs ?? entityDocCounts(period);
    for (const e of names) widest = Math.max(widest, entityDocs.get(e) ?? 0);
  }
  const days = period.map((f) => f.day).filter((d): d is number => d !== undefined);
  const first = Math.min(...days);
  const last = Math.max(...days);
  const latest = Math.max(...members.map((m) => m.day ?? first));
  return {
    articles: members.length,
    sources: sources.size,
    echo,
    entitySalience: period.length > 1 ? widest / period.length : 0,
    recency: days.length > 0 && last > first ? (latest - first) / (last - first) : 1,
    continuity: needed("continuity") ? echoOf(context) : 0,
    prominence: members.reduce((n, m) => Math.max(n, m.prominence), 0),
  };
}

export function importance(s: ImportanceSignals, w: ImportanceWeights = DEFAULT_IMPORTANCE): number {
  return (
    w.articles * Math.log2(1 + s.articles) +
    w.sources * Math.log2(1 + s.sources) +
    w.echo * s.echo +
    w.entitySalience * s.entitySalience +
    w.recency * s.recency +
    w.continuity * s.continuity +
    w.prominence * s.prominence
  );
}

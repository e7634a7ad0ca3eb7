// The main events of a topic, for a briefing: the weeks in which the topic took the largest share
// of what was written, and in each the story most of its articles tell (clustered by
// src/core/stories). How much was written on a topic against all that was written that week is the
// plainest sign of what mattered (a busier archive in one month must not crowd out the rest); a
// topic that runs for years (a reform, a protest movement) is told as the events that made it
// peak, not as its newest articles.

import type { QueryGroup } from "../search/inverted-index.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { buildStories, dayNumber, type Story } from "../stories/index.ts";
import { keySentence } from "./key-sentence.ts";
import { BRIEFING_CLUSTER_PARAMS } from "./learned-briefing-params.ts";
import type { TopicArticle } from "./topic-articles.ts";

export interface TopicEvent {
  readonly story: Story;
  /** The story's sentence on the topic, with the article it is from. */
  readonly key?: { readonly text: string; readonly doc: number };
  /** Articles about the topic in the event's week. */
  readonly volume: number;
  /** `volume` times the story's share of the week: what orders the key points. */
  readonly weight: number;
}

export interface EventOptions {
  /** Busiest weeks read. Default 10. */
  readonly weeks?: number;
  /** Articles of a week clustered (the best ranked on the topic). Default 30. */
  readonly perWeek?: number;
  /** Articles per week of the archive; default counted in `news` (which then holds the archive). */
  readonly weekTotals?: ReadonlyMap<number, number>;
}

const WEEK = 7;
/** Articles on a topic from which its events must each be told by at least two of them. */
const MANY = 30;

export const weekOf = (date: string | undefined) => {
  const day = dayNumber(date);
  return day === undefined ? -1 : Math.floor(day / WEEK);
};

// Articles per week of the whole archive, computed once per archive size (the live index only grows).
const archiveWeeks = new WeakMap<NewsIndex, { size: number; counts: Map<number, number> }>();
function weekTotals(news: NewsIndex): Map<number, number> {
  const cached = archiveWeeks.get(news);
  if (cached && cached.size === news.articles.length) return cached.counts;
  const counts = new Map<number, number>();
  for (const a of news.articles) {
    const w = weekOf(a.date);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  archiveWeeks.set(news, { size: news.articles.length, counts });
  return counts;
}

/** Articles by week (undated ones in a week of their own), the weeks the topic dominated most first. */
function weeks(
  news: NewsIndex,
  about: readonly TopicArticle[],
  totals: ReadonlyMap<number, number> = weekTotals(news),
): number[][] {
  const byWeek = new Map<number, number[]>();
  for (const a of about) {
    const key = weekOf(news.articles[a.doc]?.date);
    const docs = byWeek.get(key);
    if (docs) docs.push(a.doc);
    else byWeek.set(key, [a.doc]);
  }
  // articles on the topic times their share of the week: many articles, and a large part of the news
  const weight = ([week, docs]: [number, number[]]) =>
    (docs.length * docs.length) / (totals.get(week) ?? docs.length);
  return [...byWeek.entries()].sort((a, b) => weight(b) - weight(a)).map(([, docs]) => docs);
}

const foldedTitle = (news: NewsIndex, doc: number) => [...news.titleTerms(doc)].sort().join(" ");

/** The topic's events, most important first; one per busy week, the same story never twice. */
export function topicEvents(
  news: NewsIndex,
  about: readonly TopicArticle[],
  groups: readonly QueryGroup[],
  options: EventOptions = {},
): TopicEvent[] {
  const events: TopicEvent[] = [];
  const titles = new Set<string>();
  for (const docs of weeks(news, about, options.weekTotals).slice(0, options.weeks ?? 10)) {
    const sample = docs.slice(0, options.perWeek ?? 30);
    // the sample is chosen by topic, not by period: every article shares the topic's words, which
    // the period emphasis would weigh up until the whole week reads as one story (and local rarity
    // compares a period with the weeks before it, not a topic with the archive); without them the
    // similarity scale is not the digest's, so the threshold is learned apart (learned-briefing-params.ts)
    const stories = buildStories(news, sample, { summarize: false, params: BRIEFING_CLUSTER_PARAMS });
    const top = [...stories].sort((a, b) => b.articles.length - a.articles.length || b.score - a.score)[0];
    // with enough to choose from, a lone article is an anecdote, not one of the topic's events
    if (top && top.articles.length < 2 && about.length >= MANY) continue;
    // a recurring format (`le point sur la pandémie`) is one story told weekly, not a new event
    const title = top ? foldedTitle(news, top.headline) : "";
    if (!top || titles.has(title)) continue;
    titles.add(title);
    const key = keySentence(news, top, groups);
    events.push({
      story: top,
      ...(key ? { key } : {}),
      volume: docs.length,
      weight: docs.length * (top.articles.length / sample.length),
    });
  }
  return events.sort((a, b) => b.weight - a.weight);
}

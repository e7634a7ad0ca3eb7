// The team briefing on a topic, built from stories: the articles about the topic (in their title
// or lead, not in passing) are grouped into stories (src/core/stories), ranked by how much was
// written on them; each of the leading stories gives one key point (its most central sentence on
// the topic) and its dated events to the timeline; the people are those present across stories,
// with the role the articles state for them most often; figures keep their unit, date and source.
import type { Article } from "../corpus/article.ts";
import { type ResolvedDate, resolveDatesIn } from "../dates/index.ts";
import { type ArticleEntities, articleEntities } from "../entities/article-entities.ts";
import { sourceRef } from "../entities/who.ts";
import type { SourceRef } from "../reply/reply.ts";
import { queryGroups } from "../search/article-search.ts";
import type { QueryGroup } from "../search/inverted-index.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { opensResolved } from "../stories/index.ts";
import { findFigures } from "./figures.ts";
import { briefingPeople } from "./people-roles.ts";
import { type Supporting, sentenceDate, supportingSentences, termOverlap } from "./supporting-sentences.ts";
import { topicArticles } from "./topic-articles.ts";
import { type TopicEvent, topicEvents } from "./topic-events.ts";

export interface BriefingOptions {
  /** Only articles dated on or after this day (`YYYY-MM-DD`). */
  since?: string;
  /** Articles about the topic read, best ranked first. Default 3,000. */
  maxArticles?: number;
  /** Default 6 key points, 8 timeline entries, 8 people, 6 figures. */
  maxKeyPoints?: number;
  maxTimeline?: number;
  maxPeople?: number;
  maxFigures?: number;
  /** Articles per week of the archive, when `news` holds only the topic's articles (a store's window). */
  weekTotals?: ReadonlyMap<number, number>;
}

/** `source` is the index of the cited article in `Briefing.sources` (0-based; shown as [n+1]). */
export interface KeyPoint {
  readonly text: string;
  readonly source: number;
  /** Articles of the story the point stands for. */
  readonly articles: number;
}

export interface TimelineEntry {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; absent when the date could not be resolved. */
  readonly date?: string;
  readonly precision: ResolvedDate["precision"];
  /** The expression as written (`jeudi 15 janvier`), or the article's date when the event is dated by it. */
  readonly expression: string;
  readonly resolved: boolean;
  /** The year or day was taken from the article's date. */
  readonly inferred?: boolean;
  readonly approximate?: boolean;
  readonly problem?: ResolvedDate["problem"];
  readonly part?: "early" | "mid" | "late";
  /** What happened: the sentence reporting the event, or the story's headline. */
  readonly text: string;
  readonly source: number;
}

export interface BriefingPerson {
  readonly name: string;
  /** Most often stated first (`count` statements). */
  readonly roles: readonly {
    readonly role: string;
    readonly sentence: string;
    readonly source: number;
    readonly count: number;
  }[];
  readonly mentions: number;
  readonly sources: readonly number[];
}

export interface Figure {
  /** The number and what it counts (`près de 500.000 Vietnamiens vivant au Japon`). */
  readonly text: string;
  readonly sentence: string;
  readonly source: number;
  /** The date of the article stating it: a figure holds at a date. */
  readonly date?: string;
}

export interface Briefing {
  readonly topic: string;
  readonly since?: string;
  /** Cited articles, in order of first citation. */
  readonly sources: readonly SourceRef[];
  readonly keyPoints: readonly KeyPoint[];
  readonly timeline: readonly TimelineEntry[];
  readonly people: readonly BriefingPerson[];
  readonly figures: readonly Figure[];
  readonly places: readonly string[];
  readonly organisations: readonly string[];
  /** Articles about the topic, and the events (stories of its busiest weeks) the briefing tells. */
  readonly articleCount: number;
  readonly storyCount: number;
}

/** The event date of a story: a precise day its key sentence gives near the article's date, else its first article's date. */
function storyEvent(news: NewsIndex, r: TopicEvent): Omit<TimelineEntry, "source"> & { doc: number } {
  const headline = news.articles[r.story.headline] as Article;
  if (r.key) {
    const date = news.articles[r.key.doc]?.date;
    const day = resolveDatesIn(r.key.text, date).find(
      (d) =>
        d.resolved &&
        d.precision === "day" &&
        !d.approximate &&
        d.value !== undefined &&
        date !== undefined &&
        Math.abs(Date.parse(d.value) - Date.parse(date)) <= 45 * 86_400_000,
    );
    if (day?.value)
      return {
        date: day.value,
        precision: "day",
        expression: day.mention.text,
        resolved: true,
        ...(day.inferred ? { inferred: true } : {}),
        text: headline.title,
        doc: r.key.doc,
      };
  }
  const first = r.story.firstDate;
  return first
    ? {
        date: first,
        precision: "day",
        expression: first,
        resolved: true,
        text: headline.title,
        doc: r.story.headline,
      }
    : {
        precision: "day",
        expression: "",
        resolved: false,
        problem: "no-reference",
        text: headline.title,
        doc: r.story.headline,
      };
}

/** Cited docs become numbered sources in order of first citation. */
function createCitations() {
  const order: number[] = [];
  return {
    cite(doc: number): number {
      const at = order.indexOf(doc);
      if (at >= 0) return at;
      order.push(doc);
      return order.length - 1;
    },
    docs: () => order,
  };
}

/** Articles about the topic; with none (a small corpus), those that discuss it most. */
function selectArticles(news: NewsIndex, groups: readonly QueryGroup[], options: BriefingOptions) {
  const since = options.since;
  const filter = since ? (doc: number) => (news.articles[doc]?.date ?? "") >= since : undefined;
  const about = topicArticles(news, groups, {
    limit: options.maxArticles ?? 3000,
    ...(filter ? { filter } : {}),
  });
  if (about.length > 0) return about;
  const hits = news.rank(groups, 8, filter);
  const best = hits[0]?.score ?? 0;
  return hits.filter((h) => h.score >= best * 0.2).map((h) => ({ ...h, inTitle: 0, inLead: 0 }));
}

export function buildBriefing(news: NewsIndex, topic: string, options: BriefingOptions = {}): Briefing {
  const groups = queryGroups(news, topic);
  const empty: Briefing = {
    topic,
    ...(options.since ? { since: options.since } : {}),
    sources: [],
    keyPoints: [],
    timeline: [],
    people: [],
    figures: [],
    places: [],
    organisations: [],
    articleCount: 0,
    storyCount: 0,
  };
  const selected = groups.length ? selectArticles(news, groups, options) : [];
  if (selected.length === 0) return empty;
  const stories = topicEvents(news, selected, groups, {
    weeks: Math.max(options.maxKeyPoints ?? 6, options.maxTimeline ?? 8) + 2,
    ...(options.weekTotals ? { weekTotals: options.weekTotals } : {}),
  });
  const entities = new Map<number, ArticleEntities>();
  const entitiesOf = (doc: number) => {
    let e = entities.get(doc);
    if (!e) {
      e = articleEntities(
        news.articles[doc] as Article,
        news.sentencesOf(doc).map((s) => s.text),
      );
      entities.set(doc, e);
    }
    return e;
  };
  const citations = createCitations();
  const central = stories.slice(0, 12).flatMap((r) => r.story.articles.slice(0, 3));
  const support = supportingSentences(news, central, groups);
  const parts = {
    keyPoints: keyPointsOf(news, stories, support, citations, options),
    timeline: timelineOf(news, stories, support, citations, options),
    figures: figuresOf(news, stories, support, citations, options),
    people: peopleOf(news, stories, citations, entitiesOf, options),
  };
  return {
    ...empty,
    ...parts,
    ...namedThings(news, central, entitiesOf, groups, parts.people),
    sources: citations.docs().map((d) => sourceRef(news.articles[d] as Article)),
    articleCount: selected.length,
    storyCount: stories.length,
  };
}

type Citations = ReturnType<typeof createCitations>;

function keyPointsOf(
  news: NewsIndex,
  stories: readonly TopicEvent[],
  support: readonly Supporting[],
  c: Citations,
  options: BriefingOptions,
): KeyPoint[] {
  const max = options.maxKeyPoints ?? 6;
  const points = stories
    .filter((r) => r.key)
    .slice(0, max)
    .map((r) => {
      const key = r.key as { text: string; doc: number };
      return { text: key.text, doc: key.doc, articles: r.story.articles.length };
    });
  // too few events (a small corpus): the most on-topic sentences that say something new
  const terms = (text: string) => new Set(news.analyzer.terms(text, "fr"));
  const said: ReadonlySet<string>[] = points.map((p) => terms(p.text));
  const perDoc = new Map<number, number>();
  for (const x of support) {
    if (points.length >= max) break;
    if (x.topic === 0 || !opensResolved(x.text) || (perDoc.get(x.doc) ?? 0) >= 2) continue;
    if (points.some((p) => p.text === x.text)) continue;
    if (said.some((t) => termOverlap(x.sentence.terms, t) > 0.5)) continue;
    points.push({ text: x.text, doc: x.doc, articles: 1 });
    said.push(x.sentence.terms);
    perDoc.set(x.doc, (perDoc.get(x.doc) ?? 0) + 1);
  }
  return points.map((p) => ({ text: p.text, source: c.cite(p.doc), articles: p.articles }));
}

function timelineOf(
  news: NewsIndex,
  stories: readonly TopicEvent[],
  support: readonly Supporting[],
  c: Citations,
  options: BriefingOptions,
): TimelineEntry[] {
  const max = options.maxTimeline ?? 8;
  const entries: (Omit<TimelineEntry, "source"> & { doc: number })[] = stories
    .slice(0, max)
    .map((r) => storyEvent(news, r));
  // too few events: the dated sentences on the topic, one per date
  const dates = new Set(entries.map((e) => e.date));
  for (const x of support) {
    if (entries.length >= max) break;
    if (x.topic === 0) continue;
    const d = sentenceDate(news, x);
    if (!d || (d.value && dates.has(d.value))) continue;
    if (d.value) dates.add(d.value);
    entries.push({
      ...(d.value ? { date: d.value } : {}),
      precision: d.precision,
      expression: d.mention.text,
      resolved: d.resolved,
      ...(d.inferred ? { inferred: true } : {}),
      ...(d.approximate ? { approximate: true } : {}),
      ...(d.problem ? { problem: d.problem } : {}),
      ...(d.mention.part ? { part: d.mention.part } : {}),
      text: x.text,
      doc: x.doc,
    });
  }
  return entries
    .sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999"))
    .map(({ doc, ...e }) => ({ ...e, source: c.cite(doc) }));
}

function figuresOf(
  news: NewsIndex,
  stories: readonly TopicEvent[],
  support: readonly Supporting[],
  c: Citations,
  options: BriefingOptions,
): Figure[] {
  const out: Figure[] = [];
  const numbers = new Set<string>();
  // the events' own sentences first, then the other sentences on the topic
  const sentences = [
    ...stories.slice(0, 12).flatMap((r) => (r.key ? [r.key] : [])),
    ...support.map((x) => ({ text: x.text, doc: x.doc })),
  ];
  for (const { text, doc } of sentences) {
    for (const f of findFigures(text)) {
      const key = f.number.replace(/[\s\u00a0\u202f.]/g, "");
      // a bare count (`30 minutes`) says little: a figure worth listing says what it counts
      if (numbers.has(key) || f.text.split(/\s+/).length < 2) continue;
      numbers.add(key);
      const date = news.articles[doc]?.date;
      out.push({ text: f.text, sentence: text, source: c.cite(doc), ...(date ? { date } : {}) });
      if (out.length >= (options.maxFigures ?? 6)) return out;
    }
  }
  return out;
}

function peopleOf(
  news: NewsIndex,
  stories: readonly TopicEvent[],
  c: Citations,
  entitiesOf: (doc: number) => ArticleEntities,
  options: BriefingOptions,
): BriefingPerson[] {
  const storyDocs = stories.slice(0, 12).map((r) => r.story.articles.slice(0, 3));
  const dates = storyDocs
    .flat()
    .map((d) => news.articles[d]?.date)
    .filter((d): d is string => !!d)
    .sort();
  const period = dates.length
    ? { from: dates[0] as string, to: dates[dates.length - 1] as string }
    : undefined;
  const found = briefingPeople(news, storyDocs, {
    entitiesOf,
    max: options.maxPeople ?? 8,
    ...(period ? { period } : {}),
  });
  return found.map((p) => ({
    name: p.name,
    roles: p.roles.map((r) => ({
      role: r.role,
      sentence: r.sentence,
      source: c.cite(r.doc),
      count: r.count,
    })),
    mentions: p.mentions,
    sources: p.docs.slice(0, 3).map((d) => c.cite(d)),
  }));
}

/** Places and organisations most named by the central articles (the topic itself and people excepted). */
function namedThings(
  news: NewsIndex,
  docs: readonly number[],
  entitiesOf: (doc: number) => ArticleEntities,
  groups: readonly QueryGroup[],
  people: readonly BriefingPerson[],
) {
  const topicKeys = new Set(groups.flat());
  const names = new Set(people.map((p) => p.name.toLowerCase()));
  const tally = (
    pick: (e: ArticleEntities) => readonly { key: string; name: string; mentions: number }[],
  ) => {
    const m = new Map<string, { name: string; n: number }>();
    for (const d of docs)
      for (const x of pick(entitiesOf(d))) {
        const y = m.get(x.key);
        if (y) y.n += x.mentions;
        else m.set(x.key, { name: x.name, n: x.mentions });
      }
    return [...m.values()]
      .filter((x) => !names.has(x.name.toLowerCase()))
      .filter((x) => !news.analyzer.terms(x.name, "fr").every((t) => topicKeys.has(t)))
      .sort((a, b) => b.n - a.n)
      .slice(0, 6)
      .map((x) => x.name);
  };
  return { places: tally((e) => e.places), organisations: tally((e) => e.organisations) };
}

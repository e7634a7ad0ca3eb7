// The team briefing on a topic: the articles that matter, ranked; the key points (the most central,
// non-redundant sentences across them, each cited); a timeline of the dated events the articles
// report (dates read from the text, resolved against each article's own date, flagged when they
// cannot be); the people with their roles as stated; the key figures; the sources.
import type { Article } from "../corpus/article.ts";
import { findDateExpressions } from "../dates/date-expressions.ts";
import { type ResolvedDate, resolveDate } from "../dates/resolve.ts";
import { isQuotable, tidySentence } from "../digest/quality.ts";
import { overlap } from "../digest/summarize.ts";
import { articleEntities } from "../entities/article-entities.ts";
import { sourceRef } from "../entities/who.ts";
import type { NewsIndex, Sentence } from "../news-index.ts";
import type { SourceRef } from "../reply/reply.ts";
import { queryGroups } from "../search/article-search.ts";
import { findFigures } from "./figures.ts";

export interface BriefingOptions {
  /** Only articles dated on or after this day (`YYYY-MM-DD`). */
  since?: string;
  /** Articles the briefing draws on. Default 8. */
  maxArticles?: number;
  /** Default 5 key points, 8 timeline entries, 8 people, 6 figures. */
  maxKeyPoints?: number;
  maxTimeline?: number;
  maxPeople?: number;
  maxFigures?: number;
}

/** `source` is the index of the cited article in `Briefing.sources` (0-based; shown as [n+1]). */
export interface KeyPoint {
  readonly text: string;
  readonly source: number;
}

export interface TimelineEntry {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; absent when the date could not be resolved. */
  readonly date?: string;
  readonly precision: ResolvedDate["precision"];
  /** The expression as written (`jeudi 15 janvier`, `en 2025`). */
  readonly expression: string;
  readonly resolved: boolean;
  /** The year or day was taken from the article's date. */
  readonly inferred?: boolean;
  readonly approximate?: boolean;
  readonly problem?: ResolvedDate["problem"];
  readonly part?: "early" | "mid" | "late";
  /** The whole sentence reporting the event. */
  readonly text: string;
  readonly source: number;
}

export interface BriefingPerson {
  readonly name: string;
  readonly roles: readonly { readonly role: string; readonly sentence: string; readonly source: number }[];
  readonly mentions: number;
  readonly sources: readonly number[];
}

export interface Figure {
  /** The number and what it counts (`près de 500.000 Vietnamiens vivant au Japon`). */
  readonly text: string;
  readonly sentence: string;
  readonly source: number;
}

export interface Briefing {
  readonly topic: string;
  readonly since?: string;
  readonly sources: readonly SourceRef[];
  readonly keyPoints: readonly KeyPoint[];
  readonly timeline: readonly TimelineEntry[];
  readonly people: readonly BriefingPerson[];
  readonly figures: readonly Figure[];
  readonly places: readonly string[];
  readonly organisations: readonly string[];
}

/** Keep articles scoring at least this share of the best one (the rest barely touch the topic). */
const MIN_SHARE = 0.2;

interface Candidate {
  readonly s: Sentence;
  readonly text: string;
  readonly source: number;
  readonly topic: number;
  readonly weight: number;
}

export function buildBriefing(news: NewsIndex, topic: string, options: BriefingOptions = {}): Briefing {
  const since = options.since;
  const maxArticles = options.maxArticles ?? 8;
  const groups = queryGroups(news, topic);
  const filter = since ? (doc: number) => (news.articles[doc]?.date ?? "") >= since : undefined;
  const hits = groups.length ? news.rank(groups, maxArticles, filter) : [];
  const best = hits[0]?.score ?? 0;
  const ranked = hits.filter((h) => h.score >= best * MIN_SHARE);
  const articles = ranked.map((h) => news.articles[h.doc] as Article);
  const empty: Briefing = {
    topic,
    ...(since ? { since } : {}),
    sources: [],
    keyPoints: [],
    timeline: [],
    people: [],
    figures: [],
    places: [],
    organisations: [],
  };
  if (ranked.length === 0) return empty;

  // the candidate sentences: quotable, with their topic coverage and their article's weight
  const topicWeights = groups.map((g) => Math.max(...g.map((t) => news.index.idf(t))));
  const topicTotal = topicWeights.reduce((a, b) => a + b, 0) || 1;
  const candidates: Candidate[] = [];
  const centroid = new Map<string, number>();
  ranked.forEach((h, source) => {
    const weight = h.score / best;
    const sents = news.sentencesOf(h.doc);
    const seen = new Set<string>();
    for (const s of sents) for (const t of s.terms) seen.add(t);
    for (const t of seen) centroid.set(t, (centroid.get(t) ?? 0) + weight * news.index.idf(t));
    for (const s of sents) {
      if (!isQuotable(s.text)) continue;
      let covered = 0;
      groups.forEach((g, i) => {
        if (g.some((t) => s.terms.has(t))) covered += topicWeights[i] as number;
      });
      candidates.push({ s, text: tidySentence(s.text), source, topic: covered / topicTotal, weight });
    }
  });

  // key points: central across the articles, on the topic, early in their article, not redundant
  const centrality = candidates.map((c) => {
    let w = 0;
    for (const t of c.s.terms) w += centroid.get(t) ?? 0;
    return w / Math.sqrt(Math.max(10, c.s.terms.size));
  });
  const maxC = Math.max(1e-9, ...centrality);
  const scored = candidates
    .map((c, i) => ({
      c,
      score:
        0.4 * ((centrality[i] as number) / maxC) +
        0.3 * c.topic +
        0.2 * c.weight +
        0.1 / (1 + c.s.position * 0.3),
    }))
    .sort((a, b) => b.score - a.score);
  const keyPoints: Candidate[] = [];
  const perArticle = new Map<number, number>();
  // sentences on the topic first; others only when the topic sentences run out
  for (const onTopic of [true, false]) {
    for (const { c } of scored) {
      if (keyPoints.length >= (options.maxKeyPoints ?? 5) || (!onTopic && keyPoints.length >= 3)) break;
      if (onTopic !== c.topic > 0 || (perArticle.get(c.source) ?? 0) >= 2) continue;
      if (keyPoints.some((k) => overlap(k.s.terms, c.s.terms) > 0.5)) continue;
      keyPoints.push(c);
      perArticle.set(c.source, (perArticle.get(c.source) ?? 0) + 1);
    }
  }

  // timeline: every dated sentence, the clearest dates and most topical sentences first
  const dated: (TimelineEntry & { rank: number })[] = [];
  const usedSentences = new Set<string>();
  for (const c of candidates) {
    const article = articles[c.source] as Article;
    const mentions = findDateExpressions(c.text);
    // `aujourd'hui` is rarely an event's date (`les retraités d'aujourd'hui`)
    const resolved = mentions.filter((m) => m.offset?.days !== 0).map((m) => resolveDate(m, article.date));
    // the most precise resolved date of the sentence stands for it; an unresolved one is kept flagged
    const pick =
      resolved.find((r) => r.resolved && r.precision === "day" && !r.approximate) ??
      resolved.find((r) => r.resolved && !r.approximate) ??
      resolved.find((r) => !r.resolved && r.problem === "no-reference") ??
      resolved.find((r) => r.resolved);
    if (!pick || usedSentences.has(c.text)) continue;
    usedSentences.add(c.text);
    const clarity = !pick.resolved
      ? 0.3
      : pick.approximate
        ? 0.2
        : pick.precision === "day"
          ? 1
          : pick.precision === "month"
            ? 0.8
            : 0.6;
    dated.push({
      ...(pick.value ? { date: pick.value } : {}),
      precision: pick.precision,
      expression: pick.mention.text,
      resolved: pick.resolved,
      ...(pick.inferred ? { inferred: true } : {}),
      ...(pick.approximate ? { approximate: true } : {}),
      ...(pick.problem ? { problem: pick.problem } : {}),
      ...(pick.mention.part ? { part: pick.mention.part } : {}),
      text: c.text,
      source: c.source,
      rank: 0.4 * clarity + 0.4 * c.topic + 0.2 * c.weight,
    });
  }
  const timeline = dated
    .sort((a, b) => b.rank - a.rank)
    .slice(0, options.maxTimeline ?? 8)
    .sort((a, b) => {
      if (a.date && b.date) return a.date < b.date ? -1 : a.date > b.date ? 1 : a.source - b.source;
      return a.date ? -1 : b.date ? 1 : a.source - b.source;
    })
    .map(({ rank: _rank, ...e }) => e);

  // people, places and organisations across the articles
  const people = new Map<
    string,
    { name: string; roles: BriefingPerson["roles"][number][]; mentions: number; sources: number[] }
  >();
  const places = new Map<string, { name: string; n: number }>();
  const orgs = new Map<string, { name: string; n: number }>();
  articles.forEach((article, source) => {
    const e = articleEntities(
      article,
      news.sentencesOf(ranked[source]?.doc ?? -1).map((s) => s.text),
    );
    for (const p of e.people) {
      let q = people.get(p.key);
      if (!q) {
        q = { name: p.name, roles: [], mentions: 0, sources: [] };
        people.set(p.key, q);
      }
      q.mentions += p.mentions;
      q.sources.push(source);
      for (const r of p.roles) {
        if (!q.roles.some((x) => x.role.toLowerCase() === r.role.toLowerCase()))
          q.roles.push({ ...r, source });
      }
    }
    for (const [list, into] of [
      [e.places, places],
      [e.organisations, orgs],
    ] as const) {
      for (const x of list) {
        const y = into.get(x.key);
        if (y) y.n += x.mentions;
        else into.set(x.key, { name: x.name, n: x.mentions });
      }
    }
  });
  const peopleList = [...people.values()]
    .sort(
      (a, b) =>
        Number(b.roles.length > 0) - Number(a.roles.length > 0) ||
        b.sources.length - a.sources.length ||
        b.mentions - a.mentions ||
        Math.min(...a.sources) - Math.min(...b.sources),
    )
    .slice(0, options.maxPeople ?? 8)
    .map((p) => ({
      ...p,
      roles: p.roles
        .filter(
          (r) =>
            !p.roles.some(
              (o) =>
                o !== r &&
                o.role.length > r.role.length &&
                o.role.toLowerCase().includes(r.role.toLowerCase()),
            ),
        )
        .slice(0, 2),
    }));

  // key figures: from the most topical sentences first, one per number
  const figures: (Figure & { rank: number })[] = [];
  const numbers = new Set<string>();
  for (const c of candidates) {
    for (const f of findFigures(c.text)) {
      const key = f.number.replace(/[\s\u00a0\u202f.]/g, "");
      if (numbers.has(key)) continue;
      numbers.add(key);
      const words = f.text.split(/\s+/).length;
      figures.push({
        text: f.text,
        sentence: c.text,
        source: c.source,
        rank: 0.5 * c.topic + 0.3 * c.weight + (words >= 3 ? 0.2 : 0),
      });
    }
  }
  // the topic itself is not a place to list (`au Brexit`, `contre le Covid`)
  const topicKeys = new Set(groups.flat());
  const top = (m: Map<string, { name: string; n: number }>) =>
    [...m.entries()]
      .filter(([k, x]) => !people.has(k) && !news.analyzer.terms(x.name, "fr").every((t) => topicKeys.has(t)))
      .map(([, x]) => x)
      .sort((a, b) => b.n - a.n)
      .slice(0, 6)
      .map((x) => x.name);
  return {
    ...empty,
    sources: articles.map(sourceRef),
    keyPoints: keyPoints.map((k) => ({ text: k.text, source: k.source })),
    timeline,
    people: peopleList,
    figures: figures
      .sort((a, b) => b.rank - a.rank)
      .slice(0, options.maxFigures ?? 6)
      .map(({ rank: _rank, ...f }) => f),
    places: top(places),
    organisations: top(orgs),
  };
}

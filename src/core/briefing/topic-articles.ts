// Which articles a briefing is about: those whose title or lead (first sentences) carries the
// topic, or that discuss it at length, not those that mention it once in passing. A news article
// states its subject in its title and opening; a comedian's show interrupted by protesters names
// the protest only in the body.

import type { QueryGroup } from "../search/inverted-index.ts";
import { type NewsIndex, stemLanguage } from "../search/news-index.ts";

/** Share of the best retrieval score from which an article discusses the topic at length. */
const AT_LENGTH = 0.6;

export interface TopicArticle {
  readonly doc: number;
  /** Retrieval score (BM25 with the title boost). */
  readonly score: number;
  /** Share of the topic's weight in the title (0–1). */
  readonly inTitle: number;
  /** Share of the topic's weight in the lead (0–1). */
  readonly inLead: number;
}

export interface TopicSelection {
  /** How many ranked articles are read to find those about the topic. Default twice `limit`. */
  readonly pool?: number;
  /** How many articles about the topic are kept, best ranked first. Default 400. */
  readonly limit?: number;
  /** Characters of the body that make its lead (about two sentences). Default 320. */
  readonly leadChars?: number;
  readonly filter?: (doc: number) => boolean;
}

/** Share of the groups' weight (rarity) that `terms` holds. */
export function coverage(
  news: NewsIndex,
  groups: readonly QueryGroup[],
  terms: (t: string) => boolean,
): number {
  let total = 0;
  let held = 0;
  for (const g of groups) {
    const w = Math.max(...g.map((t) => news.index.idf(t)));
    total += w;
    if (g.some(terms)) held += w;
  }
  return total > 0 ? held / total : 0;
}

/** The articles about the topic, best ranked first: the whole topic in the title or the lead. */
export function topicArticles(
  news: NewsIndex,
  groups: readonly QueryGroup[],
  options: TopicSelection = {},
): TopicArticle[] {
  if (groups.length === 0) return [];
  const limit = options.limit ?? 400;
  const hits = news.rank(groups, options.pool ?? 2 * limit, options.filter);
  const out: TopicArticle[] = [];
  const best = hits[0]?.score ?? 0;
  for (const h of hits) {
    const title = news.titleTerms(h.doc);
    const inTitle = coverage(news, groups, (t) => title.has(t));
    const article = news.articles[h.doc];
    // the opening characters, analyzed alone (cheaper than splitting the article into sentences),
    // and only when the title does not already carry the topic
    const lead =
      inTitle >= 0.99
        ? new Set<string>()
        : new Set(
            news.analyzer.terms(
              article?.body.slice(0, options.leadChars ?? 320) ?? "",
              stemLanguage(article?.lang),
            ),
          );
    const inLead = coverage(news, groups, (t) => lead.has(t));
    // the whole topic (all its words, weighted) in the title or in the lead, or discussed at length
    // (retrieval scores near the best one's: the topic's words recur through the article)
    if (Math.max(inTitle, inLead) < 0.99 && h.score < AT_LENGTH * best) continue;
    out.push({ doc: h.doc, score: h.score, inTitle, inLead });
    if (out.length >= limit) break;
  }
  return out;
}

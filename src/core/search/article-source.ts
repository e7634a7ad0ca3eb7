// The article-source port: which articles a command reads, by period (digests), by topic
// (briefings), by words (`/news search`, `/news who`) or by id. Digests, briefings and search build
// their replies from a news index as always; the source says which index. Two implementations: the
// in-memory index (here, the default: every request answers with the whole index, so the commands
// behave exactly as they always did) and Postgres (src/storage/pg-article-source.ts), which fetches
// the requested articles and indexes them in a window weighed with the corpus's statistics, so a
// corpus larger than memory is served.

import type { ArticleLookup } from "../corpus/article.ts";
import type { SearchResult } from "./article-search.ts";
import { searchArticles } from "./article-search.ts";
import type { NewsIndex } from "./news-index.ts";

export interface PeriodRequest {
  /** First day (`YYYY-MM-DD`); with neither `from` nor `to`, the latest day. */
  readonly from?: string;
  readonly to?: string;
  /** Only articles on this topic. */
  readonly topic?: string;
  /** Articles never shown again (a channel's delivered ones). */
  readonly excludeIds?: ReadonlySet<string>;
}

export interface PeriodArticles {
  /** An index holding the period's articles and the days before it that story ranking compares with. */
  readonly news: NewsIndex;
  /** The period's articles the index does not hold (past the grouping pool): counted, not grouped. */
  readonly notLoaded?: number;
  /** The period as resolved (the latest day when none was asked); absent: the digest resolves it. */
  readonly from?: string;
  readonly to?: string;
}

export interface TopicArticles {
  /** An index holding the articles most about the topic. */
  readonly news: NewsIndex;
  /** Articles per week of the whole archive (weeks since the epoch), when the index is not the archive. */
  readonly weekTotals?: ReadonlyMap<number, number>;
}

export interface ArticleSource {
  readonly kind: "memory" | "postgres";
  /** Articles in the corpus. */
  size(): number;
  period(request: PeriodRequest): Promise<PeriodArticles>;
  topic(topic: string, options?: { readonly since?: string }): Promise<TopicArticles>;
  search(query: string, limit: number): Promise<SearchResult[]>;
  /** An index holding the articles that may name `name`. */
  person(name: string): Promise<NewsIndex>;
  article(idOrPrefix: string): Promise<ArticleLookup>;
}

/** An article by id or unique prefix in an index. */
export function lookupArticle(news: NewsIndex, idOrPrefix: string): ArticleLookup {
  const id = idOrPrefix.trim();
  const doc = news.find(id);
  const article = doc === undefined ? undefined : news.articles[doc];
  if (article) return { status: "found", article };
  const matches = news.articles.filter((a) => a.id.startsWith(id)).length;
  return { status: matches > 1 ? "ambiguous" : "not-found", id };
}

/** The in-memory index as a source: every request is answered by the whole index. */
export function createMemorySource(news: NewsIndex): ArticleSource {
  const whole = { news };
  return {
    kind: "memory",
    size: () => news.articles.length,
    period: async () => whole,
    topic: async () => whole,
    search: async (query, limit) => searchArticles(news, query, { limit }),
    person: async () => news,
    article: async (idOrPrefix) => lookupArticle(news, idOrPrefix),
  };
}

/** The period a digest covers: as the source resolved it, else as asked. */
export function periodOf(
  read: PeriodArticles,
  from: string | undefined,
  to: string | undefined,
): { from?: string; to?: string; notLoaded?: number } {
  const first = read.from ?? from;
  const last = read.to ?? to;
  return {
    ...(first ? { from: first } : {}),
    ...(last ? { to: last } : {}),
    ...(read.notLoaded ? { notLoaded: read.notLoaded } : {}),
  };
}

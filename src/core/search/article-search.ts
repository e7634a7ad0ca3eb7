// Article search for `/news search`: ranked articles with a snippet, the sentence of each article
// that covers most of the query (weighted by rarity), so the user sees why it matched.

import type { QueryGroup } from "./inverted-index.ts";
import type { NewsIndex } from "./news-index.ts";

export interface SearchResult {
  readonly id: string;
  readonly title: string;
  readonly date?: string;
  readonly url?: string;
  readonly score: number;
  readonly snippet: string;
}

export interface ArticleSearchOptions {
  limit?: number;
  /** Only articles dated on or after this day (`YYYY-MM-DD`). */
  since?: string;
}

export function queryGroups(news: NewsIndex, query: string): QueryGroup[] {
  const groups: QueryGroup[] = [];
  const seen = new Set<string>();
  news.analyzer.forEachTerm(query, "fr", (t) => {
    if (seen.has(t)) return;
    seen.add(t);
    const en = news.analyzer.term(t, "en");
    groups.push(en && en !== t ? [t, en] : [t]);
  });
  return news.expandUnknown(groups);
}

export function searchArticles(
  news: NewsIndex,
  query: string,
  options: ArticleSearchOptions = {},
): SearchResult[] {
  const limit = options.limit ?? 10;
  const groups = queryGroups(news, query);
  if (groups.length === 0) return [];
  const since = options.since;
  const filter = since ? (doc: number) => (news.articles[doc]?.date ?? "") >= since : undefined;
  return withSnippets(news, groups, news.rank(groups, limit, filter));
}

/**
 * Ranked articles of `news` as search results, in the given order, each with the sentence that
 * covers most of the query (its words weighted by rarity).
 */
export function withSnippets(
  news: NewsIndex,
  groups: readonly QueryGroup[],
  ranked: readonly { readonly doc: number; readonly score: number }[],
): SearchResult[] {
  const weights = groups.map((g) => Math.max(...g.map((t) => news.index.idf(t))));
  return ranked.map((hit) => {
    const article = news.articles[hit.doc];
    if (!article) throw new Error(`index refers to a missing article ${hit.doc}`);
    let snippet = "";
    let best = -1;
    for (const s of news.sentencesOf(hit.doc)) {
      let w = 0;
      groups.forEach((g, i) => {
        if (g.some((t) => s.terms.has(t))) w += weights[i] as number;
      });
      if (w > best) {
        best = w;
        snippet = s.text;
      }
    }
    return {
      id: article.id,
      title: article.title,
      ...(article.date ? { date: article.date } : {}),
      ...(article.url ? { url: article.url } : {}),
      score: Math.round(hit.score * 1000) / 1000,
      snippet: window(news, snippet, groups, article.lang),
    };
  });
}

const SNIPPET_CHARS = 300;

// A long sentence is cut to a window around its first matching word, at word boundaries.
function window(news: NewsIndex, sentence: string, groups: readonly QueryGroup[], lang: string): string {
  if (sentence.length <= SNIPPET_CHARS) return sentence;
  const wanted = new Set(groups.flat());
  let first = -1;
  news.analyzer.forEachTerm(sentence, lang === "en" ? "en" : "fr", (t, start) => {
    if (first < 0 && wanted.has(t)) first = start;
  });
  let start = Math.max(0, Math.min(first - 80, sentence.length - SNIPPET_CHARS));
  if (start > 0) start = sentence.indexOf(" ", start) + 1;
  let text = sentence.slice(start, start + SNIPPET_CHARS);
  if (start + SNIPPET_CHARS < sentence.length) text = `${text.replace(/\s+\S*$/, "")}…`;
  return start > 0 ? `…${text}` : text;
}

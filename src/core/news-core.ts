// The core as the commands see it: one object over the indexed corpus that answers, searches,
// finds articles and suggests ids for autocompletion. Commands call this facade rather than the
// index, so a platform adapter never needs to know how retrieval works.
import { type Answer, type Answerer, createAnswerer } from "./answer/answerer.ts";
import type { Article } from "./corpus/article.ts";
import { compareDatesDesc } from "./corpus/article.ts";
import type { Locale } from "./i18n/messages.ts";
import { createNewsIndex, type NewsIndex } from "./news-index.ts";
import { type SearchResult, searchArticles } from "./search/article-search.ts";
import { fold } from "./text/fold.ts";

export type ArticleLookup =
  | { readonly status: "found"; readonly article: Article }
  | { readonly status: "not-found" | "ambiguous"; readonly id: string };

export interface Suggestion {
  /** What the user sees (at most 100 characters). */
  readonly label: string;
  /** What is put in the option. */
  readonly value: string;
}

export interface NewsCore {
  readonly news: NewsIndex;
  ask(question: string, locale: Locale): Answer;
  search(query: string, options?: { limit?: number }): SearchResult[];
  article(idOrPrefix: string): ArticleLookup;
  /** Articles whose id starts with, or whose title contains, `partial`; newest first. */
  suggestArticles(partial: string, limit?: number): Suggestion[];
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function createNewsCore(articles: readonly Article[] | NewsIndex): NewsCore {
  const news = "find" in articles ? articles : createNewsIndex(articles);
  const answerers = new Map<Locale, Answerer>();

  return {
    news,
    ask(question, locale) {
      let answerer = answerers.get(locale);
      if (!answerer) {
        answerer = createAnswerer(news, { locale });
        answerers.set(locale, answerer);
      }
      return answerer.answer(question);
    },
    search: (query, options = {}) => searchArticles(news, query, options),
    article(idOrPrefix) {
      const id = idOrPrefix.trim();
      const doc = news.find(id);
      const article = doc === undefined ? undefined : news.articles[doc];
      if (article) return { status: "found", article };
      const matches = news.articles.filter((a) => a.id.startsWith(id)).length;
      return { status: matches > 1 ? "ambiguous" : "not-found", id };
    },
    suggestArticles(partial, limit = 25) {
      const needle = fold(partial.trim().toLowerCase());
      const hits = news.articles.filter(
        (a) => needle === "" || a.id.startsWith(partial.trim()) || fold(a.title.toLowerCase()).includes(needle),
      );
      return [...hits]
        .sort(compareDatesDesc)
        .slice(0, Math.min(25, limit))
        .map((a) => ({ label: clip(`${a.id} — ${a.title}`, 100), value: a.id }));
    },
  };
}

// The core as the commands see it: one object over the indexed corpus that answers, searches,
// finds articles and suggests ids for autocompletion. Commands call this facade rather than the
// index, so a platform adapter never needs to know how retrieval works.
import type { Answer, Answerer, AskOptions } from "./answer/answerer.ts";
import { createAnswerer } from "./answer/answerer.ts";
import type { ArticleRetriever } from "./answer/article-retriever.ts";
import { createRetrievingAnswerer, type RetrievingAnswerer } from "./answer/retrieving-answerer.ts";
import type { Article, ArticleLookup } from "./corpus/article.ts";
import { compareDatesDesc } from "./corpus/article.ts";
import { articleEntities } from "./entities/article-entities.ts";
import {
  createGroundedAnswerer,
  type GroundedAnswerer,
  type GroundedOptions,
} from "./grounded/grounded-answerer.ts";
import type { Locale } from "./i18n/messages.ts";
import { type SearchResult, searchArticles } from "./search/article-search.ts";
import { type ArticleSource, createMemorySource, lookupArticle } from "./search/article-source.ts";
import { createNewsIndex, type NewsIndex } from "./search/news-index.ts";
import type { TermStats } from "./search/term-stats.ts";
import { fold } from "./text/fold.ts";

export interface Suggestion {
  /** What the user sees (at most 100 characters). */
  readonly label: string;
  /** What is put in the option. */
  readonly value: string;
}

export interface NewsCore {
  readonly news: NewsIndex;
  /** `options.now`: the day the question is asked (`YYYY-MM-DD`), when not today. */
  ask(question: string, locale: Locale, options?: AskOptions): Answer;
  /** `ask` with the configured model steps (hybrid retrieval, a verified written answer); `ask` itself without them. */
  askWithModel(question: string, locale: Locale, options?: AskOptions): Promise<Answer>;
  /** The configured model steps, for story summaries; undefined offline. */
  readonly model?: ModelSteps;
  /** Another retrieval than the in-memory index for answers (`askWithModel` uses it). */
  readonly retriever?: ArticleRetriever;
  /** Where digests, briefings, search, `who` and article lookups read their articles. */
  readonly source: ArticleSource;
  /** Search and lookup in `news` alone (the whole corpus only in memory; commands use `source`). */
  search(query: string, options?: { limit?: number }): SearchResult[];
  article(idOrPrefix: string): ArticleLookup;
  /** Articles whose id starts with, or whose title contains, `partial`; newest first. */
  suggestArticles(partial: string, limit?: number): Suggestion[];
  /** People named in the (newest `peopleScope`) articles whose name contains `partial`; most mentioned first. */
  suggestPeople(partial: string, limit?: number): Suggestion[];
  /** The people list behind `suggestPeople`, to save with the index; undefined until first asked for. */
  exportPeople(): readonly PersonMentions[] | undefined;
}

export interface PersonMentions {
  readonly name: string;
  readonly folded: string;
  mentions: number;
}

export interface NewsCoreOptions {
  /** How many of the newest articles the people suggestions are drawn from. Default 2,000. */
  peopleScope?: number;
  /** A saved `exportPeople()` of the same articles, so it is not computed again. */
  people?: readonly PersonMentions[];
  /** Optional model steps (see ./grounded); without them no text leaves the machine. */
  model?: ModelSteps;
  /**
   * Ranks the articles of answers instead of the in-memory index (Postgres full-text search);
   * their sentences are scored in this index as always. Not combined with the model steps.
   */
  retriever?: ArticleRetriever;
  /**
   * The corpus's statistics when `news` does not hold the corpus (the articles are in `source`):
   * the retrieved articles are then scored in a window weighed with them.
   */
  stats?: TermStats;
  /** Where commands read articles; default the in-memory index. */
  source?: ArticleSource;
  /** Autocompletion of article ids and people when `news` does not hold the corpus. */
  suggestArticles?: (partial: string, limit: number) => Suggestion[];
  suggestPeople?: (partial: string, limit: number) => Suggestion[];
}

export type ModelSteps = Omit<GroundedOptions, "locale">;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const isIndex = (x: readonly Article[] | NewsIndex): x is NewsIndex => !Array.isArray(x);

export function createNewsCore(
  articles: readonly Article[] | NewsIndex,
  options: NewsCoreOptions = {},
): NewsCore {
  const news: NewsIndex = isIndex(articles) ? articles : createNewsIndex(articles);
  const answerers = new Map<Locale, Answerer>();
  const grounded = new Map<Locale, GroundedAnswerer>();
  const answererFor = (locale: Locale) => {
    let answerer = answerers.get(locale);
    if (!answerer) {
      answerer = createAnswerer(news, { locale });
      answerers.set(locale, answerer);
    }
    return answerer;
  };
  const retrieving = new Map<Locale, RetrievingAnswerer>();
  const retrievingFor = (retriever: ArticleRetriever, locale: Locale) => {
    let r = retrieving.get(locale);
    if (!r) {
      r = createRetrievingAnswerer(retriever, options.stats ? { stats: options.stats } : { news }, {
        locale,
      });
      retrieving.set(locale, r);
    }
    return r;
  };
  let people: readonly PersonMentions[] | undefined = options.people;

  function peopleList() {
    if (people) return people;
    people = peopleIn([...news.articles].sort(compareDatesDesc).slice(0, options.peopleScope ?? 2000));
    return people;
  }

  return {
    news,
    ask: (question, locale, askOptions = {}) => answererFor(locale).answer(question, askOptions),
    async askWithModel(question, locale, askOptions = {}) {
      const model = options.model;
      if (!model || (!model.writer && !model.embedder)) {
        const through = options.retriever && retrievingFor(options.retriever, locale);
        return through
          ? through.answer(question, askOptions)
          : answererFor(locale).answer(question, askOptions);
      }
      let g = grounded.get(locale);
      if (!g) {
        g = createGroundedAnswerer(news, answererFor(locale), { ...model, locale });
        grounded.set(locale, g);
      }
      return g.answer(question, askOptions);
    },
    ...(options.model ? { model: options.model } : {}),
    ...(options.retriever ? { retriever: options.retriever } : {}),
    source: options.source ?? createMemorySource(news),
    search: (query, options = {}) => searchArticles(news, query, options),
    article: (idOrPrefix) => lookupArticle(news, idOrPrefix),
    suggestArticles: (partial, limit = 25) =>
      options.suggestArticles
        ? options.suggestArticles(partial, limit)
        : suggestAmong(news.articles, partial, limit),
    exportPeople: () => people,
    suggestPeople: (partial, limit = 25) =>
      options.suggestPeople
        ? options.suggestPeople(partial, limit)
        : peopleMatching(peopleList(), partial, limit),
  };
}

/** The people the articles name, most mentioned first (what `suggestPeople` offers). */
export function peopleIn(articles: readonly Article[]): PersonMentions[] {
  const byKey = new Map<string, PersonMentions>();
  for (const a of articles) {
    for (const p of articleEntities(a).people) {
      const seen = byKey.get(p.key);
      if (seen) seen.mentions += p.mentions;
      else byKey.set(p.key, { name: p.name, folded: fold(p.name.toLowerCase()), mentions: p.mentions });
    }
  }
  return [...byKey.values()].sort((x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name));
}

/** Article suggestions among `articles`: id prefix or title words, newest first. */
export function suggestAmong(articles: readonly Article[], partial: string, limit = 25): Suggestion[] {
  const needle = fold(partial.trim().toLowerCase());
  const hits = articles.filter(
    (a) => needle === "" || a.id.startsWith(partial.trim()) || fold(a.title.toLowerCase()).includes(needle),
  );
  return [...hits]
    .sort(compareDatesDesc)
    .slice(0, Math.min(25, limit))
    .map((a) => ({ label: clip(`${a.id} — ${a.title}`, 100), value: a.id }));
}

/** The people whose name contains `partial`, most mentioned first. */
export function peopleMatching(people: readonly PersonMentions[], partial: string, limit = 25): Suggestion[] {
  const needle = fold(partial.trim().toLowerCase());
  return people
    .filter((p) => p.folded.includes(needle))
    .slice(0, Math.min(25, limit))
    .map((p) => ({ label: clip(p.name, 100), value: clip(p.name, 100) }));
}

// Answers through the retrieval port: the retriever ranks the articles, the answer pipeline scores
// their sentences as always (`AskOptions.retrieved`). Over the in-memory index the retrieved
// articles are the index's own; with a retriever that brings the articles from elsewhere
// (Postgres), they are scored in a window index that weighs words with the corpus's statistics
// (../search/window-index.ts), so only those statistics stay in memory, not the articles.
import type { NewsIndex } from "../search/news-index.ts";
import type { TermStats } from "../search/term-stats.ts";
import { createWindowIndex } from "../search/window-index.ts";
import { type Answer, type AnswererOptions, type AskOptions, createAnswerer } from "./answerer.ts";
import type { ArticleRetriever, RetrievedArticle } from "./article-retriever.ts";

/** Where the retrieved articles are scored: the full in-memory index, or a window over corpus statistics. */
export type ScoringCorpus = { readonly news: NewsIndex } | { readonly stats: TermStats };

export interface RetrievedAnswer extends Answer {
  /** The retrieval's share of the time, and what it returned (for benchmarks and logs). */
  readonly retrieval: { readonly ms: number; readonly ids: readonly string[] };
}

export interface RetrievingAnswerer {
  readonly retriever: ArticleRetriever;
  answer(question: string, ask?: AskOptions): Promise<RetrievedAnswer>;
}

export function createRetrievingAnswerer(
  retriever: ArticleRetriever,
  corpus: ScoringCorpus,
  options: AnswererOptions = {},
): RetrievingAnswerer {
  const limit = options.candidates ?? 15;
  const full =
    "news" in corpus ? { news: corpus.news, answerer: createAnswerer(corpus.news, options) } : undefined;
  const scoreIn = (hits: readonly RetrievedArticle[], question: string, ask: AskOptions): Answer => {
    if (full) {
      const retrieved = hits.flatMap((h) => {
        const doc = full.news.find(h.article.id);
        return doc === undefined ? [] : [{ doc, score: h.score }];
      });
      return full.answerer.answer(question, { ...ask, retrieved });
    }
    const stats = (corpus as { stats: TermStats }).stats;
    const window = createWindowIndex(
      stats,
      hits.map((h) => h.article),
    );
    // embedding neighbours are positions in a full index: they mean nothing in the window
    const { semantic: _, ...rest } = ask;
    const retrieved = hits.map((h, doc) => ({ doc, score: h.score }));
    return createAnswerer(window, options).answer(question, { ...rest, retrieved });
  };
  return {
    retriever,
    async answer(question, ask = {}) {
      const t0 = performance.now();
      const hits = await retriever.retrieve({ question, ...(ask.now ? { now: ask.now } : {}) }, limit);
      const ms = performance.now() - t0;
      const answer = scoreIn(hits, question, ask);
      return { ...answer, retrieval: { ms, ids: hits.map((h) => h.article.id) } };
    },
  };
}

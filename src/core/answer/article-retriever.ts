// The retrieval port: which articles may answer a question, best first, with their texts. Two
// implementations: the in-memory index (here, the default: the ranking the answer pipeline has
// always used) and Postgres full-text search (src/storage/pg-article-search.ts), for corpora that
// outgrow memory. Either feeds the same sentence scoring (retrieving-answerer.ts).
import type { Article } from "../corpus/article.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { readQuestion } from "./read-question.ts";
import { retrieveCandidates } from "./retrieve.ts";

export interface RetrievalQuery {
  /** The question as asked. */
  readonly question: string;
  /**
   * The day it is asked (`YYYY-MM-DD`): later articles do not exist yet, and a time frame
   * (`en mars 2020`, `hier`) is read against it (default: today).
   */
  readonly now?: string;
}

export interface RetrievedArticle {
  readonly article: Article;
  /** The retriever's own score: comparable within one answer only, higher is better. */
  readonly score: number;
}

export interface ArticleRetriever {
  readonly kind: "memory" | "postgres";
  /** At most `limit` articles for the question (more when its time frame adds its own best), best first. */
  retrieve(query: RetrievalQuery, limit: number): Promise<RetrievedArticle[]>;
}

/** The in-memory index as a retriever: exactly the candidates the answer pipeline ranks itself. */
export function createMemoryRetriever(news: NewsIndex): ArticleRetriever {
  return {
    kind: "memory",
    async retrieve(query, limit) {
      const reading = readQuestion(news, query.question, query.now);
      if (reading.groups.length === 0) return [];
      return retrieveCandidates(news, reading, limit).flatMap((c) => {
        const article = news.articles[c.doc];
        return article ? [{ article, score: c.rank }] : [];
      });
    },
  };
}

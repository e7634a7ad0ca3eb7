// Which retrieval ranks the articles of answers: the in-memory index (default), or Postgres
// full-text search with NEWSBOT_RETRIEVAL=postgres. The app still holds the corpus in memory
// (digests, briefings, search and the sentence scoring read it): what changes is the ranking.
// The local corpus folder is added to the shared table in the background, so full-text search
// finds it too (the first time only: ids already there are skipped).
import type { Config } from "../config/config.ts";
import type { ArticleRetriever } from "../core/answer/article-retriever.ts";
import type { NewsIndex } from "../core/search/news-index.ts";
import type { PgDatabase } from "../storage/pg-database.ts";
import type { Logger } from "./logger.ts";

export async function answerRetrieval(
  config: Config,
  pg: PgDatabase | undefined,
  news: NewsIndex,
  log: Logger,
): Promise<ArticleRetriever | undefined> {
  if (config.retrieval !== "postgres" || !pg) return undefined;
  const { addMissingArticles, createPgArticleSearch } = await import("../storage/pg-article-search.ts");
  const local = [...news.articles];
  addMissingArticles(pg, local).then(
    (added) => {
      if (added > 0) log.info(`[retrieval] ${added} local articles added to Postgres full-text search`);
    },
    (error: unknown) =>
      log.warn({ error: String(error) }, `[retrieval] local articles not added: ${String(error)}`),
  );
  return createPgArticleSearch(pg);
}

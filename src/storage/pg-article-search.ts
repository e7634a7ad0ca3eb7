// The retrieval port over Postgres full-text search, for corpora that outgrow memory: the shared
// `articles` table (pg-articles.ts) carries a generated `tsvector` (the `french` configuration,
// the title weighted A and the body D) under a GIN index (migration 3 of pg-schema.ts). A
// question's words are OR-ed (any may match, as in the in-memory BM25 ranking; an AND would lose
// every article missing one word of a long question) and matches ranked by `ts_rank_cd`. As in
// the in-memory retrieval, an article dated after the day asked does not exist yet, and a question
// with a time frame gets the best articles inside the frame as well.
import type { ArticleRetriever, RetrievedArticle } from "../core/answer/article-retriever.ts";
import { questionFrame, type TimeFrame } from "../core/answer/question-frame.ts";
import type { Article } from "../core/corpus/article.ts";
import type { PgDatabase } from "./pg-database.ts";

export interface PgArticleSearchOptions {
  /**
   * `ts_rank_cd` normalisation (a bit mask, see the Postgres manual). Default 0 (none), the best
   * recall@1 of 0, 1 and 32 in `npm run bench:retrieval`.
   */
  normalization?: number;
  /** Today (`YYYY-MM-DD`), for questions asked without a day. */
  today?: () => string;
}

// `plainto_tsquery` parses and stems like the index and drops stop words; its ANDs become ORs.
const SEARCH = `
  WITH q AS (SELECT replace(plainto_tsquery('french', $1)::text, ' & ', ' | ')::tsquery AS q)
  SELECT a.article, ts_rank_cd(a.search, q.q, $2) AS score
  FROM articles a, q
  WHERE a.search @@ q.q
    AND ($3::text IS NULL OR coalesce(a.day, '') <= $3)
    AND ($4::text IS NULL OR left(a.day, length($4)) >= left($4, length(a.day)))
    AND ($5::text IS NULL OR left(a.day, 10) <= $5)
  ORDER BY score DESC, a.seq
  LIMIT $6`;

export function createPgArticleSearch(
  db: PgDatabase,
  options: PgArticleSearchOptions = {},
): ArticleRetriever {
  const normalization = options.normalization ?? 0;
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const search = async (
    question: string,
    now: string | undefined,
    frame: TimeFrame | undefined,
    limit: number,
  ): Promise<RetrievedArticle[]> => {
    const r = await db.pool.query<{ article: Article; score: number }>(SEARCH, [
      question,
      normalization,
      now ?? null,
      frame?.from ?? null,
      frame?.to ?? null,
      limit,
    ]);
    return r.rows.map((row) => ({ article: row.article, score: Number(row.score) }));
  };
  return {
    kind: "postgres",
    async retrieve({ question, now }, limit) {
      const hits = await search(question, now, undefined, limit);
      const frame = questionFrame(question, now ?? today());
      if (frame && (frame.from || frame.to)) {
        const seen = new Set(hits.map((h) => h.article.id));
        for (const h of await search(question, now, frame, limit)) if (!seen.has(h.article.id)) hits.push(h);
        hits.sort((a, b) => b.score - a.score);
      }
      return hits;
    },
  };
}

// The retrieval port over Postgres full-text search, for corpora that outgrow memory: the shared
// `articles` table (pg-articles.ts) carries a generated `tsvector` (the `french` configuration,
// the title weighted A and the body D) under a GIN index (migration 3 of pg-schema.ts). A
// question's words are OR-ed (any may match, as in the in-memory BM25 ranking; an AND would lose
// every article missing one word of a long question) and the matches ranked by `ts_rank_cd`. As
// in the in-memory retrieval, an article dated after the day asked does not exist yet, and a
// question with a time frame gets the best articles inside the frame as well.
//
// `ts_rank_cd` reads each matching article's tsvector, and an OR of common words (`paris`,
// `personne`) matches half the archive: 2.4 s for one question on 34k articles. So the articles
// ranked are those holding one of the question's rarer words — Postgres's own statistics of the
// column (`pg_stats.most_common_elems`, the most frequent lexemes with their frequencies) tell which
// are common: lexemes it does not list are all rare (or in no article); listed ones are added, least
// frequent first, while the articles they are estimated to match stay within `rankBudget` (the
// least frequent always). Every word of the question still counts in the ranking of those articles.
import type { ArticleRetriever, RetrievedArticle } from "../core/answer/article-retriever.ts";
import { forFrenchSearch } from "../core/answer/article-retriever.ts";
import { questionFrame } from "../core/answer/question-frame.ts";
import type { Article } from "../core/corpus/article.ts";
import { createSharedArticles } from "./pg-articles.ts";
import type { PgDatabase } from "./pg-database.ts";

export interface PgArticleSearchOptions {
  /** `ts_rank_cd` normalisation (a bit mask, see the Postgres manual). Default 0 (none). */
  normalization?: number;
  /**
   * How many articles common words may bring into the ranking (estimated from the column's
   * statistics). Default 500: on 34k articles 500 and 2,000 gave the same recall and answers on the
   * news questions and headings of `npm run bench:retrieval`, 500 faster (retrieval p50 / p99
   * 315 / 1,394 ms against 355 / 1,961 ms); ranking every match took 1,156 / 3,940 ms. `Infinity`:
   * every match is ranked.
   */
  rankBudget?: number;
  /**
   * `idf` (default): each of the question's lexemes scores `ts_rank_cd` on its own, weighted by its
   * BM25 idf (document frequency from the column's statistics, counted for the rarer lexemes), so a
   * name weighs more than `paris`; `cover`: one `ts_rank_cd` of all lexemes OR-ed (no rarity).
   */
  weighting?: "idf" | "cover";
  /** Today (`YYYY-MM-DD`), for questions asked without a day. */
  today?: () => string;
}

const LEXEMES = "SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('french', $1))) AS lexeme";

// $4: no article after this day; $5, $6: the frame (prefix comparison, so a month-only date
// counts when its month overlaps); $9: ids left out
const FILTERS = `
    AND ($4::text IS NULL OR coalesce(a.day, '') <= $4)
    AND ($5::text IS NULL OR left(a.day, length($5)) >= left($5, length(a.day)))
    AND ($6::text IS NULL OR left(a.day, 10) <= $6)
    AND ($9::text[] IS NULL OR NOT (a.id = ANY($9::text[])))
  ORDER BY score DESC, a.seq
  LIMIT $7`;

// $2: the lexemes (as tsquery text), $8: their weights
const SEARCH_IDF = `
  SELECT a.article,
    (SELECT sum(u.w * ts_rank_cd(a.search, u.l::tsquery, $3)) FROM unnest($2::text[], $8::float8[]) AS u(l, w)) AS score
  FROM articles a
  WHERE a.search @@ $1::tsquery ${FILTERS}`;

const SEARCH = `
  SELECT a.article, ts_rank_cd(a.search, array_to_string($2::text[], ' | ')::tsquery, $3) + 0 * cardinality($8::float8[]) AS score
  FROM articles a
  WHERE a.search @@ $1::tsquery ${FILTERS}`;

// exact document frequencies of the lexemes pg_stats does not list (rare ones: a few index pages each)
const COUNTS =
  "SELECT l, (SELECT count(*) FROM articles WHERE search @@ l::tsquery) AS n FROM unnest($1::text[]) AS l";

// pg_stats gives the column's frequent lexemes; their frequencies are followed by three summary values
const COMMON = `
  SELECT s.most_common_elems::text::text[] AS lexemes, s.most_common_elem_freqs AS freqs, c.reltuples
  FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename
  WHERE s.tablename = 'articles' AND s.attname = 'search'`;

/** Statistics are refreshed by autovacuum's ANALYZE; reading them again this often is plenty. */
const COMMON_TTL_MS = 10 * 60_000;

const quoted = (lexeme: string) => `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
const anyOf = (lexemes: readonly string[]) => lexemes.map(quoted).join(" | ");

/** Which articles a ranking may return. */
export interface RankFilter {
  /** No article dated after this day (`YYYY-MM-DD`). */
  readonly now?: string;
  /** Only articles dated in [from, to] (a month-only date counts when its month overlaps). */
  readonly from?: string;
  readonly to?: string;
  readonly excludeIds?: readonly string[];
}

export interface PgArticleSearch extends ArticleRetriever {
  /**
   * The articles `text`'s words match best, texts included, at most `limit`: its lexemes OR-ed,
   * each weighted by its idf (English words also bring their French equivalents).
   */
  rank(text: string, limit: number, filter?: RankFilter): Promise<RetrievedArticle[]>;
}

export function createPgArticleSearch(db: PgDatabase, options: PgArticleSearchOptions = {}): PgArticleSearch {
  const normalization = options.normalization ?? 0;
  const budget = options.rankBudget ?? 500;
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const common = commonLexemes(db);
  const idf = options.weighting !== "cover";
  const search = async (
    match: string,
    rank: { lexemes: string[]; weights: number[] },
    filter: RankFilter,
    limit: number,
  ): Promise<RetrievedArticle[]> => {
    const params = [
      match,
      rank.lexemes,
      normalization,
      filter.now ?? null,
      filter.from ?? null,
      filter.to ?? null,
      limit,
      rank.weights,
      filter.excludeIds && filter.excludeIds.length > 0 ? filter.excludeIds : null,
    ];
    const r = await db.pool.query<{ article: Article; score: number }>(idf ? SEARCH_IDF : SEARCH, params);
    return r.rows.map((row) => ({ article: row.article, score: Number(row.score) }));
  };
  /** The match (rarer lexemes, within the budget) and the ranking (every lexeme, weighted). */
  const prepare = async (text: string) => {
    const lexemes = (await db.pool.query<{ lexeme: string }>(LEXEMES, [forFrenchSearch(text)])).rows.map(
      (r) => r.lexeme,
    );
    if (lexemes.length === 0) return undefined;
    const stats = await common();
    return {
      match: anyOf(withinBudget(lexemes, stats, budget)),
      rank: {
        lexemes: lexemes.map(quoted),
        weights: idf ? await idfWeights(db, lexemes, stats) : lexemes.map(() => 1),
      },
    };
  };
  return {
    kind: "postgres",
    async rank(text, limit, filter = {}) {
      const q = await prepare(text);
      return q ? search(q.match, q.rank, filter, limit) : [];
    },
    async retrieve({ question, now }, limit) {
      const q = await prepare(question);
      if (!q) return [];
      const asOf = now ? { now } : {};
      const hits = await search(q.match, q.rank, asOf, limit);
      const frame = questionFrame(question, now ?? today());
      if (frame && (frame.from || frame.to)) {
        const seen = new Set(hits.map((h) => h.article.id));
        const framed = {
          ...asOf,
          ...(frame.from ? { from: frame.from } : {}),
          ...(frame.to ? { to: frame.to } : {}),
        };
        for (const h of await search(q.match, q.rank, framed, limit))
          if (!seen.has(h.article.id)) hits.push(h);
        hits.sort((a, b) => b.score - a.score);
      }
      return hits;
    },
  };
}

export interface CommonLexemes {
  /** Estimated articles holding each frequent lexeme. */
  readonly articles: ReadonlyMap<string, number>;
  /** Articles in the table (estimated). */
  readonly total: number;
}

/** BM25's idf of each lexeme, as the in-memory index weighs terms. */
async function idfWeights(
  db: PgDatabase,
  lexemes: readonly string[],
  common: CommonLexemes,
): Promise<number[]> {
  const unlisted = lexemes.filter((l) => !common.articles.has(l));
  const counted = new Map<string, number>();
  if (unlisted.length > 0) {
    const r = await db.pool.query<{ l: string; n: string }>(COUNTS, [unlisted.map(quoted)]);
    unlisted.forEach((l, i) => {
      counted.set(l, Number(r.rows[i]?.n ?? 0));
    });
  }
  const n = Math.max(1, common.total);
  return lexemes.map((l) => {
    const df = Math.min(n, common.articles.get(l) ?? counted.get(l) ?? 0);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  });
}

function commonLexemes(db: PgDatabase): () => Promise<CommonLexemes> {
  let cached: { at: number; value: CommonLexemes } | undefined;
  return async () => {
    if (cached && Date.now() - cached.at < COMMON_TTL_MS) return cached.value;
    const row = (
      await db.pool.query<{ lexemes: string[] | null; freqs: number[] | null; reltuples: number }>(COMMON)
    ).rows[0];
    const articles = new Map<string, number>();
    let total = Math.max(0, Number(row?.reltuples ?? 0));
    // a table never analysed yet (a new or small one) has no statistics: count it
    if (total === 0)
      total = Number(
        (await db.pool.query<{ n: string }>("SELECT count(*) AS n FROM articles")).rows[0]?.n ?? 0,
      );
    row?.lexemes?.forEach((l, i) => {
      articles.set(l, (row.freqs?.[i] ?? 0) * total);
    });
    cached = { at: Date.now(), value: { articles, total } };
    return cached.value;
  };
}

/**
 * The lexemes whose articles are ranked: every rare one, then common ones, least frequent first,
 * within the budget (and at least one).
 */
export function withinBudget(lexemes: readonly string[], common: CommonLexemes, budget: number): string[] {
  const rare = lexemes.filter((l) => !common.articles.has(l));
  const frequent = lexemes
    .filter((l) => common.articles.has(l))
    .sort((a, b) => (common.articles.get(a) ?? 0) - (common.articles.get(b) ?? 0));
  const out = [...rare];
  let spent = 0;
  for (const [i, l] of frequent.entries()) {
    spent += common.articles.get(l) ?? 0;
    // the least frequent one always: the rare words may be in no article at all (a typo)
    if (spent > budget && i > 0) break;
    out.push(l);
  }
  return out;
}

/**
 * Stores the articles the table does not hold yet (a replica's local corpus folder, so that full-text
 * search finds them too); returns how many were added. Ids are checked in chunks first: a second
 * start adds nothing and costs a few queries.
 */
export async function addMissingArticles(db: PgDatabase, articles: readonly Article[]): Promise<number> {
  const shared = createSharedArticles(db);
  let added = 0;
  for (let i = 0; i < articles.length; i += 5000) {
    const chunk = articles.slice(i, i + 5000);
    const held = await db.pool.query<{ id: string }>("SELECT id FROM articles WHERE id = ANY($1::text[])", [
      chunk.map((a) => a.id),
    ]);
    const known = new Set(held.rows.map((r) => r.id));
    const missing = chunk.filter((a) => !known.has(a.id));
    for (let j = 0; j < missing.length; j += 1000) added += await shared.publish(missing.slice(j, j + 1000));
  }
  return added;
}

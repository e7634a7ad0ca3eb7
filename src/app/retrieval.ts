// NEWSBOT_RETRIEVAL=postgres: the corpus stays in Postgres and only its statistics are in memory.
// At start the local corpus folder is read and added to the shared table in the background (the
// first time only: ids already there are skipped), and the table is streamed once to count the
// statistics (`TermStats`: one document frequency per term) without keeping the texts. Answers rank
// their articles with Postgres full-text search and score them in a window weighed with those
// statistics; digests, briefings, `/news search`, `who` and article lookups read their articles
// through the Postgres article source (src/storage/pg-article-source.ts). Articles other replicas
// (or this one) add later are counted as they come (LISTEN / polling).
import type { Article, LoadProblem } from "../core/corpus/article.ts";
import { compareDatesDesc } from "../core/corpus/article.ts";
import { loadCorpus } from "../core/corpus/loader.ts";
import {
  createNewsCore,
  type NewsCore,
  type PersonMentions,
  peopleIn,
  peopleMatching,
  suggestAmong,
} from "../core/news-core.ts";
import { createTermStats } from "../core/search/term-stats.ts";
import { createWindowIndex } from "../core/search/window-index.ts";
import type { PgDatabase } from "../storage/pg-database.ts";
import type { Logger } from "./logger.ts";

/** Newest articles whose ids and titles are kept for autocompletion (ids and titles only). */
const SUGGESTED = 5000;
/** Newest articles the people suggestions are drawn from (as in memory, `peopleScope`). */
const PEOPLE_SCOPE = 2000;

export interface PgCorpus {
  readonly core: NewsCore;
  readonly problems: readonly LoadProblem[];
  /** Articles in the corpus (counted in the statistics). */
  readonly articleCount: number;
  /** Follows what is added to the table; resolves to a stop function. */
  follow(onAdded: (n: number) => void, onError: (e: unknown) => void): Promise<() => Promise<void>>;
}

export async function loadPgCorpus(pg: PgDatabase, paths: readonly string[], log: Logger): Promise<PgCorpus> {
  const [{ addMissingArticles, createPgArticleSearch }, { createPgArticleSource }, { createSharedArticles }] =
    await Promise.all([
      import("../storage/pg-article-search.ts"),
      import("../storage/pg-article-source.ts"),
      import("../storage/pg-articles.ts"),
    ]);
  const stats = createTermStats();
  const { articles: local, problems } = await loadCorpus(paths);
  stats.add(local);
  addMissingArticles(pg, local).then(
    (added) => {
      if (added > 0) log.info(`[retrieval] ${added} local articles added to Postgres full-text search`);
    },
    (error: unknown) =>
      log.warn({ error: String(error) }, `[retrieval] local articles not added: ${String(error)}`),
  );
  const shared = createSharedArticles(pg);
  const recent = createRecent(SUGGESTED);
  recent.add(local);
  local.length = 0; // the texts are not kept: counted, and on their way to the table
  let seq = 0;
  for (;;) {
    const batch = await shared.since(seq, 2000);
    if (batch.articles.length === 0) break;
    stats.add(batch.articles);
    recent.add(batch.articles);
    seq = batch.seq;
  }
  const search = createPgArticleSearch(pg);
  const people = createPeople(pg);
  const core = createNewsCore(createWindowIndex(stats, []), {
    retriever: search,
    stats,
    source: createPgArticleSource(pg, { stats, search }),
    suggestArticles: (partial, limit) => suggestAmong(recent.articles(), partial, limit),
    suggestPeople: (partial, limit) => peopleMatching(people(), partial, limit),
  });
  return {
    core,
    problems,
    articleCount: stats.docCount,
    async follow(onAdded, onError) {
      const following = await shared.follow(
        seq,
        (articles) => {
          const added = stats.add(articles);
          recent.add(articles);
          if (added > 0) onAdded(added);
        },
        { onError },
      );
      return () => following.stop();
    },
  };
}

/**
 * The newest articles' ids, titles and dates (no texts), for autocompletion; one entry per id (the
 * local corpus's articles come again from the table, at start and when they are added to it).
 */
export function createRecent(size: number) {
  let kept: Article[] = [];
  return {
    add(articles: readonly Article[]) {
      const byId = new Map(kept.map((a) => [a.id, a]));
      for (const a of articles)
        byId.set(a.id, {
          id: a.id,
          title: a.title,
          lang: a.lang,
          body: "",
          ...(a.date ? { date: a.date } : {}),
        });
      kept = [...byId.values()].sort(compareDatesDesc).slice(0, size);
    },
    articles: () => kept,
  };
}

/** The people of the newest articles, read from Postgres once asked for (empty until then). */
function createPeople(pg: PgDatabase): () => readonly PersonMentions[] {
  let people: readonly PersonMentions[] = [];
  let started = false;
  return () => {
    if (!started) {
      started = true;
      pg.pool
        .query<{ article: Article }>(
          "SELECT article FROM articles WHERE day IS NOT NULL ORDER BY day DESC, seq LIMIT $1",
          [PEOPLE_SCOPE],
        )
        .then(
          (r) => {
            people = peopleIn(r.rows.map((x) => x.article));
          },
          () => {
            started = false; // asked again later
          },
        );
    }
    return people;
  };
}

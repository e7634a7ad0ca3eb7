// The article-source port over the shared `articles` table, for corpora larger than memory: each
// command reads the articles it needs from Postgres — a period's by their indexed `day` (the newest
// `GROUPING_POOL`, plus the weeks before it that story ranking compares a period with; nothing after
// it, which a digest built on its last day could not see), a topic's or a search's through full-text search
// (pg-article-search.ts) — and indexes them in a window
// weighed with the whole corpus's statistics (`TermStats`), so stories, snippets and profiles are
// built by the same core code as over the in-memory index. Only the statistics stay in memory;
// each command's articles are dropped with its reply.

import { weekOf } from "../core/briefing/topic-events.ts";
import type { Article, ArticleLookup } from "../core/corpus/article.ts";
import { GROUPING_POOL, inPeriod, TOPIC_POOL } from "../core/digest/digest.ts";
import { queryGroups, withSnippets } from "../core/search/article-search.ts";
import type {
  ArticleSource,
  PeriodArticles,
  PeriodRequest,
  TopicArticles,
} from "../core/search/article-source.ts";
import type { TermStats } from "../core/search/term-stats.ts";
import { createWindowIndex } from "../core/search/window-index.ts";
import { dayNumber } from "../core/stories/index.ts";
import { LEARNED_PARAMS } from "../core/stories/learned-params.ts";
import type { PgArticleSearch } from "./pg-article-search.ts";
import type { PgDatabase } from "./pg-database.ts";

export interface PgArticleSourceOptions {
  readonly stats: TermStats;
  readonly search: PgArticleSearch;
  /**
   * Articles a briefing reads, best ranked on its topic first: it keeps those about the topic
   * (title or lead) and tells the busiest weeks' stories from them. Default `TOPIC_ARTICLES`.
   */
  readonly topicPool?: number;
  /**
   * At most this many articles holding every word of a name are read by `/news who` (the newest
   * first). Default 10,000 (the most named person of the 34k OrangeSum articles is in 4,400).
   */
  readonly personPool?: number;
}

/** As many as a briefing keeps at most in memory (BriefingOptions.maxArticles' default). */
const TOPIC_ARTICLES = 3000;
/** Days before a period that story ranking compares it with (stories.ts: its local window, else 28). */
const BACKGROUND_DAYS = LEARNED_PARAMS.localWindowDays || 28;
/** How long the archive's articles per week are kept before they are counted again. */
const WEEKS_TTL_MS = 60_000;
/**
 * Period windows kept (with what the story code caches on them: features, the weeks before), for
 * the same digest asked again or posted to several channels; any new article in the table drops them.
 */
const KEPT_PERIODS = 2;

// digest.ts's `inPeriod` (a month-only date counts when its month overlaps), with a condition on
// `day` alone ahead so that the index narrows the rows
const IN_PERIOD = `
  a.day IS NOT NULL AND a.day <> ''
  AND ($1::text IS NULL OR a.day >= left($1, 7))
  AND ($2::text IS NULL OR a.day <= $2)
  AND ($1::text IS NULL OR (CASE WHEN length(a.day) = 7 THEN a.day || '-31' ELSE a.day END) >= $1)
  AND ($2::text IS NULL OR (CASE WHEN length(a.day) = 7 THEN a.day || '-01' ELSE a.day END) <= $2)
  AND ($3::text[] IS NULL OR NOT (a.id = ANY($3::text[])))`;

// the newest first, the table's order (the corpus order of the in-memory index) breaking ties
const PERIOD_NEWEST = `SELECT a.seq, a.article FROM articles a WHERE ${IN_PERIOD} ORDER BY a.day DESC, a.seq LIMIT $4`;
const PERIOD_COUNT = `SELECT count(*) AS n FROM articles a WHERE ${IN_PERIOD}`;
const LATEST_DAY = "SELECT max(day) AS day FROM articles WHERE length(day) = 10";
const DAYS_BETWEEN =
  "SELECT seq, article FROM articles WHERE day >= $1 AND day < $2 AND length(day) = 10 ORDER BY seq";
const PER_DAY = "SELECT day, count(*) AS n FROM articles GROUP BY day";
// every word of the name (as `who` in memory: the articles holding all its index terms)
const NAMING =
  "SELECT article FROM articles WHERE search @@ plainto_tsquery('french', $1) ORDER BY day DESC NULLS LAST, seq LIMIT $2";

const isoDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

export function createPgArticleSource(db: PgDatabase, options: PgArticleSourceOptions): ArticleSource {
  const { stats, search } = options;
  const window = (articles: readonly Article[]) => createWindowIndex(stats, articles);
  const weeks = archiveWeeks(db);

  /** The weeks before the period's first article dated to the day (what a period's stories are
   * compared with; a month-only date is not a day: stories.ts's `firstDay`). */
  async function weeksBefore(period: readonly Article[]): Promise<{ seq: number; article: Article }[]> {
    let first = Number.POSITIVE_INFINITY;
    for (const a of period) {
      const day = a.date?.length === 10 ? dayNumber(a.date) : undefined;
      if (day !== undefined && day < first) first = day;
    }
    if (!Number.isFinite(first)) return [];
    const from = Math.floor(first);
    const rows = await db.pool.query<{ seq: string; article: Article }>(DAYS_BETWEEN, [
      isoDay(from - BACKGROUND_DAYS),
      isoDay(from),
    ]);
    return rows.rows.map((x) => ({ seq: Number(x.seq), article: x.article }));
  }

  const kept = new Map<string, { articles: PeriodArticles; all: number }>();
  async function period(request: PeriodRequest): Promise<PeriodArticles> {
    let { from, to } = request;
    if (!from && !to) {
      const latest = (await db.pool.query<{ day: string | null }>(LATEST_DAY)).rows[0]?.day;
      if (!latest) return { news: window([]) };
      from = to = latest;
    }
    const key = JSON.stringify([from, to, request.topic?.trim() ?? "", stats.docCount]);
    const hit = kept.get(key);
    // a window holding the articles excluded too is any channel's (the digest leaves them out),
    // unless the period exceeds the grouping pool (then which are grouped depends on the exclusions)
    if (hit && !(hit.all > GROUPING_POOL && (request.excludeIds?.size ?? 0) > 0)) return hit.articles;
    const read = await readPeriod(from, to, request);
    if (!read.excluding) {
      for (const k of [...kept.keys()]) if (!k.endsWith(`,${stats.docCount}]`)) kept.delete(k);
      if (kept.size >= KEPT_PERIODS) kept.delete(kept.keys().next().value as string);
      kept.set(key, read);
    }
    return read.articles;
  }

  async function readPeriod(
    from: string | undefined,
    to: string | undefined,
    request: PeriodRequest,
  ): Promise<{ articles: PeriodArticles; excluding: boolean; all: number }> {
    const resolved = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
    const topic = request.topic?.trim();
    if (topic) {
      // the period's articles best ranked on the topic: the digest keeps those near the best
      const hits = await search.rank(topic, TOPIC_POOL, resolved);
      const articles = hits.map((h) => h.article);
      const before = await weeksBefore(articles);
      return {
        articles: { news: window([...before.map((b) => b.article), ...articles]), ...resolved },
        excluding: false,
        all: articles.length,
      };
    }
    const all = Number(
      (await db.pool.query<{ n: string }>(PERIOD_COUNT, [from ?? null, to ?? null, null])).rows[0]?.n ?? 0,
    );
    // past the grouping pool, the newest not yet delivered are the ones grouped: excluded in the query
    const excluding = all > GROUPING_POOL && (request.excludeIds?.size ?? 0) > 0;
    const params = [from ?? null, to ?? null, excluding ? [...(request.excludeIds ?? [])] : null];
    const [rows, count] = await Promise.all([
      db.pool.query<{ seq: string; article: Article }>(PERIOD_NEWEST, [...params, GROUPING_POOL]),
      excluding ? db.pool.query<{ n: string }>(PERIOD_COUNT, params) : { rows: [{ n: String(all) }] },
    ]);
    const newest = rows.rows.map((x) => ({ seq: Number(x.seq), article: x.article }));
    const before = await weeksBefore(newest.map((x) => x.article));
    const ordered = [...before, ...newest].sort((a, b) => a.seq - b.seq);
    // the period's older articles may be in the weeks read before the grouped ones: those the
    // window holds are counted by the digest itself
    const excluded = excluding ? request.excludeIds : undefined;
    const heldBefore = before.filter(
      (b) => inPeriod(b.article.date, from, to) && !excluded?.has(b.article.id),
    ).length;
    const notLoaded = Math.max(0, Number(count.rows[0]?.n ?? 0) - newest.length - heldBefore);
    return {
      articles: {
        news: window(ordered.map((x) => x.article)),
        ...resolved,
        ...(notLoaded > 0 ? { notLoaded } : {}),
      },
      excluding,
      all,
    };
  }

  return {
    kind: "postgres",
    size: () => stats.docCount,
    period,
    async topic(topic, o = {}): Promise<TopicArticles> {
      const [hits, weekTotals] = await Promise.all([
        search.rank(topic, options.topicPool ?? TOPIC_ARTICLES, o.since ? { from: o.since } : {}),
        weeks(),
      ]);
      return { news: window(hits.map((h) => h.article)), weekTotals };
    },
    async search(query, limit) {
      const hits = await search.rank(query, limit);
      const news = window(hits.map((h) => h.article));
      const groups = queryGroups(news, query);
      if (groups.length === 0) return [];
      return withSnippets(
        news,
        groups,
        hits.map((h, doc) => ({ doc, score: h.score })),
      );
    },
    async person(name) {
      const r = await db.pool.query<{ article: Article }>(NAMING, [name, options.personPool ?? 10_000]);
      return window(r.rows.map((x) => x.article));
    },
    article: (idOrPrefix) => lookup(db, idOrPrefix.trim()),
  };
}

async function lookup(db: PgDatabase, id: string): Promise<ArticleLookup> {
  const exact = await db.pool.query<{ article: Article }>("SELECT article FROM articles WHERE id = $1", [id]);
  const found = exact.rows[0]?.article;
  if (found) return { status: "found", article: found };
  if (id === "") return { status: "not-found", id };
  const r = await db.pool.query<{ article: Article }>(
    "SELECT article FROM articles WHERE left(id, length($1)) = $1 LIMIT 2",
    [id],
  );
  const only = r.rows.length === 1 ? r.rows[0]?.article : undefined;
  if (only) return { status: "found", article: only };
  return { status: r.rows.length > 1 ? "ambiguous" : "not-found", id };
}

/** Articles per week of the whole archive (as topic-events.ts counts them), recounted after a minute. */
function archiveWeeks(db: PgDatabase): () => Promise<ReadonlyMap<number, number>> {
  let cached: { at: number; value: Map<number, number> } | undefined;
  return async () => {
    if (cached && Date.now() - cached.at < WEEKS_TTL_MS) return cached.value;
    const counts = new Map<number, number>();
    for (const row of (await db.pool.query<{ day: string | null; n: string }>(PER_DAY)).rows) {
      const w = weekOf(row.day ?? undefined);
      counts.set(w, (counts.get(w) ?? 0) + Number(row.n));
    }
    cached = { at: Date.now(), value: counts };
    return counts;
  };
}

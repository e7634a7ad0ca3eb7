// The digest: a period's stories (see ../stories: articles grouped by event), most important
// first, each headed by its most central title, summarised in one or two central sentences and
// listing its articles with their dates; the minor stories close it on one line. An optional
// topic keeps the articles the index finds relevant; already delivered articles (`excludeIds`)
// are skipped, so a scheduled digest never repeats a story.
import type { Article } from "../corpus/article.ts";
import { sourceRef } from "../entities/who.ts";
import { formatArticleDate } from "../i18n/format-date.ts";
import type { Locale } from "../i18n/messages.ts";
import { messages } from "../i18n/messages.ts";
import { type Block, type Reply, reply, type SourceRef } from "../reply/reply.ts";
import { queryGroups } from "../search/article-search.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { liveStoriesOf } from "../stories/live-stories.ts";
import { buildStories, type Story } from "../stories/stories.ts";

export interface DigestOptions {
  /** First day (`YYYY-MM-DD`), inclusive. With neither `from` nor `to`: the latest day of the corpus. */
  from?: string;
  /** Last day (`YYYY-MM-DD`), inclusive. */
  to?: string;
  /** Only articles on this topic (searched in the index). */
  topic?: string;
  /** Stories shown. Default 10 (a digest fits one Slack message or Discord embed set). */
  maxItems?: number;
  /** Articles already delivered: never shown again. */
  excludeIds?: ReadonlySet<string>;
  /**
   * Articles of the period that `news` does not hold (a store that loaded only the newest
   * `GROUPING_POOL`): counted as the ones past the pool are, not grouped.
   */
  notLoaded?: number;
}

export interface DigestItem {
  /** The article the item is headed and summarised by (its most central one). */
  readonly id: string;
  /** The story's headline: the title of its most central article. */
  readonly title: string;
  /** Date of the headline article. */
  readonly date?: string;
  readonly url?: string;
  readonly source?: string;
  /** One or two whole sentences quoted from the story's central articles. */
  readonly summary: readonly string[];
  /** Every article reporting this story, the headline article first. */
  readonly sources: readonly SourceRef[];
  /** Distinct sources (an article without a source counts as its own). */
  readonly sourceCount: number;
  /** Earliest and latest article dates of the story. */
  readonly firstDate?: string;
  readonly lastDate?: string;
  /** Importance of the story in the period (items are ordered by it). */
  readonly score: number;
}

/** A story past the shown ones, listed on the one-line tail. */
export interface DigestMinorStory {
  readonly id: string;
  readonly title: string;
  readonly articleIds: readonly string[];
}

export interface Digest {
  readonly from?: string;
  readonly to?: string;
  readonly topic?: string;
  readonly items: readonly DigestItem[];
  /** The next stories, by importance, for the one-line tail. */
  readonly minor: readonly DigestMinorStory[];
  /** Articles in the period (after topic filter and exclusions). */
  readonly articleCount: number;
  /** Stories in the period, of which `items` are the first. */
  readonly storyCount: number;
  /** Every article id the digest shows (its stories' articles, the tail's too): mark them delivered. */
  readonly coveredIds: readonly string[];
}

/** An article's date falls in [from, to]; a month-only date (`2025-08`) counts when its month overlaps. */
export function inPeriod(date: string | undefined, from?: string, to?: string): boolean {
  if (!date) return false;
  const first = date.length === 7 ? `${date}-01` : date;
  const last = date.length === 7 ? `${date}-31` : date;
  return (!from || last >= from) && (!to || first <= to);
}

/** How many top-ranked articles a topic filter looks at, and the share of the best score kept. */
export const TOPIC_POOL = 2000;
const TOPIC_MIN_SHARE = 0.25;
/** Articles grouped at most (the newest): any week, and the busiest month of the archive (March
 * 2020, 621 articles), fit; beyond (a year on a topic), the oldest are counted but not grouped,
 * since grouping costs the square of the articles (2,000 took 5 s). */
export const GROUPING_POOL = 700;
/** Minor stories named on the tail line. */
const TAIL_STORIES = 8;

function periodDocs(news: NewsIndex, options: DigestOptions, from?: string, to?: string): number[] {
  const excluded = options.excludeIds;
  const keep = (doc: number) => {
    const a = news.articles[doc];
    return a !== undefined && inPeriod(a.date, from, to) && !excluded?.has(a.id);
  };
  const topic = options.topic?.trim();
  if (!topic) {
    const docs: number[] = [];
    for (let d = 0; d < news.articles.length; d++) if (keep(d)) docs.push(d);
    return docs;
  }
  const groups = queryGroups(news, topic);
  const hits = groups.length ? news.rank(groups, TOPIC_POOL, keep) : [];
  const best = hits[0]?.score ?? 0;
  return hits.filter((h) => h.score >= best * TOPIC_MIN_SHARE).map((h) => h.doc);
}

function digestItem(news: NewsIndex, story: Story): DigestItem {
  const a = news.articles[story.headline] as Article;
  return {
    id: a.id,
    title: a.title,
    ...(a.date ? { date: a.date } : {}),
    ...(a.url ? { url: a.url } : {}),
    ...(a.source ? { source: a.source } : {}),
    summary: story.summary,
    sources: story.articles.map((d) => sourceRef(news.articles[d] as Article)),
    sourceCount: story.sourceCount,
    ...(story.firstDate ? { firstDate: story.firstDate } : {}),
    ...(story.lastDate ? { lastDate: story.lastDate } : {}),
    score: story.score,
  };
}

/** The period's stories, most important first, the first `maxItems` summarised. */
export function buildDigest(news: NewsIndex, options: DigestOptions = {}): Digest {
  const maxItems = options.maxItems ?? 10;
  let { from, to } = options;
  if (!from && !to) {
    let latest = "";
    for (const a of news.articles) if (a.date && a.date.length === 10 && a.date > latest) latest = a.date;
    if (latest) from = to = latest;
  }
  const docs = periodDocs(news, options, from, to);
  const notLoaded = options.notLoaded ?? 0;
  const articleCount = docs.length + notLoaded;
  const date = (d: number) => news.articles[d]?.date ?? "";
  // the newest first when the period holds more than the pool; the corpus order breaks ties
  docs.sort((a, b) => (date(a) < date(b) ? 1 : date(a) > date(b) ? -1 : a - b));
  const pool = docs.slice(0, GROUPING_POOL);
  // articles that arrived live are already in stories (the live tracker's); the rest are grouped here
  const live = liveStoriesOf(news)?.stories();
  const stories = buildStories(news, pool, { summarizeTop: maxItems, ...(live ? { groups: live } : {}) });
  const storyCount = stories.length + (docs.length - pool.length) + notLoaded;
  const items = stories.slice(0, maxItems).map((s) => digestItem(news, s));
  const minor = stories.slice(maxItems, maxItems + TAIL_STORIES).map((s) => ({
    id: news.articles[s.headline]?.id ?? "",
    title: news.articles[s.headline]?.title ?? "",
    articleIds: s.articles.map((d) => news.articles[d]?.id ?? ""),
  }));
  const topic = options.topic?.trim();
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(topic ? { topic } : {}),
    items,
    minor,
    articleCount,
    storyCount,
    coveredIds: [...items.flatMap((i) => i.sources.map((s) => s.id)), ...minor.flatMap((m) => m.articleIds)],
  };
}

/** The digest as a neutral reply: per story its headline, dates and coverage, its summary, its
 * sources with their dates; then the minor stories on one line. */
/** `shownBefore`: stories shown on the pages before this one (a paged digest), so the tail counts only the rest. */
export function digestReply(digest: Digest, locale: Locale = "fr", shownBefore = 0): Reply {
  const t = messages(locale);
  const day = (d?: string) => formatArticleDate(d, locale) ?? t.undated;
  const period = t.period(digest.from && day(digest.from), digest.to && day(digest.to));
  const title = digest.topic ? t.digestTopicTitle(period, digest.topic) : t.digestTitle(period);
  if (digest.items.length === 0) {
    const text = digest.topic ? t.digestEmptyTopic(period, digest.topic) : t.digestEmpty(period);
    return reply([{ type: "paragraph", text }], { title, visibility: "public", isError: true });
  }
  const blocks: Block[] = [
    { type: "context", text: t.digestCount(digest.items.length, digest.storyCount, digest.articleCount) },
  ];
  for (const item of digest.items) {
    blocks.push({ type: "heading", text: item.title });
    const span =
      item.firstDate && item.lastDate && item.firstDate !== item.lastDate
        ? t.period(day(item.firstDate), day(item.lastDate))
        : day(item.lastDate ?? item.date);
    const meta = [
      span,
      item.sources.length === 1 ? item.source : undefined,
      item.sources.length > 1 ? t.resultCount(item.sources.length) : undefined,
      item.sourceCount > 1 && item.sourceCount < item.sources.length
        ? t.sourcesCount(item.sourceCount)
        : undefined,
    ]
      .filter(Boolean)
      .join(" · ");
    blocks.push({ type: "context", text: meta });
    if (item.summary.length > 0) blocks.push({ type: "paragraph", text: item.summary.join(" ") });
    blocks.push({
      type: "list",
      items: item.sources.map((s) => ({
        text: `${s.title}${s.source ? ` — ${s.source}` : ""}${s.date ? ` (${day(s.date)})` : ""}`,
        ...(s.url ? { url: s.url } : {}),
      })),
    });
  }
  const shownStories = shownBefore + digest.items.length + digest.minor.length;
  if (digest.minor.length > 0)
    blocks.push({
      type: "context",
      text: t.alsoLine(
        digest.minor.map((s) => s.title),
        Math.max(0, digest.storyCount - shownStories),
      ),
    });
  return reply(blocks, { title, visibility: "public" });
}

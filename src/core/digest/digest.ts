// The daily digest: the articles of a period, newest first, each story summarised in two or three
// whole sentences with its link, near-duplicate reports of one event grouped into one item that
// lists all its sources. An optional topic keeps the articles the index finds relevant; already
// delivered articles (`excludeIds`) are skipped, so a scheduled digest never repeats a story.
import type { Article } from "../corpus/article.ts";
import { sourceRef } from "../entities/who.ts";
import { formatArticleDate } from "../i18n/format-date.ts";
import type { Locale } from "../i18n/messages.ts";
import { reportMessages } from "../i18n/report-messages.ts";
import type { NewsIndex } from "../news-index.ts";
import { type Block, type Reply, reply, type SourceRef } from "../reply/reply.ts";
import { queryGroups } from "../search/article-search.ts";
import { groupDuplicates } from "./duplicates.ts";
import { summarizeArticle } from "./summarize.ts";

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
}

export interface DigestItem {
  /** The article the item is summarised from. */
  readonly id: string;
  readonly title: string;
  readonly date?: string;
  readonly url?: string;
  readonly source?: string;
  /** Two or three whole sentences of the article. */
  readonly summary: readonly string[];
  /** Every article reporting this story, the summarised one first. */
  readonly sources: readonly SourceRef[];
}

export interface Digest {
  readonly from?: string;
  readonly to?: string;
  readonly topic?: string;
  readonly items: readonly DigestItem[];
  /** Articles in the period (after topic filter and exclusions). */
  readonly articleCount: number;
  /** Stories in the period (groups of near-duplicates), of which `items` are the first. */
  readonly storyCount: number;
  /** Every article id the digest covers (shown items and their grouped sources): mark them delivered. */
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
const TOPIC_POOL = 2000;
const TOPIC_MIN_SHARE = 0.25;
/** Stories grouped at most: enough to fill any digest, bounded for long periods. */
const GROUPING_POOL = 400;

export function buildDigest(news: NewsIndex, options: DigestOptions = {}): Digest {
  const maxItems = options.maxItems ?? 10;
  let { from, to } = options;
  if (!from && !to) {
    let latest = "";
    for (const a of news.articles) if (a.date && a.date.length === 10 && a.date > latest) latest = a.date;
    if (latest) from = to = latest;
  }
  const excluded = options.excludeIds;
  const keep = (doc: number) => {
    const a = news.articles[doc];
    return a !== undefined && inPeriod(a.date, from, to) && !excluded?.has(a.id);
  };

  let docs: number[] = [];
  const topic = options.topic?.trim();
  if (topic) {
    const groups = queryGroups(news, topic);
    const hits = groups.length ? news.rank(groups, TOPIC_POOL, keep) : [];
    const best = hits[0]?.score ?? 0;
    docs = hits.filter((h) => h.score >= best * TOPIC_MIN_SHARE).map((h) => h.doc);
  } else {
    for (let d = 0; d < news.articles.length; d++) if (keep(d)) docs.push(d);
  }
  const articleCount = docs.length;
  const date = (d: number) => news.articles[d]?.date ?? "";
  // newest first; the corpus order breaks ties, so the digest is stable
  docs.sort((a, b) => (date(a) < date(b) ? 1 : date(a) > date(b) ? -1 : a - b));
  const pool = docs.slice(0, GROUPING_POOL);
  const groups = groupDuplicates(news, pool);
  // a story is as new as its newest report; among same-day stories, the most reported first
  groups.sort((a, b) => {
    const da = date(a[0] as number);
    const db = date(b[0] as number);
    return da < db ? 1 : da > db ? -1 : b.length - a.length || (a[0] as number) - (b[0] as number);
  });
  const storyCount = groups.length + (docs.length - pool.length);

  const items: DigestItem[] = [];
  for (const group of groups.slice(0, maxItems)) {
    // summarise the report that reads best: the first with a two-sentence summary
    let lead = group[0] as number;
    let summary: string[] = [];
    for (const d of group) {
      const s = summarizeArticle(news, d);
      if (s.length > summary.length) {
        lead = d;
        summary = s;
      }
      if (s.length >= 2) break;
    }
    const a = news.articles[lead] as Article;
    items.push({
      id: a.id,
      title: a.title,
      ...(a.date ? { date: a.date } : {}),
      ...(a.url ? { url: a.url } : {}),
      ...(a.source ? { source: a.source } : {}),
      summary,
      sources: [lead, ...group.filter((d) => d !== lead)].map((d) => sourceRef(news.articles[d] as Article)),
    });
  }
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(topic ? { topic } : {}),
    items,
    articleCount,
    storyCount,
    coveredIds: items.flatMap((i) => i.sources.map((s) => s.id)),
  };
}

/** The digest as a neutral reply: per story a heading, a context line, the summary, its sources. */
export function digestReply(digest: Digest, locale: Locale = "fr"): Reply {
  const t = reportMessages(locale);
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
    const meta = [
      day(item.date),
      item.source,
      item.sources.length > 1 ? t.sourcesCount(item.sources.length) : undefined,
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
  return reply(blocks, { title, visibility: "public" });
}

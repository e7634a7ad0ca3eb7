// The feed pipeline, platform-neutral: fetch (conditional) → parse → for each item not seen before:
// build the article → dedupe (GUID/URL, then content) → store durably → add to the live index.
// A feed that fails is recorded (last error, consecutive failures) and backed off exponentially;
// the other feeds go on. An item that fails is recorded with its error and retried later with its
// own back-off; after `maxItemAttempts` it stays recorded as given up, never silently dropped.
import { hostname } from "node:os";
import pLimit from "p-limit";
import type { Article } from "../core/corpus/article.ts";
import type { NewsIndex } from "../core/search/news-index.ts";
import type { Feed, FeedStore } from "../storage/feed-store.ts";
import type { ArticleWriter } from "./corpus-writer.ts";
import { type ContentDeduper, contentFingerprint, createContentDeduper } from "./dedup.ts";
import { type FeedItem, type ParsedFeed, parseFeed } from "./feed-parser.ts";
import { FetchError, type FetchLimits, type FetchText, fetchText, isFeedContentType } from "./http.ts";
import { itemArticleId, itemToArticle } from "./item-article.ts";
import { addToLiveIndex } from "./live-index.ts";

export interface IngesterOptions {
  store: FeedStore;
  /**
   * This process's name on feed leases: replicas sharing a database poll each due feed once (the
   * one holding its lease). Default `host:pid:random`.
   */
  holder?: string;
  /** How long a lease lasts: a holder dead longer than this loses its feeds. Default 10 min. */
  leaseMs?: number;
  news: NewsIndex;
  writer: ArticleWriter;
  fetchText?: FetchText;
  now?: () => Date;
  /** Limits for feed documents. Default 15 s, 5 MiB, 5 redirects. */
  feedLimits?: FetchLimits;
  /** Limits for article pages. Default 10 s, 2 MiB, 5 redirects. */
  pageLimits?: FetchLimits;
  /** Feed content shorter than this (words) is a summary: the page is fetched. Default 120. */
  minFullTextWords?: number;
  /** Polling interval of a healthy feed, ms. Default 15 min. */
  intervalMs?: number;
  /** First back-off after a failure, doubled each time (feeds and items). Default 1 min. */
  backoffBaseMs?: number;
  /** Longest back-off. Default 6 h. */
  backoffMaxMs?: number;
  /** Attempts before an item is given up (still recorded). Default 6. */
  maxItemAttempts?: number;
  /** Feeds polled at the same time. Default 4. */
  concurrency?: number;
  /** Articles per live-index batch (the event loop turns between batches). Default 50. */
  indexBatchSize?: number;
  /** Items taken from one feed document at most (a feed listing 100,000 items is cut). Default 200. */
  maxItemsPerFeed?: number;
  deduper?: ContentDeduper;
  /**
   * Let the operator's own feeds (from the configuration or the command line) and their item pages
   * reach private addresses — intranet feeds, opted in with NEWSBOT_ALLOW_PRIVATE_FEEDS. Feeds added
   * from chat never may. Default false: every fetch reaches public addresses only.
   */
  allowPrivateOperatorFeeds?: boolean;
  /** Called with every article added to the live index (digests, logs). */
  onArticles?: (articles: readonly Article[], feed: Feed) => void;
  /** Called after each poll of `start()` with what each feed gave (metrics, logs). */
  onPoll?: (reports: readonly FeedReport[]) => void;
}

export interface FeedReport {
  readonly feedId: number;
  readonly url: string;
  readonly status: "ok" | "not-modified" | "error" | "backing-off";
  readonly error?: string;
  /** Ids of the articles added. */
  readonly added: string[];
  readonly duplicates: number;
  /** Items that failed this time (recorded, retried later). */
  readonly failed: { key: string; error: string }[];
  /** Items added with the feed's own text because their page failed, and why. */
  readonly summaries?: { key: string; error: string }[];
  /** Items already seen before. */
  readonly seen: number;
  /** Time spent in the live index's `add`, ms. */
  readonly indexMs: number;
}

export interface Ingester {
  pollFeed(feed: Feed): Promise<FeedReport>;
  /** Poll the feeds that are due (all enabled feeds when `force`), then retry due failed items. */
  runOnce(options?: { force?: boolean }): Promise<FeedReport[]>;
  /** Retry failed items whose back-off has passed. */
  retryFailedItems(): Promise<FeedReport[]>;
  /** Poll on a schedule until stopped. */
  start(tickMs?: number): { stop(): Promise<void> };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The options with their defaults filled in, and the helpers every step of the pipeline uses. */
interface Pipeline {
  readonly options: IngesterOptions;
  readonly store: FeedStore;
  readonly news: NewsIndex;
  readonly holder: string;
  readonly now: () => Date;
  readonly intervalMs: number;
  readonly maxItemAttempts: number;
  readonly concurrency: number;
  readonly maxItems: number;
  readonly deduper: ContentDeduper;
  fetcherFor(feed: Feed): FetchText;
  /** Back-off after `failures` consecutive failures, ms. */
  backoff(failures: number): number;
  /** The ISO time `ms` from now. */
  later(ms: number): string;
}

const isOperatorFeed = (feed: Feed): boolean => feed.addedBy === "config" || feed.addedBy === "cli";

/**
 * Every fetch made for a feed (the feed itself, its item pages, their redirects) carries that
 * feed's host rule, whatever the request asked.
 */
function feedFetcher(options: IngesterOptions): (feed: Feed) => FetchText {
  const baseFetcher = options.fetchText ?? fetchText;
  const allowPrivate = (feed: Feed): boolean =>
    options.allowPrivateOperatorFeeds === true && isOperatorFeed(feed);
  return (feed) =>
    async (url, request = {}) => {
      try {
        return await baseFetcher(url, { ...request, allowPrivateHosts: allowPrivate(feed) });
      } catch (error) {
        // the operator's own feed may be an intranet one: say how to allow it
        if (error instanceof FetchError && error.code === "blocked-host" && isOperatorFeed(feed))
          throw new FetchError(
            error.code,
            `${error.message}; for an intranet feed set NEWSBOT_ALLOW_PRIVATE_FEEDS=on (or --allow-private-feeds)`,
          );
        throw error;
      }
    };
}

function createPipeline(options: IngesterOptions): Pipeline {
  const now = options.now ?? (() => new Date());
  const base = options.backoffBaseMs ?? 60_000;
  const max = options.backoffMaxMs ?? 6 * 3_600_000;
  return {
    options,
    store: options.store,
    news: options.news,
    holder: options.holder ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
    now,
    intervalMs: options.intervalMs ?? 15 * 60_000,
    maxItemAttempts: options.maxItemAttempts ?? 6,
    concurrency: Math.max(1, options.concurrency ?? 4),
    maxItems: options.maxItemsPerFeed ?? 200,
    deduper: options.deduper ?? createContentDeduper(options.news),
    fetcherFor: feedFetcher(options),
    backoff: (failures) => Math.min(max, base * 2 ** Math.max(0, failures - 1)),
    later: (ms) => new Date(now().getTime() + ms).toISOString(),
  };
}

function hasArticle(news: NewsIndex, id: string): boolean {
  const doc = news.find(id);
  return doc !== undefined && news.articles[doc]?.id === id;
}

/** What one pass over a feed's items gathers. */
interface ItemBatch {
  readonly feed: Feed;
  readonly parsed: Pick<ParsedFeed, "title" | "lang" | "link">;
  readonly at: string;
  /** Items failed before, with their next attempt (undefined: given up); empty when retrying. */
  readonly pending: Map<string, string | undefined>;
  readonly accepted: Article[];
  readonly failed: { key: string; error: string }[];
  readonly summaries: { key: string; error: string }[];
  duplicates: number;
  seen: number;
}

type SeenBase = { feedId: number; key: string; url?: string; seenAt: string };

/** Recorded with its error and retried on its own back-off, until given up (still recorded). */
async function recordItemFailure(p: Pipeline, b: ItemBatch, item: FeedItem, message: string): Promise<void> {
  await p.store.recordItemFailure(b.feed.id, item.key, JSON.stringify(item), message, b.at, (attempts) =>
    attempts >= p.maxItemAttempts ? undefined : p.later(p.backoff(attempts)),
  );
  b.failed.push({ key: item.key, error: message });
}

async function markDuplicate(
  p: Pipeline,
  b: ItemBatch,
  seen: SeenBase & { articleId: string; duplicateOf: string; fingerprint?: string },
): Promise<void> {
  await p.store.markSeen({ ...seen, status: "duplicate" });
  await p.store.clearFailure(b.feed.id, seen.key);
  b.duplicates++;
}

/** False when the item is already seen, or waits for its own retry (or was given up). */
async function isNew(p: Pipeline, b: ItemBatch, item: FeedItem): Promise<boolean> {
  if (await p.store.findSeen(b.feed.id, item.key, item.link)) {
    b.seen++;
    return false;
  }
  if (!b.pending.has(item.key)) return true;
  const next = b.pending.get(item.key);
  return next !== undefined && next <= b.at;
}

/** The item's article (its page fetched when the feed gives a summary), or undefined once recorded as failed. */
async function buildArticle(p: Pipeline, b: ItemBatch, item: FeedItem) {
  const { options } = p;
  try {
    return await itemToArticle(
      item,
      { ...b.parsed, url: b.feed.url },
      {
        fetchText: p.fetcherFor(b.feed),
        ...(options.pageLimits ? { page: options.pageLimits } : {}),
        ...(options.minFullTextWords !== undefined ? { minFullTextWords: options.minFullTextWords } : {}),
      },
    );
  } catch (error) {
    await recordItemFailure(p, b, item, errorText(error));
    return undefined;
  }
}

/** The article this one repeats: same stored fingerprint under another id, or the deduper's match. */
async function contentDuplicate(p: Pipeline, article: Article, id: string, fingerprint: string) {
  const same = await p.store.findByFingerprint(fingerprint);
  const sameId = same?.status === "duplicate" ? same.duplicateOf : same?.articleId;
  return sameId !== undefined && sameId !== id ? { of: sameId } : p.deduper.check(article);
}

/** Build the article → dedupe (GUID/URL, then content) → store durably; accepted ones join the batch. */
async function processItem(p: Pipeline, b: ItemBatch, item: FeedItem): Promise<void> {
  if (!(await isNew(p, b, item))) return;
  const id = itemArticleId(item);
  const base: SeenBase = {
    feedId: b.feed.id,
    key: item.key,
    ...(item.link ? { url: item.link } : {}),
    seenAt: b.at,
  };
  if (hasArticle(p.news, id) || b.accepted.some((a) => a.id === id)) {
    // written before a crash, or the same link under two GUIDs
    await markDuplicate(p, b, { ...base, articleId: id, duplicateOf: id });
    return;
  }
  const built = await buildArticle(p, b, item);
  if (!built) return;
  const { article, pageError } = built;
  const fingerprint = contentFingerprint(article.body);
  const dup = await contentDuplicate(p, article, id, fingerprint);
  if (dup) {
    await markDuplicate(p, b, { ...base, articleId: id, fingerprint, duplicateOf: dup.of });
    return;
  }
  // remembered before the write (which yields): a feed polled meanwhile sees it
  p.deduper.remember(article);
  try {
    await p.options.writer.write(article);
  } catch (error) {
    await recordItemFailure(p, b, item, `cannot store the article: ${errorText(error)}`);
    return;
  }
  await p.store.markSeen({ ...base, articleId: article.id, fingerprint, status: "added" });
  await p.store.clearFailure(b.feed.id, item.key);
  b.accepted.push(article);
  if (pageError) b.summaries.push({ key: item.key, error: pageError });
}

/** Turn items into articles and add the new ones to the live index; shared by polls and retries. */
async function processItems(
  p: Pipeline,
  feed: Feed,
  parsed: Pick<ParsedFeed, "title" | "lang" | "link">,
  items: readonly FeedItem[],
  retrying: boolean,
): Promise<Omit<FeedReport, "status" | "feedId" | "url">> {
  const b: ItemBatch = {
    feed,
    parsed,
    at: p.now().toISOString(),
    pending: retrying
      ? new Map<string, string | undefined>()
      : new Map((await p.store.listFailures(feed.id)).map((f) => [f.key, f.nextAttemptAt])),
    accepted: [],
    failed: [],
    summaries: [],
    duplicates: 0,
    seen: 0,
  };
  for (const item of items) await processItem(p, b, item);
  const { accepted, duplicates, failed, summaries, seen } = b;
  const stats = await addToLiveIndex(p.news, accepted, p.options.indexBatchSize ?? 50);
  await p.store.addCounts(feed.id, accepted.length, duplicates);
  if (accepted.length > 0) p.options.onArticles?.(accepted, feed);
  return { added: accepted.map((a) => a.id), duplicates, failed, summaries, seen, indexMs: stats.indexMs };
}

type Validators = { etag: string | undefined; lastModified: string | undefined };
type Fetched = { feed: Feed; start: string; parsed: ParsedFeed; validators: Validators };

const emptyResult = () => ({ added: [], duplicates: 0, failed: [], seen: 0, indexMs: 0 });

/** The feed document, asked for conditionally (its ETag and Last-Modified). */
function requestFeed(p: Pipeline, feed: Feed) {
  const limits = p.options.feedLimits;
  return p.fetcherFor(feed)(feed.url, {
    timeoutMs: limits?.timeoutMs ?? 15_000,
    maxBytes: limits?.maxBytes ?? 5 * 1024 * 1024,
    maxRedirects: limits?.maxRedirects ?? 5,
    accept: isFeedContentType,
    expected: "an RSS or Atom feed",
    headers: {
      accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
      ...(feed.etag ? { "if-none-match": feed.etag } : {}),
      ...(feed.lastModified ? { "if-modified-since": feed.lastModified } : {}),
    },
  });
}

/** Fetch and parse a feed document; a report when there is nothing to process. */
async function fetchFeed(p: Pipeline, feed: Feed): Promise<Fetched | FeedReport> {
  const start = p.now().toISOString();
  const fail = async (error: string): Promise<FeedReport> => {
    await p.store.recordFailure(feed.id, error, start, p.later(p.backoff(feed.failures + 1)));
    return { feedId: feed.id, url: feed.url, status: "error", error, ...emptyResult() };
  };
  let fetched: Awaited<ReturnType<FetchText>>;
  try {
    fetched = await requestFeed(p, feed);
  } catch (error) {
    return fail(errorText(error));
  }
  const validators = {
    etag: fetched.etag ?? feed.etag,
    lastModified: fetched.lastModified ?? feed.lastModified,
  };
  if (fetched.status === 304) {
    await p.store.recordSuccess(feed.id, { at: start, ...validators, nextAttemptAt: p.later(p.intervalMs) });
    return { feedId: feed.id, url: feed.url, status: "not-modified", ...emptyResult() };
  }
  try {
    return { feed, start, parsed: parseFeed(fetched.text), validators };
  } catch (error) {
    return fail(`${feed.url}: ${errorText(error)}`);
  }
}

async function processFeed(p: Pipeline, { feed, start, parsed, validators }: Fetched): Promise<FeedReport> {
  const result = await processItems(p, feed, parsed, parsed.items.slice(0, p.maxItems), false);
  await p.store.recordSuccess(feed.id, {
    at: start,
    ...validators,
    title: parsed.title,
    nextAttemptAt: p.later(p.intervalMs),
  });
  return { feedId: feed.id, url: feed.url, status: "ok", ...result };
}

async function retryFailedItems(p: Pipeline): Promise<FeedReport[]> {
  const { store } = p;
  const due = await store.dueFailures(p.now().toISOString());
  const byFeed = new Map<number, FeedItem[]>();
  for (const f of due) {
    try {
      const item = JSON.parse(f.item) as FeedItem;
      byFeed.set(f.feedId, [...(byFeed.get(f.feedId) ?? []), item]);
    } catch {
      await store.clearFailure(f.feedId, f.key);
    }
  }
  const reports: FeedReport[] = [];
  for (const [feedId, items] of byFeed) {
    const feed = await store.getFeed(feedId);
    if (!feed) continue;
    const result = await processItems(p, feed, { ...(feed.title ? { title: feed.title } : {}) }, items, true);
    reports.push({ feedId, url: feed.url, status: "ok", ...result });
  }
  return reports;
}

/** A feed still backing off after failures, reported with its last error. */
function backingOff(f: Feed): FeedReport {
  return {
    feedId: f.id,
    url: f.url,
    status: "backing-off",
    ...(f.lastError ? { error: f.lastError } : {}),
    ...emptyResult(),
  };
}

/**
 * Feed documents are fetched side by side (at most `concurrency` at once), then their items
 * processed one feed at a time: turning items into articles is CPU work that would otherwise starve
 * the other fetches' deadlines (a blocked event loop fires their timeouts before their answers are read).
 */
async function pollLeased(p: Pipeline, queue: readonly Feed[], reports: FeedReport[]): Promise<void> {
  const fetched: Fetched[] = [];
  const limit = pLimit(p.concurrency);
  await Promise.all(
    queue.map((feed) =>
      limit(async () => {
        const got = await fetchFeed(p, feed);
        if ("parsed" in got) fetched.push(got);
        else reports.push(got);
      }),
    ),
  );
  for (const f of fetched) reports.push(await processFeed(p, f));
}

async function runOnce(p: Pipeline, opts: { force?: boolean } = {}): Promise<FeedReport[]> {
  const { store, holder } = p;
  const at = p.now().toISOString();
  const feeds = (await store.listFeeds()).filter((f) => f.enabled);
  const due = feeds.filter((f) => opts.force || f.nextAttemptAt === undefined || f.nextAttemptAt <= at);
  // another replica polling a feed holds its lease: this one leaves it alone
  const until = new Date(p.now().getTime() + (p.options.leaseMs ?? 10 * 60_000)).toISOString();
  const leased: Feed[] = [];
  for (const f of due) if (await store.takeLease(f.id, holder, at, until)) leased.push(f);
  const reports = feeds.filter((f) => !due.includes(f) && f.failures > 0).map(backingOff);
  try {
    await pollLeased(p, leased, reports);
  } finally {
    for (const f of leased) await store.releaseLease(f.id, holder);
  }
  reports.push(...(await retryFailedItems(p)));
  return reports;
}

function startPolling(p: Pipeline, tickMs: number): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = (): void => {
    running = runOnce(p)
      .then((reports) => p.options.onPoll?.(reports))
      .catch(() => {})
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, tickMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export function createIngester(options: IngesterOptions): Ingester {
  const p = createPipeline(options);
  return {
    pollFeed: async (feed) => {
      const fetched = await fetchFeed(p, feed);
      return "parsed" in fetched ? processFeed(p, fetched) : fetched;
    },
    runOnce: (opts) => runOnce(p, opts),
    retryFailedItems: () => retryFailedItems(p),
    start: (tickMs = 30_000) => startPolling(p, tickMs),
  };
}

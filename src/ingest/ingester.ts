// The feed pipeline, platform-neutral: fetch (conditional) → parse → for each item not seen before:
// build the article → dedupe (GUID/URL, then content) → store durably → add to the live index.
// A feed that fails is recorded (last error, consecutive failures) and backed off exponentially;
// the other feeds go on. An item that fails is recorded with its error and retried later with its
// own back-off; after `maxItemAttempts` it stays recorded as given up, never silently dropped.
import { hostname } from "node:os";
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

export function createIngester(options: IngesterOptions): Ingester {
  const { store, news, writer } = options;
  const holder = options.holder ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const baseFetcher = options.fetchText ?? fetchText;
  const isOperatorFeed = (feed: Feed): boolean => feed.addedBy === "config" || feed.addedBy === "cli";
  const allowPrivate = (feed: Feed): boolean =>
    options.allowPrivateOperatorFeeds === true && isOperatorFeed(feed);
  // Every fetch made for a feed (the feed itself, its item pages, their redirects) carries that
  // feed's host rule, whatever the request asked.
  const fetcherFor =
    (feed: Feed): FetchText =>
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
  const now = options.now ?? (() => new Date());
  const intervalMs = options.intervalMs ?? 15 * 60_000;
  const base = options.backoffBaseMs ?? 60_000;
  const max = options.backoffMaxMs ?? 6 * 3_600_000;
  const maxItemAttempts = options.maxItemAttempts ?? 6;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const deduper = options.deduper ?? createContentDeduper(news);
  const maxItems = options.maxItemsPerFeed ?? 200;
  const backoff = (failures: number): number => Math.min(max, base * 2 ** Math.max(0, failures - 1));
  const later = (ms: number): string => new Date(now().getTime() + ms).toISOString();

  const hasArticle = (id: string): boolean => {
    const doc = news.find(id);
    return doc !== undefined && news.articles[doc]?.id === id;
  };

  /** Turn items into articles and add the new ones; shared by polls and retries. */
  async function processItems(
    feed: Feed,
    parsed: Pick<ParsedFeed, "title" | "lang" | "link">,
    items: readonly FeedItem[],
    retrying: boolean,
  ): Promise<Omit<FeedReport, "status" | "feedId" | "url">> {
    const at = now().toISOString();
    const pending = retrying
      ? new Map<string, string | undefined>()
      : new Map((await store.listFailures(feed.id)).map((f) => [f.key, f.nextAttemptAt]));
    const accepted: Article[] = [];
    const failed: { key: string; error: string }[] = [];
    const summaries: { key: string; error: string }[] = [];
    let duplicates = 0;
    let seen = 0;
    for (const item of items) {
      if (await store.findSeen(feed.id, item.key, item.link)) {
        seen++;
        continue;
      }
      if (pending.has(item.key)) {
        const next = pending.get(item.key);
        if (next === undefined || next > at) continue; // retried on its own schedule, or given up
      }
      const id = itemArticleId(item);
      const base = { feedId: feed.id, key: item.key, ...(item.link ? { url: item.link } : {}), seenAt: at };
      if (hasArticle(id) || accepted.some((a) => a.id === id)) {
        // written before a crash, or the same link under two GUIDs
        await store.markSeen({ ...base, articleId: id, status: "duplicate", duplicateOf: id });
        await store.clearFailure(feed.id, item.key);
        duplicates++;
        continue;
      }
      let article: Article;
      let pageError: string | undefined;
      try {
        ({ article, pageError } = await itemToArticle(
          item,
          { ...parsed, url: feed.url },
          {
            fetchText: fetcherFor(feed),
            ...(options.pageLimits ? { page: options.pageLimits } : {}),
            ...(options.minFullTextWords !== undefined ? { minFullTextWords: options.minFullTextWords } : {}),
          },
        ));
      } catch (error) {
        const message = errorText(error);
        await store.recordItemFailure(feed.id, item.key, JSON.stringify(item), message, at, (attempts) =>
          attempts >= maxItemAttempts ? undefined : later(backoff(attempts)),
        );
        failed.push({ key: item.key, error: message });
        continue;
      }
      const fingerprint = contentFingerprint(article.body);
      const same = await store.findByFingerprint(fingerprint);
      const sameId = same?.status === "duplicate" ? same.duplicateOf : same?.articleId;
      const dup = sameId !== undefined && sameId !== id ? { of: sameId } : deduper.check(article);
      if (dup) {
        await store.markSeen({
          ...base,
          articleId: id,
          fingerprint,
          status: "duplicate",
          duplicateOf: dup.of,
        });
        await store.clearFailure(feed.id, item.key);
        duplicates++;
        continue;
      }
      // remembered before the write (which yields): a feed polled meanwhile sees it
      deduper.remember(article);
      try {
        await writer.write(article);
      } catch (error) {
        const message = `cannot store the article: ${errorText(error)}`;
        await store.recordItemFailure(feed.id, item.key, JSON.stringify(item), message, at, (attempts) =>
          attempts >= maxItemAttempts ? undefined : later(backoff(attempts)),
        );
        failed.push({ key: item.key, error: message });
        continue;
      }
      await store.markSeen({ ...base, articleId: article.id, fingerprint, status: "added" });
      await store.clearFailure(feed.id, item.key);
      accepted.push(article);
      if (pageError) summaries.push({ key: item.key, error: pageError });
    }
    const stats = await addToLiveIndex(news, accepted, options.indexBatchSize ?? 50);
    await store.addCounts(feed.id, accepted.length, duplicates);
    if (accepted.length > 0) options.onArticles?.(accepted, feed);
    return { added: accepted.map((a) => a.id), duplicates, failed, summaries, seen, indexMs: stats.indexMs };
  }

  type Fetched = { feed: Feed; start: string; parsed: ParsedFeed; validators: Validators };
  type Validators = { etag: string | undefined; lastModified: string | undefined };

  /** Fetch and parse a feed document; a report when there is nothing to process. */
  async function fetchFeed(feed: Feed): Promise<Fetched | FeedReport> {
    const start = now().toISOString();
    const empty = { added: [], duplicates: 0, failed: [], seen: 0, indexMs: 0 };
    const fail = async (error: string): Promise<FeedReport> => {
      await store.recordFailure(feed.id, error, start, later(backoff(feed.failures + 1)));
      return { feedId: feed.id, url: feed.url, status: "error", error, ...empty };
    };
    let fetched: Awaited<ReturnType<FetchText>>;
    try {
      fetched = await fetcherFor(feed)(feed.url, {
        timeoutMs: options.feedLimits?.timeoutMs ?? 15_000,
        maxBytes: options.feedLimits?.maxBytes ?? 5 * 1024 * 1024,
        maxRedirects: options.feedLimits?.maxRedirects ?? 5,
        accept: isFeedContentType,
        expected: "an RSS or Atom feed",
        headers: {
          accept:
            "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
          ...(feed.etag ? { "if-none-match": feed.etag } : {}),
          ...(feed.lastModified ? { "if-modified-since": feed.lastModified } : {}),
        },
      });
    } catch (error) {
      return fail(errorText(error));
    }
    const validators = {
      etag: fetched.etag ?? feed.etag,
      lastModified: fetched.lastModified ?? feed.lastModified,
    };
    if (fetched.status === 304) {
      await store.recordSuccess(feed.id, { at: start, ...validators, nextAttemptAt: later(intervalMs) });
      return { feedId: feed.id, url: feed.url, status: "not-modified", ...empty };
    }
    try {
      return { feed, start, parsed: parseFeed(fetched.text), validators };
    } catch (error) {
      return fail(`${feed.url}: ${errorText(error)}`);
    }
  }

  async function processFeed({ feed, start, parsed, validators }: Fetched): Promise<FeedReport> {
    const result = await processItems(feed, parsed, parsed.items.slice(0, maxItems), false);
    await store.recordSuccess(feed.id, {
      at: start,
      ...validators,
      title: parsed.title,
      nextAttemptAt: later(intervalMs),
    });
    return { feedId: feed.id, url: feed.url, status: "ok", ...result };
  }

  async function pollFeed(feed: Feed): Promise<FeedReport> {
    const fetched = await fetchFeed(feed);
    return "parsed" in fetched ? processFeed(fetched) : fetched;
  }

  async function retryFailedItems(): Promise<FeedReport[]> {
    const due = await store.dueFailures(now().toISOString());
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
      const result = await processItems(feed, { ...(feed.title ? { title: feed.title } : {}) }, items, true);
      reports.push({ feedId, url: feed.url, status: "ok", ...result });
    }
    return reports;
  }

  async function runOnce(opts: { force?: boolean } = {}): Promise<FeedReport[]> {
    const at = now().toISOString();
    const feeds = (await store.listFeeds()).filter((f) => f.enabled);
    const reports: FeedReport[] = [];
    const due = feeds.filter((f) => opts.force || f.nextAttemptAt === undefined || f.nextAttemptAt <= at);
    // another replica polling a feed holds its lease: this one leaves it alone
    const until = new Date(now().getTime() + (options.leaseMs ?? 10 * 60_000)).toISOString();
    const queue: Feed[] = [];
    for (const f of due) if (await store.takeLease(f.id, holder, at, until)) queue.push(f);
    const leased = [...queue];
    for (const f of feeds) {
      if (!due.includes(f) && f.failures > 0) {
        reports.push({
          feedId: f.id,
          url: f.url,
          status: "backing-off",
          ...(f.lastError ? { error: f.lastError } : {}),
          added: [],
          duplicates: 0,
          failed: [],
          seen: 0,
          indexMs: 0,
        });
      }
    }
    // Feed documents are fetched side by side, then their items processed one feed at a time:
    // turning items into articles is CPU work that would otherwise starve the other fetches'
    // deadlines (a blocked event loop fires their timeouts before their answers are read).
    const fetched: Fetched[] = [];
    try {
      const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        for (let feed = queue.shift(); feed; feed = queue.shift()) {
          const got = await fetchFeed(feed);
          if ("parsed" in got) fetched.push(got);
          else reports.push(got);
        }
      });
      await Promise.all(workers);
      for (const f of fetched) reports.push(await processFeed(f));
    } finally {
      for (const f of leased) await store.releaseLease(f.id, holder);
    }
    reports.push(...(await retryFailedItems()));
    return reports;
  }

  function start(tickMs = 30_000): { stop(): Promise<void> } {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<unknown> = Promise.resolve();
    const tick = (): void => {
      running = runOnce()
        .then((reports) => options.onPoll?.(reports))
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

  return { pollFeed, runOnce, retryFailedItems, start };
}

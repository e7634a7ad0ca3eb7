// The growing corpus, started once the bot is ready: the followed feeds, polled on a schedule, and
// the corpus folder watched for new files. New articles go to the live index (answers and digests
// see them without a restart) and, for feeds, to corpus files under `<corpus>/ingested/` so they
// are there after a restart. Loaded with import() so HTML parsing stays off the start-up path.
import type { Config } from "../config/index.ts";
import type { Article } from "../core/corpus/article.ts";
import type { NewsCore } from "../core/news-core.ts";
import {
  addToLiveIndex,
  createCorpusFileWriter,
  createIngester,
  watchCorpusFolder,
} from "../ingest/index.ts";
import type { Feed, FeedStore } from "../storage/feed-store.ts";
import type { Logger } from "./logger.ts";
import type { AppMetrics } from "./metrics.ts";
import type { SharedCorpus } from "./shared-state.ts";
import { createUnpublished } from "./unpublished.ts";

export interface IngestionOptions {
  readonly config: Config;
  readonly core: NewsCore;
  readonly feedStore: FeedStore;
  /** The corpus folder to watch (undefined: the corpus is files only). */
  readonly corpusDir: string | undefined;
  readonly ingestedDir: string;
  readonly log: Logger;
  readonly metrics: AppMetrics;
  readonly onGrow: () => void;
  /** A feed's new articles, for the channels that follow it. */
  readonly onFeedArticles?: (added: readonly Article[], feed: Feed) => void;
  /** Replicas on one database: ingested articles are shared through it (see shared-state.ts). */
  readonly shared: SharedCorpus;
  /** When the corpus was loaded: files written since are read when the watch starts. */
  readonly since: Date;
  /**
   * Where ingested articles the shared database refused are kept until they are sent (undefined:
   * in memory only); a delay, doubled after each failure, before they are sent again (default 5 s).
   */
  readonly unpublished?: { readonly file: string | undefined; readonly retryMs?: number };
}

/** Starts polling and watching; returns the steps that stop them. */
export function startIngestion(o: IngestionOptions): { name: string; run: () => Promise<unknown> }[] {
  const { config, core, log, metrics } = o;
  // Articles this replica answers but could not share yet (the database failed): kept and sent
  // again (unpublished.ts). Letting the error reach the watcher would report the file as unreadable
  // and, for appended JSON lines, never send them again (the watcher has moved past them); letting
  // it reach the feed ingester would record the item as failed although its corpus file is written,
  // and after a restart that file's article would be in the local corpus and shared by nothing.
  const unpublished = createUnpublished({
    publish: (articles) => o.shared.publish(articles),
    file: o.unpublished?.file,
    log,
    ...(o.unpublished?.retryMs !== undefined ? { retryMs: o.unpublished.retryMs } : {}),
  });
  const ingester = createIngester({
    store: o.feedStore,
    news: core.news,
    writer: createCorpusFileWriter(o.ingestedDir),
    intervalMs: config.ingest.pollMinutes * 60_000,
    allowPrivateOperatorFeeds: config.ingest.allowPrivateFeeds,
    onArticles: (added, feed) => {
      // published only now that the ingester has put them in the local index (as the watched
      // folder's are): published before, this replica's own follower could add them first and log
      // them as other replicas' articles
      void unpublished.publish(added);
      o.onGrow();
      o.onFeedArticles?.(added, feed);
      log.info({ feed: feed.url, added: added.length }, `[feeds] ${added.length} new from ${feed.url}`);
    },
    onPoll: (reports) => {
      for (const r of reports) {
        if (r.status === "backing-off") continue;
        metrics.feedPoll(r.url, r.status === "error");
        if (r.status === "error")
          log.warn(
            { feed: r.url, error: r.error },
            `[feeds] ${r.url} failed (${r.error}); it is retried later — check the URL, or remove it with /news feeds`,
          );
      }
    },
  });
  const polling = ingester.start();
  // the stop sequence runs the last step first: the retries stop after what feeds them
  const steps = [
    { name: "unpublished articles", run: () => unpublished.stop() },
    { name: "feeds", run: () => polling.stop() },
  ];
  const folder = o.corpusDir;
  if (config.ingest.watch && folder) {
    const watcher = watchCorpusFolder(folder, {
      onArticles: async (found) => {
        // into the local index before the other replicas hear of it: this replica follows the
        // shared articles too (shared-state.ts), and published first, its own follower could add
        // them before this line did (a poll or its NOTIFY landing between the commit and here),
        // leaving `added` at 0: the file read but never reported as new
        const { added } = await addToLiveIndex(core.news, found);
        o.onGrow();
        if (added > 0) log.info({ folder, added }, `[corpus] ${added} new article(s) from ${folder}`);
        await unpublished.publish(found);
      },
      onProblems: (found) => {
        for (const p of found)
          log.warn(
            { file: p.file, line: p.line, problem: p.message },
            `[corpus] ${p.file}${p.line ? `:${p.line}` : ""} skipped: ${p.message}; fix the file, it is read again when it changes`,
          );
      },
      ignore: [o.ingestedDir],
      since: o.since,
    });
    steps.push({ name: "watcher", run: async () => watcher.close() });
  }
  return steps;
}

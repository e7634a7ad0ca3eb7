// A growing corpus at start-up: the configured feeds recorded as followed, where ingested articles
// are written, the channels that follow a feed, and the feeds port the `/news feeds` commands use.
// The polling itself starts once the app is ready (./ingestion.ts).
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { FeedsService } from "../../commands/ports.ts";
import type { Config } from "../config/index.ts";
import type { NewsCore } from "../core/news-core.ts";
import { createFeedChannels, type FeedChannels, feedChannelCommands } from "../scheduling/feed-channels.ts";
import type { Stores } from "../storage/backend.ts";
import { createSqliteFeedChannelStore } from "../storage/feed-channel-store.ts";

export interface AppFeeds {
  readonly service: FeedsService;
  /** Undefined on Postgres (their state is in the SQLite file; not offered there yet). */
  readonly channels?: FeedChannels;
  /** The first corpus path that is a folder: watched for new files. */
  readonly corpusDir?: string;
  /** Where articles from feeds are written, so that they are there after a restart. */
  readonly ingestedDir: string;
}

export interface AppFeedsOptions {
  readonly config: Config;
  readonly cwd: string;
  readonly stores: Stores;
  readonly core: NewsCore;
  readonly corpusPaths: readonly string[];
  readonly say: (line: string) => void;
}

export async function createAppFeeds({
  config,
  cwd,
  stores,
  core,
  corpusPaths,
  say,
}: AppFeedsOptions): Promise<AppFeeds> {
  const feedStore = stores.feeds;
  for (const url of config.ingest.feeds)
    await feedStore.addFeed(new URL(url).href, "config", new Date().toISOString());
  const corpusDir = corpusPaths.find((p) => existsSync(p) && statSync(p).isDirectory());
  const ingestedDir = resolve(corpusDir ?? resolve(cwd, "corpus"), "ingested");
  // a feed's new items posted to the channels that follow it (`/news feeds add <url> --channel`)
  const feedChannelStore = stores.sqlite ? createSqliteFeedChannelStore(stores.sqlite) : undefined;
  const channels = feedChannelStore
    ? createFeedChannels({
        store: feedChannelStore,
        article: (id) => core.news.articles[core.news.find(id) ?? -1],
        locale: config.locale,
        log: say,
      })
    : undefined;
  // the feed fetching and parsing libraries (undici, the XML parser) load with the first command
  const admin = () => import("../ingest/feeds-admin.ts");
  const service: FeedsService = {
    list: async () => (await admin()).listFeeds(feedStore),
    add: async (url, addedBy, locale) => (await admin()).addFeed(feedStore, url, { addedBy, locale }),
    ...(channels && feedChannelStore ? feedChannelCommands(channels, feedChannelStore, feedStore) : {}),
  };
  return { service, ...(channels ? { channels } : {}), ...(corpusDir ? { corpusDir } : {}), ingestedDir };
}

// Ingestion: the corpus grows while the bot runs. This folder pulls news in — RSS 2.0 and Atom
// feeds polled with conditional requests and per-feed back-off, each new item turned into an
// Article (the feed's full text, or the linked page's main text extracted by Readability, then the
// importer's cleaning), deduplicated by GUID/URL and by content, stored durably as corpus files and
// added to the live index in small batches so answers keep flowing — and watches the corpus folder
// for dropped `*.md` files and appended `.jsonl` lines. Every untrusted input (huge, malformed,
// slow, looping, non-HTML) meets a limit and a recorded error, never a crash. Feed state lives
// behind the `FeedStore` port (src/storage/feed-store.ts), of which this folder imports only types.
// It must not import adapters or platform libraries (@slack, discord.js, node-cron, better-sqlite3):
// it is called from the CLI and the bot's start-up, and it calls only the core.
export {
  type ArticleWriter,
  corpusFilePath,
  createCorpusFileWriter,
  createMemoryWriter,
} from "./corpus-writer.ts";
export {
  type ContentDeduper,
  contentFingerprint,
  createContentDeduper,
  type Duplicate,
  jaccard,
  shingles,
} from "./dedup.ts";
export { type FeedItem, FeedParseError, feedDate, type ParsedFeed, parseFeed } from "./feed-parser.ts";
export {
  type AddFeedOptions,
  addFeed,
  listFeeds,
  validateFeedUrl,
} from "./feeds-admin.ts";
export { type FolderWatcher, watchCorpusFolder } from "./folder-watcher.ts";
export { ExtractError, extractArticle, htmlToParagraphs } from "./html-text.ts";
export { createFetchText, FetchError, type FetchLimits, type FetchText, fetchText } from "./http.ts";
export { createIngester, type FeedReport, type Ingester, type IngesterOptions } from "./ingester.ts";
export { itemArticleId, itemToArticle } from "./item-article.ts";
export { type AddStats, addToLiveIndex } from "./live-index.ts";
export { blockedHost, blockedReason, createGuardedLookup, isBlockedAddress } from "./outbound-guard.ts";

// Feed state for ingestion, behind a small port (`FeedStore`): the feeds and their conditional-
// request validators (ETag / Last-Modified), their health (last success, last error, consecutive
// failures, when to try again) and counts, every item already seen (so nothing is added twice,
// even after a restart), and the items that failed (retried later, never silently lost).
// `createSqliteFeedStore` is the implementation over the embedded database (schema version 2).
import { asyncPort, type SyncOf } from "./async-port.ts";
import type { Database } from "./database.ts";
import { opt, seenValues } from "./store-params.ts";

export interface Feed {
  readonly id: number;
  readonly url: string;
  readonly title?: string;
  readonly addedBy: string;
  readonly addedAt: string;
  readonly enabled: boolean;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly lastCheckedAt?: string;
  readonly lastSuccessAt?: string;
  readonly lastError?: string;
  readonly lastErrorAt?: string;
  /** Consecutive failed polls (0 after a success). */
  readonly failures: number;
  /** ISO time before which the feed is not polled (back-off); undefined = due now. */
  readonly nextAttemptAt?: string;
  readonly articlesAdded: number;
  readonly duplicates: number;
}

export type SeenStatus = "added" | "duplicate" | "skipped";

export interface SeenItem {
  readonly feedId: number;
  /** The item's GUID / Atom id, else its link. */
  readonly key: string;
  readonly url?: string;
  readonly articleId?: string;
  /** Fingerprint of the normalised text (exact republication). */
  readonly fingerprint?: string;
  readonly status: SeenStatus;
  readonly duplicateOf?: string;
  readonly seenAt: string;
}

export interface FailedItem {
  readonly feedId: number;
  readonly key: string;
  /** The feed item as JSON, so it can be retried without the feed still listing it. */
  readonly item: string;
  readonly attempts: number;
  readonly error: string;
  readonly firstFailedAt: string;
  readonly lastFailedAt: string;
  /** Undefined once retries are exhausted (the failure stays recorded). */
  readonly nextAttemptAt?: string;
}

export interface PollSuccess {
  readonly at: string;
  readonly etag?: string | undefined;
  readonly lastModified?: string | undefined;
  readonly title?: string | undefined;
  readonly nextAttemptAt?: string | undefined;
}

export interface FeedStore {
  /** Adds a feed, or returns the existing one with the same URL (`created: false`). */
  addFeed(url: string, addedBy: string, at: string): Promise<{ feed: Feed; created: boolean }>;
  removeFeed(id: number): Promise<boolean>;
  listFeeds(): Promise<Feed[]>;
  getFeed(id: number): Promise<Feed | undefined>;
  recordSuccess(id: number, success: PollSuccess): Promise<void>;
  /** Records a failed poll: increments the consecutive failures and sets when to try again. */
  recordFailure(id: number, error: string, at: string, nextAttemptAt: string): Promise<void>;
  addCounts(id: number, added: number, duplicates: number): Promise<void>;

  /** The item seen before under this key in this feed, or with this URL in any feed. */
  findSeen(feedId: number, key: string, url?: string): Promise<SeenItem | undefined>;
  findByFingerprint(fingerprint: string): Promise<SeenItem | undefined>;
  markSeen(item: SeenItem): Promise<void>;

  recordItemFailure(
    feedId: number,
    key: string,
    item: string,
    error: string,
    at: string,
    /** When to retry after this many attempts; undefined = give up (keep the record). */
    nextAttempt: (attempts: number) => string | undefined,
  ): Promise<FailedItem>;
  /** Failed items whose retry is due at `now` (retries not exhausted). */
  dueFailures(now: string, limit?: number): Promise<FailedItem[]>;
  listFailures(feedId?: number): Promise<FailedItem[]>;
  clearFailure(feedId: number, key: string): Promise<void>;

  /**
   * Takes (or renews) the lease on polling a feed until `until` (ISO): true when `holder` now
   * holds it — it was free, expired, or already this holder's. Replicas poll only leased feeds.
   */
  takeLease(feedId: number, holder: string, at: string, until: string): Promise<boolean>;
  releaseLease(feedId: number, holder: string): Promise<void>;
}

export interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  added_by: string;
  added_at: string;
  enabled: number;
  etag: string | null;
  last_modified: string | null;
  last_checked_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  failures: number;
  next_attempt_at: string | null;
  articles_added: number;
  duplicates: number;
}

export interface SeenRow {
  feed_id: number;
  item_key: string;
  url: string | null;
  article_id: string | null;
  fingerprint: string | null;
  status: SeenStatus;
  duplicate_of: string | null;
  seen_at: string;
}

export interface FailedRow {
  feed_id: number;
  item_key: string;
  item: string;
  attempts: number;
  error: string;
  first_failed_at: string;
  last_failed_at: string;
  next_attempt_at: string | null;
}

export function toFeed(r: FeedRow): Feed {
  return {
    id: r.id,
    url: r.url,
    addedBy: r.added_by,
    addedAt: r.added_at,
    enabled: r.enabled === 1,
    failures: r.failures,
    articlesAdded: r.articles_added,
    duplicates: r.duplicates,
    ...opt("title", r.title),
    ...opt("etag", r.etag),
    ...opt("lastModified", r.last_modified),
    ...opt("lastCheckedAt", r.last_checked_at),
    ...opt("lastSuccessAt", r.last_success_at),
    ...opt("lastError", r.last_error),
    ...opt("lastErrorAt", r.last_error_at),
    ...opt("nextAttemptAt", r.next_attempt_at),
  };
}

export function toSeen(r: SeenRow): SeenItem {
  return {
    feedId: r.feed_id,
    key: r.item_key,
    status: r.status,
    seenAt: r.seen_at,
    ...opt("url", r.url),
    ...opt("articleId", r.article_id),
    ...opt("fingerprint", r.fingerprint),
    ...opt("duplicateOf", r.duplicate_of),
  };
}

export function toFailed(r: FailedRow): FailedItem {
  return {
    feedId: r.feed_id,
    key: r.item_key,
    item: r.item,
    attempts: r.attempts,
    error: r.error,
    firstFailedAt: r.first_failed_at,
    lastFailedAt: r.last_failed_at,
    ...opt("nextAttemptAt", r.next_attempt_at),
  };
}

export function createSqliteFeedStore(db: Database): FeedStore {
  return asyncPort<FeedStore>(new SqliteFeedStore(db));
}

type FeedStatements = ReturnType<typeof feedStatements>;

function feedStatements(db: Database) {
  return {
    feedByUrl: db.prepare<[string], FeedRow>("SELECT * FROM feeds WHERE url = ?"),
    feedById: db.prepare<[number], FeedRow>("SELECT * FROM feeds WHERE id = ?"),
    feeds: db.prepare<[], FeedRow>("SELECT * FROM feeds ORDER BY id"),
    insertFeed: db.prepare<[string, string, string]>(
      "INSERT INTO feeds (url, added_by, added_at) VALUES (?, ?, ?)",
    ),
    deleteFeed: db.prepare<[number]>("DELETE FROM feeds WHERE id = ?"),
    success: db.prepare<[string, string, string | null, string | null, string | null, string | null, number]>(
      `UPDATE feeds SET last_checked_at = ?, last_success_at = ?, etag = ?, last_modified = ?,
         title = COALESCE(?, title), failures = 0, next_attempt_at = ? WHERE id = ?`,
    ),
    failure: db.prepare<[string, string, string, string, number]>(
      `UPDATE feeds SET last_checked_at = ?, last_error = ?, last_error_at = ?, failures = failures + 1,
         next_attempt_at = ? WHERE id = ?`,
    ),
    counts: db.prepare<[number, number, number]>(
      "UPDATE feeds SET articles_added = articles_added + ?, duplicates = duplicates + ? WHERE id = ?",
    ),
    seenByKey: db.prepare<[number, string], SeenRow>(
      "SELECT * FROM feed_items WHERE feed_id = ? AND item_key = ?",
    ),
    seenByUrl: db.prepare<[string], SeenRow>("SELECT * FROM feed_items WHERE url = ? LIMIT 1"),
    seenByFingerprint: db.prepare<[string], SeenRow>(
      "SELECT * FROM feed_items WHERE fingerprint = ? ORDER BY seen_at LIMIT 1",
    ),
    markSeen: db.prepare<ReturnType<typeof seenValues>>(
      `INSERT OR REPLACE INTO feed_items
         (feed_id, item_key, url, article_id, fingerprint, status, duplicate_of, seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    failedOne: db.prepare<[number, string], FailedRow>(
      "SELECT * FROM failed_items WHERE feed_id = ? AND item_key = ?",
    ),
    upsertFailed: db.prepare<[number, string, string, string, string, string, string | null]>(
      `INSERT INTO failed_items (feed_id, item_key, item, error, first_failed_at, last_failed_at, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (feed_id, item_key) DO UPDATE SET
         item = excluded.item, attempts = attempts + 1, error = excluded.error,
         last_failed_at = excluded.last_failed_at, next_attempt_at = excluded.next_attempt_at`,
    ),
    due: db.prepare<[string, number], FailedRow>(
      `SELECT * FROM failed_items WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= ?
       ORDER BY next_attempt_at LIMIT ?`,
    ),
    failures: db.prepare<[], FailedRow>("SELECT * FROM failed_items ORDER BY feed_id, last_failed_at"),
    failuresOf: db.prepare<[number], FailedRow>(
      "SELECT * FROM failed_items WHERE feed_id = ? ORDER BY last_failed_at",
    ),
    clearFailed: db.prepare<[number, string]>("DELETE FROM failed_items WHERE feed_id = ? AND item_key = ?"),
    lease: db.prepare<[string, string, number, string, string]>(
      `UPDATE feeds SET lease_holder = ?, lease_until = ?
       WHERE id = ? AND (lease_holder IS NULL OR lease_holder = ? OR lease_until IS NULL OR lease_until <= ?)`,
    ),
    unlease: db.prepare<[number, string]>(
      "UPDATE feeds SET lease_holder = NULL, lease_until = NULL WHERE id = ? AND lease_holder = ?",
    ),
  };
}

/** The feed store over SQLite (synchronous; `createSqliteFeedStore` makes it the port). */
class SqliteFeedStore implements SyncOf<FeedStore> {
  readonly #q: FeedStatements;

  constructor(db: Database) {
    this.#q = feedStatements(db);
  }

  addFeed(url: string, addedBy: string, at: string): { feed: Feed; created: boolean } {
    const existing = this.#q.feedByUrl.get(url);
    if (existing) return { feed: toFeed(existing), created: false };
    const id = Number(this.#q.insertFeed.run(url, addedBy, at).lastInsertRowid);
    const feed = this.getFeed(id);
    if (!feed) throw new Error(`feed ${url} was not stored`);
    return { feed, created: true };
  }

  removeFeed(id: number): boolean {
    return this.#q.deleteFeed.run(id).changes > 0;
  }

  listFeeds(): Feed[] {
    return this.#q.feeds.all().map(toFeed);
  }

  getFeed(id: number): Feed | undefined {
    const row = this.#q.feedById.get(id);
    return row ? toFeed(row) : undefined;
  }

  recordSuccess(id: number, s: PollSuccess): void {
    const validators = [s.etag ?? null, s.lastModified ?? null] as const;
    this.#q.success.run(s.at, s.at, ...validators, s.title ?? null, s.nextAttemptAt ?? null, id);
  }

  recordFailure(id: number, error: string, at: string, nextAttemptAt: string): void {
    this.#q.failure.run(at, error, at, nextAttemptAt, id);
  }

  addCounts(id: number, added: number, duplicates: number): void {
    if (added !== 0 || duplicates !== 0) this.#q.counts.run(added, duplicates, id);
  }

  findSeen(feedId: number, key: string, url?: string): SeenItem | undefined {
    const row = this.#q.seenByKey.get(feedId, key) ?? (url ? this.#q.seenByUrl.get(url) : undefined);
    return row ? toSeen(row) : undefined;
  }

  findByFingerprint(fingerprint: string): SeenItem | undefined {
    const row = this.#q.seenByFingerprint.get(fingerprint);
    return row ? toSeen(row) : undefined;
  }

  markSeen(item: SeenItem): void {
    this.#q.markSeen.run(...seenValues(item));
  }

  recordItemFailure(
    feedId: number,
    key: string,
    item: string,
    error: string,
    at: string,
    nextAttempt: (attempts: number) => string | undefined,
  ): FailedItem {
    const attempts = (this.#q.failedOne.get(feedId, key)?.attempts ?? 0) + 1;
    this.#q.upsertFailed.run(feedId, key, item, error, at, at, nextAttempt(attempts) ?? null);
    const row = this.#q.failedOne.get(feedId, key);
    if (!row) throw new Error("failed item was not stored");
    return toFailed(row);
  }

  dueFailures(now: string, limit = 100): FailedItem[] {
    return this.#q.due.all(now, limit).map(toFailed);
  }

  listFailures(feedId?: number): FailedItem[] {
    return (feedId === undefined ? this.#q.failures.all() : this.#q.failuresOf.all(feedId)).map(toFailed);
  }

  clearFailure(feedId: number, key: string): void {
    this.#q.clearFailed.run(feedId, key);
  }

  takeLease(feedId: number, holder: string, at: string, until: string): boolean {
    return this.#q.lease.run(holder, until, feedId, holder, at).changes === 1;
  }

  releaseLease(feedId: number, holder: string): void {
    this.#q.unlease.run(feedId, holder);
  }
}

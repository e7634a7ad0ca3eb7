// Feed state over Postgres: the same port as the SQLite feed store, plus the lease that lets
// several replicas share the followed feeds — a feed is polled by the replica holding its lease,
// which expires, so a dead holder's feeds are taken over.
import { boundMethods } from "./async-port.ts";
import {
  type FailedItem,
  type FailedRow,
  type Feed,
  type FeedRow,
  type FeedStore,
  type PollSuccess,
  type SeenItem,
  type SeenRow,
  toFailed,
  toFeed,
  toSeen,
} from "./feed-store.ts";
import type { PgDatabase } from "./pg-database.ts";
import { seenValues } from "./store-params.ts";

export function createPgFeedStore(db: PgDatabase): FeedStore {
  return boundMethods<FeedStore>(new PgFeedStore(db));
}

const FEED_SQL = {
  insertFeed:
    "INSERT INTO feeds (url, added_by, added_at) VALUES ($1, $2, $3) ON CONFLICT (url) DO NOTHING RETURNING *",
  feedByUrl: "SELECT * FROM feeds WHERE url = $1",
  feedById: "SELECT * FROM feeds WHERE id = $1",
  feeds: "SELECT * FROM feeds ORDER BY id",
  deleteFeed: "DELETE FROM feeds WHERE id = $1",
  success: `UPDATE feeds SET last_checked_at = $1, last_success_at = $1, etag = $2, last_modified = $3,
       title = COALESCE($4, title), failures = 0, next_attempt_at = $5 WHERE id = $6`,
  failure: `UPDATE feeds SET last_checked_at = $1, last_error = $2, last_error_at = $1, failures = failures + 1,
       next_attempt_at = $3 WHERE id = $4`,
  counts: "UPDATE feeds SET articles_added = articles_added + $1, duplicates = duplicates + $2 WHERE id = $3",
  seenByKey: "SELECT * FROM feed_items WHERE feed_id = $1 AND item_key = $2",
  seenByUrl: "SELECT * FROM feed_items WHERE url = $1 LIMIT 1",
  seenByFingerprint: "SELECT * FROM feed_items WHERE fingerprint = $1 ORDER BY seen_at LIMIT 1",
  markSeen: `INSERT INTO feed_items (feed_id, item_key, url, article_id, fingerprint, status, duplicate_of, seen_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (feed_id, item_key) DO UPDATE SET url = EXCLUDED.url, article_id = EXCLUDED.article_id,
       fingerprint = EXCLUDED.fingerprint, status = EXCLUDED.status, duplicate_of = EXCLUDED.duplicate_of,
       seen_at = EXCLUDED.seen_at`,
  failedOne: "SELECT * FROM failed_items WHERE feed_id = $1 AND item_key = $2",
  upsertFailed: `INSERT INTO failed_items (feed_id, item_key, item, error, first_failed_at, last_failed_at, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $5, $6)
     ON CONFLICT (feed_id, item_key) DO UPDATE SET item = EXCLUDED.item,
       attempts = failed_items.attempts + 1, error = EXCLUDED.error,
       last_failed_at = EXCLUDED.last_failed_at, next_attempt_at = EXCLUDED.next_attempt_at`,
  due: `SELECT * FROM failed_items WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= $1
     ORDER BY next_attempt_at LIMIT $2`,
  failures: "SELECT * FROM failed_items ORDER BY feed_id, last_failed_at",
  failuresOf: "SELECT * FROM failed_items WHERE feed_id = $1 ORDER BY last_failed_at",
  clearFailed: "DELETE FROM failed_items WHERE feed_id = $1 AND item_key = $2",
  lease: `UPDATE feeds SET lease_holder = $2, lease_until = $4
     WHERE id = $1 AND (lease_holder IS NULL OR lease_holder = $2 OR lease_until IS NULL OR lease_until <= $3)`,
  unlease: "UPDATE feeds SET lease_holder = NULL, lease_until = NULL WHERE id = $1 AND lease_holder = $2",
} as const;

/** The feed store over Postgres. */
class PgFeedStore implements FeedStore {
  readonly #pool: PgDatabase["pool"];

  constructor(db: PgDatabase) {
    this.#pool = db.pool;
  }

  async addFeed(url: string, addedBy: string, at: string): Promise<{ feed: Feed; created: boolean }> {
    const created = await this.#feed(FEED_SQL.insertFeed, [url, addedBy, at]);
    if (created) return { feed: created, created: true };
    const existing = await this.#feed(FEED_SQL.feedByUrl, [url]);
    if (!existing) throw new Error(`feed ${url} was not stored`);
    return { feed: existing, created: false };
  }

  async removeFeed(id: number): Promise<boolean> {
    return ((await this.#pool.query(FEED_SQL.deleteFeed, [id])).rowCount ?? 0) > 0;
  }

  async listFeeds(): Promise<Feed[]> {
    return (await this.#pool.query<FeedRow>(FEED_SQL.feeds)).rows.map(toFeed);
  }

  getFeed(id: number): Promise<Feed | undefined> {
    return this.#feed(FEED_SQL.feedById, [id]);
  }

  async recordSuccess(id: number, s: PollSuccess): Promise<void> {
    const validators = [s.etag ?? null, s.lastModified ?? null];
    await this.#pool.query(FEED_SQL.success, [
      s.at,
      ...validators,
      s.title ?? null,
      s.nextAttemptAt ?? null,
      id,
    ]);
  }

  async recordFailure(id: number, error: string, at: string, nextAttemptAt: string): Promise<void> {
    await this.#pool.query(FEED_SQL.failure, [at, error, nextAttemptAt, id]);
  }

  async addCounts(id: number, added: number, duplicates: number): Promise<void> {
    if (added === 0 && duplicates === 0) return;
    await this.#pool.query(FEED_SQL.counts, [added, duplicates, id]);
  }

  async findSeen(feedId: number, key: string, url?: string): Promise<SeenItem | undefined> {
    return (
      (await this.#seen(FEED_SQL.seenByKey, [feedId, key])) ??
      (url ? await this.#seen(FEED_SQL.seenByUrl, [url]) : undefined)
    );
  }

  findByFingerprint(fingerprint: string): Promise<SeenItem | undefined> {
    return this.#seen(FEED_SQL.seenByFingerprint, [fingerprint]);
  }

  async markSeen(item: SeenItem): Promise<void> {
    await this.#pool.query(FEED_SQL.markSeen, seenValues(item));
  }

  async recordItemFailure(
    feedId: number,
    key: string,
    item: string,
    error: string,
    at: string,
    nextAttempt: (attempts: number) => string | undefined,
  ): Promise<FailedItem> {
    const attempts = ((await this.#failed(FEED_SQL.failedOne, [feedId, key]))[0]?.attempts ?? 0) + 1;
    await this.#pool.query(FEED_SQL.upsertFailed, [
      feedId,
      key,
      item,
      error,
      at,
      nextAttempt(attempts) ?? null,
    ]);
    const row = (await this.#failed(FEED_SQL.failedOne, [feedId, key]))[0];
    if (!row) throw new Error("failed item was not stored");
    return row;
  }

  dueFailures(now: string, limit = 100): Promise<FailedItem[]> {
    return this.#failed(FEED_SQL.due, [now, limit]);
  }

  listFailures(feedId?: number): Promise<FailedItem[]> {
    return feedId === undefined
      ? this.#failed(FEED_SQL.failures)
      : this.#failed(FEED_SQL.failuresOf, [feedId]);
  }

  async clearFailure(feedId: number, key: string): Promise<void> {
    await this.#pool.query(FEED_SQL.clearFailed, [feedId, key]);
  }

  async takeLease(feedId: number, holder: string, at: string, until: string): Promise<boolean> {
    return (await this.#pool.query(FEED_SQL.lease, [feedId, holder, at, until])).rowCount === 1;
  }

  async releaseLease(feedId: number, holder: string): Promise<void> {
    await this.#pool.query(FEED_SQL.unlease, [feedId, holder]);
  }

  async #feed(sql: string, params: unknown[]): Promise<Feed | undefined> {
    const row = (await this.#pool.query<FeedRow>(sql, params)).rows[0];
    return row ? toFeed(row) : undefined;
  }

  async #seen(sql: string, params: unknown[]): Promise<SeenItem | undefined> {
    const row = (await this.#pool.query<SeenRow>(sql, params)).rows[0];
    return row ? toSeen(row) : undefined;
  }

  async #failed(sql: string, params: unknown[] = []): Promise<FailedItem[]> {
    return (await this.#pool.query<FailedRow>(sql, params)).rows.map(toFailed);
  }
}

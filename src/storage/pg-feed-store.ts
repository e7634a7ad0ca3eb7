// Feed state over Postgres: the same port as the SQLite feed store, plus the lease that lets
// several replicas share the followed feeds — a feed is polled by the replica holding its lease,
// which expires, so a dead holder's feeds are taken over.
import {
  type FailedRow,
  type FeedRow,
  type FeedStore,
  type SeenRow,
  toFailed,
  toFeed,
  toSeen,
} from "./feed-store.ts";
import type { PgDatabase } from "./pg-database.ts";

export function createPgFeedStore(db: PgDatabase): FeedStore {
  const { pool } = db;
  const feed = async (sql: string, params: unknown[]) => {
    const row = (await pool.query<FeedRow>(sql, params)).rows[0];
    return row ? toFeed(row) : undefined;
  };
  const seen = async (sql: string, params: unknown[]) => {
    const row = (await pool.query<SeenRow>(sql, params)).rows[0];
    return row ? toSeen(row) : undefined;
  };
  const failedRows = async (sql: string, params: unknown[] = []) =>
    (await pool.query<FailedRow>(sql, params)).rows.map(toFailed);
  return {
    async addFeed(url, addedBy, at) {
      const created = await feed(
        "INSERT INTO feeds (url, added_by, added_at) VALUES ($1, $2, $3) ON CONFLICT (url) DO NOTHING RETURNING *",
        [url, addedBy, at],
      );
      if (created) return { feed: created, created: true };
      const existing = await feed("SELECT * FROM feeds WHERE url = $1", [url]);
      if (!existing) throw new Error(`feed ${url} was not stored`);
      return { feed: existing, created: false };
    },
    removeFeed: async (id) => ((await pool.query("DELETE FROM feeds WHERE id = $1", [id])).rowCount ?? 0) > 0,
    listFeeds: async () => (await pool.query<FeedRow>("SELECT * FROM feeds ORDER BY id")).rows.map(toFeed),
    getFeed: (id) => feed("SELECT * FROM feeds WHERE id = $1", [id]),
    async recordSuccess(id, s) {
      await pool.query(
        `UPDATE feeds SET last_checked_at = $1, last_success_at = $1, etag = $2, last_modified = $3,
           title = COALESCE($4, title), failures = 0, next_attempt_at = $5 WHERE id = $6`,
        [s.at, s.etag ?? null, s.lastModified ?? null, s.title ?? null, s.nextAttemptAt ?? null, id],
      );
    },
    async recordFailure(id, error, at, nextAttemptAt) {
      await pool.query(
        `UPDATE feeds SET last_checked_at = $1, last_error = $2, last_error_at = $1, failures = failures + 1,
           next_attempt_at = $3 WHERE id = $4`,
        [at, error, nextAttemptAt, id],
      );
    },
    async addCounts(id, added, duplicates) {
      if (added === 0 && duplicates === 0) return;
      await pool.query(
        "UPDATE feeds SET articles_added = articles_added + $1, duplicates = duplicates + $2 WHERE id = $3",
        [added, duplicates, id],
      );
    },
    async findSeen(feedId, key, url) {
      return (
        (await seen("SELECT * FROM feed_items WHERE feed_id = $1 AND item_key = $2", [feedId, key])) ??
        (url ? await seen("SELECT * FROM feed_items WHERE url = $1 LIMIT 1", [url]) : undefined)
      );
    },
    findByFingerprint: (fingerprint) =>
      seen("SELECT * FROM feed_items WHERE fingerprint = $1 ORDER BY seen_at LIMIT 1", [fingerprint]),
    async markSeen(item) {
      await pool.query(
        `INSERT INTO feed_items (feed_id, item_key, url, article_id, fingerprint, status, duplicate_of, seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (feed_id, item_key) DO UPDATE SET url = EXCLUDED.url, article_id = EXCLUDED.article_id,
           fingerprint = EXCLUDED.fingerprint, status = EXCLUDED.status, duplicate_of = EXCLUDED.duplicate_of,
           seen_at = EXCLUDED.seen_at`,
        [
          item.feedId,
          item.key,
          item.url ?? null,
          item.articleId ?? null,
          item.fingerprint ?? null,
          item.status,
          item.duplicateOf ?? null,
          item.seenAt,
        ],
      );
    },
    async recordItemFailure(feedId, key, item, error, at, nextAttempt) {
      const one = "SELECT * FROM failed_items WHERE feed_id = $1 AND item_key = $2";
      const attempts = ((await failedRows(one, [feedId, key]))[0]?.attempts ?? 0) + 1;
      await pool.query(
        `INSERT INTO failed_items (feed_id, item_key, item, error, first_failed_at, last_failed_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $5, $6)
         ON CONFLICT (feed_id, item_key) DO UPDATE SET item = EXCLUDED.item,
           attempts = failed_items.attempts + 1, error = EXCLUDED.error,
           last_failed_at = EXCLUDED.last_failed_at, next_attempt_at = EXCLUDED.next_attempt_at`,
        [feedId, key, item, error, at, nextAttempt(attempts) ?? null],
      );
      const row = (await failedRows(one, [feedId, key]))[0];
      if (!row) throw new Error("failed item was not stored");
      return row;
    },
    dueFailures: (now, limit = 100) =>
      failedRows(
        `SELECT * FROM failed_items WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= $1
         ORDER BY next_attempt_at LIMIT $2`,
        [now, limit],
      ),
    listFailures: (feedId) =>
      feedId === undefined
        ? failedRows("SELECT * FROM failed_items ORDER BY feed_id, last_failed_at")
        : failedRows("SELECT * FROM failed_items WHERE feed_id = $1 ORDER BY last_failed_at", [feedId]),
    async clearFailure(feedId, key) {
      await pool.query("DELETE FROM failed_items WHERE feed_id = $1 AND item_key = $2", [feedId, key]);
    },
    async takeLease(feedId, holder, at, until) {
      const r = await pool.query(
        `UPDATE feeds SET lease_holder = $2, lease_until = $4
         WHERE id = $1 AND (lease_holder IS NULL OR lease_holder = $2 OR lease_until IS NULL OR lease_until <= $3)`,
        [feedId, holder, at, until],
      );
      return r.rowCount === 1;
    },
    async releaseLease(feedId, holder) {
      await pool.query(
        "UPDATE feeds SET lease_holder = NULL, lease_until = NULL WHERE id = $1 AND lease_holder = $2",
        [feedId, holder],
      );
    },
  };
}

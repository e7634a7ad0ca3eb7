// Feed channels: a channel following a feed (its filter, exclusions and format) and the log of the
// feed's items posted there. Every item due in a channel is a row, unique per channel and article,
// so it is claimed (`pending` → `posting`) by one worker, confirmed `done` with its message ids,
// or `failed` (tried again later) or `uncertain` (its outcome unknown: never re-sent blindly). A
// channel whose posts fail permanently too often is disabled with the reason. A small port with
// its SQLite implementation (schema version 5).
import { boundMethods } from "./async-port.ts";
import type { Database } from "./database.ts";

export type FeedPostFormat = "compact" | "full";

export interface NewFeedChannel {
  readonly feedId: number;
  readonly platform: string;
  readonly channelId: string;
  /** Post only items naming one of these words (none: every item). */
  readonly filter: readonly string[];
  /** Never post items naming one of these. */
  readonly exclude: readonly string[];
  readonly format: FeedPostFormat;
  readonly createdBy: string;
}

export interface FeedChannel extends NewFeedChannel {
  readonly id: number;
  readonly createdAt: string;
  /** Since when its items are posted: the feed's back catalogue (what its first poll found) never is. */
  readonly primedAt?: string;
  readonly enabled: boolean;
  readonly failures: number;
  readonly disabledReason?: string;
}

export type FeedPostStatus = "pending" | "posting" | "done" | "failed" | "uncertain" | "skipped";

export interface FeedPost {
  readonly id: number;
  readonly feedChannelId: number;
  readonly articleId: string;
  readonly status: FeedPostStatus;
  readonly claimedBy?: string;
  readonly claimedAt?: string;
  readonly attempts: number;
  readonly nextAttemptAt?: string;
  readonly messageRef?: string;
  readonly error?: string;
}

export interface FeedChannelStore {
  /** Follows a feed in a channel, or updates the filter/format of an existing follow (enabled again). */
  follow(input: NewFeedChannel, now: Date, primed: boolean): { channel: FeedChannel; created: boolean };
  get(id: number): FeedChannel | undefined;
  list(filter?: {
    platform?: string;
    channelId?: string;
    feedId?: number;
    enabledOnly?: boolean;
  }): FeedChannel[];
  prime(id: number, now: Date): void;
  /** Items due in the channel (`pending`); items it already has are left alone. */
  enqueue(id: number, articleIds: readonly string[], now: Date): void;
  /** Items seen but not posted (back catalogue, filtered out). */
  skip(id: number, articleIds: readonly string[], now: Date): void;
  /** Pending posts and failed ones whose retry is due. */
  due(now: Date): FeedPost[];
  /** `pending`/`failed` → `posting` for this worker; false when another one has it. */
  claim(postId: number, worker: string, now: Date): boolean;
  complete(postId: number, messageRef: string): void;
  /** Not sent: tried again at `retryAt` (undefined: given up). */
  fail(postId: number, error: string, retryAt: Date | undefined): void;
  markUncertain(postId: number, detail: string): void;
  /** Posts left `posting` (by a process that died) claimed before `before`. */
  stale(before: Date): FeedPost[];
  recordSuccess(id: number): void;
  recordFailure(id: number, reason: string, disableAfter: number): { disabled: boolean };
  posts(id: number): FeedPost[];
}

interface ChannelRow {
  id: number;
  feed_id: number;
  platform: string;
  channel_id: string;
  filter: string;
  exclude: string;
  format: FeedPostFormat;
  created_by: string;
  created_at: string;
  primed_at: string | null;
  enabled: number;
  failures: number;
  disabled_reason: string | null;
}

interface PostRow {
  id: number;
  feed_channel_id: number;
  article_id: string;
  status: FeedPostStatus;
  claimed_by: string | null;
  claimed_at: string | null;
  attempts: number;
  next_attempt_at: string | null;
  message_ref: string | null;
  error: string | null;
}

const toChannel = (r: ChannelRow): FeedChannel => ({
  id: r.id,
  feedId: r.feed_id,
  platform: r.platform,
  channelId: r.channel_id,
  filter: JSON.parse(r.filter) as string[],
  exclude: JSON.parse(r.exclude) as string[],
  format: r.format,
  createdBy: r.created_by,
  createdAt: r.created_at,
  ...(r.primed_at ? { primedAt: r.primed_at } : {}),
  enabled: r.enabled === 1,
  failures: r.failures,
  ...(r.disabled_reason ? { disabledReason: r.disabled_reason } : {}),
});

const toPost = (r: PostRow): FeedPost => ({
  id: r.id,
  feedChannelId: r.feed_channel_id,
  articleId: r.article_id,
  status: r.status,
  attempts: r.attempts,
  ...(r.claimed_by ? { claimedBy: r.claimed_by } : {}),
  ...(r.claimed_at ? { claimedAt: r.claimed_at } : {}),
  ...(r.next_attempt_at ? { nextAttemptAt: r.next_attempt_at } : {}),
  ...(r.message_ref ? { messageRef: r.message_ref } : {}),
  ...(r.error ? { error: r.error } : {}),
});

export function createSqliteFeedChannelStore(db: Database): FeedChannelStore {
  return boundMethods<FeedChannelStore>(new SqliteFeedChannelStore(db));
}

/** A failed post given up on is never due again: its retry time is past any real date. */
const NEVER = "9999-12-31T00:00:00.000Z";

type ChannelStatements = ReturnType<typeof channelStatements>;

function channelStatements(db: Database) {
  const addPost = (status: FeedPostStatus) =>
    db.prepare<[number, string, string]>(
      `INSERT OR IGNORE INTO feed_posts (feed_channel_id, article_id, status, created_at) VALUES (?, ?, '${status}', ?)`,
    );
  return {
    byId: db.prepare<[number], ChannelRow>("SELECT * FROM feed_channels WHERE id = ?"),
    same: db.prepare<[number, string, string], ChannelRow>(
      "SELECT * FROM feed_channels WHERE feed_id = ? AND platform = ? AND channel_id = ?",
    ),
    insert: db.prepare(
      `INSERT INTO feed_channels (feed_id, platform, channel_id, filter, exclude, format, created_by, created_at, primed_at)
       VALUES (@feedId, @platform, @channelId, @filter, @exclude, @format, @createdBy, @createdAt, @primedAt)`,
    ),
    update: db.prepare(
      `UPDATE feed_channels SET filter = @filter, exclude = @exclude, format = @format, enabled = 1, failures = 0,
         disabled_reason = NULL WHERE id = @id`,
    ),
    prime: db.prepare<[string, number]>(
      "UPDATE feed_channels SET primed_at = ? WHERE id = ? AND primed_at IS NULL",
    ),
    pending: addPost("pending"),
    skipped: addPost("skipped"),
    due: db.prepare<[string], PostRow>(
      `SELECT p.* FROM feed_posts p JOIN feed_channels c ON c.id = p.feed_channel_id
       WHERE c.enabled = 1 AND (p.status = 'pending' OR (p.status = 'failed' AND p.next_attempt_at <= ?))
       ORDER BY p.id`,
    ),
    claim: db.prepare<[string, string, number]>(
      `UPDATE feed_posts SET status = 'posting', claimed_by = ?, claimed_at = ?, attempts = attempts + 1
       WHERE id = ? AND status IN ('pending', 'failed')`,
    ),
    complete: db.prepare<[string, number]>(
      "UPDATE feed_posts SET status = 'done', message_ref = ?, error = NULL WHERE id = ?",
    ),
    fail: db.prepare<[string, string, number]>(
      "UPDATE feed_posts SET status = 'failed', error = ?, next_attempt_at = ? WHERE id = ?",
    ),
    markUncertain: db.prepare<[string, number]>(
      "UPDATE feed_posts SET status = 'uncertain', error = ? WHERE id = ?",
    ),
    stale: db.prepare<[string], PostRow>(
      "SELECT * FROM feed_posts WHERE status = 'posting' AND claimed_at < ?",
    ),
    success: db.prepare<[number]>("UPDATE feed_channels SET failures = 0 WHERE id = ?"),
    failure: db.prepare<[number]>("UPDATE feed_channels SET failures = failures + 1 WHERE id = ?"),
    disable: db.prepare<[string, number]>(
      "UPDATE feed_channels SET enabled = 0, disabled_reason = ? WHERE id = ?",
    ),
    posts: db.prepare<[number], PostRow>("SELECT * FROM feed_posts WHERE feed_channel_id = ? ORDER BY id"),
  };
}

/** The feed channel store over SQLite. */
class SqliteFeedChannelStore implements FeedChannelStore {
  readonly #db: Database;
  readonly #q: ChannelStatements;

  constructor(db: Database) {
    this.#db = db;
    this.#q = channelStatements(db);
  }

  follow(input: NewFeedChannel, now: Date, primed: boolean): { channel: FeedChannel; created: boolean } {
    const row = {
      filter: JSON.stringify(input.filter),
      exclude: JSON.stringify(input.exclude),
      format: input.format,
    };
    const existing = this.#q.same.get(input.feedId, input.platform, input.channelId);
    if (existing) {
      this.#q.update.run({ ...row, id: existing.id });
      return { channel: this.get(existing.id) as FeedChannel, created: false };
    }
    const info = this.#q.insert.run({
      ...row,
      feedId: input.feedId,
      platform: input.platform,
      channelId: input.channelId,
      createdBy: input.createdBy,
      createdAt: now.toISOString(),
      primedAt: primed ? now.toISOString() : null,
    });
    return { channel: this.get(Number(info.lastInsertRowid)) as FeedChannel, created: true };
  }

  get(id: number): FeedChannel | undefined {
    const row = this.#q.byId.get(id);
    return row ? toChannel(row) : undefined;
  }

  list(
    filter: { platform?: string; channelId?: string; feedId?: number; enabledOnly?: boolean } = {},
  ): FeedChannel[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.platform) where.push("platform = ?") && params.push(filter.platform);
    if (filter.channelId) where.push("channel_id = ?") && params.push(filter.channelId);
    if (filter.feedId !== undefined) where.push("feed_id = ?") && params.push(filter.feedId);
    if (filter.enabledOnly) where.push("enabled = 1");
    const sql = `SELECT * FROM feed_channels ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id`;
    return this.#db
      .prepare<(string | number)[], ChannelRow>(sql)
      .all(...params)
      .map(toChannel);
  }

  prime(id: number, now: Date): void {
    this.#q.prime.run(now.toISOString(), id);
  }

  enqueue(id: number, articleIds: readonly string[], now: Date): void {
    this.#addPosts(this.#q.pending, id, articleIds, now);
  }

  skip(id: number, articleIds: readonly string[], now: Date): void {
    this.#addPosts(this.#q.skipped, id, articleIds, now);
  }

  due(now: Date): FeedPost[] {
    return this.#q.due.all(now.toISOString()).map(toPost);
  }

  claim(postId: number, worker: string, now: Date): boolean {
    return this.#q.claim.run(worker, now.toISOString(), postId).changes === 1;
  }

  complete(postId: number, messageRef: string): void {
    this.#q.complete.run(messageRef, postId);
  }

  fail(postId: number, error: string, retryAt: Date | undefined): void {
    this.#q.fail.run(error, retryAt ? retryAt.toISOString() : NEVER, postId);
  }

  markUncertain(postId: number, detail: string): void {
    this.#q.markUncertain.run(detail, postId);
  }

  stale(before: Date): FeedPost[] {
    return this.#q.stale.all(before.toISOString()).map(toPost);
  }

  recordSuccess(id: number): void {
    this.#q.success.run(id);
  }

  recordFailure(id: number, reason: string, disableAfter: number): { disabled: boolean } {
    return this.#db.transaction(() => {
      this.#q.failure.run(id);
      const row = this.#q.byId.get(id);
      if (row && row.failures >= disableAfter) {
        this.#q.disable.run(reason, id);
        return { disabled: true };
      }
      return { disabled: false };
    })();
  }

  posts(id: number): FeedPost[] {
    return this.#q.posts.all(id).map(toPost);
  }

  /** One row per article through `statement` (pending or skipped), those already there left alone. */
  #addPosts(statement: ChannelStatements["pending"], id: number, articleIds: readonly string[], now: Date) {
    this.#db.transaction(() => {
      for (const a of articleIds) statement.run(id, a, now.toISOString());
    })();
  }
}

// Subscriptions, the delivery log and the audit log, as ports with a SQLite implementation.
// The delivery log is what makes scheduled posts exactly-once: a delivery is claimed (a row unique
// per subscription and period) before anything is posted, moved to `posting` just before the
// platform call and to `done` after it, in separate transactions, so a restart or a second bot
// process never posts the same period twice, and a crash mid-post is recorded (`uncertain`), not
// repeated blindly. Every write that depends on holding the claim is fenced by the worker's id, so a
// worker whose claim was taken over cannot post or complete it any more.
import type { DigestFormat } from "../core/digest/digest-layout.ts";
import { isPlatform, type Platform } from "../core/platform.ts";
import { asyncPort, type SyncOf } from "./async-port.ts";
import type { Database } from "./database.ts";
import {
  articleIdSet,
  opt,
  postingValues,
  sameSubscriptionValues,
  subscriptionValues,
  subscriptionWhere,
} from "./store-params.ts";

export type SubscriptionKind = "digest" | "brief";

export interface NewSubscription {
  readonly platform: Platform;
  readonly channelId: string;
  readonly kind: SubscriptionKind;
  readonly topic?: string;
  /** `HH:MM`, 24-hour, in `timezone`. */
  readonly time: string;
  /** IANA time zone, e.g. `Europe/Paris`. */
  readonly timezone: string;
  /** Days of the week it runs, 0 = Sunday … 6 = Saturday. */
  readonly days: readonly number[];
  readonly createdBy: string;
  /** How a digest is posted: one message and a thread holding the rest (default), or one compact message. */
  readonly format?: DigestFormat;
}

export interface Subscription extends NewSubscription {
  readonly id: number;
  readonly createdAt: string;
  readonly enabled: boolean;
  /** Consecutive failed deliveries (0 after a success). */
  readonly failures: number;
  readonly disabledReason?: string;
}

export interface Claim {
  readonly id: number;
  readonly subscriptionId: number;
  readonly period: string;
  readonly worker: string;
}

export type DeliveryStatus = "claimed" | "posting" | "done" | "failed" | "uncertain";

export interface DeliveryRecord {
  readonly id: number;
  readonly subscriptionId: number;
  readonly period: string;
  readonly status: DeliveryStatus;
  readonly claimedBy: string;
  readonly claimedAt: string;
  readonly postingAt?: string;
  readonly finishedAt?: string;
  readonly attempts: number;
  readonly articleIds: readonly string[];
  readonly coveredTo?: string;
  /** The ids of the messages out so far, comma-separated (written as each part goes out). */
  readonly messageRef?: string;
  readonly error?: string;
  /** How many messages the post has (known from `posting` on). */
  readonly parts?: number;
}

/** What a delivery is about to post: recorded with the `posting` state, before the platform call. */
export interface DeliveryPlan {
  readonly platform: Platform;
  readonly channelId: string;
  /** The articles it carries. For digests they join the channel's memory (never sent there again). */
  readonly articleIds: readonly string[];
  readonly rememberInChannel: boolean;
  /** The last day the post covers (`YYYY-MM-DD`): where the next digest starts. */
  readonly coveredTo?: string;
  /** How many messages it posts. */
  readonly parts?: number;
}

export interface SubscriptionStore {
  create(input: NewSubscription, now?: Date): Promise<Subscription>;
  /** An existing subscription of that channel with the same kind, topic, time, zone and days. */
  findSame(input: NewSubscription): Promise<Subscription | undefined>;
  get(id: number): Promise<Subscription | undefined>;
  list(filter?: { platform?: Platform; channelId?: string; enabledOnly?: boolean }): Promise<Subscription[]>;
  /** Removes a subscription of that channel and returns it; undefined when there is none with that id there. */
  remove(id: number, platform: Platform, channelId: string): Promise<Subscription | undefined>;
  /** Turns a disabled subscription back on, its failure count reset. */
  enable(id: number): Promise<Subscription | undefined>;
  recordSuccess(id: number): Promise<void>;
  /** Counts a failure; disables the subscription (with the reason) once `disableAfter` is reached. */
  recordFailure(
    id: number,
    reason: string,
    disableAfter: number,
  ): Promise<{ disabled: boolean; failures: number }>;
  /** Changes how a digest is posted. */
  setFormat(id: number, format: DigestFormat): Promise<Subscription | undefined>;
}

export interface DeliveryLog {
  /**
   * Claims the delivery of `period` for a subscription. Returns undefined when it is already done,
   * being posted, uncertain, or freshly claimed by another worker. A failed delivery can be claimed
   * again; a claim left by a crashed worker before it started posting is taken over once older
   * than `staleAfterMs`.
   */
  claim(
    subscriptionId: number,
    period: string,
    worker: string,
    now: Date,
    staleAfterMs?: number,
  ): Promise<Claim | undefined>;
  /** `claimed` → `posting`, recording the plan; false when this worker no longer holds the claim. */
  markPosting(claim: Claim, plan: DeliveryPlan, now: Date): Promise<boolean>;
  /**
   * Still posting (between retries, while checking an unknown outcome): keeps the row from being
   * swept; `refs`, the ids of the messages out so far, are recorded.
   */
  touch(claim: Claim, now: Date, refs?: readonly string[]): Promise<void>;
  complete(claim: Claim, result: { messageRef?: string; error?: string }, now: Date): Promise<boolean>;
  /** Nothing was posted and it will be retried soon by this worker: back to `claimed`. */
  release(claim: Claim, error: string, now: Date): Promise<void>;
  /** Nothing was posted: `failed` (a later claim may retry), the channel memory of the plan undone. */
  fail(claim: Claim, error: string, now: Date): Promise<void>;
  get(subscriptionId: number, period: string): Promise<DeliveryRecord | undefined>;
  /** The latest delivery of any status. */
  latest(subscriptionId: number): Promise<DeliveryRecord | undefined>;
  /** The latest delivery that went out or may have (`done` or `uncertain`). */
  lastDelivered(subscriptionId: number): Promise<DeliveryRecord | undefined>;
  /** Every article already sent to a channel in a digest (so none is posted twice there). */
  deliveredArticleIds(platform: Platform, channelId: string): Promise<Set<string>>;
  /** Every article a subscription's posts carried (`done` or `uncertain`). */
  subscriptionArticleIds(subscriptionId: number): Promise<Set<string>>;
  /**
   * Marks `posting` rows older than `olderThanMs` as `uncertain`: the worker died between the
   * platform call and its confirmation. They are never re-posted automatically. Returns them.
   */
  sweepUncertain(now: Date, olderThanMs: number): Promise<DeliveryRecord[]>;
  uncertain(subscriptionId?: number): Promise<DeliveryRecord[]>;
  /** Deliveries claimed or being posted right now (by any worker). */
  inFlight(): Promise<DeliveryRecord[]>;
  /** Failed deliveries of the periods on or after the day of `since` (UTC; a retry may be due). */
  failedSince(since: Date): Promise<DeliveryRecord[]>;
  /** Marks one `posting` delivery `uncertain` (its worker is dead, or its outcome cannot be told). */
  markUncertain(id: number, reason?: string): Promise<boolean>;
  /**
   * Settles an `uncertain` delivery once it was looked for: `done` (found; `error` says what was
   * partial) or `failed` (proven absent: nothing went out, so it may be posted again).
   */
  resolveUncertain(
    id: number,
    result: { status: "done"; messageRef?: string; error?: string } | { status: "failed"; error: string },
    now: Date,
  ): Promise<boolean>;
}

export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly details: string;
}

export interface AuditLog {
  record(actor: string, action: string, details: Record<string, unknown>, now?: Date): Promise<void>;
  recent(limit: number): Promise<AuditEntry[]>;
}

export interface SubscriptionRow {
  id: number;
  platform: string;
  channel_id: string;
  kind: SubscriptionKind;
  topic: string | null;
  time: string;
  timezone: string;
  days: string;
  created_by: string;
  created_at: string;
  enabled: number;
  failures: number;
  disabled_reason: string | null;
  format?: string | null;
}

export interface DeliveryRow {
  id: number;
  subscription_id: number;
  period: string;
  status: DeliveryStatus;
  claimed_by: string;
  claimed_at: string;
  posting_at: string | null;
  finished_at: string | null;
  attempts: number;
  article_ids: string;
  covered_to: string | null;
  message_ref: string | null;
  error: string | null;
  parts: number | null;
}

/** A stored platform name the code no longer knows is a damaged row, not a value to pass on. */
function platformOf(r: { id: number; platform: string }): Platform {
  if (isPlatform(r.platform)) return r.platform;
  throw new Error(`subscription ${r.id}: unknown platform "${r.platform}" in the database`);
}

export const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  platform: platformOf(r),
  channelId: r.channel_id,
  kind: r.kind,
  ...opt("topic", r.topic || null),
  time: r.time,
  timezone: r.timezone,
  days: r.days.split(",").filter(Boolean).map(Number),
  createdBy: r.created_by,
  createdAt: r.created_at,
  enabled: r.enabled === 1,
  failures: r.failures,
  ...opt("disabledReason", r.disabled_reason || null),
  format: r.format === "compact" ? "compact" : "thread",
});

export const toDelivery = (r: DeliveryRow): DeliveryRecord => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  period: r.period,
  status: r.status,
  claimedBy: r.claimed_by,
  claimedAt: r.claimed_at,
  attempts: r.attempts,
  articleIds: JSON.parse(r.article_ids) as string[],
  ...opt("postingAt", r.posting_at),
  ...opt("finishedAt", r.finished_at),
  ...opt("coveredTo", r.covered_to),
  ...opt("messageRef", r.message_ref),
  ...opt("error", r.error),
  ...opt("parts", r.parts),
});

/** The UTC day `days` away from `at`, `YYYY-MM-DD` (periods are local days: one day of margin). */
export const addDaysIso = (at: Date, days: number) =>
  new Date(at.getTime() + days * 86_400_000).toISOString().slice(0, 10);

export { daysKey } from "./store-params.ts";

export function createSubscriptionStore(db: Database): SubscriptionStore {
  return asyncPort<SubscriptionStore>(new SqliteSubscriptionStore(db));
}

export function createDeliveryLog(db: Database): DeliveryLog {
  return asyncPort<DeliveryLog>(new SqliteDeliveryLog(db));
}

type SubscriptionStatements = ReturnType<typeof subscriptionStatements>;

function subscriptionStatements(db: Database) {
  return {
    insert: db.prepare<ReturnType<typeof subscriptionValues>>(
      `INSERT INTO subscriptions (platform, channel_id, kind, topic, time, timezone, days, created_by, created_at, format)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    byId: db.prepare<[number | bigint], SubscriptionRow>("SELECT * FROM subscriptions WHERE id = ?"),
    same: db.prepare<ReturnType<typeof sameSubscriptionValues>, SubscriptionRow>(
      `SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? AND kind = ?
         AND lower(COALESCE(topic, '')) = lower(?) AND time = ? AND timezone = ? AND days = ? ORDER BY id LIMIT 1`,
    ),
    remove: db.prepare<[number, string, string]>(
      "DELETE FROM subscriptions WHERE id = ? AND platform = ? AND channel_id = ?",
    ),
    enable: db.prepare<[number]>(
      "UPDATE subscriptions SET enabled = 1, failures = 0, disabled_reason = NULL WHERE id = ?",
    ),
    success: db.prepare<[number]>("UPDATE subscriptions SET failures = 0 WHERE id = ?"),
    failure: db.prepare<[number]>("UPDATE subscriptions SET failures = failures + 1 WHERE id = ?"),
    format: db.prepare<[string, number]>("UPDATE subscriptions SET format = ? WHERE id = ?"),
    disable: db.prepare<[string, number]>(
      "UPDATE subscriptions SET enabled = 0, disabled_reason = ? WHERE id = ?",
    ),
  };
}

/** The subscription store over SQLite (synchronous; `createSubscriptionStore` makes it the port). */
class SqliteSubscriptionStore implements SyncOf<SubscriptionStore> {
  readonly #db: Database;
  readonly #q: SubscriptionStatements;

  constructor(db: Database) {
    this.#db = db;
    this.#q = subscriptionStatements(db);
  }

  create(input: NewSubscription, now = new Date()): Subscription {
    const info = this.#q.insert.run(...subscriptionValues(input, now));
    const created = this.get(info.lastInsertRowid);
    if (!created) throw new Error("the subscription was not stored");
    return created;
  }

  findSame(input: NewSubscription): Subscription | undefined {
    const row = this.#q.same.get(...sameSubscriptionValues(input));
    return row ? toSubscription(row) : undefined;
  }

  get(id: number | bigint): Subscription | undefined {
    const row = this.#q.byId.get(id);
    return row ? toSubscription(row) : undefined;
  }

  list(filter: { platform?: Platform; channelId?: string; enabledOnly?: boolean } = {}): Subscription[] {
    const { where, params } = subscriptionWhere(filter, () => "?");
    return this.#db
      .prepare<string[], SubscriptionRow>(`SELECT * FROM subscriptions ${where} ORDER BY id`)
      .all(...params)
      .map(toSubscription);
  }

  remove(id: number, platform: Platform, channelId: string): Subscription | undefined {
    return this.#db.transaction(() => {
      const existing = this.get(id);
      if (!existing || existing.platform !== platform || existing.channelId !== channelId) return undefined;
      this.#q.remove.run(id, platform, channelId);
      return existing;
    })();
  }

  enable(id: number): Subscription | undefined {
    this.#q.enable.run(id);
    return this.get(id);
  }

  recordSuccess(id: number): void {
    this.#q.success.run(id);
  }

  recordFailure(id: number, reason: string, disableAfter: number): { disabled: boolean; failures: number } {
    return this.#db.transaction(() => {
      this.#q.failure.run(id);
      const row = this.#q.byId.get(id);
      if (!row) return { disabled: false, failures: 0 };
      if (row.failures >= disableAfter) {
        this.#q.disable.run(reason, id);
        return { disabled: true, failures: row.failures };
      }
      return { disabled: false, failures: row.failures };
    })();
  }

  setFormat(id: number, format: DigestFormat): Subscription | undefined {
    this.#q.format.run(format, id);
    return this.get(id);
  }
}

type DeliveryStatements = ReturnType<typeof deliveryStatements>;

function deliveryStatements(db: Database) {
  return {
    find: db.prepare<[number, string], DeliveryRow>(
      "SELECT * FROM deliveries WHERE subscription_id = ? AND period = ?",
    ),
    insert: db.prepare<[number, string, string, string]>(
      `INSERT INTO deliveries (subscription_id, period, status, claimed_by, claimed_at, attempts)
       VALUES (?, ?, 'claimed', ?, ?, 1)`,
    ),
    reclaim: db.prepare<[string, string, number]>(
      `UPDATE deliveries SET status = 'claimed', claimed_by = ?, claimed_at = ?, posting_at = NULL,
         attempts = attempts + 1 WHERE id = ?`,
    ),
    posting: db.prepare<ReturnType<typeof postingValues>>(
      `UPDATE deliveries SET status = 'posting', posting_at = ?, article_ids = ?, covered_to = ?, parts = ?,
         message_ref = NULL WHERE id = ? AND claimed_by = ? AND status = 'claimed'`,
    ),
    touch: db.prepare<[string, number, string]>(
      "UPDATE deliveries SET posting_at = ? WHERE id = ? AND claimed_by = ? AND status = 'posting'",
    ),
    progress: db.prepare<[string, string, number, string]>(
      `UPDATE deliveries SET posting_at = ?, message_ref = ? WHERE id = ? AND claimed_by = ?
         AND status = 'posting'`,
    ),
    resolveDone: db.prepare<[string, string | null, string | null, number]>(
      `UPDATE deliveries SET status = 'done', finished_at = ?, message_ref = ?, error = ?
       WHERE id = ? AND status = 'uncertain'`,
    ),
    resolveFailed: db.prepare<[string, string, number]>(
      `UPDATE deliveries SET status = 'failed', finished_at = ?, error = ?, posting_at = NULL
       WHERE id = ? AND status = 'uncertain'`,
    ),
    remember: db.prepare<[string, string, string, number, string]>(
      `INSERT OR IGNORE INTO channel_articles (platform, channel_id, article_id, delivery_id, delivered_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    forget: db.prepare<[number]>("DELETE FROM channel_articles WHERE delivery_id = ?"),
    complete: db.prepare<[string, string | null, string | null, number, string]>(
      `UPDATE deliveries SET status = 'done', finished_at = ?, message_ref = ?, error = ?
       WHERE id = ? AND claimed_by = ? AND status IN ('posting', 'uncertain')`,
    ),
    release: db.prepare<[string, string, number, string]>(
      `UPDATE deliveries SET status = 'claimed', claimed_at = ?, posting_at = NULL, error = ?
       WHERE id = ? AND claimed_by = ? AND status IN ('claimed', 'posting')`,
    ),
    fail: db.prepare<[string, string, number, string]>(
      `UPDATE deliveries SET status = 'failed', finished_at = ?, error = ?, posting_at = NULL
       WHERE id = ? AND claimed_by = ? AND status IN ('claimed', 'posting')`,
    ),
    latest: db.prepare<[number], DeliveryRow>(
      "SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY period DESC, id DESC LIMIT 1",
    ),
    lastDelivered: db.prepare<[number], DeliveryRow>(
      `SELECT * FROM deliveries WHERE subscription_id = ? AND status IN ('done', 'uncertain')
       ORDER BY period DESC, id DESC LIMIT 1`,
    ),
    channelArticles: db.prepare<[string, string], { article_id: string }>(
      "SELECT article_id FROM channel_articles WHERE platform = ? AND channel_id = ?",
    ),
    subscriptionArticles: db.prepare<[number], { article_ids: string }>(
      "SELECT article_ids FROM deliveries WHERE subscription_id = ? AND status IN ('done', 'uncertain')",
    ),
    stalePosting: db.prepare<[string], DeliveryRow>(
      "SELECT * FROM deliveries WHERE status = 'posting' AND posting_at < ?",
    ),
    markUncertain: db.prepare<[string, number]>(
      "UPDATE deliveries SET status = 'uncertain', error = ? WHERE id = ? AND status = 'posting'",
    ),
    uncertainAll: db.prepare<[], DeliveryRow>(
      "SELECT * FROM deliveries WHERE status = 'uncertain' ORDER BY period DESC",
    ),
    failedSince: db.prepare<[string], DeliveryRow>(
      "SELECT * FROM deliveries WHERE status = 'failed' AND period >= ? ORDER BY id",
    ),
    inFlight: db.prepare<[], DeliveryRow>(
      "SELECT * FROM deliveries WHERE status IN ('claimed', 'posting') ORDER BY id",
    ),
    uncertainOf: db.prepare<[number], DeliveryRow>(
      "SELECT * FROM deliveries WHERE status = 'uncertain' AND subscription_id = ? ORDER BY period DESC",
    ),
  };
}

const INTERRUPTED = "interrupted while posting";
const optionalDelivery = (row: DeliveryRow | undefined) => (row ? toDelivery(row) : undefined);

/** The delivery log over SQLite (synchronous; `createDeliveryLog` makes it the port). */
class SqliteDeliveryLog implements SyncOf<DeliveryLog> {
  readonly #db: Database;
  readonly #q: DeliveryStatements;

  constructor(db: Database) {
    this.#db = db;
    this.#q = deliveryStatements(db);
  }

  claim(subscriptionId: number, period: string, worker: string, now: Date, staleAfterMs = 10 * 60_000) {
    // IMMEDIATE: take the write lock first, so two processes cannot both read "free" and claim.
    return this.#db
      .transaction((): Claim | undefined => {
        const row = this.#q.find.get(subscriptionId, period);
        if (!row) {
          const info = this.#q.insert.run(subscriptionId, period, worker, now.toISOString());
          return { id: Number(info.lastInsertRowid), subscriptionId, period, worker };
        }
        const stale = row.status === "claimed" && now.getTime() - Date.parse(row.claimed_at) > staleAfterMs;
        if (row.status === "failed" || stale) {
          this.#q.reclaim.run(worker, now.toISOString(), row.id);
          return { id: row.id, subscriptionId, period, worker };
        }
        return undefined;
      })
      .immediate();
  }

  markPosting(claim: Claim, plan: DeliveryPlan, now: Date): boolean {
    return this.#db
      .transaction(() => {
        const at = now.toISOString();
        if (this.#q.posting.run(...postingValues(claim, plan, at)).changes !== 1) return false;
        if (plan.rememberInChannel) this.#remember(claim, plan, at);
        return true;
      })
      .immediate();
  }

  touch(claim: Claim, now: Date, refs?: readonly string[]): void {
    if (refs) this.#q.progress.run(now.toISOString(), refs.join(","), claim.id, claim.worker);
    else this.#q.touch.run(now.toISOString(), claim.id, claim.worker);
  }

  complete(claim: Claim, result: { messageRef?: string; error?: string }, now: Date): boolean {
    const at = now.toISOString();
    const { id, worker } = claim;
    return (
      this.#q.complete.run(at, result.messageRef ?? null, result.error ?? null, id, worker).changes === 1
    );
  }

  release(claim: Claim, error: string, now: Date): void {
    this.#unclaim(this.#q.release, claim, error, now);
  }

  fail(claim: Claim, error: string, now: Date): void {
    this.#unclaim(this.#q.fail, claim, error, now);
  }

  get(subscriptionId: number, period: string): DeliveryRecord | undefined {
    return optionalDelivery(this.#q.find.get(subscriptionId, period));
  }

  latest(subscriptionId: number): DeliveryRecord | undefined {
    return optionalDelivery(this.#q.latest.get(subscriptionId));
  }

  lastDelivered(subscriptionId: number): DeliveryRecord | undefined {
    return optionalDelivery(this.#q.lastDelivered.get(subscriptionId));
  }

  deliveredArticleIds(platform: Platform, channelId: string): Set<string> {
    return new Set(this.#q.channelArticles.all(platform, channelId).map((r) => r.article_id));
  }

  subscriptionArticleIds(subscriptionId: number): Set<string> {
    return articleIdSet(this.#q.subscriptionArticles.all(subscriptionId));
  }

  sweepUncertain(now: Date, olderThanMs: number): DeliveryRecord[] {
    // A post interrupted between the platform call and its confirmation: it may or may not have
    // gone out, so it is reported rather than repeated.
    const cutoff = new Date(now.getTime() - olderThanMs).toISOString();
    return this.#db
      .transaction(() => {
        const rows = this.#q.stalePosting.all(cutoff);
        for (const r of rows) this.#q.markUncertain.run(INTERRUPTED, r.id);
        return rows.map((r) => toDelivery({ ...r, status: "uncertain" }));
      })
      .immediate();
  }

  uncertain(subscriptionId?: number): DeliveryRecord[] {
    const rows =
      subscriptionId === undefined ? this.#q.uncertainAll.all() : this.#q.uncertainOf.all(subscriptionId);
    return rows.map(toDelivery);
  }

  inFlight(): DeliveryRecord[] {
    return this.#q.inFlight.all().map(toDelivery);
  }

  failedSince(since: Date): DeliveryRecord[] {
    return this.#q.failedSince.all(addDaysIso(since, -1)).map(toDelivery);
  }

  markUncertain(id: number, reason = INTERRUPTED): boolean {
    return this.#q.markUncertain.run(reason, id).changes === 1;
  }

  resolveUncertain(
    id: number,
    result: { status: "done"; messageRef?: string; error?: string } | { status: "failed"; error: string },
    now: Date,
  ): boolean {
    return this.#db
      .transaction(() => {
        const at = now.toISOString();
        if (result.status === "done")
          return (
            this.#q.resolveDone.run(at, result.messageRef ?? null, result.error ?? null, id).changes === 1
          );
        if (this.#q.resolveFailed.run(at, result.error, id).changes !== 1) return false;
        this.#q.forget.run(id);
        return true;
      })
      .immediate();
  }

  /** The plan's articles join the channel's memory, tied to this delivery (undone if it fails). */
  #remember(claim: Claim, plan: DeliveryPlan, at: string): void {
    for (const id of plan.articleIds) this.#q.remember.run(plan.platform, plan.channelId, id, claim.id, at);
  }

  /** Leaves `claimed`/`posting` through `statement` (release or fail) and forgets the channel memory. */
  #unclaim(statement: DeliveryStatements["fail"], claim: Claim, error: string, now: Date): void {
    this.#db
      .transaction(() => {
        if (statement.run(now.toISOString(), error, claim.id, claim.worker).changes === 1) {
          this.#q.forget.run(claim.id);
        }
      })
      .immediate();
  }
}

export function createAuditLog(db: Database): AuditLog {
  return asyncPort<AuditLog>(sqliteAuditLog(db));
}

function sqliteAuditLog(db: Database): SyncOf<AuditLog> {
  const insert = db.prepare<[string, string, string, string]>(
    "INSERT INTO audit_log (at, actor, action, details) VALUES (?, ?, ?, ?)",
  );
  const recent = db.prepare<[number], AuditEntry>(
    "SELECT at, actor, action, details FROM audit_log ORDER BY id DESC LIMIT ?",
  );
  return {
    record(actor, action, details, now = new Date()) {
      insert.run(now.toISOString(), actor, action, JSON.stringify(details));
    },
    recent: (limit) => recent.all(limit),
  };
}

// Subscriptions, the delivery log and the audit log over Postgres: the same ports and the same
// states as the SQLite implementation, for several replicas sharing one database. A claim is one
// `INSERT … ON CONFLICT DO UPDATE … WHERE` statement (a free, failed or stale row is taken, any
// other is left), so two replicas firing the same minute never both post; every write that needs
// the claim is fenced by the worker's id, as in SQLite.
import type { PoolClient } from "pg";
import type { DigestFormat } from "../core/digest/digest-layout.ts";
import type { Platform } from "../core/platform.ts";
import { boundMethods } from "./async-port.ts";
import type { PgDatabase } from "./pg-database.ts";
import {
  articleIdSet,
  postingValues,
  sameSubscriptionValues,
  subscriptionValues,
  subscriptionWhere,
} from "./store-params.ts";
import {
  type AuditEntry,
  type AuditLog,
  addDaysIso,
  type Claim,
  type DeliveryLog,
  type DeliveryPlan,
  type DeliveryRecord,
  type DeliveryRow,
  type NewSubscription,
  type Subscription,
  type SubscriptionRow,
  type SubscriptionStore,
  toDelivery,
  toSubscription,
} from "./subscription-store.ts";

export function createPgSubscriptionStore(db: PgDatabase): SubscriptionStore {
  return boundMethods<SubscriptionStore>(new PgSubscriptionStore(db));
}

export function createPgDeliveryLog(db: PgDatabase): DeliveryLog {
  return boundMethods<DeliveryLog>(new PgDeliveryLog(db));
}

const SUBSCRIPTION_SQL = {
  insert: `INSERT INTO subscriptions (platform, channel_id, kind, topic, time, timezone, days, created_by, created_at, format)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
  byId: "SELECT * FROM subscriptions WHERE id = $1",
  same: `SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2 AND kind = $3
       AND lower(COALESCE(topic, '')) = lower($4) AND time = $5 AND timezone = $6 AND days = $7
     ORDER BY id LIMIT 1`,
  remove: "DELETE FROM subscriptions WHERE id = $1 AND platform = $2 AND channel_id = $3 RETURNING *",
  enable:
    "UPDATE subscriptions SET enabled = 1, failures = 0, disabled_reason = NULL WHERE id = $1 RETURNING *",
  format: "UPDATE subscriptions SET format = $1 WHERE id = $2 RETURNING *",
  success: "UPDATE subscriptions SET failures = 0 WHERE id = $1",
  // one statement: the count and the decision to disable cannot interleave with another replica's
  failure: `UPDATE subscriptions SET failures = failures + 1,
       enabled = CASE WHEN failures + 1 >= $3 THEN 0 ELSE enabled END,
       disabled_reason = CASE WHEN failures + 1 >= $3 THEN $2 ELSE disabled_reason END
     WHERE id = $1 RETURNING failures, enabled`,
} as const;

/** The subscription store over Postgres. */
class PgSubscriptionStore implements SubscriptionStore {
  readonly #pool: PgDatabase["pool"];

  constructor(db: PgDatabase) {
    this.#pool = db.pool;
  }

  async create(input: NewSubscription, now = new Date()): Promise<Subscription> {
    const created = await this.#one(SUBSCRIPTION_SQL.insert, subscriptionValues(input, now));
    if (!created) throw new Error("the subscription was not stored");
    return created;
  }

  findSame(input: NewSubscription): Promise<Subscription | undefined> {
    return this.#one(SUBSCRIPTION_SQL.same, sameSubscriptionValues(input));
  }

  get(id: number): Promise<Subscription | undefined> {
    return this.#one(SUBSCRIPTION_SQL.byId, [id]);
  }

  async list(
    filter: { platform?: Platform; channelId?: string; enabledOnly?: boolean } = {},
  ): Promise<Subscription[]> {
    const { where, params } = subscriptionWhere(filter, (n) => `$${n}`);
    const sql = `SELECT * FROM subscriptions ${where} ORDER BY id`;
    return (await this.#pool.query<SubscriptionRow>(sql, params)).rows.map(toSubscription);
  }

  remove(id: number, platform: Platform, channelId: string): Promise<Subscription | undefined> {
    return this.#one(SUBSCRIPTION_SQL.remove, [id, platform, channelId]);
  }

  enable(id: number): Promise<Subscription | undefined> {
    return this.#one(SUBSCRIPTION_SQL.enable, [id]);
  }

  setFormat(id: number, format: DigestFormat): Promise<Subscription | undefined> {
    return this.#one(SUBSCRIPTION_SQL.format, [format, id]);
  }

  async recordSuccess(id: number): Promise<void> {
    await this.#pool.query(SUBSCRIPTION_SQL.success, [id]);
  }

  async recordFailure(
    id: number,
    reason: string,
    disableAfter: number,
  ): Promise<{ disabled: boolean; failures: number }> {
    const result = await this.#pool.query<{ failures: number; enabled: number }>(SUBSCRIPTION_SQL.failure, [
      id,
      reason,
      disableAfter,
    ]);
    const row = result.rows[0];
    if (!row) return { disabled: false, failures: 0 };
    return { disabled: row.failures >= disableAfter, failures: row.failures };
  }

  /** The subscription the statement returns, if any. */
  async #one(sql: string, params: unknown[]): Promise<Subscription | undefined> {
    const row = (await this.#pool.query<SubscriptionRow>(sql, params)).rows[0];
    return row ? toSubscription(row) : undefined;
  }
}

const DELIVERY_SQL = {
  claim: `INSERT INTO deliveries (subscription_id, period, status, claimed_by, claimed_at, attempts)
     VALUES ($1, $2, 'claimed', $3, $4, 1)
     ON CONFLICT (subscription_id, period) DO UPDATE SET status = 'claimed',
       claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at, posting_at = NULL,
       attempts = deliveries.attempts + 1
     WHERE deliveries.status = 'failed' OR (deliveries.status = 'claimed' AND deliveries.claimed_at < $5)
     RETURNING id`,
  posting: `UPDATE deliveries SET status = 'posting', posting_at = $1, article_ids = $2, covered_to = $3,
       parts = $4, message_ref = NULL WHERE id = $5 AND claimed_by = $6 AND status = 'claimed'`,
  remember: `INSERT INTO channel_articles (platform, channel_id, article_id, delivery_id, delivered_at)
     SELECT $1, $2, a, $4, $5 FROM unnest($3::text[]) AS a ON CONFLICT DO NOTHING`,
  progress: `UPDATE deliveries SET posting_at = $1, message_ref = $2 WHERE id = $3 AND claimed_by = $4
       AND status = 'posting'`,
  touch: "UPDATE deliveries SET posting_at = $1 WHERE id = $2 AND claimed_by = $3 AND status = 'posting'",
  complete: `UPDATE deliveries SET status = 'done', finished_at = $1, message_ref = $2, error = $3
     WHERE id = $4 AND claimed_by = $5 AND status IN ('posting', 'uncertain')`,
  release: `UPDATE deliveries SET status = 'claimed', claimed_at = $1, posting_at = NULL, error = $2
     WHERE id = $3 AND claimed_by = $4 AND status IN ('claimed', 'posting')`,
  fail: `UPDATE deliveries SET status = 'failed', finished_at = $1, error = $2, posting_at = NULL
     WHERE id = $3 AND claimed_by = $4 AND status IN ('claimed', 'posting')`,
  forget: "DELETE FROM channel_articles WHERE delivery_id = $1",
  find: "SELECT * FROM deliveries WHERE subscription_id = $1 AND period = $2",
  latest: "SELECT * FROM deliveries WHERE subscription_id = $1 ORDER BY period DESC, id DESC LIMIT 1",
  lastDelivered: `SELECT * FROM deliveries WHERE subscription_id = $1 AND status IN ('done', 'uncertain')
     ORDER BY period DESC, id DESC LIMIT 1`,
  channelArticles: "SELECT article_id FROM channel_articles WHERE platform = $1 AND channel_id = $2",
  subscriptionArticles:
    "SELECT article_ids FROM deliveries WHERE subscription_id = $1 AND status IN ('done', 'uncertain')",
  sweep: `UPDATE deliveries SET status = 'uncertain', error = 'interrupted while posting'
     WHERE status = 'posting' AND posting_at < $1 RETURNING *`,
  uncertainAll: "SELECT * FROM deliveries WHERE status = 'uncertain' ORDER BY period DESC",
  uncertainOf:
    "SELECT * FROM deliveries WHERE status = 'uncertain' AND subscription_id = $1 ORDER BY period DESC",
  failedSince: "SELECT * FROM deliveries WHERE status = 'failed' AND period >= $1 ORDER BY id",
  inFlight: "SELECT * FROM deliveries WHERE status IN ('claimed', 'posting') ORDER BY id",
  markUncertain:
    "UPDATE deliveries SET status = 'uncertain', error = $1 WHERE id = $2 AND status = 'posting'",
  resolveDone: `UPDATE deliveries SET status = 'done', finished_at = $1, message_ref = $2, error = $3
     WHERE id = $4 AND status = 'uncertain'`,
  resolveFailed: `UPDATE deliveries SET status = 'failed', finished_at = $1, error = $2, posting_at = NULL
     WHERE id = $3 AND status = 'uncertain'`,
} as const;

/** The delivery log over Postgres. */
class PgDeliveryLog implements DeliveryLog {
  readonly #pool: PgDatabase["pool"];
  readonly #tx: PgDatabase["tx"];

  constructor(db: PgDatabase) {
    this.#pool = db.pool;
    this.#tx = db.tx;
  }

  async claim(
    subscriptionId: number,
    period: string,
    worker: string,
    now: Date,
    staleAfterMs = 10 * 60_000,
  ): Promise<Claim | undefined> {
    const staleBefore = new Date(now.getTime() - staleAfterMs).toISOString();
    const params = [subscriptionId, period, worker, now.toISOString(), staleBefore];
    const row = (await this.#pool.query<{ id: number }>(DELIVERY_SQL.claim, params)).rows[0];
    return row ? { id: row.id, subscriptionId, period, worker } : undefined;
  }

  markPosting(claim: Claim, plan: DeliveryPlan, now: Date): Promise<boolean> {
    return this.#tx(async (c) => {
      const at = now.toISOString();
      const r = await c.query(DELIVERY_SQL.posting, postingValues(claim, plan, at));
      if (r.rowCount !== 1) return false;
      if (plan.rememberInChannel && plan.articleIds.length > 0) {
        const { platform, channelId, articleIds } = plan;
        await c.query(DELIVERY_SQL.remember, [platform, channelId, articleIds, claim.id, at]);
      }
      return true;
    });
  }

  async touch(claim: Claim, now: Date, refs?: readonly string[]): Promise<void> {
    if (refs)
      await this.#pool.query(DELIVERY_SQL.progress, [
        now.toISOString(),
        refs.join(","),
        claim.id,
        claim.worker,
      ]);
    else await this.#pool.query(DELIVERY_SQL.touch, [now.toISOString(), claim.id, claim.worker]);
  }

  complete(claim: Claim, result: { messageRef?: string; error?: string }, now: Date): Promise<boolean> {
    const { id, worker } = claim;
    const params = [now.toISOString(), result.messageRef ?? null, result.error ?? null, id, worker];
    return this.#changed(DELIVERY_SQL.complete, params);
  }

  release(claim: Claim, error: string, now: Date): Promise<void> {
    return this.#unclaim(DELIVERY_SQL.release, claim, error, now);
  }

  fail(claim: Claim, error: string, now: Date): Promise<void> {
    return this.#unclaim(DELIVERY_SQL.fail, claim, error, now);
  }

  async get(subscriptionId: number, period: string): Promise<DeliveryRecord | undefined> {
    return (await this.#rows(DELIVERY_SQL.find, [subscriptionId, period]))[0];
  }

  async latest(subscriptionId: number): Promise<DeliveryRecord | undefined> {
    return (await this.#rows(DELIVERY_SQL.latest, [subscriptionId]))[0];
  }

  async lastDelivered(subscriptionId: number): Promise<DeliveryRecord | undefined> {
    return (await this.#rows(DELIVERY_SQL.lastDelivered, [subscriptionId]))[0];
  }

  async deliveredArticleIds(platform: Platform, channelId: string): Promise<Set<string>> {
    const r = await this.#pool.query<{ article_id: string }>(DELIVERY_SQL.channelArticles, [
      platform,
      channelId,
    ]);
    return new Set(r.rows.map((x) => x.article_id));
  }

  async subscriptionArticleIds(subscriptionId: number): Promise<Set<string>> {
    const r = await this.#pool.query<{ article_ids: string }>(DELIVERY_SQL.subscriptionArticles, [
      subscriptionId,
    ]);
    return articleIdSet(r.rows);
  }

  sweepUncertain(now: Date, olderThanMs: number): Promise<DeliveryRecord[]> {
    return this.#rows(DELIVERY_SQL.sweep, [new Date(now.getTime() - olderThanMs).toISOString()]);
  }

  uncertain(subscriptionId?: number): Promise<DeliveryRecord[]> {
    return subscriptionId === undefined
      ? this.#rows(DELIVERY_SQL.uncertainAll)
      : this.#rows(DELIVERY_SQL.uncertainOf, [subscriptionId]);
  }

  failedSince(since: Date): Promise<DeliveryRecord[]> {
    return this.#rows(DELIVERY_SQL.failedSince, [addDaysIso(since, -1)]);
  }

  inFlight(): Promise<DeliveryRecord[]> {
    return this.#rows(DELIVERY_SQL.inFlight);
  }

  markUncertain(id: number, reason = "interrupted while posting"): Promise<boolean> {
    return this.#changed(DELIVERY_SQL.markUncertain, [reason, id]);
  }

  resolveUncertain(
    id: number,
    result: { status: "done"; messageRef?: string; error?: string } | { status: "failed"; error: string },
    now: Date,
  ): Promise<boolean> {
    return this.#tx(async (c) => {
      const at = now.toISOString();
      if (result.status === "done") {
        const params = [at, result.messageRef ?? null, result.error ?? null, id];
        return (await c.query(DELIVERY_SQL.resolveDone, params)).rowCount === 1;
      }
      if ((await c.query(DELIVERY_SQL.resolveFailed, [at, result.error, id])).rowCount !== 1) return false;
      await this.#forget(c, id);
      return true;
    });
  }

  async #rows(sql: string, params: unknown[] = []): Promise<DeliveryRecord[]> {
    return (await this.#pool.query<DeliveryRow>(sql, params)).rows.map(toDelivery);
  }

  async #changed(sql: string, params: unknown[]): Promise<boolean> {
    return (await this.#pool.query(sql, params)).rowCount === 1;
  }

  /** Leaves `claimed`/`posting` through `sql` (release or fail) and forgets the channel memory. */
  async #unclaim(sql: string, claim: Claim, error: string, now: Date): Promise<void> {
    await this.#tx(async (c) => {
      const r = await c.query(sql, [now.toISOString(), error, claim.id, claim.worker]);
      if (r.rowCount === 1) await this.#forget(c, claim.id);
    });
  }

  async #forget(c: PoolClient, deliveryId: number): Promise<void> {
    await c.query(DELIVERY_SQL.forget, [deliveryId]);
  }
}

export function createPgAuditLog(db: PgDatabase): AuditLog {
  return {
    async record(actor, action, details, now = new Date()) {
      await db.pool.query("INSERT INTO audit_log (at, actor, action, details) VALUES ($1, $2, $3, $4)", [
        now.toISOString(),
        actor,
        action,
        JSON.stringify(details),
      ]);
    },
    recent: async (limit) =>
      (
        await db.pool.query<AuditEntry>(
          "SELECT at, actor, action, details FROM audit_log ORDER BY id DESC LIMIT $1",
          [limit],
        )
      ).rows,
  };
}

// Subscriptions, the delivery log and the audit log over Postgres: the same ports and the same
// states as the SQLite implementation, for several replicas sharing one database. A claim is one
// `INSERT … ON CONFLICT DO UPDATE … WHERE` statement (a free, failed or stale row is taken, any
// other is left), so two replicas firing the same minute never both post; every write that needs
// the claim is fenced by the worker's id, as in SQLite.
import type { PgDatabase } from "./pg-database.ts";
import {
  type AuditEntry,
  type AuditLog,
  addDaysIso,
  type DeliveryLog,
  type DeliveryRow,
  daysKey,
  type SubscriptionRow,
  type SubscriptionStore,
  toDelivery,
  toSubscription,
} from "./subscription-store.ts";

export function createPgSubscriptionStore(db: PgDatabase): SubscriptionStore {
  const { pool } = db;
  const one = async (sql: string, params: unknown[]) => {
    const row = (await pool.query<SubscriptionRow>(sql, params)).rows[0];
    return row ? toSubscription(row) : undefined;
  };
  const get = (id: number) => one("SELECT * FROM subscriptions WHERE id = $1", [id]);
  return {
    async create(input, now = new Date()) {
      const created = await one(
        `INSERT INTO subscriptions (platform, channel_id, kind, topic, time, timezone, days, created_by, created_at, format)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
        [
          input.platform,
          input.channelId,
          input.kind,
          input.topic ?? null,
          input.time,
          input.timezone,
          daysKey(input.days),
          input.createdBy,
          now.toISOString(),
          input.format ?? "thread",
        ],
      );
      if (!created) throw new Error("the subscription was not stored");
      return created;
    },
    findSame: (input) =>
      one(
        `SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2 AND kind = $3
           AND lower(COALESCE(topic, '')) = lower($4) AND time = $5 AND timezone = $6 AND days = $7
         ORDER BY id LIMIT 1`,
        [
          input.platform,
          input.channelId,
          input.kind,
          input.topic ?? "",
          input.time,
          input.timezone,
          daysKey(input.days),
        ],
      ),
    get,
    async list(filter = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.platform) where.push(`platform = $${params.push(filter.platform)}`);
      if (filter.channelId) where.push(`channel_id = $${params.push(filter.channelId)}`);
      if (filter.enabledOnly) where.push("enabled = 1");
      const sql = `SELECT * FROM subscriptions ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id`;
      return (await pool.query<SubscriptionRow>(sql, params)).rows.map(toSubscription);
    },
    remove: (id, platform, channelId) =>
      one("DELETE FROM subscriptions WHERE id = $1 AND platform = $2 AND channel_id = $3 RETURNING *", [
        id,
        platform,
        channelId,
      ]),
    enable: (id) =>
      one(
        "UPDATE subscriptions SET enabled = 1, failures = 0, disabled_reason = NULL WHERE id = $1 RETURNING *",
        [id],
      ),
    setFormat: (id, format) =>
      one("UPDATE subscriptions SET format = $1 WHERE id = $2 RETURNING *", [format, id]),
    async recordSuccess(id) {
      await pool.query("UPDATE subscriptions SET failures = 0 WHERE id = $1", [id]);
    },
    async recordFailure(id, reason, disableAfter) {
      // one statement: the count and the decision to disable cannot interleave with another replica's
      const row = (
        await pool.query<{ failures: number; enabled: number }>(
          `UPDATE subscriptions SET failures = failures + 1,
             enabled = CASE WHEN failures + 1 >= $3 THEN 0 ELSE enabled END,
             disabled_reason = CASE WHEN failures + 1 >= $3 THEN $2 ELSE disabled_reason END
           WHERE id = $1 RETURNING failures, enabled`,
          [id, reason, disableAfter],
        )
      ).rows[0];
      if (!row) return { disabled: false, failures: 0 };
      return { disabled: row.failures >= disableAfter, failures: row.failures };
    },
  };
}

export function createPgDeliveryLog(db: PgDatabase): DeliveryLog {
  const { pool, tx } = db;
  const rows = async (sql: string, params: unknown[] = []) =>
    (await pool.query<DeliveryRow>(sql, params)).rows.map(toDelivery);
  const changed = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rowCount === 1;
  const forget = "DELETE FROM channel_articles WHERE delivery_id = $1";
  return {
    async claim(subscriptionId, period, worker, now, staleAfterMs = 10 * 60_000) {
      const at = now.toISOString();
      const staleBefore = new Date(now.getTime() - staleAfterMs).toISOString();
      const row = (
        await pool.query<{ id: number }>(
          `INSERT INTO deliveries (subscription_id, period, status, claimed_by, claimed_at, attempts)
           VALUES ($1, $2, 'claimed', $3, $4, 1)
           ON CONFLICT (subscription_id, period) DO UPDATE SET status = 'claimed',
             claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at, posting_at = NULL,
             attempts = deliveries.attempts + 1
           WHERE deliveries.status = 'failed' OR (deliveries.status = 'claimed' AND deliveries.claimed_at < $5)
           RETURNING id`,
          [subscriptionId, period, worker, at, staleBefore],
        )
      ).rows[0];
      return row ? { id: row.id, subscriptionId, period, worker } : undefined;
    },
    markPosting: (claim, plan, now) =>
      tx(async (c) => {
        const at = now.toISOString();
        const r = await c.query(
          `UPDATE deliveries SET status = 'posting', posting_at = $1, article_ids = $2, covered_to = $3,
             parts = $4, message_ref = NULL WHERE id = $5 AND claimed_by = $6 AND status = 'claimed'`,
          [
            at,
            JSON.stringify(plan.articleIds),
            plan.coveredTo ?? null,
            plan.parts ?? null,
            claim.id,
            claim.worker,
          ],
        );
        if (r.rowCount !== 1) return false;
        if (plan.rememberInChannel && plan.articleIds.length > 0) {
          await c.query(
            `INSERT INTO channel_articles (platform, channel_id, article_id, delivery_id, delivered_at)
             SELECT $1, $2, a, $4, $5 FROM unnest($3::text[]) AS a ON CONFLICT DO NOTHING`,
            [plan.platform, plan.channelId, plan.articleIds, claim.id, at],
          );
        }
        return true;
      }),
    async touch(claim, now, refs) {
      if (refs)
        await pool.query(
          `UPDATE deliveries SET posting_at = $1, message_ref = $2 WHERE id = $3 AND claimed_by = $4
             AND status = 'posting'`,
          [now.toISOString(), refs.join(","), claim.id, claim.worker],
        );
      else
        await pool.query(
          "UPDATE deliveries SET posting_at = $1 WHERE id = $2 AND claimed_by = $3 AND status = 'posting'",
          [now.toISOString(), claim.id, claim.worker],
        );
    },
    complete: (claim, result, now) =>
      changed(
        `UPDATE deliveries SET status = 'done', finished_at = $1, message_ref = $2, error = $3
         WHERE id = $4 AND claimed_by = $5 AND status IN ('posting', 'uncertain')`,
        [now.toISOString(), result.messageRef ?? null, result.error ?? null, claim.id, claim.worker],
      ),
    async release(claim, error, now) {
      await tx(async (c) => {
        const r = await c.query(
          `UPDATE deliveries SET status = 'claimed', claimed_at = $1, posting_at = NULL, error = $2
           WHERE id = $3 AND claimed_by = $4 AND status IN ('claimed', 'posting')`,
          [now.toISOString(), error, claim.id, claim.worker],
        );
        if (r.rowCount === 1) await c.query(forget, [claim.id]);
      });
    },
    async fail(claim, error, now) {
      await tx(async (c) => {
        const r = await c.query(
          `UPDATE deliveries SET status = 'failed', finished_at = $1, error = $2, posting_at = NULL
           WHERE id = $3 AND claimed_by = $4 AND status IN ('claimed', 'posting')`,
          [now.toISOString(), error, claim.id, claim.worker],
        );
        if (r.rowCount === 1) await c.query(forget, [claim.id]);
      });
    },
    get: async (subscriptionId, period) =>
      (
        await rows("SELECT * FROM deliveries WHERE subscription_id = $1 AND period = $2", [
          subscriptionId,
          period,
        ])
      )[0],
    latest: async (subscriptionId) =>
      (
        await rows(
          "SELECT * FROM deliveries WHERE subscription_id = $1 ORDER BY period DESC, id DESC LIMIT 1",
          [subscriptionId],
        )
      )[0],
    lastDelivered: async (subscriptionId) =>
      (
        await rows(
          `SELECT * FROM deliveries WHERE subscription_id = $1 AND status IN ('done', 'uncertain')
           ORDER BY period DESC, id DESC LIMIT 1`,
          [subscriptionId],
        )
      )[0],
    async deliveredArticleIds(platform, channelId) {
      const r = await pool.query<{ article_id: string }>(
        "SELECT article_id FROM channel_articles WHERE platform = $1 AND channel_id = $2",
        [platform, channelId],
      );
      return new Set(r.rows.map((x) => x.article_id));
    },
    async subscriptionArticleIds(subscriptionId) {
      const ids = new Set<string>();
      const r = await pool.query<{ article_ids: string }>(
        "SELECT article_ids FROM deliveries WHERE subscription_id = $1 AND status IN ('done', 'uncertain')",
        [subscriptionId],
      );
      for (const x of r.rows) for (const id of JSON.parse(x.article_ids) as string[]) ids.add(id);
      return ids;
    },
    sweepUncertain: (now, olderThanMs) =>
      rows(
        `UPDATE deliveries SET status = 'uncertain', error = 'interrupted while posting'
         WHERE status = 'posting' AND posting_at < $1 RETURNING *`,
        [new Date(now.getTime() - olderThanMs).toISOString()],
      ),
    uncertain: (subscriptionId) =>
      subscriptionId === undefined
        ? rows("SELECT * FROM deliveries WHERE status = 'uncertain' ORDER BY period DESC")
        : rows(
            "SELECT * FROM deliveries WHERE status = 'uncertain' AND subscription_id = $1 ORDER BY period DESC",
            [subscriptionId],
          ),
    failedSince: (since) =>
      rows("SELECT * FROM deliveries WHERE status = 'failed' AND period >= $1 ORDER BY id", [
        addDaysIso(since, -1),
      ]),
    inFlight: () => rows("SELECT * FROM deliveries WHERE status IN ('claimed', 'posting') ORDER BY id"),
    markUncertain: (id, reason = "interrupted while posting") =>
      changed("UPDATE deliveries SET status = 'uncertain', error = $1 WHERE id = $2 AND status = 'posting'", [
        reason,
        id,
      ]),
    resolveUncertain: (id, result, now) =>
      tx(async (c) => {
        const at = now.toISOString();
        if (result.status === "done") {
          const r = await c.query(
            `UPDATE deliveries SET status = 'done', finished_at = $1, message_ref = $2, error = $3
             WHERE id = $4 AND status = 'uncertain'`,
            [at, result.messageRef ?? null, result.error ?? null, id],
          );
          return r.rowCount === 1;
        }
        const r = await c.query(
          `UPDATE deliveries SET status = 'failed', finished_at = $1, error = $2, posting_at = NULL
           WHERE id = $3 AND status = 'uncertain'`,
          [at, result.error, id],
        );
        if (r.rowCount !== 1) return false;
        await c.query(forget, [id]);
        return true;
      }),
  };
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

// Subscriptions, the delivery log and the audit log, as ports with a SQLite implementation.
// The delivery log is what makes scheduled posts exactly-once: a delivery is claimed (a row unique
// per subscription and period) before anything is posted, moved to `posting` just before the
// platform call and to `done` after it, in separate transactions, so a restart or a second bot
// process never posts the same period twice, and a crash mid-post is recorded, not repeated blindly.
import type { Database } from "./database.ts";

export type SubscriptionKind = "digest" | "brief";

export interface NewSubscription {
  readonly platform: string;
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
}

export interface Subscription extends NewSubscription {
  readonly id: number;
  readonly createdAt: string;
  readonly enabled: boolean;
  readonly failures: number;
  readonly disabledReason?: string;
}

export interface Claim {
  readonly id: number;
  readonly subscriptionId: number;
  readonly period: string;
}

export interface DeliveryRecord {
  readonly subscriptionId: number;
  readonly period: string;
  readonly status: "claimed" | "posting" | "done" | "failed" | "uncertain";
  readonly attempts: number;
  readonly articleIds: readonly string[];
  readonly coveredTo?: string;
  readonly error?: string;
}

export interface SubscriptionStore {
  create(input: NewSubscription): Subscription;
  get(id: number): Subscription | undefined;
  list(filter?: { platform?: string; channelId?: string; enabledOnly?: boolean }): Subscription[];
  /** Removes a subscription of that channel; false when there is none with that id there. */
  remove(id: number, platform: string, channelId: string): boolean;
  recordSuccess(id: number): void;
  /** Counts a failure; disables the subscription (with the reason) once `disableAfter` is reached. */
  recordFailure(id: number, reason: string, disableAfter: number): { disabled: boolean };
}

export interface DeliveryLog {
  /**
   * Claims the delivery of `period` for a subscription. Returns undefined when it is already done,
   * being posted, or freshly claimed by another worker. A claim left by a crashed worker before it
   * started posting is taken over once older than `staleAfterMs`.
   */
  claim(
    subscriptionId: number,
    period: string,
    worker: string,
    now: Date,
    staleAfterMs?: number,
  ): Claim | undefined;
  markPosting(claim: Claim): void;
  complete(
    claim: Claim,
    result: { articleIds: readonly string[]; coveredTo: string; messageRef?: string },
    now: Date,
  ): void;
  /** Releases a claim after a failed attempt so a later run may retry it. */
  fail(claim: Claim, error: string, now: Date): void;
  get(subscriptionId: number, period: string): DeliveryRecord | undefined;
  /** The latest completed delivery of a subscription. */
  lastDone(subscriptionId: number): DeliveryRecord | undefined;
  /** Every article id already delivered to a channel (so none is posted twice there). */
  deliveredArticleIds(platform: string, channelId: string): Set<string>;
  /** Posts interrupted mid-call at a crash: never re-posted automatically, shown to users. */
  uncertain(): DeliveryRecord[];
}

export interface AuditLog {
  record(actor: string, action: string, details: Record<string, unknown>, now?: Date): void;
  recent(limit: number): { at: string; actor: string; action: string; details: string }[];
}

interface SubscriptionRow {
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
}

interface DeliveryRow {
  id: number;
  subscription_id: number;
  period: string;
  status: DeliveryRecord["status"];
  claimed_by: string;
  claimed_at: string;
  attempts: number;
  article_ids: string;
  covered_to: string | null;
  error: string | null;
}

const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  platform: r.platform,
  channelId: r.channel_id,
  kind: r.kind,
  ...(r.topic ? { topic: r.topic } : {}),
  time: r.time,
  timezone: r.timezone,
  days: r.days.split(",").filter(Boolean).map(Number),
  createdBy: r.created_by,
  createdAt: r.created_at,
  enabled: r.enabled === 1,
  failures: r.failures,
  ...(r.disabled_reason ? { disabledReason: r.disabled_reason } : {}),
});

const toDelivery = (r: DeliveryRow): DeliveryRecord => ({
  subscriptionId: r.subscription_id,
  period: r.period,
  status: r.status,
  attempts: r.attempts,
  articleIds: JSON.parse(r.article_ids) as string[],
  ...(r.covered_to ? { coveredTo: r.covered_to } : {}),
  ...(r.error ? { error: r.error } : {}),
});

export function createSubscriptionStore(db: Database): SubscriptionStore {
  const insert = db.prepare(
    `INSERT INTO subscriptions (platform, channel_id, kind, topic, time, timezone, days, created_by, created_at)
     VALUES (@platform, @channelId, @kind, @topic, @time, @timezone, @days, @createdBy, @createdAt)`,
  );
  const byId = db.prepare("SELECT * FROM subscriptions WHERE id = ?");
  return {
    create(input) {
      const info = insert.run({
        ...input,
        topic: input.topic ?? null,
        days: [...input.days].sort().join(","),
        createdAt: new Date().toISOString(),
      });
      return toSubscription(byId.get(info.lastInsertRowid) as SubscriptionRow);
    },
    get(id) {
      const row = byId.get(id) as SubscriptionRow | undefined;
      return row ? toSubscription(row) : undefined;
    },
    list(filter = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.platform) {
        where.push("platform = ?");
        params.push(filter.platform);
      }
      if (filter.channelId) {
        where.push("channel_id = ?");
        params.push(filter.channelId);
      }
      if (filter.enabledOnly) where.push("enabled = 1");
      const sql = `SELECT * FROM subscriptions ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id`;
      return (db.prepare(sql).all(...params) as SubscriptionRow[]).map(toSubscription);
    },
    remove(id, platform, channelId) {
      return (
        db
          .prepare("DELETE FROM subscriptions WHERE id = ? AND platform = ? AND channel_id = ?")
          .run(id, platform, channelId).changes === 1
      );
    },
    recordSuccess(id) {
      db.prepare("UPDATE subscriptions SET failures = 0 WHERE id = ?").run(id);
    },
    recordFailure(id, reason, disableAfter) {
      return db.transaction(() => {
        db.prepare("UPDATE subscriptions SET failures = failures + 1 WHERE id = ?").run(id);
        const row = byId.get(id) as SubscriptionRow | undefined;
        if (!row) return { disabled: false };
        if (row.failures >= disableAfter) {
          db.prepare("UPDATE subscriptions SET enabled = 0, disabled_reason = ? WHERE id = ?").run(
            reason,
            id,
          );
          return { disabled: true };
        }
        return { disabled: false };
      })();
    },
  };
}

export function createDeliveryLog(db: Database): DeliveryLog {
  const find = db.prepare("SELECT * FROM deliveries WHERE subscription_id = ? AND period = ?");
  return {
    claim(subscriptionId, period, worker, now, staleAfterMs = 10 * 60_000) {
      // IMMEDIATE: take the write lock first, so two processes cannot both read "free" and claim.
      return db
        .transaction((): Claim | undefined => {
          const row = find.get(subscriptionId, period) as DeliveryRow | undefined;
          if (!row) {
            const info = db
              .prepare(
                "INSERT INTO deliveries (subscription_id, period, status, claimed_by, claimed_at, attempts) VALUES (?, ?, 'claimed', ?, ?, 1)",
              )
              .run(subscriptionId, period, worker, now.toISOString());
            return { id: Number(info.lastInsertRowid), subscriptionId, period };
          }
          const stale = row.status === "claimed" && now.getTime() - Date.parse(row.claimed_at) > staleAfterMs;
          if (row.status === "failed" || stale) {
            db.prepare(
              "UPDATE deliveries SET status = 'claimed', claimed_by = ?, claimed_at = ?, attempts = attempts + 1 WHERE id = ?",
            ).run(worker, now.toISOString(), row.id);
            return { id: row.id, subscriptionId, period };
          }
          return undefined;
        })
        .immediate();
    },
    markPosting(claim) {
      db.prepare("UPDATE deliveries SET status = 'posting' WHERE id = ?").run(claim.id);
    },
    complete(claim, result, now) {
      db.prepare(
        "UPDATE deliveries SET status = 'done', finished_at = ?, article_ids = ?, covered_to = ?, message_ref = ?, error = NULL WHERE id = ?",
      ).run(
        now.toISOString(),
        JSON.stringify(result.articleIds),
        result.coveredTo,
        result.messageRef ?? null,
        claim.id,
      );
    },
    fail(claim, error, now) {
      db.prepare("UPDATE deliveries SET status = 'failed', finished_at = ?, error = ? WHERE id = ?").run(
        now.toISOString(),
        error,
        claim.id,
      );
    },
    get(subscriptionId, period) {
      const row = find.get(subscriptionId, period) as DeliveryRow | undefined;
      return row ? toDelivery(row) : undefined;
    },
    lastDone(subscriptionId) {
      const row = db
        .prepare(
          "SELECT * FROM deliveries WHERE subscription_id = ? AND status = 'done' ORDER BY period DESC LIMIT 1",
        )
        .get(subscriptionId) as DeliveryRow | undefined;
      return row ? toDelivery(row) : undefined;
    },
    deliveredArticleIds(platform, channelId) {
      const rows = db
        .prepare(
          `SELECT d.article_ids FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
           WHERE s.platform = ? AND s.channel_id = ? AND d.status = 'done'`,
        )
        .all(platform, channelId) as { article_ids: string }[];
      const ids = new Set<string>();
      for (const r of rows) for (const id of JSON.parse(r.article_ids) as string[]) ids.add(id);
      return ids;
    },
    uncertain() {
      // A post interrupted between the platform call and its confirmation: it may or may not have
      // gone out, so it is reported rather than repeated.
      db.prepare("UPDATE deliveries SET status = 'uncertain' WHERE status = 'posting'").run();
      return (db.prepare("SELECT * FROM deliveries WHERE status = 'uncertain'").all() as DeliveryRow[]).map(
        toDelivery,
      );
    },
  };
}

export function createAuditLog(db: Database): AuditLog {
  return {
    record(actor, action, details, now = new Date()) {
      db.prepare("INSERT INTO audit_log (at, actor, action, details) VALUES (?, ?, ?, ?)").run(
        now.toISOString(),
        actor,
        action,
        JSON.stringify(details),
      );
    },
    recent(limit) {
      return db
        .prepare("SELECT at, actor, action, details FROM audit_log ORDER BY id DESC LIMIT ?")
        .all(limit) as {
        at: string;
        actor: string;
        action: string;
        details: string;
      }[];
    },
  };
}

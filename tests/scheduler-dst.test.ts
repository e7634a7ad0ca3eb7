// Daylight saving, with fake timers on the real dates and the real node-cron: a daily run set in
// the hour the clocks skip (02:30 Europe/Paris on 2026-03-29) happens that day at the first valid
// minute after it (03:00 local), and the next day at its time again; in the hour that repeats
// (02:30 on 2026-10-25) it happens once. The same holds in another zone (New York, 2026-03-08).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { NewsCore } from "../src/core/news-core.ts";
import { localMoment } from "../src/core/time/zone.ts";
import { nextSkippedRun } from "../src/scheduling/time.ts";
import { paris, recordingPoster, runUntil, type TestBot, testBot, testCore } from "./fakes/scheduling.ts";

let core: NewsCore;
const bots: TestBot[] = [];

beforeAll(async () => {
  core = await testCore();
});

afterEach(async () => {
  for (const b of bots.splice(0)) await b.close().catch(() => {});
  vi.useRealTimers();
});

async function daily(time: string, timezone: string, startIso: string) {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(startIso));
  const poster = recordingPoster();
  const bot = testBot(":memory:", core, [poster]);
  bots.push(bot);
  // created at the start: no earlier run to catch up
  const sub = await bot.store.create(paris({ time, timezone }), new Date(startIso));
  return { poster, bot, sub };
}

describe("daylight saving", () => {
  it("a run in the skipped hour (02:30 Paris, 2026-03-29) happens at 03:00 that day, then at 02:30 again", async () => {
    const { poster, bot, sub } = await daily("02:30", "Europe/Paris", "2026-03-28T12:00:00Z");
    await bot.scheduler.start();
    expect(bot.scheduler.nextRun(sub.id)?.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    await runUntil("2026-03-30T12:00:00Z");
    expect(poster.posts.map((p) => p.at)).toEqual(["2026-03-29T01:00:00.000Z", "2026-03-30T00:30:00.000Z"]);
    expect(localMoment(new Date("2026-03-29T01:00:00Z"), "Europe/Paris")).toMatchObject({
      day: "2026-03-29",
      time: "03:00",
    });
    expect((await bot.deliveries.get(sub.id, "2026-03-29"))?.status).toBe("done");
  });

  it("the skipped hour's edges: 02:00 and 02:59 both run at 03:00; 03:00 is untouched", async () => {
    for (const [time, expected] of [
      ["02:00", "2026-03-29T01:00:00.000Z"],
      ["02:59", "2026-03-29T01:00:00.000Z"],
      ["03:00", "2026-03-29T01:00:00.000Z"],
      ["01:59", "2026-03-29T00:59:00.000Z"],
    ] as const) {
      const { poster, bot } = await daily(time, "Europe/Paris", "2026-03-28T22:00:00Z");
      await bot.scheduler.start();
      await runUntil("2026-03-29T03:00:00Z");
      expect(poster.posts.map((p) => p.at)).toEqual([expected]);
      for (const b of bots.splice(0)) await b.close();
      vi.useRealTimers();
    }
  });

  it("in the repeated hour (02:30 Paris, 2026-10-25) the run happens once", async () => {
    const { poster, bot, sub } = await daily("02:30", "Europe/Paris", "2026-10-24T12:00:00Z");
    await bot.scheduler.start();
    await runUntil("2026-10-26T12:00:00Z");
    const times = poster.posts.map((p) => localMoment(new Date(p.at), "Europe/Paris"));
    expect(times.map((t) => `${t.day} ${t.time}`)).toEqual(["2026-10-25 02:30", "2026-10-26 02:30"]);
    expect((await bot.deliveries.get(sub.id, "2026-10-25"))?.status).toBe("done");
  });

  it("another zone: 02:30 in New York on its spring-forward day (2026-03-08) runs at 03:00 EDT", async () => {
    const { poster, bot } = await daily("02:30", "America/New_York", "2026-03-07T12:00:00Z");
    await bot.scheduler.start();
    await runUntil("2026-03-09T12:00:00Z");
    expect(poster.posts.map((p) => p.at)).toEqual(["2026-03-08T07:00:00.000Z", "2026-03-09T06:30:00.000Z"]);
  });

  it("finds no skipped run on ordinary days, and respects the subscription's days", () => {
    const until = new Date("2026-04-10T00:00:00Z");
    const from = new Date("2026-03-27T12:00:00Z");
    expect(nextSkippedRun(from, "08:00", [0, 1, 2, 3, 4, 5, 6], "Europe/Paris", until)).toBeUndefined();
    expect(nextSkippedRun(from, "02:30", [1, 2, 3, 4, 5], "Europe/Paris", until)).toBeUndefined(); // a Sunday
    expect(nextSkippedRun(from, "02:30", [0], "Europe/Paris", until)?.toISOString()).toBe(
      "2026-03-29T01:00:00.000Z",
    );
    expect(nextSkippedRun(from, "02:30", [0], "Asia/Tokyo", until)).toBeUndefined(); // no DST there
  });
});

// Two paths a review found posting twice or never (real timers, real core and SQLite, scripted
// posters): a part re-sent under its nonce after a timeout that then meets rate limits stays
// possibly out, so the delivery ends uncertain and the outage retry never posts it again; a
// process that died while waiting to retry leaves a claim the next start catches up.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { NewsCore } from "../src/core/news-core.ts";
import { type ChannelPoster, PostError } from "../src/scheduling/poster.ts";
import { paris, type TestBot, testBot, testCore } from "./fakes/scheduling.ts";

let core: NewsCore;
const bots: TestBot[] = [];
const dirs: string[] = [];
beforeAll(async () => {
  core = await testCore();
});
afterEach(async () => {
  for (const b of bots.splice(0)) await b.close().catch(() => {});
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
const yesterday = () => new Date(Date.now() - 86_400_000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a part re-sent under its nonce, then rate limited", () => {
  it("ends uncertain and is never posted again by the outage retry", async () => {
    let calls = 0;
    const visible: number[] = [];
    const poster: ChannelPoster = {
      platform: "discord",
      idempotentForMs: 60, // a short nonce window, so the outage retry falls past it
      prepare: () => [
        async () => {
          calls++;
          if (calls === 1) {
            visible.push(calls); // the timed-out call was carried out
            throw new PostError("timed out", true, "timeout", undefined, true);
          }
          if (calls <= 5) throw new PostError("rate limited", true, "rate_limited", 1);
          visible.push(calls);
          return `m${calls}`;
        },
      ],
    };
    const bot = testBot(":memory:", core, [poster], {
      retry: { attempts: 5, baseMs: 5 },
      outageRetryMs: 200,
      // the run is delivered by hand below: no catch-up at start, whatever the time of day in Paris
      catchUp: false,
    });
    bots.push(bot);
    const sub = await bot.store.create(paris({ platform: "discord" }), yesterday());
    await bot.scheduler.start();
    expect(await bot.scheduler.deliver(sub.id, today(), "scheduled")).toBe("uncertain");
    await sleep(500);
    await bot.scheduler.idle();
    expect(visible).toHaveLength(1);
    expect((await bot.deliveries.get(sub.id, today()))?.status).toBe("uncertain");
  });
});

describe("a process that dies while waiting to retry", () => {
  it("leaves a claim the next start catches up, once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsbot-claim-"));
    dirs.push(dir);
    const path = join(dir, "bot.db");
    let posts = 0;
    const poster = (fail: boolean): ChannelPoster => ({
      platform: "slack",
      prepare: () => [
        async () => {
          if (fail) throw new PostError("rate limited", true, "rate_limited", 60_000);
          posts++;
          return "m";
        },
      ],
    });
    const a = testBot(path, core, [poster(true)], { worker: "a" });
    bots.push(a); // closed only after the test: until then it stands for a dead process
    const sub = await a.store.create(paris({ time: "00:00" }), yesterday());
    void a.scheduler.deliver(sub.id, today(), "scheduled");
    await sleep(200);
    expect((await a.deliveries.get(sub.id, today()))?.status).toBe("claimed"); // waiting out the 429
    // `a` is never stopped (its process died); `b` starts on the same file
    await sleep(100);
    const b = testBot(path, core, [poster(false)], { worker: "b", claimStaleMs: 50 });
    bots.push(b);
    const started = await b.scheduler.start();
    await sleep(300);
    await b.scheduler.idle();
    expect(started.caughtUp).toBe(1);
    expect(posts).toBe(1);
    expect((await b.deliveries.get(sub.id, today()))?.status).toBe("done");
  });
});

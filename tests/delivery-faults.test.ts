// Fault injection on scheduled posts, through the real Bolt WebClient and discord.js REST against
// the local fakes: an answer 25 s late (the message posted all the same; the client gives up
// first), a connection cut after the request body is read, a 500 then a 200, a 429 with
// Retry-After. Each case runs two schedulers (two bots) on one SQLite file at the same 08:00 run:
// exactly one message ends up in the channel, and a restart afterwards adds none. A post whose
// outcome is unknown is looked for (Slack: its metadata in conversations.history) or re-sent under
// its nonce (Discord) — never sent again blindly — and the scheduler's log shows each decision.
// Only `Date` is faked (running on in real time), so sockets, timeouts and node-cron are real.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Client } from "discord.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDiscordPoster } from "../src/adapters/discord/index.ts";
import { createSlackPoster } from "../src/adapters/slack/index.ts";
import type { NewsCore } from "../src/core/news-core.ts";
import { reply } from "../src/core/reply/reply.ts";
import type { ChannelPoster } from "../src/scheduling/poster.ts";
import type { SchedulerEvent } from "../src/scheduling/scheduler.ts";
import { type DiscordFault, type FakeDiscord, loginToFake, startFakeDiscord } from "./fakes/discord.ts";
import { waitFor } from "./fakes/http.ts";
import { paris, type TestBot, testBot, testCore } from "./fakes/scheduling.ts";
import { type FakeSlack, type SlackFault, startFakeSlack } from "./fakes/slack.ts";

const TIMEOUT_MS = 400; // the clients' timeout here (15 s in production); the slow fake takes 25 s
const SLOW = 25_000;
const PERIOD = "2026-01-15";

let core: NewsCore;
let slack: FakeSlack;
let discord: FakeDiscord;
const clients: Client[] = [];
let dir: string;
const bots: TestBot[] = [];
let events: { bot: string; e: SchedulerEvent }[] = [];

beforeAll(async () => {
  core = await testCore();
  slack = await startFakeSlack();
  discord = await startFakeDiscord();
});

afterAll(async () => {
  for (const c of clients) await c.destroy();
  await slack?.close();
  await discord?.close();
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  dir = mkdtempSync(join(tmpdir(), "newsbot-faults-"));
  events = [];
});

afterEach(async () => {
  for (const b of bots.splice(0)) await b.close().catch(() => {});
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const slackPoster = () =>
  createSlackPoster({
    botToken: "xoxb-test-token",
    apiUrl: slack.apiUrl,
    timeoutMs: TIMEOUT_MS,
    minIntervalMs: 0,
  });

async function discordPoster(options: { nonceWindowMs?: number } = {}) {
  const client = await loginToFake(discord);
  clients.push(client);
  return createDiscordPoster(client, "fr", { timeoutMs: TIMEOUT_MS, ...options });
}

function open(name: string, path: string, poster: ChannelPoster) {
  const bot = testBot(path, core, [poster], {
    worker: name,
    retry: { attempts: 5, baseMs: 100 },
    verifyDelayMs: 100,
    outageRetryMs: 0,
    log: (e) => events.push({ bot: name, e }),
  });
  bots.push(bot);
  return bot;
}

const decisions = () =>
  events.flatMap(({ e }) =>
    e.type === "verify"
      ? [e.decision]
      : e.type === "retry"
        ? ["retry"]
        : e.type === "uncertain"
          ? ["uncertain"]
          : [],
  );

/**
 * Two bots on one database, both scheduled at 08:00 Paris for `channel`; runs the run, lets both
 * settle, then restarts one on the same file. Returns the delivery's record after the restart.
 */
async function twoBotsThenRestart(
  platform: "slack" | "discord",
  channel: string,
  posters: () => Promise<ChannelPoster> | ChannelPoster,
  visible: () => number,
) {
  const path = join(dir, "newsbot.db");
  vi.setSystemTime(new Date("2026-01-15T06:59:59.400Z")); // 07:59:59.4 in Paris
  const a = open("a", path, await posters());
  const b = open("b", path, await posters());
  const sub = await a.store.create(paris({ platform, channelId: channel }), new Date("2026-01-14T10:00:00Z"));
  await a.scheduler.start();
  await b.scheduler.start();
  await waitFor(async () => await a.deliveries.get(sub.id, PERIOD), 5000, "the run");
  const settled = async () => {
    const s = (await a.deliveries.get(sub.id, PERIOD))?.status;
    return s === "done" || s === "uncertain" || s === "failed" ? s : undefined;
  };
  await waitFor(settled, 10_000, "the delivery settled");
  await a.scheduler.idle();
  await b.scheduler.idle();
  const before = visible();
  for (const bot of bots.splice(0)) await bot.close();

  const restarted = open("c", path, await posters());
  await restarted.scheduler.start();
  await restarted.scheduler.idle();
  expect(visible()).toBe(before);
  return { record: await restarted.deliveries.get(sub.id, PERIOD), sub };
}

describe("Slack: a scheduled post under faults, two bots, then a restart", () => {
  // `calls`: chat.postMessage requests in all (the client never repeats one by itself)
  const cases: { name: string; faults: SlackFault[]; decisions: string[]; calls: number }[] = [
    {
      name: "the API answers after 25 s (the message is posted): found, not re-sent",
      faults: [{ delayMs: SLOW, record: true }],
      decisions: ["found"],
      calls: 1,
    },
    {
      name: "the connection is cut after the body is read, the message posted: found, not re-sent",
      faults: [{ reset: true, record: true }],
      decisions: ["found"],
      calls: 1,
    },
    {
      name: "the connection is cut after the body is read, nothing posted: proven absent, sent once",
      faults: [{ reset: true, record: false }],
      decisions: ["absent", "retry"],
      calls: 2,
    },
    {
      name: "500 then 200: proven absent, then sent",
      faults: [{ status: 500 }],
      decisions: ["absent", "retry"],
      calls: 2,
    },
    {
      name: "500 although the message was posted: found, not re-sent",
      faults: [{ status: 500, record: true }],
      decisions: ["found"],
      calls: 1,
    },
    {
      name: "429 with Retry-After: waited out, then sent (nothing to look for)",
      faults: [{ status: 429, retryAfter: 1 }],
      decisions: ["retry"],
      calls: 2,
    },
  ];
  cases.forEach((c, i) => {
    it(c.name, async () => {
      const channel = `C0FAULT${i}`;
      const visible = () => slack.posts.filter((p) => p.channel === channel).length;
      slack.faults(...c.faults);
      const { record } = await twoBotsThenRestart("slack", channel, slackPoster, visible);
      expect(visible()).toBe(1);
      expect(record?.status).toBe("done");
      expect(record?.messageRef).toBe(slack.posts.find((p) => p.channel === channel)?.ts);
      expect(decisions()).toEqual(c.decisions);
      const calls = slack.apiCalls.filter(
        (x) => x.method === "chat.postMessage" && new URLSearchParams(x.body).get("channel") === channel,
      );
      expect(calls).toHaveLength(c.calls);
      // one bot delivered; the other found the period claimed and posted nothing
      const outcomes = events.flatMap(({ e }) => (e.type === "delivery" ? [e.outcome] : []));
      expect(outcomes.sort()).toEqual(["delivered", "skipped"]);
      if (c.faults[0] && "retryAfter" in c.faults[0]) {
        const retry = events.find(({ e }) => e.type === "retry")?.e;
        expect(retry?.type === "retry" && retry.inMs).toBeGreaterThanOrEqual(1000);
      }
      const post = slack.posts.find((p) => p.channel === channel);
      expect(post?.metadata).toEqual({
        event_type: "newsbot_delivery",
        event_payload: { delivery_id: record?.id, part: 0, subscription_id: 1, period: PERIOD },
      });
    });
  });

  it("conversations.history cannot be read (missing scope): left uncertain, never re-sent, even after a restart", async () => {
    const channel = "C0NOSCOPE";
    const visible = () => slack.posts.filter((p) => p.channel === channel).length;
    slack.faults({ delayMs: SLOW, record: true });
    slack.failHistory("missing_scope");
    try {
      const { record } = await twoBotsThenRestart("slack", channel, slackPoster, visible);
      expect(visible()).toBe(1);
      expect(record?.status).toBe("uncertain");
      expect(record?.error).toMatch(/outcome unknown.*missing_scope/);
      expect(decisions()).toEqual(["unknown", "uncertain", "unknown"]);
    } finally {
      slack.failHistory(undefined);
    }
  });
});

describe("Discord: a scheduled post under faults, two bots, then a restart", () => {
  const cases: { name: string; faults: DiscordFault[]; decisions: string[] }[] = [
    {
      name: "the API answers after 25 s (the message is posted): re-sent under its nonce, which returns it",
      faults: [{ delayMs: SLOW, record: true }],
      decisions: ["resend", "retry"],
    },
    {
      name: "the connection is cut after the body is read, the message posted: the nonce returns it",
      faults: [{ reset: true, record: true }],
      decisions: ["resend", "retry"],
    },
    {
      name: "the connection is cut after the body is read, nothing posted: re-sent once",
      faults: [{ reset: true, record: false }],
      decisions: ["resend", "retry"],
    },
    {
      name: "500 then 200: re-sent under its nonce",
      faults: [{ status: 500 }],
      decisions: ["resend", "retry"],
    },
    {
      name: "429 with Retry-After: waited out, then sent",
      faults: [{ status: 429, retryAfter: 1 }],
      decisions: ["retry"],
    },
  ];
  cases.forEach((c, i) => {
    it(c.name, async () => {
      const channel = String(100000000000000100n + BigInt(i));
      const visible = () => discord.channelMessages.filter((m) => m.channelId === channel).length;
      discord.faults(...c.faults);
      const { record } = await twoBotsThenRestart("discord", channel, () => discordPoster(), visible);
      expect(visible()).toBe(1);
      expect(record?.status).toBe("done");
      expect(decisions()).toEqual(c.decisions);
      const sent = discord.calls.filter(
        (x) => x.method === "POST" && x.path === `/channels/${channel}/messages`,
      );
      // every attempt carried the same nonce, enforced
      const nonces = new Set(
        sent.map((x) =>
          JSON.stringify([
            (x.body as { nonce?: string }).nonce,
            (x.body as { enforce_nonce?: boolean }).enforce_nonce,
          ]),
        ),
      );
      expect(nonces.size).toBe(1);
      expect(JSON.parse([...nonces][0] as string)[1]).toBe(true);
      expect(String(JSON.parse([...nonces][0] as string)[0]).length).toBeLessThanOrEqual(25);
      if (c.faults[0] && "retryAfter" in c.faults[0]) {
        const retry = events.find(({ e }) => e.type === "retry")?.e;
        expect(retry?.type === "retry" && retry.inMs).toBeGreaterThanOrEqual(1000);
      }
    });
  });

  it("past the nonce's window an unknown outcome cannot be checked: uncertain, shown, never re-sent", async () => {
    const channel = "100000000000000199";
    const visible = () => discord.channelMessages.filter((m) => m.channelId === channel).length;
    discord.faults({ delayMs: SLOW, record: true });
    const { record } = await twoBotsThenRestart(
      "discord",
      channel,
      () => discordPoster({ nonceWindowMs: 0 }),
      visible,
    );
    expect(visible()).toBe(1);
    expect(record?.status).toBe("uncertain");
    expect(decisions()).toEqual(["unknown", "uncertain", "unknown"]);
  });
});

describe("restart after a crash in the middle of a Slack post", () => {
  async function crashedPost(channel: string, posted: boolean) {
    const path = join(dir, "newsbot.db");
    vi.setSystemTime(new Date("2026-01-15T07:00:00Z"));
    const crashed = open("dead", path, slackPoster());
    const sub = await crashed.store.create(paris({ channelId: channel }), new Date("2026-01-14T10:00:00Z"));
    // what a worker does up to the platform call, then the process dies (or not) after the post
    const claim = await crashed.deliveries.claim(sub.id, PERIOD, "elsewhere:1:x", new Date());
    if (!claim) throw new Error("no claim");
    await crashed.deliveries.markPosting(
      claim,
      { platform: "slack", channelId: channel, articleIds: [], rememberInChannel: true, parts: 1 },
      new Date(),
    );
    if (posted) {
      const digest = reply([{ type: "paragraph", text: "Revue" }], { visibility: "public" });
      const mark = { id: claim.id, subscriptionId: sub.id, period: PERIOD };
      await (slackPoster().prepare(channel, digest, mark)[0] as () => Promise<unknown>)();
    }
    await crashed.close();
    bots.splice(0);
    // 20 minutes later the posting row is stale: uncertain, then looked for
    vi.setSystemTime(new Date("2026-01-15T07:20:00Z"));
    const restarted = open("new", path, slackPoster());
    const report = await restarted.scheduler.start();
    await restarted.scheduler.idle();
    return { report, record: await restarted.deliveries.get(sub.id, PERIOD) };
  }

  it("the post went out: found at start-up, recorded done, not re-posted", async () => {
    const { report, record } = await crashedPost("C0CRASH1", true);
    expect(slack.posts.filter((p) => p.channel === "C0CRASH1")).toHaveLength(1);
    expect(record?.status).toBe("done");
    expect(report.uncertain.map((d) => d.status)).toEqual(["uncertain"]);
    expect(decisions()).toEqual(["uncertain", "found"]);
  });

  it("the post never went out: proven absent at start-up, then caught up once (same day)", async () => {
    const { report, record } = await crashedPost("C0CRASH2", false);
    expect(slack.posts.filter((p) => p.channel === "C0CRASH2")).toHaveLength(1);
    expect(record).toMatchObject({ status: "done", attempts: 2 });
    expect(report.uncertain).toHaveLength(1);
    expect(decisions()).toEqual(["uncertain", "absent"]);
    expect(events.map(({ e }) => e)).toContainEqual(
      expect.objectContaining({ type: "delivery", reason: "catch-up", outcome: "delivered" }),
    );
  });
});

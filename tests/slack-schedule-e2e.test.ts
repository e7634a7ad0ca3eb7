// End to end on Slack, scheduled: a signed `/news subscribe` through the real Bolt app creates a
// subscription for the channel it was typed in; when its time comes the real scheduler posts
// exactly one digest there with `chat.postMessage` (Block Kit) on the fake Slack Web API; a channel
// the bot was removed from is retried and then disabled, with the reason in `/news subscriptions`.
// Only `Date` is faked (and runs on in real time), so the real network stack and node-cron work
// as in production while "08:00 in Paris" is two seconds away.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunningSlackAdapter } from "../src/adapters/slack/index.ts";
import { scheduledBotAt, startSlackBot, subscribingDispatcher } from "./fakes/bots.ts";
import { waitFor } from "./fakes/http.ts";
import type { TestBot } from "./fakes/scheduling.ts";
import { type FakeSlack, postSigned, slashCommandBody, startFakeSlack } from "./fakes/slack.ts";

const SECRET = "test-signing-secret-123";
let slack: FakeSlack;
let adapter: RunningSlackAdapter;
let bot: TestBot;
let eventsUrl: string;
const errors: unknown[] = [];

beforeAll(async () => {
  slack = await startFakeSlack();
  // 07:59:58 in Paris on the day of the seed article dated 2026-01-15; the clock keeps running
  const started = await scheduledBotAt("2026-01-15T06:59:58Z");
  const core = started.core;
  bot = started.bot;
  ({ adapter, eventsUrl } = await startSlackBot(slack, {
    dispatcher: subscribingDispatcher(core, bot),
    signingSecret: SECRET,
    onError: (e) => errors.push(e),
  }));
  bot.scheduler.addPoster(adapter.poster);
  await bot.scheduler.start();
});

afterAll(async () => {
  await bot?.close();
  await adapter?.stop();
  await slack?.close();
  vi.useRealTimers();
});

async function command(text: string, id: string, channel?: string) {
  const body = slashCommandBody({ text, responseUrl: slack.responseUrl(id) });
  const res = await postSigned(eventsUrl, channel ? body.replace("C0NEWS", channel) : body, SECRET);
  expect(res.status).toBe(200);
  const [answer] = await waitFor(() => {
    const r = slack.responses.filter((x) => x.id === id);
    return r.length > 0 ? r : undefined;
  });
  return answer?.body ?? {};
}

describe("Slack: scheduled digest, end to end", () => {
  it("a subscription made with /news subscribe posts exactly one digest in that channel at its time", async () => {
    const answer = await command("subscribe --time 08:00 --timezone Europe/Paris", "sub1");
    expect(answer.response_type).toBe("in_channel");
    expect(JSON.stringify(answer.blocks)).toContain("Abonnement n° 1 créé");
    expect((await bot.store.list())[0]).toMatchObject({
      platform: "slack",
      channelId: "C0NEWS",
      createdBy: "slack:T0FAKE:U0ALICE",
    });
    expect((await bot.audit.recent(1))[0]?.actor).toBe("slack:T0FAKE:U0ALICE");

    const post = await waitFor(() => slack.posts[0], 8000, "the scheduled chat.postMessage");
    expect(post.channel).toBe("C0NEWS");
    const blocks = JSON.stringify(post.blocks);
    expect(blocks).toContain("Revue de presse");
    expect(blocks).toContain("Le Vietnam souhaite renforcer ses relations multiformes avec le Japon");
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.posts).toHaveLength(1);
    expect((await bot.deliveries.get(1, "2026-01-15"))?.status).toBe("done");
    // the delivery is exactly once: running the period again posts nothing
    expect(await bot.scheduler.deliver(1, "2026-01-15")).toBe("skipped");
    expect(slack.posts).toHaveLength(1);
  });

  it("a channel the bot is not in is retried, disabled, and the reason shown in /news subscriptions", async () => {
    slack.failPosts("C0GONE", "not_in_channel");
    vi.setSystemTime(new Date("2026-01-15T07:00:58Z")); // 08:00:58 in Paris
    await command("subscribe --time 08:01", "sub2", "C0GONE");
    await waitFor(
      async () => ((await bot.store.get(2))?.enabled === false ? true : undefined),
      8000,
      "the channel disabled",
    );
    expect((await bot.store.get(2))?.disabledReason).toBe("not_in_channel");
    const list = await command("subscriptions", "list2", "C0GONE");
    expect(list.response_type).toBe("ephemeral");
    expect(JSON.stringify(list.blocks)).toContain(
      "le bot n'est pas membre du canal (invitez-le) (not_in_channel)",
    );
    expect(slack.posts.filter((p) => p.channel === "C0GONE")).toEqual([]);
    // the one post to C0NEWS, then two attempts to C0GONE (disableAfter: 2)
    expect(slack.apiCalls.filter((c) => c.method === "chat.postMessage").length).toBe(3);
    expect(errors).toEqual([]);
  });
});

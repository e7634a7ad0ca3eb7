// A scheduled digest of a busy day (26 stories from the news dataset, 20 shown) through the real
// scheduler and the real Slack (Bolt's Web API client) and Discord (discord.js REST) posters, on the
// local fakes: one message in the channel with the top stories, the rest in its thread — Slack
// `thread_ts`, a Discord thread started on the message — or, `--format compact`, one message only.
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher } from "../commands/dispatch.ts";
import { allCommands } from "../commands/index.ts";
import type { RunningDiscordAdapter } from "../src/adapters/discord/index.ts";
import type { RunningSlackAdapter } from "../src/adapters/slack/index.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsCore, type NewsCore } from "../src/core/news-core.ts";
import { startDiscordBot, startSlackBot, subscribingDispatcher } from "./fakes/bots.ts";
import { CHANNEL_ID, type FakeDiscord, startFakeDiscord } from "./fakes/discord.ts";
import { waitFor } from "./fakes/http.ts";
import { type TestBot, testBot } from "./fakes/scheduling.ts";
import { type FakeSlack, postSigned, slashCommandBody, startFakeSlack } from "./fakes/slack.ts";

const SECRET = "test-signing-secret-789";
const DAY = "2020-06-18";
let core: NewsCore;
let slack: FakeSlack;
let discord: FakeDiscord;
let slackBot: RunningSlackAdapter;
let discordBot: RunningDiscordAdapter;
let bot: TestBot;

beforeAll(async () => {
  const { articles } = await loadCorpus(resolve(import.meta.dirname, "fixtures/digest-day.jsonl"));
  core = createNewsCore(articles);
  slack = await startFakeSlack();
  discord = await startFakeDiscord();
  bot = testBot(":memory:", core, [], { catchUp: false, firstDigestDays: 1 });
  ({ adapter: slackBot } = await startSlackBot(slack, {
    dispatcher: subscribingDispatcher(core, bot),
    signingSecret: SECRET,
  }));
  discordBot = await startDiscordBot(discord, {
    dispatcher: createDispatcher({ core, commands: allCommands }),
  });
  bot.scheduler.addPoster(slackBot.poster);
  bot.scheduler.addPoster(discordBot.poster);
});

afterAll(async () => {
  await bot?.close();
  await slackBot?.stop();
  await discordBot?.stop();
  await slack?.close();
  await discord?.close();
});

const headings = (blocks: unknown) =>
  (blocks as { type: string; text?: { text: string } }[])
    .filter((b) => b.type === "header")
    .map((b) => b.text?.text);

async function slash(text: string, id: string, channel: string) {
  const body = slashCommandBody({ text, responseUrl: slack.responseUrl(id) }).replace("C0NEWS", channel);
  await postSigned(`http://127.0.0.1:${slackBot.port}/slack/events`, body, SECRET);
  const [r] = await waitFor(() => {
    const rs = slack.responses.filter((x) => x.id === id);
    return rs.length > 0 ? rs : undefined;
  });
  return JSON.stringify(r?.body.blocks);
}

describe("a busy day's digest does not flood the channel", () => {
  it("Slack: one message with the top stories, the other stories in its thread", async () => {
    expect(await slash("subscribe --time 08:00", "sub", "C0DIGEST")).toContain("Abonnement n° 1 créé");
    expect(await bot.scheduler.deliver(1, DAY)).toBe("delivered");
    const top = slack.posts.filter((p) => p.channel === "C0DIGEST" && !p.thread_ts);
    expect(top).toHaveLength(1);
    const first = top[0];
    const thread = slack.posts.filter((p) => p.thread_ts === first?.ts);
    expect(thread.length).toBeGreaterThan(0);
    const shown = JSON.stringify(first?.blocks);
    expect(shown).toContain("autres sujets dans le fil");
    // the channel message holds three stories; the thread the other seventeen, none twice
    const story = (blocks: unknown) =>
      (blocks as { type: string; text?: { text: string } }[]).filter(
        (b) => b.type === "section" && b.text?.text.startsWith("*"),
      );
    const inTop = story(first?.blocks).length;
    const inThread = thread.flatMap((p) => story(p.blocks)).length;
    expect(inTop).toBe(3);
    expect(inTop + inThread).toBe(20);
    expect(headings(first?.blocks)[0]).toContain("Revue de presse");
    // every message is marked with its delivery and part, thread replies included
    expect(thread.map((p) => p.metadata?.event_payload.part)).toEqual(thread.map((_, i) => i + 1));
    // so a thread reply whose outcome was unknown is found there (conversations.replies), not re-sent
    const delivery = await bot.deliveries.get(1, DAY);
    const mark = { id: delivery?.id ?? 0, subscriptionId: 1, period: DAY };
    const since = new Date(Date.now() - 60_000);
    expect(await slackBot.poster.find?.("C0DIGEST", mark, 1, since)).toBe(thread[0]?.ts);
    expect(await slackBot.poster.find?.("C0DIGEST", mark, thread.length + 1, since)).toBeUndefined();
  });

  it("Slack: --format compact posts one message and says what it leaves out; a bad format is refused", async () => {
    expect(await slash("subscribe --time 08:00 --format large", "bad", "C0COMPACT")).toContain("« format »");
    expect(await bot.store.list({ channelId: "C0COMPACT" })).toEqual([]);
    await slash("subscribe --time 08:00 --format compact", "compact", "C0COMPACT");
    const sub = (await bot.store.list({ channelId: "C0COMPACT" }))[0];
    expect(sub?.format).toBe("compact");
    expect(await bot.scheduler.deliver(sub?.id ?? 0, DAY)).toBe("delivered");
    const posts = slack.posts.filter((p) => p.channel === "C0COMPACT");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.thread_ts).toBeUndefined();
    expect(JSON.stringify(posts[0]?.blocks)).toContain("/news digest");
  });

  it("Discord: one message in the channel, a thread started on it holding the rest, nobody pinged", async () => {
    const sub = await bot.store.create({
      platform: "discord",
      channelId: CHANNEL_ID,
      kind: "digest",
      time: "08:00",
      timezone: "Europe/Paris",
      days: [0, 1, 2, 3, 4, 5, 6],
      createdBy: "test",
    });
    expect(await bot.scheduler.deliver(sub.id, DAY)).toBe("delivered");
    const inChannel = discord.channelMessages.filter((m) => m.channelId === CHANNEL_ID);
    expect(inChannel).toHaveLength(1);
    const [thread] = discord.threads;
    expect(thread?.parentId).toBe(CHANNEL_ID);
    const inThread = discord.channelMessages.filter((m) => m.channelId === thread?.messageId);
    expect(inThread.length).toBeGreaterThan(0);
    for (const m of [...inChannel, ...inThread]) expect(m.body.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(inChannel[0]?.body.embeds)).toContain("autres sujets dans le fil");
  });
});

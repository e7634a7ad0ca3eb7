// End to end on Discord, scheduled: `/news subscribe` in a server channel through the real
// discord.js client (logged into the fake Discord) needs Manage Channels; once made, the real
// scheduler posts exactly one digest in that channel when its time comes — embeds, nobody pinged —
// and a channel that is gone (Unknown Channel) is retried, then disabled with the reason shown.
// Only `Date` is faked (running on in real time), so the gateway, REST and node-cron run as usual.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunningDiscordAdapter } from "../src/adapters/discord/index.ts";
import { scheduledBotAt, startDiscordBot, subscribingDispatcher } from "./fakes/bots.ts";
import { CHANNEL_ID, commandInteraction, type FakeDiscord, startFakeDiscord } from "./fakes/discord.ts";
import { waitFor } from "./fakes/http.ts";
import type { TestBot } from "./fakes/scheduling.ts";

const MANAGE_CHANNELS = 16n;
const GONE = "100000000000000009";
let discord: FakeDiscord;
let adapter: RunningDiscordAdapter;
let bot: TestBot;
const errors: unknown[] = [];

beforeAll(async () => {
  discord = await startFakeDiscord();
  const started = await scheduledBotAt("2026-01-15T06:59:58Z"); // 07:59:58 in Paris
  const core = started.core;
  bot = started.bot;
  adapter = await startDiscordBot(discord, {
    dispatcher: subscribingDispatcher(core, bot),
    onError: (e) => errors.push(e),
  });
  bot.scheduler.addPoster(adapter.poster);
  await bot.scheduler.start();
});

afterAll(async () => {
  await bot?.close();
  await adapter?.stop();
  await discord?.close();
  vi.useRealTimers();
});

async function command(
  sub: string,
  options: { name: string; type: number; value: unknown }[],
  permissions: bigint,
  channelId = CHANNEL_ID,
) {
  const { token, payload } = commandInteraction("news", sub, options, "command", { permissions, channelId });
  discord.dispatch("INTERACTION_CREATE", payload);
  const edit = await waitFor(
    () => discord.calls.find((c) => c.method === "PATCH" && c.path.includes(`/${token}/`)),
    5000,
    `the answer to ${sub}`,
  );
  const callback = discord.calls.find((c) => c.path.includes(`/${token}/callback`));
  return { deferred: callback?.body as { data?: { flags?: number } }, body: JSON.stringify(edit.body) };
}

describe("Discord: scheduled digest, end to end", () => {
  it("refuses /news subscribe without Manage Channels, and stores nothing", async () => {
    const { body } = await command("subscribe", [{ name: "time", type: 3, value: "08:00" }], 0n);
    expect(body).toContain("Gérer les salons");
    expect(await bot.store.list()).toEqual([]);
  });

  it("a subscription made with /news subscribe posts exactly one digest in that channel at its time", async () => {
    const { deferred, body } = await command(
      "subscribe",
      [
        { name: "time", type: 3, value: "08:00" },
        { name: "timezone", type: 3, value: "Europe/Paris" },
      ],
      MANAGE_CHANNELS,
    );
    expect(deferred?.data?.flags).toBe(0); // public: the channel sees it
    expect(body).toContain("Abonnement n° 1 créé");
    expect((await bot.store.list())[0]).toMatchObject({ platform: "discord", channelId: CHANNEL_ID });

    const post = await waitFor(() => discord.channelMessages[0], 8000, "the scheduled channel message");
    expect(post.channelId).toBe(CHANNEL_ID);
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    const embeds = post.body.embeds as { title?: string; description?: string }[];
    expect(embeds[0]?.title).toContain("Revue de presse");
    expect(JSON.stringify(embeds)).toContain(
      "Le Vietnam souhaite renforcer ses relations multiformes avec le Japon",
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(discord.channelMessages).toHaveLength(1);
    expect(await bot.scheduler.deliver(1, "2026-01-15")).toBe("skipped");
    expect(discord.channelMessages).toHaveLength(1);
  });

  it("a channel that is gone is retried, then disabled; /news subscriptions shows why", async () => {
    discord.failChannel(GONE, { status: 404, code: 10003, message: "Unknown Channel" });
    vi.setSystemTime(new Date("2026-01-15T07:00:58Z"));
    await command("subscribe", [{ name: "time", type: 3, value: "08:01" }], MANAGE_CHANNELS, GONE);
    await waitFor(
      async () => ((await bot.store.get(2))?.enabled === false ? true : undefined),
      8000,
      "the channel disabled",
    );
    expect((await bot.store.get(2))?.disabledReason).toBe("discord 10003");
    const calls = discord.calls.filter((c) => c.method === "POST" && c.path === `/channels/${GONE}/messages`);
    expect(calls).toHaveLength(2);
    const { deferred, body } = await command("subscriptions", [], 0n, GONE);
    expect(deferred?.data?.flags).toBe(64); // private
    expect(body).toContain("salon introuvable (discord 10003)");
    expect(errors).toEqual([]);
  });
});

// Discord sharding: the real discord.js Client runs two gateway shards against the local fake
// Discord, which routes each guild's events to shard `(guild_id >> 22) % 2` only (as Discord
// does); a command in a guild of each shard is answered, so both shards are live and serve theirs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningDiscordAdapter } from "../src/adapters/discord/index.ts";
import { startDiscordBot } from "./fakes/bots.ts";
import { commandInteraction, type FakeDiscord, startFakeDiscord } from "./fakes/discord.ts";
import { waitFor } from "./fakes/http.ts";
import { realDispatcher } from "./fakes/real-core.ts";

let discord: FakeDiscord;
let bot: RunningDiscordAdapter;
const errors: unknown[] = [];

// (id >> 22) % 2: 0 for the first, 1 for the second
const GUILD_ON_0 = "100000000000000005";
const GUILD_ON_1 = "100000000004194309";

beforeAll(async () => {
  discord = await startFakeDiscord();
  bot = await startDiscordBot(discord, {
    dispatcher: await realDispatcher({ ratePerMinute: 100 }),
    onError: (e) => errors.push(e),
    shards: { ids: [0, 1], count: 2 },
  });
});
afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

describe("Discord with two shards", () => {
  it("identifies once per shard", () => {
    expect(discord.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(discord.connected()).toBe(2);
  });

  it.each([
    [GUILD_ON_0, 0],
    [GUILD_ON_1, 1],
  ])("a command in guild %s is answered by shard %i", async (guildId, shard) => {
    const { token, payload } = commandInteraction(
      "news",
      "search",
      [{ name: "terms", type: 3, value: "semi-conducteurs" }],
      "command",
      { guildId, permissions: 2048n },
    );
    // only that shard's connection gets the event: the answer proves that shard serves it
    expect(discord.dispatch("INTERACTION_CREATE", payload)).toEqual([shard]);
    const edit = await waitFor(
      () => discord.calls.find((c) => c.path.includes(`/${token}`) && c.method === "PATCH"),
      8000,
      "the answer",
    );
    expect(JSON.stringify(edit.body)).toContain("semi-conducteurs");
    expect(errors).toEqual([]);
  });
});

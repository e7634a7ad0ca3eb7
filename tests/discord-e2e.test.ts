// End to end on Discord: the real discord.js Client logs into a local fake Discord (REST +
// gateway WebSocket) and answers INTERACTION_CREATE dispatches from the real core: a deferred
// ephemeral reply, then the deferred message edited into the answer's embeds. No network.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningDiscordAdapter } from "../src/adapters/discord/index.ts";
import { startDiscordBot } from "./fakes/bots.ts";
import { APP_ID, commandInteraction, type FakeDiscord, startFakeDiscord } from "./fakes/discord.ts";
import { waitFor } from "./fakes/http.ts";
import { realDispatcher } from "./fakes/real-core.ts";

let discord: FakeDiscord;
let bot: RunningDiscordAdapter;
const errors: unknown[] = [];

beforeAll(async () => {
  discord = await startFakeDiscord();
  bot = await startDiscordBot(discord, {
    dispatcher: await realDispatcher({ ratePerMinute: 100 }),
    onError: (e) => errors.push(e),
  });
});

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

const callsFor = (token: string) => discord.calls.filter((c) => c.path.includes(`/${token}`));

describe("Discord adapter, end to end", () => {
  it("logged in through GET /gateway/bot and the gateway (IDENTIFY with the token → READY)", () => {
    expect(discord.calls.some((c) => c.method === "GET" && c.path === "/gateway/bot")).toBe(true);
    expect(discord.identifies[0]?.token).toBe("fake-bot-token");
    expect(bot.client.user?.id).toBeDefined();
    expect(bot.client.isReady()).toBe(true);
  });

  it("defers /news ask at once (ephemeral), then edits the reply into the cited answer embed", async () => {
    const { id, token, payload } = commandInteraction("news", "ask", [
      { name: "question", type: 3, value: "Qui est Hayashi Yoshimasa ?" },
    ]);
    discord.dispatch("INTERACTION_CREATE", payload);
    const edit = await waitFor(
      () => callsFor(token).find((c) => c.method === "PATCH"),
      5000,
      "the edited reply",
    );
    const calls = callsFor(token);
    const callback = calls[0];
    expect(callback?.method).toBe("POST");
    expect(callback?.path).toBe(`/interactions/${id}/${token}/callback`);
    expect(callback?.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(edit.path).toBe(`/webhooks/${APP_ID}/${token}/messages/@original`);
    const body = edit.body as {
      embeds: { title?: string; description?: string }[];
      allowed_mentions?: unknown;
    };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds[0]?.title).toBe("Réponse");
    expect(body.embeds[0]?.description).toContain("> ");
    expect(body.embeds[0]?.description).toContain("Hayashi Yoshimasa");
    expect(body.embeds[0]?.description).toContain("003_c39827b7e7865a61");
    expect(errors).toEqual([]);
  });

  it("posts publicly when the public option is set", async () => {
    const { token, payload } = commandInteraction("news", "search", [
      { name: "terms", type: 3, value: "semi-conducteurs" },
      { name: "public", type: 5, value: true },
    ]);
    discord.dispatch("INTERACTION_CREATE", payload);
    const edit = await waitFor(() => callsFor(token).find((c) => c.method === "PATCH"));
    expect(callsFor(token)[0]?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(JSON.stringify(edit.body)).toContain("semi-conducteurs");
  });

  it("answers invalid input with a friendly error embed, and no input pings anyone", async () => {
    const { token, payload } = commandInteraction("news", "search", [
      { name: "terms", type: 3, value: "@everyone <@&123456789012345678> @here" },
      { name: "limit", type: 4, value: 50 },
    ]);
    discord.dispatch("INTERACTION_CREATE", payload);
    const edit = await waitFor(() => callsFor(token).find((c) => c.method === "PATCH"));
    const json = JSON.stringify(edit.body);
    expect(json).toContain("doit valoir au plus 10");
    expect(json).not.toMatch(/@(everyone|here)/);
    expect(json).not.toContain("<@&");
  });

  it("autocompletes article ids (at most 25 choices)", async () => {
    const { token, payload } = commandInteraction(
      "news",
      "article",
      [{ name: "id", type: 3, value: "003", focused: true }],
      "autocomplete",
    );
    discord.dispatch("INTERACTION_CREATE", payload);
    const cb = await waitFor(() => callsFor(token).find((c) => c.path.endsWith("/callback")));
    const body = cb.body as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices).toHaveLength(1);
    expect(body.data.choices[0]?.value).toBe("003_c39827b7e7865a61");
  });
});

describe("Discord registration", () => {
  it("registers /news with one subcommand per command in the dev guild (bulk overwrite)", async () => {
    const { allCommands } = await import("../commands/index.ts");
    const { registerDiscordCommands } = await import("../src/adapters/discord/index.ts");
    const result = await registerDiscordCommands({
      token: "fake-bot-token",
      applicationId: APP_ID,
      guildId: "100000000000000009",
      apiUrl: discord.apiUrl,
      commands: allCommands,
      root: "news",
      locale: "fr",
    });
    expect(result.scope).toBe("guild 100000000000000009");
    const put = discord.calls.find((c) => c.method === "PUT");
    expect(put?.path).toBe(`/applications/${APP_ID}/guilds/100000000000000009/commands`);
    expect(put?.auth).toBe("Bot fake-bot-token");
    const [root] = (put?.body ?? []) as {
      name: string;
      options: {
        name: string;
        type: number;
        options: { name: string; required: boolean; autocomplete?: boolean }[];
      }[];
    }[];
    expect(root?.name).toBe("news");
    expect(root?.options.map((o) => o.name)).toEqual(allCommands.map((c) => c.name));
    expect(root?.options.every((o) => o.type === 1)).toBe(true);
    const article = root?.options.find((o) => o.name === "article");
    expect(article?.options[0]).toMatchObject({ name: "id", required: true, autocomplete: true });
    for (const sub of root?.options ?? []) {
      const required = sub.options.map((o) => o.required);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    }
  });
});

// Buttons on Discord, end to end: the real discord.js Client logged into the local fake Discord,
// over the real core and SQLite. An answer carries 👍 / 👎 buttons (message components); a click
// is stored once per user and answer, with the channel and message ids, and exported; a search
// with more results than shown carries "Plus de résultats", whose click shows the next kept page.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adapterMessages } from "../src/adapters/adapter-messages.ts";
import type { RunningDiscordAdapter } from "../src/adapters/discord/index.ts";
import { runFeedback } from "../src/cli/feedback-command.ts";
import { type Database, openDatabase } from "../src/storage/database.ts";
import { createSqliteFeedbackStore } from "../src/storage/feedback-store.ts";
import { createSqliteShownReplyStore } from "../src/storage/shown-reply-store.ts";
import { startDiscordBot } from "./fakes/bots.ts";
import {
  buttonInteraction,
  CHANNEL_ID,
  commandInteraction,
  type FakeDiscord,
  guildCreate,
  startFakeDiscord,
} from "./fakes/discord.ts";
import { waitFor } from "./fakes/http.ts";
import { realDispatcher } from "./fakes/real-core.ts";

let discord: FakeDiscord;
let bot: RunningDiscordAdapter;
let db: Database;
let dir: string;
const errors: unknown[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "newsbot-dbuttons-"));
  discord = await startFakeDiscord();
  db = openDatabase(join(dir, "newsbot.db"));
  const keep = { replies: createSqliteShownReplyStore(db), feedback: createSqliteFeedbackStore(db) };
  bot = await startDiscordBot(discord, {
    dispatcher: await realDispatcher({ ratePerMinute: 100, keep }),
    onError: (e) => errors.push(e),
  });
  discord.dispatch("GUILD_CREATE", guildCreate());
  await waitFor(() => bot.client.channels.cache.get(CHANNEL_ID), 3000, "the guild's channel");
});

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Button = { type: number; custom_id: string; label: string };
type Body = { embeds?: unknown[]; components?: { components: Button[] }[]; flags?: number };

/** What the bot sent for an interaction: the edited deferred reply, or the callback's message. */
function edited(token: string): Body | undefined {
  const call = discord.calls.find(
    (c) => c.method === "PATCH" && c.path.includes(`/${token}/messages/@original`),
  );
  return call?.body as Body | undefined;
}
function callback(id: string): Body | undefined {
  const call = discord.calls.find((c) => c.method === "POST" && c.path.startsWith(`/interactions/${id}/`));
  const body = call?.body as { type?: number; data?: Body } | undefined;
  return body?.type === 4 ? body.data : undefined;
}
const buttonsOf = (body: Body | undefined) => (body?.components ?? []).flatMap((row) => row.components);

async function command(sub: string, options: { name: string; type: number; value: unknown }[]) {
  const { token, payload } = commandInteraction("news", sub, options, "command", {
    permissions: 0n,
  });
  discord.dispatch("INTERACTION_CREATE", payload);
  return waitFor(() => edited(token), 5000, `the reply to ${sub}`);
}

async function click(customId: string, userId?: string) {
  const { id, payload } = buttonInteraction({
    customId,
    messageId: "300000000000000777",
    guild: true,
    ...(userId ? { userId } : {}),
  });
  discord.dispatch("INTERACTION_CREATE", payload);
  return waitFor(() => callback(id), 5000, `the answer to ${customId}`);
}

describe("Discord: 👍 / 👎 on answers", () => {
  let up = "";
  let down = "";
  let cited: string[] = [];
  it("puts 👍 and 👎 buttons under an answer", async () => {
    const shown = await command("ask", [{ name: "question", type: 3, value: "Qui est Hayashi Yoshimasa ?" }]);
    const [b1, b2] = buttonsOf(shown);
    expect(b1?.label).toBe("👍");
    expect(b2?.label).toBe("👎");
    up = b1?.custom_id ?? "";
    down = b2?.custom_id ?? "";
    expect(up).toMatch(/^newsbot:up:[\w-]{8,}$/);
    cited = JSON.stringify(shown.embeds).match(/\d{3}_[0-9a-f]{16}/g) ?? [];
    expect(cited.length).toBeGreaterThan(0);
  });

  it("stores the click with the question, citations and the channel and message ids, privately thanked", async () => {
    const thanks = await click(up);
    expect(thanks.flags).toBe(64); // ephemeral
    expect(JSON.stringify(thanks.embeds)).toContain("avis 👍 enregistré");
    const [row] = createSqliteFeedbackStore(db).list();
    expect(row).toMatchObject({
      platform: "discord",
      userId: "discord:100000000000000003",
      channelId: CHANNEL_ID,
      messageId: "300000000000000777",
      vote: "up",
      question: "Qui est Hayashi Yoshimasa ?",
    });
    // what was judged: the articles the answer cited, as shown
    expect(row?.citations.length).toBeGreaterThan(0);
    for (const id of row?.citations ?? []) expect(cited).toContain(id);
  });

  it("lets a second click change the vote, and another user vote too", async () => {
    const changed = await click(down);
    expect(JSON.stringify(changed.embeds)).toContain("Avis modifié : 👎");
    await click(up, "100000000000000042");
    const rows = createSqliteFeedbackStore(db).list();
    expect(rows.map((r) => [r.userId, r.vote])).toEqual([
      ["discord:100000000000000003", "down"],
      ["discord:100000000000000042", "up"],
    ]);
    const out: string[] = [];
    const code = await runFeedback(
      ["export", "--jsonl", "--db", join(dir, "newsbot.db"), "--platform", "discord"],
      { out: (l) => out.push(l), err: () => {} },
      {},
    );
    expect(code).toBe(0);
    expect(out.map((l) => (JSON.parse(l) as { vote: string }).vote)).toEqual(["down", "up"]);
  });
});

describe("Discord: more results", () => {
  it("shows the next page of a search on a click, the last page with no button", async () => {
    const first = await command("search", [
      { name: "terms", type: 3, value: "Vietnam Japon" },
      { name: "limit", type: 4, value: 2 },
    ]);
    expect(JSON.stringify(first.embeds)).toContain("Page 1/3");
    const more = buttonsOf(first).find((b) => b.custom_id.startsWith("newsbot:more:"));
    expect(more?.label).toBe("Plus de résultats");
    const second = await click(more?.custom_id ?? "");
    expect(second.flags).toBe(64);
    expect(JSON.stringify(second.embeds)).toContain("Page 2/3");
    const next = buttonsOf(second).find((b) => b.custom_id.startsWith("newsbot:more:"));
    const third = await click(next?.custom_id ?? "");
    expect(JSON.stringify(third.embeds)).toContain("Page 3/3");
    expect(buttonsOf(third)).toEqual([]);
  });

  it("says so when the page has expired or is unknown", async () => {
    const r = await click("newsbot:more:expired-page-id");
    expect(JSON.stringify(r.embeds)).toContain("ne sont plus disponibles");
    expect(errors).toEqual([]);
  });
});

describe("Discord: a click the store cannot serve", () => {
  it("answers with a short error instead of leaving the interaction to fail", async () => {
    db.close(); // the database gone (a disk fault, a shutdown): the store throws
    const r = await click("newsbot:up:some-answer-id");
    expect(r.flags).toBe(64);
    expect(JSON.stringify(r.embeds)).toContain(adapterMessages("fr").commandFailed);
    expect(errors).toHaveLength(1);
  });
});

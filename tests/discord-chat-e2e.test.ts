// Chat on Discord, end to end: the real discord.js Client, logged into the local fake Discord
// (REST + gateway), over the real core and SQLite. A mention in a server channel is answered in a
// thread started on it, a message in that thread is read as a follow-up, a DM is answered in the DM.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConversations } from "../commands/conversation.ts";
import { type RunningDiscordAdapter, startDiscordAdapter } from "../src/adapters/discord/index.ts";
import { createSqliteConversationStore } from "../src/storage/conversation-store.ts";
import { type Database, openDatabase } from "../src/storage/database.ts";
import {
  BOT_ID,
  CHANNEL_ID,
  type FakeDiscord,
  guildCreate,
  startFakeDiscord,
  userMessage,
} from "./fakes/discord.ts";
import { waitFor } from "./fakes/http.ts";
import { realDispatcher } from "./fakes/real-core.ts";

let discord: FakeDiscord;
let bot: RunningDiscordAdapter;
let db: Database;
const errors: unknown[] = [];
const DM_CHANNEL = "100000000000000099";

beforeAll(async () => {
  discord = await startFakeDiscord();
  db = openDatabase(":memory:");
  const dispatcher = await realDispatcher({ ratePerMinute: 100 });
  bot = await startDiscordAdapter({
    dispatcher,
    conversations: createConversations({ dispatcher, store: createSqliteConversationStore(db) }),
    token: "fake-bot-token",
    apiUrl: discord.apiUrl,
    onError: (e) => errors.push(e),
  });
  discord.dispatch("GUILD_CREATE", guildCreate());
  await waitFor(() => bot.client.channels.cache.get(CHANNEL_ID), 3000, "the guild's channel");
});

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
  db?.close();
});

const postsIn = (channelId: string) => discord.channelMessages.filter((m) => m.channelId === channelId);

describe("Discord: questions by mention, DM and in threads", () => {
  it("asks for the message intents it needs", () => {
    // Guilds 1, GuildMessages 512, DirectMessages 4096, MessageContent 32768
    expect(discord.identifies[0]?.intents).toBe(1 | 512 | 4096 | 32768);
  });

  let thread = "";
  it("answers a mention in a thread started on the question, pinging no one", async () => {
    const { id, payload } = userMessage({
      channelId: CHANNEL_ID,
      guild: true,
      mentionsBot: true,
      content: `<@${BOT_ID}> Qui est Hayashi Yoshimasa ?`,
    });
    discord.dispatch("MESSAGE_CREATE", payload);
    const [answer] = await waitFor(
      () => (postsIn(id).length > 0 ? postsIn(id) : undefined),
      5000,
      "the answer",
    );
    thread = id;
    expect(discord.threads).toContainEqual({
      parentId: CHANNEL_ID,
      messageId: id,
      name: "Qui est Hayashi Yoshimasa ?",
    });
    expect(JSON.stringify(answer?.body.embeds)).toContain("003_c39827b7e7865a61");
    expect(answer?.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(postsIn(CHANNEL_ID)).toEqual([]);
  });

  it("reads a message in the thread as a follow-up, in context", async () => {
    const { payload } = userMessage({ channelId: thread, guild: true, content: "et Ito Naoki ?" });
    discord.dispatch("MESSAGE_CREATE", payload);
    const posts = await waitFor(
      () => (postsIn(thread).length >= 2 ? postsIn(thread) : undefined),
      5000,
      "the follow-up",
    );
    const text = JSON.stringify(posts[1]?.body.embeds);
    expect(text).toContain("Compris : « Qui est Ito Naoki ? »");
    expect(text).toContain("001_6012b32665340cea");
  });

  it("ignores a server message that does not mention it", async () => {
    const before = discord.channelMessages.length;
    discord.dispatch(
      "MESSAGE_CREATE",
      userMessage({ channelId: CHANNEL_ID, guild: true, content: "Qui est Ito Naoki ?" }).payload,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(discord.channelMessages.length).toBe(before);
  });

  it("answers a DM in the DM, and a follow-up there in context", async () => {
    discord.dispatch(
      "MESSAGE_CREATE",
      userMessage({ channelId: DM_CHANNEL, content: "Qui est Hayashi Yoshimasa ?" }).payload,
    );
    await waitFor(() => (postsIn(DM_CHANNEL).length > 0 ? true : undefined), 5000, "the DM answer");
    discord.dispatch(
      "MESSAGE_CREATE",
      userMessage({ channelId: DM_CHANNEL, content: "et Ito Naoki ?" }).payload,
    );
    const posts = await waitFor(
      () => (postsIn(DM_CHANNEL).length >= 2 ? postsIn(DM_CHANNEL) : undefined),
      5000,
      "the follow-up",
    );
    expect(JSON.stringify(posts[1]?.body.embeds)).toContain("001_6012b32665340cea");
    expect(errors).toEqual([]);
  });
});

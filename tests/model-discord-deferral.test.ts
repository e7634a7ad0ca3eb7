// A model slower than Discord's 3 seconds: the real discord.js adapter defers the interaction
// before the model is called, then edits the deferred reply into the written answer. Fakes only at
// the network edge (the Discord gateway and REST API, the model server).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher } from "../commands/dispatch.ts";
import { allCommands } from "../commands/index.ts";
import type { RunningDiscordAdapter } from "../src/adapters/discord/index.ts";
import { type Database, openDatabase } from "../src/storage/index.ts";
import { startDiscordBot } from "./fakes/bots.ts";
import { commandInteraction, type FakeDiscord, startFakeDiscord } from "./fakes/discord.ts";
import { waitFor } from "./fakes/http.ts";
import { modelBackedCore } from "./fakes/model-core.ts";
import { type FakeOpenAi, passageWith, startFakeOpenAi } from "./fakes/openai.ts";

let discord: FakeDiscord;
let model: FakeOpenAi;
let bot: RunningDiscordAdapter;
let db: Database;

beforeAll(async () => {
  discord = await startFakeDiscord();
  model = await startFakeOpenAi();
  db = openDatabase(":memory:");
  const core = modelBackedCore(model.url, db, "d1");
  bot = await startDiscordBot(discord, { dispatcher: createDispatcher({ core, commands: allCommands }) });
});

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
  await model?.close();
  db?.close();
});

describe("a slow model on Discord", () => {
  it("defers within 3 s, then edits the deferred reply into the written answer", async () => {
    model.script([
      {
        delayMs: 3500,
        next: {
          reply: (b) => `Jean Castex a succédé à Édouard Philippe [${passageWith(b, "Castex a été nommé")}].`,
        },
      },
    ]);
    const { token, payload } = commandInteraction("news", "ask", [
      { name: "question", type: 3, value: "Qui a succédé à Édouard Philippe ?" },
    ]);
    const started = Date.now();
    discord.dispatch("INTERACTION_CREATE", payload);
    const calls = () => discord.calls.filter((c) => c.path.includes(`/${token}`));
    const deferral = await waitFor(
      () => calls().find((c) => c.path.endsWith("/callback")),
      3000,
      "the deferral",
    );
    expect(deferral.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(Date.now() - started).toBeLessThan(3000);
    const edit = await waitFor(() => calls().find((c) => c.method === "PATCH"), 10_000, "the edited reply");
    expect(Date.now() - started).toBeGreaterThanOrEqual(3500);
    const description = (edit.body as { embeds: { description: string }[] }).embeds[0]?.description ?? "";
    expect(description).toContain("Jean Castex a succédé à Édouard Philippe \\[1\\].");
    expect(description).toContain("slow-chat");
    expect(model.chatRequests()).toHaveLength(1);
  });
});

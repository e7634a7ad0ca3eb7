// A model slower than Slack's 3 seconds: the real Bolt adapter acks the slash command before the
// model is called, and the written answer arrives later through response_url. Fakes only at the
// network edge (Slack and the model server).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher } from "../commands/dispatch.ts";
import { allCommands } from "../commands/index.ts";
import type { RunningSlackAdapter } from "../src/adapters/slack/index.ts";
import { type Database, openDatabase } from "../src/storage/index.ts";
import { startSlackBot } from "./fakes/bots.ts";
import { waitFor } from "./fakes/http.ts";
import { modelBackedCore } from "./fakes/model-core.ts";
import { type FakeOpenAi, passageWith, startFakeOpenAi } from "./fakes/openai.ts";
import { type FakeSlack, postSigned, slashCommandBody, startFakeSlack } from "./fakes/slack.ts";

const SECRET = "test-signing-secret-123";
let slack: FakeSlack;
let model: FakeOpenAi;
let bot: RunningSlackAdapter;
let db: Database;

beforeAll(async () => {
  slack = await startFakeSlack();
  model = await startFakeOpenAi();
  db = openDatabase(":memory:");
  const core = modelBackedCore(model.url, db, "s1");
  ({ adapter: bot } = await startSlackBot(slack, {
    dispatcher: createDispatcher({ core, commands: allCommands }),
    signingSecret: SECRET,
  }));
});

afterAll(async () => {
  await bot?.stop();
  await slack?.close();
  await model?.close();
  db?.close();
});

describe("a slow model on Slack", () => {
  it("acks within 3 s, then posts the written answer to response_url", async () => {
    model.script([
      {
        delayMs: 3500,
        next: {
          reply: (b) => `Jean Castex a succédé à Édouard Philippe [${passageWith(b, "Castex a été nommé")}].`,
        },
      },
    ]);
    const started = Date.now();
    const res = await postSigned(
      `http://127.0.0.1:${bot.port}/slack/events`,
      slashCommandBody({
        text: "ask Qui a succédé à Édouard Philippe ?",
        responseUrl: slack.responseUrl("slow"),
      }),
      SECRET,
    );
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const [answer] = await waitFor(
      () => {
        const got = slack.responses.filter((r) => r.id === "slow");
        return got.length > 0 ? got : undefined;
      },
      10_000,
      "the written answer",
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(3500);
    expect(JSON.stringify(answer?.body.blocks)).toContain("Jean Castex a succédé à Édouard Philippe [1].");
    expect(model.chatRequests()).toHaveLength(1);
  });
});

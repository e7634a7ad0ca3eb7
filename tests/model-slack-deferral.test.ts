// A model slower than Slack's 3 seconds: the real Bolt adapter acks the slash command before the
// model is called, and the written answer arrives later through response_url. Fakes only at the
// network edge (Slack and the model server).
import { LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher } from "../commands/dispatch.ts";
import { allCommands } from "../commands/index.ts";
import { type RunningSlackAdapter, startSlackAdapter } from "../src/adapters/slack/index.ts";
import { isCommonWord } from "../src/core/grounded/common-words.ts";
import { createNewsCore } from "../src/core/news-core.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { createModelServices } from "../src/model/index.ts";
import { type Database, openDatabase } from "../src/storage/index.ts";
import { newsArticle } from "./fakes/articles.ts";
import { waitFor } from "./fakes/http.ts";
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
  const news = createNewsIndex([
    newsArticle(
      "s1",
      "2020-07-03",
      "Jean Castex nommé Premier ministre",
      "Jean Castex a été nommé Premier ministre vendredi 3 juillet, succédant à Édouard Philippe à Matignon.",
    ),
  ]);
  const services = createModelServices({
    config: { llm: { url: model.url, model: "slow-chat" }, timeoutMs: 8000 },
    db,
    news,
  });
  const core = createNewsCore(news, services.steps ? { model: services.steps } : {});
  // warm, as the app is a moment after start-up (word lists loaded): the fake Slack client runs in
  // this same process and reads the ack only when the event loop is free
  core.ask("Qui a succédé à Édouard Philippe ?", "fr");
  isCommonWord("warm");
  bot = await startSlackAdapter({
    dispatcher: createDispatcher({ core, commands: allCommands }),
    botToken: "xoxb-test-token",
    signingSecret: SECRET,
    port: 0,
    apiUrl: slack.apiUrl,
    logLevel: LogLevel.ERROR,
  });
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

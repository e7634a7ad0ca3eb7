// The whole bot, started as `npm start` starts it: with the model variables unset no request
// leaves the machine (fetch is watched and the fake model server counts requests); with them set
// the same question goes to the configured endpoints and the written answer reaches the console.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type RunningApp, startApp } from "../src/app/main.ts";
import { newsArticle } from "./fakes/articles.ts";
import { consoleStreams } from "./fakes/console-streams.ts";
import { waitFor } from "./fakes/http.ts";
import { type FakeOpenAi, passageWith, startFakeOpenAi } from "./fakes/openai.ts";

const ARTICLES = [
  newsArticle(
    "o1",
    "2020-07-03",
    "Jean Castex nommé Premier ministre",
    "Jean Castex a été nommé Premier ministre vendredi 3 juillet, succédant à Édouard Philippe à Matignon.",
  ),
  newsArticle(
    "o2",
    "2020-08-29",
    "Le Tour de France part de Nice",
    "Le Tour de France 2020 s'élance samedi de Nice, avec deux mois de retard.",
  ),
];

let dir: string;
let fake: FakeOpenAi;
let app: RunningApp | undefined;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "newsbot-model-"));
  writeFileSync(
    join(dir, "articles.jsonl"),
    `${ARTICLES.map(({ body, ...a }) => JSON.stringify({ ...a, article: body })).join("\n")}\n`,
  );
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await app?.stop();
  app = undefined;
  vi.restoreAllMocks();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function askThroughConsole(env: Record<string, string>, ready?: (log: string) => boolean) {
  const session = consoleStreams();
  app = await startApp({
    env: {
      NEWSBOT_DB: ":memory:",
      NEWSBOT_CORPUS: join(dir, "articles.jsonl"),
      NEWSBOT_WATCH: "off",
      ...env,
    },
    cwd: dir,
    ...session,
  });
  if (ready) await waitFor(() => (ready(session.log()) ? true : undefined), 8000, "the bot to be ready");
  session.input.write("/news ask Qui a succédé à Édouard Philippe à Matignon ?\n");
  await waitFor(() => (/Réponse|Pas de réponse/.test(session.text()) ? true : undefined), 8000, "the answer");
  return session;
}

describe("model variables", () => {
  it("unset: the bot answers offline and makes no request at all", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const session = await askThroughConsole({});
    expect(session.text()).not.toContain("fake-chat");
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(fake.requests).toHaveLength(0);
    expect(app?.config.model).toBeUndefined();
    expect(app?.model).toBeUndefined();
  });

  it("set: the question goes to the configured endpoints and the written answer is shown", async () => {
    fake.script([
      { reply: (b) => `Jean Castex a succédé à Édouard Philippe [${passageWith(b, "Castex a été nommé")}].` },
    ]);
    const session = await askThroughConsole(
      {
        NEWSBOT_LLM_URL: fake.url,
        NEWSBOT_LLM_MODEL: "fake-chat",
        NEWSBOT_EMBED_URL: fake.url,
        NEWSBOT_EMBED_MODEL: "fake-embed",
      },
      (log) => log.includes("passage(s) embedded"),
    );
    await waitFor(() => (session.text().includes("fake-chat") ? true : undefined), 8000, "the model line");
    expect(session.text()).toContain("Jean Castex a succédé à Édouard Philippe [1].");
    expect(fake.chatRequests()).toHaveLength(1);
    expect(fake.embeddingInputs().flat()).toContain("Qui a succédé à Édouard Philippe à Matignon ?");
  });

  it("names a URL set without its model in one clear configuration error", async () => {
    await expect(
      startApp({ env: { NEWSBOT_DB: ":memory:", NEWSBOT_LLM_URL: fake.url }, cwd: dir, ...consoleStreams() }),
    ).rejects.toThrow(/NEWSBOT_LLM_MODEL/);
  });
});

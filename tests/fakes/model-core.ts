// Not a fake: the real core over one article, writing its answers through the model server at
// `modelUrl` (a local fake), warmed as the app is a moment after start-up (word lists loaded) so
// that the first question's time is the model's. The adapters' deferral tests share it.
import { isCommonWord } from "../../src/core/grounded/common-words.ts";
import { createNewsCore, type NewsCore } from "../../src/core/news-core.ts";
import { createNewsIndex } from "../../src/core/search/news-index.ts";
import { createModelServices } from "../../src/model/index.ts";
import type { Database } from "../../src/storage/index.ts";
import { newsArticle } from "./articles.ts";

/** The question the article answers. */
export const MODEL_QUESTION = "Qui a succédé à Édouard Philippe ?";

export function modelBackedCore(modelUrl: string, db: Database, articleId: string): NewsCore {
  const news = createNewsIndex([
    newsArticle(
      articleId,
      "2020-07-03",
      "Jean Castex nommé Premier ministre",
      "Jean Castex a été nommé Premier ministre vendredi 3 juillet, succédant à Édouard Philippe à Matignon.",
    ),
  ]);
  const services = createModelServices({
    config: { llm: { url: modelUrl, model: "slow-chat" }, timeoutMs: 8000 },
    db,
    news,
  });
  const core = createNewsCore(news, services.steps ? { model: services.steps } : {});
  // the fake platform's client runs in this same process and reads the ack only when the event
  // loop is free: a cold first question would be timed instead of the model
  core.ask(MODEL_QUESTION, "fr");
  isCommonWord("warm");
  return core;
}

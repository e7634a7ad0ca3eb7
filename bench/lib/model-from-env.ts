// The configured model steps for the evaluations: when NEWSBOT_LLM_URL and/or NEWSBOT_EMBED_URL
// are set (environment or `.env`), `npm run eval:news` and `npm run eval:piaf` answer through them
// (passage vectors embedded first, cached in NEWSBOT_DB) and print the same figures, so a team can
// measure its model before turning it on. Unset, this returns undefined and nothing is sent.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { loadConfig } from "../../src/config/index.ts";
import type { Answer, Answerer, AskOptions } from "../../src/core/answer/answerer.ts";
import { createGroundedAnswerer, type GroundedAnswerer } from "../../src/core/grounded/grounded-answerer.ts";
import type { NewsIndex } from "../../src/core/search/news-index.ts";
import { createModelServices } from "../../src/model/index.ts";
import { openDatabase } from "../../src/storage/index.ts";

export interface ModelAnswers {
  answer(answerer: Answerer, question: string, ask?: AskOptions): Promise<Answer>;
  /** The counters (calls, drafts verified / rejected by reason, fallbacks, latency). */
  report(): string;
}

export async function modelAnswersFromEnv(news: NewsIndex): Promise<ModelAnswers | undefined> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig({ ...process.env, NEWSBOT_ADAPTERS: "console" });
  if (!config.model) return undefined;
  const db = openDatabase(config.db === ":memory:" ? ":memory:" : resolve(config.db));
  const model = createModelServices({
    config: config.model,
    db,
    news,
    log: (line) => console.error(line),
  });
  if (model.vectorSync) {
    const t0 = performance.now();
    const embedded = await model.vectorSync.run();
    console.log(
      `passage vectors: ${model.vectors?.size ?? 0} (${embedded} embedded now) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  console.log(
    `model steps: ${[config.model.llm && `writer ${config.model.llm.model}`, config.model.embed && `embeddings ${config.model.embed.model}`].filter(Boolean).join(", ")}`,
  );
  const grounded = new Map<Answerer, GroundedAnswerer>();
  return {
    answer(answerer, question, ask = {}) {
      let g = grounded.get(answerer);
      if (!g) {
        g = createGroundedAnswerer(news, answerer, model.steps ?? {});
        grounded.set(answerer, g);
      }
      return g.answer(question, ask);
    },
    report: () =>
      Object.entries(model.stats.snapshot())
        .map(([k, v]) => `${k}=${v}`)
        .join(" "),
  };
}

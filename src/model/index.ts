// Bring your own model, the outside half: OpenAI-compatible HTTP clients for a chat model (the
// writer) and an embedding model (hybrid retrieval), the daily token budget and the passage-vector
// cache in SQLite, counters and logs — wired from the validated configuration into the ports the
// core defines (src/core/grounded/ports.ts). Nothing here runs, and no request is made, unless
// NEWSBOT_LLM_URL or NEWSBOT_EMBED_URL is set. It must not import adapters, commands or the scheduler.
import type { ModelConfig } from "../config/model-config.ts";
import { isCommonWord } from "../core/grounded/common-words.ts";
import type { Embedder } from "../core/grounded/ports.ts";
import { createVectorIndex, type VectorIndex } from "../core/grounded/vector-index.ts";
import type { ModelSteps } from "../core/news-core.ts";
import type { NewsIndex } from "../core/search/news-index.ts";
import type { Database } from "../storage/database.ts";
import { createChatWriter } from "./chat-writer.ts";
import { createHttpClient, endpointUrl } from "./http-client.ts";
import { createHttpEmbedder } from "./http-embedder.ts";
import { createModelStats, type ModelStats } from "./model-stats.ts";
import { createVectorSync, type VectorSync } from "./passage-vectors.ts";
import { createTokenBudget } from "./token-budget.ts";
import { createVectorCache } from "./vector-cache.ts";

export { ModelError } from "./http-client.ts";
export { createModelStats, type ModelStats } from "./model-stats.ts";

export interface ModelServices {
  /** What the core is given (undefined when no model is configured). */
  readonly steps?: ModelSteps;
  readonly stats: ModelStats;
  /** Embeds the passages still without a vector (at start-up, then when articles arrive); none without embeddings. */
  readonly vectorSync?: VectorSync;
  readonly vectors?: VectorIndex;
}

export interface ModelServiceOptions {
  readonly config?: ModelConfig;
  /** The token budget and the vector cache live here. */
  readonly db: Database;
  /** The index whose articles get passage vectors. */
  readonly news: NewsIndex;
  readonly log?: (line: string) => void;
  /** Backoff before the first retry, in ms (tests shorten it). */
  readonly backoffMs?: number;
}

export function createModelServices(options: ModelServiceOptions): ModelServices {
  const { config, db, news } = options;
  const stats = createModelStats(options.log);
  if (!config || (!config.llm && !config.embed)) return { stats };
  const client = (base: string, path: "chat/completions" | "embeddings", apiKey: string | undefined) =>
    createHttpClient({
      url: endpointUrl(base, path),
      ...(apiKey ? { apiKey } : {}),
      timeoutMs: config.timeoutMs,
      ...(options.backoffMs !== undefined ? { backoffMs: options.backoffMs } : {}),
      onRetry: (code) => stats.retry(path === "embeddings" ? "embeddings" : "chat", code),
    });
  const writer = config.llm
    ? createChatWriter({
        client: client(config.llm.url, "chat/completions", config.llm.apiKey),
        model: config.llm.model,
        budget: createTokenBudget(db, config.dailyTokens),
        stats,
      })
    : undefined;
  // the word list the verification reads is loaded now, not while a user waits
  if (writer) setTimeout(() => isCommonWord("warm"), 0).unref();
  let embedder: Embedder | undefined;
  let vectors: VectorIndex | undefined;
  let vectorSync: VectorSync | undefined;
  if (config.embed) {
    embedder = createHttpEmbedder({
      client: client(config.embed.url, "embeddings", config.embed.apiKey),
      model: config.embed.model,
      stats,
    });
    vectors = createVectorIndex(config.embed.model);
    const cache = createVectorCache(db, config.embed.model);
    vectorSync = createVectorSync({
      news,
      vectors,
      embedder,
      cache,
      ...(options.log ? { log: options.log } : {}),
    });
  }
  const steps: ModelSteps = {
    ...(writer ? { writer } : {}),
    ...(embedder && vectors ? { embedder, vectors } : {}),
    deadlineMs: config.timeoutMs,
    onEvent: (e) => stats.event(e),
  };
  return { steps, stats, ...(vectorSync ? { vectorSync } : {}), ...(vectors ? { vectors } : {}) };
}

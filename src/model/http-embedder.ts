// The Embedder over an OpenAI-compatible `/v1/embeddings`: texts sent in batches, the reply
// validated with zod (one vector per text, all of one dimension), vectors put back in input order.
import { z } from "zod";
import type { Embedder } from "../core/grounded/ports.ts";
import { type HttpClient, ModelError } from "./http-client.ts";
import type { ModelStats } from "./model-stats.ts";

const EmbeddingReply = z.object({
  data: z.array(z.object({ embedding: z.array(z.number()).min(1), index: z.number().int().optional() })),
});

export interface HttpEmbedderOptions {
  readonly client: HttpClient;
  readonly model: string;
  readonly stats: ModelStats;
  /** Texts per request. Default 64. */
  readonly batch?: number;
}

export function createHttpEmbedder(options: HttpEmbedderOptions): Embedder {
  const { client, model, stats } = options;
  const batch = options.batch ?? 64;

  async function embedBatch(texts: readonly string[], signal?: AbortSignal): Promise<number[][]> {
    const started = Date.now();
    try {
      const parsed = EmbeddingReply.safeParse(await client.postJson({ model, input: texts }, signal));
      if (!parsed.success || parsed.data.data.length !== texts.length)
        throw new ModelError("malformed", `${client.url}: not one vector per text`);
      const rows = parsed.data.data;
      const ordered = rows.every((r) => r.index !== undefined)
        ? [...rows].sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
        : rows;
      const dimension = ordered[0]?.embedding.length;
      if (ordered.some((r) => r.embedding.length !== dimension))
        throw new ModelError("malformed", `${client.url}: vectors of different sizes`);
      stats.call("embeddings", "ok", Date.now() - started);
      return ordered.map((r) => r.embedding);
    } catch (error) {
      stats.call("embeddings", error instanceof ModelError ? error.code : "error", Date.now() - started);
      throw error;
    }
  }

  return {
    model,
    async embed(texts, signal) {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += batch)
        out.push(...(await embedBatch(texts.slice(i, i + batch), signal)));
      return out;
    },
  };
}

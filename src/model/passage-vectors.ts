// Filling the vector index: every article's passage (its title and opening, the text embedded for
// it) taken from the cache when its hash matches, else embedded in batches and cached. Run in the
// background at start-up and again when articles arrive; a failure leaves the missing passages
// for the next run, and retrieval meanwhile uses the vectors it has (or the lexical ranking alone).
import type { Embedder } from "../core/grounded/ports.ts";
import type { VectorIndex } from "../core/grounded/vector-index.ts";
import type { NewsIndex } from "../core/search/news-index.ts";
import { textHash, type VectorCache } from "./vector-cache.ts";

/** The text embedded for an article. */
export const passageOf = (a: { title: string; body: string }, maxChars = 1500) =>
  `${a.title}\n${a.body.slice(0, maxChars)}`;

export interface VectorSync {
  /** Embed what is missing; resolves with how many passages were embedded (not loaded from the cache). */
  run(): Promise<number>;
}

export function createVectorSync(options: {
  readonly news: NewsIndex;
  readonly vectors: VectorIndex;
  readonly embedder: Embedder;
  readonly cache: VectorCache;
  /** Passages per request. Default 64. */
  readonly batch?: number;
  readonly log?: (line: string) => void;
}): VectorSync {
  const { news, vectors, embedder, cache } = options;
  const batch = options.batch ?? 64;
  let cached: Map<string, { hash: string; vector: Float32Array }> | undefined;
  let running: Promise<number> | undefined;
  let again = false;

  async function once(): Promise<number> {
    cached ??= cache.load();
    const pending: { doc: number; id: string; text: string; hash: string }[] = [];
    for (let doc = 0; doc < news.articles.length; doc++) {
      if (vectors.has(doc)) continue;
      const a = news.articles[doc];
      if (!a) continue;
      const text = passageOf(a);
      const hash = textHash(text);
      const hit = cached.get(a.id);
      if (hit && hit.hash === hash && (vectors.dimension === 0 || hit.vector.length === vectors.dimension))
        vectors.set(doc, hit.vector);
      else pending.push({ doc, id: a.id, text, hash });
    }
    cached.clear(); // loaded into the index: the copy is no longer needed
    let embedded = 0;
    for (let i = 0; i < pending.length; i += batch) {
      const slice = pending.slice(i, i + batch);
      try {
        const got = await embedder.embed(slice.map((p) => p.text));
        slice.forEach((p, j) => {
          const v = got[j];
          if (v) vectors.set(p.doc, v);
        });
        cache.put(
          slice
            .map((p, j) => ({ id: p.id, hash: p.hash, vector: got[j] ?? [] }))
            .filter((r) => r.vector.length > 0),
        );
        embedded += slice.length;
      } catch (error) {
        options.log?.(
          `[model] passages not embedded (${(error as { code?: string }).code ?? (error as Error).message}): ${pending.length - i} left for the next run`,
        );
        break;
      }
    }
    if (pending.length > 0)
      options.log?.(
        `[model] ${embedded} passage(s) embedded with ${embedder.model}, ${vectors.size} in the index`,
      );
    return embedded;
  }

  return {
    run() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let total = 0;
        do {
          again = false;
          total += await once();
        } while (again);
        return total;
      })().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}

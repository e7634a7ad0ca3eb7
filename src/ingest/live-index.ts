// Adding articles to the live index without stalling answers: small batches, with a turn of the
// event loop between them so queries that arrive meanwhile are served between two batches.
import type { Article } from "../core/corpus/article.ts";
import type { NewsIndex } from "../core/search/news-index.ts";
import { placeLiveArticles } from "../core/stories/index.ts";

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface AddStats {
  added: number;
  /** Time spent inside `news.add` (index work), in ms. */
  indexMs: number;
  batches: number;
}

/** Add `articles` in batches of `batchSize` (default 50), yielding between batches. */
export async function addToLiveIndex(
  news: NewsIndex,
  articles: readonly Article[],
  batchSize = 50,
): Promise<AddStats> {
  const stats: AddStats = { added: 0, indexMs: 0, batches: 0 };
  for (let i = 0; i < articles.length; i += batchSize) {
    if (i > 0) await nextTurn();
    const t = performance.now();
    const first = news.articles.length;
    stats.added += news.add(articles.slice(i, i + batchSize));
    stats.indexMs += performance.now() - t;
    // each new article joins a story or starts one (digests read these stories)
    placeLiveArticles(news, first);
    stats.batches++;
  }
  return stats;
}

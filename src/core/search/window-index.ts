// A news index over a few articles (those retrieved for one question) that weighs terms with the
// whole corpus's statistics: what the answer pipeline scores sentences over when the articles live
// in another store (Postgres). Sentences, titles and ids are the window's; document frequencies,
// idf, the article count and the expansion of unknown words are the corpus's, so a question is
// read and scored as over the full index. Its own ranking (`rank`) only orders the window.
import type { Article } from "../corpus/article.ts";
import type { InvertedIndex } from "./inverted-index.ts";
import { createNewsIndex, type NewsIndex } from "./news-index.ts";
import { createTermExpander } from "./term-expansion.ts";
import type { TermStats } from "./term-stats.ts";

export function createWindowIndex(stats: TermStats, articles: readonly Article[]): NewsIndex {
  const base = createNewsIndex(articles, { analyzer: stats.analyzer });
  const window = base.index;
  const expand = createTermExpander(stats);
  const index: InvertedIndex = {
    get docCount() {
      return stats.docCount;
    },
    get termCount() {
      return window.termCount;
    },
    add: (docs) => window.add(docs),
    search: (groups, options) => window.search(groups, options),
    idf: (t) => stats.idf(t),
    docFreq: (t) => stats.docFreq(t),
    byteSize: () => window.byteSize(),
    exportState: () => window.exportState(),
  };
  return { ...base, index, expandUnknown: (groups) => groups.map(expand), exportState: () => undefined };
}

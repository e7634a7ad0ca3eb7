// The features the real answerer writes on one article's sentences, read by sentence index: the
// tests of one answer input check it on real candidates, not on a hand-built feature row.
import { createAnswerer } from "../../src/core/answer/answerer.ts";
import { TITLE_INDEX } from "../../src/core/answer/features.ts";
import type { NewsIndex } from "../../src/core/search/news-index.ts";

export function createFeatureReader(news: NewsIndex, now?: string) {
  const answerer = createAnswerer(news, { minConfidence: 0 });
  return (question: string, id: string) => {
    const { scored } =
      now === undefined ? answerer.candidates(question) : answerer.candidates(question, { now });
    const own = scored.filter((s) => s.index !== TITLE_INDEX && news.articles[s.doc]?.id === id);
    return (index: number) => own.find((s) => s.index === index)?.features;
  };
}

// The competitor every answer evaluation prints beside newsbot, in the same run: plain MiniSearch
// (default options) over title and body, answering with the sentence of its top article that
// shares the most words with the question.
import MiniSearch from "minisearch";
import { sentences } from "../../src/core/text/sentences.ts";

export interface BaselineArticle {
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

export interface BaselineAnswer {
  /** Id of MiniSearch's top article; undefined when it finds nothing. */
  readonly top?: string;
  /** The best-overlap sentence of that article ("" when none). */
  readonly answer: string;
}

const TOKEN = /[\n\r\p{Z}\p{P}]+/u;
const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .split(TOKEN)
      .filter((w) => w.length > 0),
  );

export function createMiniSearchBaseline(articles: readonly BaselineArticle[]) {
  const ms = new MiniSearch<{ id: string; title: string; text: string }>({ fields: ["title", "text"] });
  ms.addAll(articles.map((a) => ({ id: a.id, title: a.title, text: a.body })));
  const bodyOf = new Map(articles.map((a) => [a.id, a.body]));
  return {
    ask(question: string): BaselineAnswer {
      const hit = ms.search(question)[0];
      if (!hit) return { answer: "" };
      const top = String(hit.id);
      const qWords = words(question);
      let best = -1;
      let answer = "";
      for (const s of sentences(bodyOf.get(top) ?? "")) {
        let overlap = 0;
        for (const w of words(s)) if (qWords.has(w)) overlap++;
        if (overlap > best) {
          best = overlap;
          answer = s;
        }
      }
      return { top, answer };
    },
  };
}

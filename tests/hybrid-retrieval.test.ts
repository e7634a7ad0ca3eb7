import { describe, expect, it } from "vitest";
import { createAnswerer } from "../src/core/answer/answerer.ts";
import type { ScoredSentence } from "../src/core/answer/decide.ts";
import { TITLE_INDEX } from "../src/core/answer/features.ts";
import { reciprocalRankFusion } from "../src/core/answer/fuse-candidates.ts";
import { selectPassages } from "../src/core/grounded/select-passages.ts";
import { createVectorIndex } from "../src/core/grounded/vector-index.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle } from "./fakes/articles.ts";

describe("reciprocal rank fusion", () => {
  it("adds 1/(k + rank) per ranking: an article high in both beats one first in only one", () => {
    const fused = reciprocalRankFusion([
      [1, 2, 3],
      [2, 4, 1],
    ]);
    expect(fused.map((f) => f.doc)).toEqual([2, 1, 4, 3]);
    expect(fused[0]?.score).toBeCloseTo(1 / 62 + 1 / 61);
  });
});

describe("vector index", () => {
  it("finds the nearest vectors by cosine, best first, within the filter", () => {
    const index = createVectorIndex("m");
    index.set(0, [1, 0, 0]);
    index.set(1, [0.9, 0.1, 0]);
    index.set(2, [0, 1, 0]);
    index.set(3, [0, 0, 5]);
    expect(index.nearest([2, 0, 0], 2)).toEqual([0, 1]);
    expect(index.nearest([2, 0, 0], 2, (doc) => doc !== 0)).toEqual([1, 2]);
    expect(index.nearest([0, 0, 1], 1)).toEqual([3]);
    index.set(3, [1, 0, 0]); // re-set: replaced, not added
    expect(index.size).toBe(4);
    expect(() => index.set(4, [1, 0])).toThrow(/3/);
    expect(index.nearest([1, 0], 2)).toEqual([]); // a query of another size finds nothing
  });
});

describe("hybrid retrieval in the answer pipeline", () => {
  const articles = [
    newsArticle(
      "h1",
      "2020-01-10",
      "Une usine ferme à Lille",
      "Le groupe a annoncé la fermeture de son usine de Lille.",
    ),
    newsArticle(
      "h2",
      "2020-01-11",
      "Achat de souliers",
      "La marque a acheté des souliers italiens pour sa collection.",
    ),
    newsArticle(
      "h3",
      "2020-01-12",
      "Lille : une usine rouvre",
      "Une usine de Lille rouvre après la fermeture de l'an dernier.",
    ),
  ];
  const news = createNewsIndex(articles);
  const answerer = createAnswerer(news, { candidates: 2 });
  const docsOf = (scored: readonly { doc: number }[]) => [...new Set(scored.map((s) => s.doc))].sort();
  const question = "Quelle usine de Lille la marque a-t-elle fermée ?";

  it("fuses the nearest articles with the lexical ranking: one near the question enters the candidates", () => {
    expect(docsOf(answerer.candidates(question).scored)).toEqual([0, 2]);
    expect(docsOf(answerer.candidates(question, { semantic: [1] }).scored)).toEqual([0, 1]);
  });

  it("leaves out nearest articles dated after the day the question is asked", () => {
    expect(docsOf(answerer.candidates(question, { semantic: [1], now: "2020-01-10" }).scored)).toEqual([0]);
  });

  it("centres an article's passage on its best sentence of the body, not on its title", () => {
    const long = (n: number) =>
      `La phrase ${n} du long article parle encore de souliers et de collections ${"x".repeat(300)}.`;
    const body = [0, 1, 2, 3].map(long).join(" ");
    const doc = createNewsIndex([newsArticle("t1", "2020-01-11", "Souliers : 40 paires achetées", body)]);
    const at = (index: number, score: number) => ({ doc: 0, index, score }) as unknown as ScoredSentence;
    const [passage] = selectPassages(doc, [at(TITLE_INDEX, 3), at(3, 2), at(0, 1)], undefined);
    expect(passage?.quote).toContain("La phrase 3 ");
    expect(passage?.quote).not.toContain("La phrase 0 ");
  });

  it("sends the writer an article found by its vector alone, by its opening", () => {
    const passages = selectPassages(news, [], [1]);
    expect(passages).toEqual([
      {
        doc: 1,
        quote: "La marque a acheté des souliers italiens pour sa collection.",
        sent: "Achat de souliers (2020-01-11)\nLa marque a acheté des souliers italiens pour sa collection.",
      },
    ]);
  });
});

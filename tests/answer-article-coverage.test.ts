// How much of the question a candidate's article holds (articleCoverage, bestArticleCoverage) and
// whether it lacks a name of the question (nameMissingInArticle): what the archive does not tell
// (an earthquake in another city, an outcome after it ends) has no article holding the whole question.
import { describe, expect, it } from "vitest";
import { createAnswerer } from "../src/core/answer/answerer.ts";
import { FEATURE_INDEX } from "../src/core/answer/features.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as article } from "./fakes/articles.ts";

const quakes = [
  article(
    "q1",
    "2020-01-26",
    "Séisme en Turquie : le bilan monte à 35 morts",
    "Le séisme qui a frappé l'est de la Turquie a fait 35 morts, selon les secours à Elazig.",
  ),
  article(
    "q2",
    "2019-05-02",
    "Izmir accueille un festival de musique",
    "Le festival de musique d'Izmir a attiré 20.000 visiteurs cette année.",
  ),
];

const featureOf = (question: string, id: string, name: keyof typeof FEATURE_INDEX) => {
  const news = createNewsIndex(quakes);
  const { scored } = createAnswerer(news).candidates(question, { now: "2020-09-30" });
  return scored.filter((s) => news.articles[s.doc]?.id === id).map((s) => s.features[FEATURE_INDEX[name]]);
};

describe("article coverage of the question", () => {
  const question = "Séisme d'Izmir en Turquie : combien de morts ?";
  it("marks an article that never writes a name of the question the archive knows", () => {
    const q1 = featureOf(question, "q1", "nameMissingInArticle");
    expect(q1.length).toBeGreaterThan(0);
    expect(q1.every((x) => x === 1)).toBe(true);
    // a question whose names the article writes
    const own = featureOf("Séisme en Turquie : combien de morts ?", "q1", "nameMissingInArticle");
    expect(own.every((x) => x === 0)).toBe(true);
  });
  it("is the rarity-weighted share of the question's words the article holds, below 1 when one lacks", () => {
    const part = featureOf(question, "q1", "articleCoverage");
    expect(part.length).toBeGreaterThan(0);
    expect(part.every((x) => x !== undefined && x > 0 && x < 1)).toBe(true);
    const whole = featureOf("Séisme en Turquie : combien de morts ?", "q1", "articleCoverage");
    expect(whole.every((x) => x !== undefined && x > 0.99)).toBe(true);
  });
  it("gives every candidate the best coverage any candidate article reaches", () => {
    const news = createNewsIndex(quakes);
    const { scored } = createAnswerer(news).candidates(question, { now: "2020-09-30" });
    const best = Math.max(...scored.map((s) => s.features[FEATURE_INDEX.articleCoverage] ?? 0));
    expect(best).toBeGreaterThan(0);
    expect(best).toBeLessThan(1);
    for (const s of scored) expect(s.features[FEATURE_INDEX.bestArticleCoverage]).toBe(best);
  });
});

// The English → French lookup: a verb the third glossary lists by its base form is found from its
// past and -ing forms (`replacing`, `died`), taking only the French verb forms; a noun key is not
// taken for a verb's inflection (`lifted` is no `ascenseur`); a two-word expression is found inflected.
import { describe, expect, it } from "vitest";
import { forFrenchSearch } from "../src/core/answer/article-retriever.ts";
import { EN_FR, frenchFor, frenchForPair } from "../src/core/answer/glossary-en-fr.ts";
import { readQuestion } from "../src/core/answer/read-question.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as article } from "./fakes/articles.ts";

describe("frenchFor: inflected English words", () => {
  it("finds a base-form verb from its past, -s and -ing forms", () => {
    expect(frenchFor("replace")).toContain("remplacer");
    expect(frenchFor("replacing")).toContain("remplacer");
    expect(frenchFor("replaced")).toContain("remplacé");
    expect(frenchFor("dying")).toContain("mourir");
    expect(frenchFor("dies")).toContain("meurt");
  });

  it("keeps an inflected form's own key, and takes no noun for a verb's inflection", () => {
    expect(frenchFor("died")).toEqual(EN_FR.died);
    expect(EN_FR.lift).toBeDefined();
    expect(frenchFor("lifted") ?? []).not.toContain("ascenseur");
    expect(frenchFor("investors")).toEqual(EN_FR.investor);
  });

  it("finds a two-word expression with its first word inflected", () => {
    expect(frenchForPair("take", "over")).toBeDefined();
    expect(frenchForPair("taking", "over")).toEqual(frenchForPair("take", "over"));
    expect(frenchForPair("taking", "part")).toEqual(EN_FR["take part"]);
    expect(frenchForPair("taking", "off")).toEqual(EN_FR["take off"]);
  });

  it("leaves out a preposition whose French is a stopword, and translates one that is not", () => {
    const news = createNewsIndex([
      article("g2", "2019-10-12", "Accord", "Un accord a été signé près de Lyon."),
    ]);
    const groups = readQuestion(news, "How many protesters according to the police near Lyon?").groups;
    expect(groups.some((g) => g.includes("accord"))).toBe(false);
    expect(groups.some((g) => g.includes("pre"))).toBe(true);
  });

  it("lets an English question reach a French sentence by its verb", () => {
    const news = createNewsIndex([
      article("g1", "2019-10-12", "Cinéma", "L'acteur Paul Verdier est décédé vendredi 11 octobre à 78 ans."),
    ]);
    const reading = readQuestion(news, "When did Paul Verdier die?");
    expect(reading.groups.some((g) => g.includes("deced"))).toBe(true);
  });
});

describe("forFrenchSearch: an English question as French search text", () => {
  it("leaves out the prepositions the query leaves out, and translates the rest", () => {
    const words = forFrenchSearch("How many protesters according to the police during the march?").split(" ");
    expect(words).not.toContain("according");
    expect(words).not.toContain("during");
    expect(words).toContain("police");
  });
});

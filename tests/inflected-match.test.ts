// The question's words met in another form (`remportait` for `a remporté`):
// src/core/answer/inflected-match.ts, a gate input written by src/core/answer/refined-features.ts.
import { describe, expect, it } from "vitest";
import { createAnswerer } from "../src/core/answer/answerer.ts";
import { FEATURE_INDEX } from "../src/core/answer/features.ts";
import { inflectedCoverage, sameWordForms } from "../src/core/answer/inflected-match.ts";
import { readQuestion } from "../src/core/answer/read-question.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as article } from "./fakes/articles.ts";

const news = createNewsIndex([
  article(
    "a",
    "2019-07-15",
    "Tour de France : une étape disputée",
    "Le Français Julian Alaphilippe remportait dimanche l'étape de Saint-Étienne. La course a été construite pour les grimpeurs.",
  ),
  article(
    "b",
    "2019-07-16",
    "Le stade sera rénové",
    "Le stade a été remporté par personne. La construction du nouveau stade de Lyon a coûté 450 millions d'euros.",
  ),
  {
    id: "c",
    title: "Tennis: Nadal wins again",
    date: "2019-06-10",
    lang: "en",
    body: "Rafael Nadal was winning his twelfth French Open title on Sunday in Paris.",
  },
]);

const sentence = (doc: number, index: number) => news.sentencesOf(doc)[index]?.terms ?? new Set<string>();
const read = (question: string) => readQuestion(news, question, "2019-07-20");

describe("same word forms", () => {
  it("pairs tenses and derived nouns sharing a long prefix", () => {
    expect(sameWordForms("remport", "remportait")).toBe(true);
    expect(sameWordForms("remportait", "remportera")).toBe(true);
    expect(sameWordForms("construit", "construction")).toBe(true);
    expect(sameWordForms("winning", "win")).toBe(false); // prefix of 3
  });
  it("keeps apart words sharing a short prefix or with long endings", () => {
    expect(sameWordForms("port", "porter")).toBe(false);
    expect(sameWordForms("constitution", "constitutionnalite")).toBe(false); // 6 letters past the prefix
    expect(sameWordForms("2019", "20190")).toBe(false);
  });
});

describe("inflected coverage", () => {
  it("counts a question verb the sentence writes in another tense", () => {
    const q = read("Qui a remporté l'étape de Saint-Étienne ?");
    // `remportait` for `remporté`: the verb's weight, beside the exact `étape`, `Saint-Étienne`
    expect(inflectedCoverage(q, sentence(0, 0))).toBeGreaterThan(0);
  });
  it("counts nothing for a word the sentence writes as the question does", () => {
    const q = read("Qui a remporté le stade ?");
    // `remporté` stands as written in b's first sentence: the exact match is coverage's, not this feature's
    expect(inflectedCoverage(q, sentence(1, 0))).toBe(0);
  });
  it("counts a derived noun, and nothing in a sentence holding no form of the word", () => {
    const q = read("Combien a coûté la construction du stade de Lyon ?");
    expect(inflectedCoverage(q, sentence(0, 1))).toBeGreaterThan(0); // `construite`
    expect(inflectedCoverage(q, sentence(0, 0))).toBe(0);
  });
  it("reads English forms through the English stemmer's terms", () => {
    const q = read("Who won the French Open title?");
    // `won` and `winning` share no prefix: no match claimed
    expect(inflectedCoverage(q, sentence(2, 0))).toBe(0);
  });
  it("is written as a refined feature of the candidates", () => {
    const scored = createAnswerer(news).candidates("Qui a remporté l'étape de Saint-Étienne ?", {
      now: "2019-07-20",
    }).scored;
    const first = scored.find((s) => s.doc === 0 && s.index === 0);
    expect(first?.features[FEATURE_INDEX.inflectedCoverage]).toBeGreaterThan(0);
  });
});

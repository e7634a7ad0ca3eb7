// The question's names away from the answer's sentence, its surroundings and its article
// (src/core/answer/asked-names.ts, the gate's `namesAwayNearby`, `namesAwayArticle`).
import { describe, expect, it } from "vitest";
import { askedNames, nameRuns, shareAway } from "../src/core/answer/asked-names.ts";
import { FEATURE_INDEX } from "../src/core/answer/features.ts";
import { readQuestion } from "../src/core/answer/read-question.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as article } from "./fakes/articles.ts";
import { createFeatureReader } from "./fakes/candidate-features.ts";

describe("the question's names", () => {
  it("reads runs of capitalised words, particles inside a name, not the first word", () => {
    expect(nameRuns("Quel âge avait Michel Hidalgo à sa mort ?")).toEqual([["Michel", "Hidalgo"]]);
    expect(nameRuns("Quand Ursula von der Leyen a-t-elle succédé à Jean-Claude Juncker ?")).toEqual([
      ["Ursula", "von", "der", "Leyen"],
      ["Jean", "Claude", "Juncker"],
    ]);
    expect(nameRuns("Combien de morts le séisme a-t-il fait ?")).toEqual([]);
  });

  it("keeps apart names a comma, `et` or a lower-case word separates (French and English)", () => {
    expect(nameRuns("Qui a battu Nadal, Federer et Djokovic ?")).toEqual([
      ["Nadal"],
      ["Federer"],
      ["Djokovic"],
    ]);
    expect(nameRuns("When did Angela Merkel meet Emmanuel Macron in Berlin?")).toEqual([
      ["Angela", "Merkel"],
      ["Emmanuel", "Macron"],
      ["Berlin"],
    ]);
    // a lower-case particle closing the question is no part of a name
    expect(nameRuns("Qui a reçu le prix de la ville de Lyon ?")).toEqual([["Lyon"]]);
  });

  it("grades the names away: the only one (1), one of two (0.5), none asked (0)", () => {
    const a = new Set(["hidalgo"]);
    expect(shareAway([["lagarde"]], [a])).toBe(1);
    expect(shareAway([["lagarde"], ["hidalgo"]], [a])).toBe(0.5);
    expect(shareAway([], [a])).toBe(0);
  });
});

describe("the features on the answerer's candidates", () => {
  const news = createNewsIndex([
    article(
      "a",
      "2020-03-27",
      "Mort de Michel Hidalgo, sélectionneur des Bleus champions d'Europe en 1984",
      "L'ancien sélectionneur est mort jeudi à l'âge de 87 ans. Hidalgo avait mené la France au titre européen en 1984. Le football français est en deuil.",
    ),
    article("c", "2019-01-10", "Platini", "Michel Platini a été entendu par les enquêteurs."),
    article(
      "b",
      "2020-05-12",
      "Disparition d'un ancien entraîneur",
      "L'ancien entraîneur Jean Dupont est mort lundi à l'âge de 68 ans. Il avait entraîné plusieurs clubs de l'Ouest.",
    ),
  ]);
  const features = createFeatureReader(news, "2020-06-01");
  const question = "À quel âge est mort Michel Hidalgo ?";

  it("marks a sentence of an article that never writes the name, and not the article that does", () => {
    const other = features(question, "b")(0);
    expect(other?.[FEATURE_INDEX.namesAwayNearby]).toBe(1);
    expect(other?.[FEATURE_INDEX.namesAwayArticle]).toBe(1);
    const own = features(question, "a")(0);
    // the first sentence says `L'ancien sélectionneur`: the name stands in the title and next door
    expect(own?.[FEATURE_INDEX.namesAwayNearby]).toBe(0);
    expect(own?.[FEATURE_INDEX.namesAwayArticle]).toBe(0);
  });

  it("counts the surname alone as the name written", () => {
    // `Hidalgo avait mené la France…`: the surname, without `Michel`
    const at = features("Quand Michel Hidalgo a-t-il mené la France au titre européen ?", "a")(1);
    expect(at?.[FEATURE_INDEX.namesAwayNearby]).toBe(0);
    expect(at?.[FEATURE_INDEX.namesAwayArticle]).toBe(0);
  });

  it("grades one of two names away against the only one", () => {
    // `Platini` is known to the archive (article c) but written nowhere near article b's sentence
    const at = features("Michel Platini a-t-il salué Jean Dupont, mort à l'âge de 68 ans ?", "b")(0);
    expect(at?.[FEATURE_INDEX.namesAwayNearby]).toBe(0.5);
    expect(at?.[FEATURE_INDEX.namesAwayArticle]).toBe(0.5);
  });

  it("reads only names the archive knows, and nothing for a question naming no one", () => {
    // `Zidane` is in no article: no name to look for (the bot abstains before scoring on it)
    expect(askedNames(news, readQuestion(news, "Zinedine Zidane a-t-il entraîné Hidalgo ?"))).toEqual([
      ["hidalgo"],
    ]);
    const q = readQuestion(news, "À quel âge est mort l'ancien sélectionneur ?", "2020-06-01");
    expect(askedNames(news, q)).toEqual([]);
    const at = features("À quel âge est mort l'ancien sélectionneur ?", "b")(0);
    expect(at?.[FEATURE_INDEX.namesAwayNearby]).toBe(0);
    expect(at?.[FEATURE_INDEX.namesAwayArticle]).toBe(0);
  });
});

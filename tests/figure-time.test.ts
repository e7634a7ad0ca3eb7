// When a figure holds (src/core/answer/figure-time.ts): a superseded toll, a day's increase for a
// total, a forecast for what happened, a headline for a figure, an old article for what holds now;
// and the question readings these rest on (a charge is no cause, a country is no person of an age).
import { describe, expect, it } from "vitest";
import { findNumbers, isAge } from "../src/core/answer/answer-kinds.ts";
import { createAnswerer } from "../src/core/answer/answerer.ts";
import { FEATURE_INDEX, type FeatureName, TITLE_INDEX } from "../src/core/answer/features.ts";
import { readQuestion } from "../src/core/answer/read-question.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as article } from "./fakes/articles.ts";

type Articles = Parameters<typeof createNewsIndex>[0];

/** Feature `name` of each candidate, body sentences by position then the title (as `title`). */
function features(articles: Articles, name: FeatureName, now?: string) {
  const answerer = createAnswerer(createNewsIndex(articles), { minConfidence: 0 });
  return (question: string) =>
    Object.fromEntries(
      answerer
        .candidates(question, now ? { now } : {})
        .scored.map((s) => [
          s.index === TITLE_INDEX ? `${s.doc}:title` : `${s.doc}:${s.index}`,
          s.features[FEATURE_INDEX[name]],
        ]),
    );
}

describe("a figure given as a superseded one", () => {
  const crash = article(
    "p1",
    "2020-09-26",
    "Crash d'un avion militaire à Kharkiv",
    "Le crash de l'avion militaire à Kharkiv a fait 26 morts, selon le dernier bilan. Un précédent bilan du crash faisait état de 22 morts à Kharkiv.",
  );
  it("is marked for a how-many question, and only there", () => {
    const previous = features([crash], "previousFigure");
    const marks = previous("Combien de morts dans le crash de l'avion militaire à Kharkiv ?");
    expect(marks["0:0"]).toBe(0);
    expect(marks["0:1"]).toBe(1);
    // not when the question asks that earlier figure itself
    const asked = previous("Quel bilan provisoire du crash de l'avion militaire à Kharkiv ?");
    expect(asked["0:1"]).toBe(0);
    const who = previous("Où l'avion militaire s'est-il écrasé ?");
    expect(Object.values(who).every((x) => x === 0)).toBe(true);
  });
});

describe("a day's increase for a total", () => {
  const covid = article(
    "i1",
    "2020-05-30",
    "Coronavirus : le bilan en France",
    "La France compte 57 nouveaux décès du coronavirus en 24 heures. Le bilan du coronavirus en France atteint 28.771 morts depuis mars.",
  );
  const increment = features([covid], "incrementForTotal", "2020-05-30");
  it("is marked when the question asks a total", () => {
    const marks = increment("Combien de morts du coronavirus en France au total ?");
    expect([marks["0:0"], marks["0:1"]]).toEqual([1, 0]);
  });
  it("is not when the question asks the increase itself", () => {
    const marks = increment("Combien de nouveaux décès du coronavirus en France en 24 heures ?");
    expect([marks["0:0"], marks["0:1"]]).toEqual([0, 0]);
  });
});

describe("a forecast for what happened", () => {
  const sale = article(
    "s1",
    "2020-09-10",
    "Un Botticelli aux enchères",
    "Le portrait de Botticelli est estimé à 80 millions de dollars par Sotheby's. Le portrait de Botticelli a été adjugé 92 millions de dollars.",
  );
  const forecast = features([sale], "forecastForFact");
  it("is marked when the question asks what happened", () => {
    const marks = forecast("Le portrait de Botticelli a été adjugé à combien ?");
    expect([marks["0:0"], marks["0:1"]]).toEqual([1, 0]);
  });
  it("is not when the question asks the estimate", () => {
    const marks = forecast("À combien le portrait de Botticelli est-il estimé ?");
    expect([marks["0:0"], marks["0:1"]]).toEqual([0, 0]);
  });
});

describe("a headline for a figure", () => {
  const fraud = article(
    "h1",
    "2019-09-12",
    "Fraude sociale : 14 milliards d'euros de numéros fictifs",
    "La sénatrice estime à 1,8 million les numéros fictifs de la fraude sociale.",
  );
  it("is marked for a how-many question only", () => {
    const title = features([fraud], "titleForNumber");
    expect(title("Combien de numéros fictifs dans la fraude sociale ?")["0:title"]).toBe(1);
    expect(title("Combien de numéros fictifs dans la fraude sociale ?")["0:0"]).toBe(0);
  });
});

describe("an old article for what holds now", () => {
  const then = article(
    "n1",
    "2018-02-18",
    "Compagnons de la Libération",
    "Il reste huit Compagnons de la Libération en vie.",
  );
  const later = article(
    "n2",
    "2020-09-20",
    "Compagnons de la Libération",
    "Il ne reste que trois Compagnons de la Libération en vie.",
  );
  const nowAge = features([then, later], "nowAge", "2020-09-20");
  it("weighs the article's age when the question asks what holds now", () => {
    const marks = nowAge("Combien reste-t-il de Compagnons de la Libération en vie ?");
    expect(marks["0:0"]).toBeGreaterThan(0.4);
    expect(marks["1:0"]).toBe(0);
  });
  it("not otherwise", () => {
    const marks = nowAge("Combien de Compagnons de la Libération en 2018 ?");
    expect(marks["0:0"]).toBe(0);
  });
});

describe("question readings", () => {
  const news = createNewsIndex([
    article("r1", "2020-01-01", "Procès", "Paul Verdier est accusé de fraude. Il est mort d'un cancer."),
  ]);
  it("reads `de quoi est accusé` as a charge, not a cause", () => {
    expect(readQuestion(news, "De quoi est accusé Paul Verdier ?").asksCause).toBe(false);
    expect(readQuestion(news, "De quoi Paul Verdier est-il soupçonné ?").asksCause).toBe(false);
    expect(readQuestion(news, "De quoi est mort Paul Verdier ?").asksCause).toBe(true);
    // a disease asked is a cause asked
    expect(readQuestion(news, "Paul Verdier est mort de quelle maladie ?").asksCause).toBe(true);
    expect(readQuestion(news, "What illness did Paul Verdier die of?").asksCause).toBe(true);
  });
  it("takes no country or thing after an article for a person of an age", () => {
    const at = (text: string, n: string) =>
      isAge(text, findNumbers(text).find((s) => s.text === n) ?? { text: n, start: -1 });
    expect(at("La France a 10 ans pour réduire ses émissions.", "10")).toBe(false);
    expect(at("Le Japon a 5 ans pour agir.", "5")).toBe(false);
    expect(at("Paul Verdier a 58 ans et vit à Lyon.", "58")).toBe(true);
  });
});

describe("cause forms", () => {
  const death = article(
    "c1",
    "2020-09-10",
    "Mort de Lise Varenne",
    "Lise Varenne a été emportée par un cancer jeudi. Lise Varenne succumbed to cancer on Thursday. Lise Varenne was killed in a crash. Lise Varenne est décédée des suites d'une longue maladie.",
  );
  it("counts `emportée par`, `succumbed to` and `killed in` as causes", () => {
    const missing = features([death], "causeMissing")("De quoi est morte Lise Varenne ?");
    expect([missing["0:0"], missing["0:1"], missing["0:2"]]).toEqual([0, 0, 0]);
    // `des suites d'une longue maladie` names none
    expect(missing["0:3"]).toBe(1);
  });
});

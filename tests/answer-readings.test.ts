// Question readings behind the cause and age checks: a charge asked is no cause, a disease asked is
// one; `emportée par`, `succumbed to`, `killed in` state a cause and `des suites d'une longue
// maladie` none; a capitalised word after an article (a country, a thing) is no person of an age.
import { describe, expect, it } from "vitest";
import { findNumbers, findPlaces, isAge } from "../src/core/answer/answer-kinds.ts";
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

describe("question readings", () => {
  const news = createNewsIndex([
    article("r1", "2020-01-01", "Procès", "Paul Verdier est accusé de fraude. Il est mort d'un cancer."),
  ]);
  it("reads `de quoi est accusé` as a charge, not a cause", () => {
    expect(readQuestion(news, "De quoi est accusé Paul Verdier ?").asksCause).toBe(false);
    expect(readQuestion(news, "De quoi Paul Verdier est-il soupçonné ?").asksCause).toBe(false);
    expect(readQuestion(news, "De quoi est mort Paul Verdier ?").asksCause).toBe(true);
    expect(readQuestion(news, "De quoi le suspect est-il accusé ?").asksCause).toBe(false);
    expect(readQuestion(news, "De quoi parlent-ils ?").asksCause).toBe(false);
    // a noun that begins like a charge verb, or a charge word used as a noun, leaves a cause asked
    expect(readQuestion(news, "De quoi est mort le compositeur Paul Verdier ?").asksCause).toBe(true);
    expect(readQuestion(news, "De quoi souffre le parlementaire Paul Verdier ?").asksCause).toBe(true);
    expect(readQuestion(news, "De quoi est mort le suspect ?").asksCause).toBe(true);
    expect(readQuestion(news, "De quoi est décédé le chargé d'affaires ?").asksCause).toBe(true);
    // a disease asked is a cause asked
    expect(readQuestion(news, "Paul Verdier est mort de quelle maladie ?").asksCause).toBe(true);
    expect(readQuestion(news, "What illness did Paul Verdier die of?").asksCause).toBe(true);
  });
  it("takes a figure glued to a word (`Covid-19`, `A320`, `20h30`) or a size for no quantity", () => {
    const figures = (text: string) => findNumbers(text).map((s) => s.text);
    expect(figures("Il n'y a jamais eu autant de malades du Covid-19 en réanimation.")).toEqual([]);
    expect(figures("Un A320 et un F-16 ont décollé à 20h30 avec 58 passagers.")).toEqual(["58"]);
    // a number word after another is still read
    expect(figures("Il y avait vingt-deux blessés.")).toEqual(["vingt", "deux"]);
    // a size is no figure: `plusieurs milliers`, `des centaines`; `deux milliers` is one
    expect(figures("La SNCF gâche le Noël de plusieurs milliers d'enfants.")).toEqual([]);
    expect(figures("Des centaines de manifestants, thousands of people.")).toEqual([]);
    expect(figures("Deux milliers de manifestants.")).toEqual(["Deux", "milliers"]);
  });
  it("takes no country or thing after an article for a person of an age", () => {
    const at = (text: string, n: string) =>
      isAge(text, findNumbers(text).find((s) => s.text === n) ?? { text: n, start: -1 });
    expect(at("La France a 10 ans pour réduire ses émissions.", "10")).toBe(false);
    expect(at("Le Japon a 5 ans pour agir.", "5")).toBe(false);
    expect(at("Paul Verdier a 58 ans et vit à Lyon.", "58")).toBe(true);
    expect(at("Il pleut. La France a 10 ans pour agir.", "10")).toBe(false);
    expect(at("Selon lui, la France a 10 ans pour agir.", "10")).toBe(false);
    // a particle inside a name is no article
    expect(at("Marine Le Pen a 54 ans et dirige le parti.", "54")).toBe(true);
    expect(at("Selon Bruno Le Maire, Bruno Le Maire a 53 ans.", "53")).toBe(true);
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

describe("a cause named after `une longue maladie`", () => {
  const death = article(
    "c2",
    "2020-09-10",
    "Mort de Lise Varenne",
    "Lise Varenne est décédée des suites d'une longue maladie, un cancer du pancréas. Lise Varenne est morte après une longue maladie (un cancer du sein). Lise Varenne est décédée des suites d'une longue maladie, a annoncé sa famille.",
  );
  it("counts the apposition as the cause, not the unnamed illness alone", () => {
    const missing = features([death], "causeMissing")("De quoi est morte Lise Varenne ?");
    expect([missing["0:0"], missing["0:1"]]).toEqual([0, 0]);
    // a comma followed by a verb names nothing
    expect(missing["0:2"]).toBe(1);
  });
  it("takes a time after the comma (`un an après`) for no cause", () => {
    const later = article(
      "c3",
      "2020-09-11",
      "Mort de Lise Varenne",
      "Lise Varenne est décédée des suites d'une longue maladie, un an après son mari. Lise Varenne est morte après une longue maladie, une semaine avant son anniversaire.",
    );
    const missing = features([later], "causeMissing")("De quoi est morte Lise Varenne ?");
    expect([missing["0:0"], missing["0:1"]]).toEqual([1, 1]);
  });
});

describe("places a sentence gives", () => {
  const places = (text: string) => findPlaces(text).map((s) => s.text);
  it("reads a place after `à` and `À`, whose accent `\\b` does not see as a word letter", () => {
    expect(places("Une maison a été détruite par un incendie à Montrichard (Loir-et-Cher).")).toEqual([
      "Montrichard",
    ]);
    expect(places("À Guiclan, quatre corps ont été retrouvés.")).toEqual(["Guiclan"]);
    expect(places("Il est né en Bretagne et vit au Japon.")).toEqual(["Bretagne", "Japon"]);
  });
  it("does not read `à` inside a word, nor a lower-case word after it", () => {
    expect(places("Il a voilà Paris derrière lui, puis à pied.")).toEqual([]);
  });
  it("reads the name of a kind of place after `de` (`la commune de`, `la localité d'`), not a landmark", () => {
    expect(places("Le drame s'est produit dans la petite localité d'Albizzate, près de Milan.")).toEqual([
      "Albizzate",
    ]);
    expect(places("Sur la départementale 13, à hauteur de Taussac-la-Billière, un bloc est tombé.")).toEqual([
      "Taussac-la-Billière",
    ]);
    expect(places("C'est de Gaulle qui l'a dit, au sud de Lyon, dans la banlieue de Nancy.")).toEqual([]);
  });
});

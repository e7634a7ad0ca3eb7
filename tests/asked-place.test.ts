// The place a question names (`en Inde`, `in India`) and whether a candidate's context writes it,
// or writes another place instead: ./src/core/answer/asked-place.ts.
import { describe, expect, it } from "vitest";
import { askedPlaces, locativeNames, placeIn } from "../src/core/answer/asked-place.ts";
import { FEATURE_INDEX } from "../src/core/answer/features.ts";
import { readQuestion } from "../src/core/answer/read-question.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as article } from "./fakes/articles.ts";
import { createFeatureReader } from "./fakes/candidate-features.ts";

const news = createNewsIndex([
  article(
    "a",
    "2020-08-01",
    "Coronavirus : le point dans le monde",
    "L'Argentine a recensé 1 200 nouveaux cas de Covid-19 samedi. En Inde, 57 000 cas ont été enregistrés samedi. Le pays compte 900 morts samedi.",
  ),
  article(
    "b",
    "2020-08-01",
    "Covid-19 : l'Inde dépasse les 50 000 cas quotidiens",
    "Le pays a enregistré 55 000 nouveaux cas samedi, selon le ministère de la Santé.",
  ),
  article(
    "c",
    "2020-08-01",
    "Amérique latine : la pandémie s'étend",
    "En Argentine, 1 200 nouveaux cas ont été recensés samedi. Les hôpitaux sont saturés.",
  ),
]);

const sentence = (doc: number, index: number) =>
  news.sentencesOf(doc)[index] as Parameters<typeof placeIn>[4];
const read = (question: string, doc: number, index: number) =>
  placeIn(news, readQuestion(news, question, "2020-08-02"), doc, index, sentence(doc, index));

describe("asked place", () => {
  it("reads the places after a locative preposition, not after `de`", () => {
    expect(locativeNames("Combien de cas de Covid-19 en Inde ce samedi ?")).toEqual(["Inde"]);
    expect(locativeNames("Combien de morts aux États-Unis et au Pérou ?")).toEqual(["États-Unis", "Pérou"]);
    expect(locativeNames("Fraude chez Pôle emploi dans le Var : quelle agence ?")).toEqual(["Var"]);
    expect(locativeNames("How many cases in India on Saturday?")).toEqual(["India"]);
    // French writes `À` without its accent at a sentence's start; English `A` is an article
    expect(locativeNames("A Paris, la police a interpellé trois hommes.")).toEqual(["Paris"]);
    expect(locativeNames("A Boeing 737 caught fire on landing.", "en")).toEqual([]);
    // who is quoted, after the same prepositions, is no place
    expect(locativeNames("Il a déclaré au Parisien que 40 cas étaient recensés en Inde.")).toEqual(["Inde"]);
    expect(locativeNames("Le maire a confié à Libération que le feu avait pris à Ajaccio.")).toEqual([
      "Ajaccio",
    ]);
    // a month or a day is no place
    expect(locativeNames("How many people were killed on the roads in August 2020?")).toEqual([]);
    expect(locativeNames("Comment s'appelle la villa de Cathy Guetta ?")).toEqual([]);
  });

  it("holds an English place with its French spelling", () => {
    const [india] = askedPlaces(
      news,
      readQuestion(news, "How many Covid cases in India on Saturday?", "2020-08-02"),
    );
    expect(india?.has(news.analyzer.term("Inde", "fr") as string)).toBe(true);
  });

  it("marks a figure of another place, and not one whose neighbour or title names the asked place", () => {
    const q = "Combien de cas de Covid-19 en Inde ce samedi ?";
    // Argentina's count: India stands in the next sentence (and Argentina after no preposition)
    expect(read(q, 0, 0)).toEqual({ away: false, replaced: false });
    expect(read(q, 0, 2)).toEqual({ away: false, replaced: false });
    // `en Inde` in the sentence itself: nothing to say
    expect(read(q, 0, 1)).toEqual({ away: false, replaced: false });
    // the title names India
    expect(read(q, 1, 0)).toEqual({ away: false, replaced: false });
    // asked of another country: written nowhere near; the sentence `En Inde, …` names another one
    expect(read("Combien de cas de Covid-19 au Pérou ce samedi ?", 0, 0)).toEqual({
      away: true,
      replaced: false,
    });
    expect(read("Combien de cas de Covid-19 au Pérou ce samedi ?", 0, 1)).toEqual({
      away: true,
      replaced: true,
    });
    // the same, asked in English: `in India` is `Inde` in a French article
    const en = "How many Covid-19 cases in India on Saturday?";
    expect(read(q, 2, 0)).toEqual({ away: true, replaced: true });
    expect(read(en, 2, 0)).toEqual({ away: true, replaced: true });
    expect(read(en, 1, 0)).toEqual({ away: false, replaced: false });
    // no place asked: nothing
    expect(read("Combien de cas de Covid-19 ce samedi ?", 0, 1)).toEqual({ away: false, replaced: false });
  });

  it("writes both features on the answerer's candidates", () => {
    const at = createFeatureReader(news)("Combien de cas de Covid-19 au Pérou samedi ?", "a");
    expect(at(1)?.[FEATURE_INDEX.placeAway]).toBe(1);
    expect(at(1)?.[FEATURE_INDEX.placeReplaced]).toBe(1);
  });
});

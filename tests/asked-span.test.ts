// The asked span beyond the kind (./src/core/answer/asked-span.ts): the noun a figure counts, an
// amount with its currency, a name / quoted title / model code for a which-thing question, the
// season the question names.
import { describe, expect, it } from "vitest";
import {
  amountMissing,
  askedSpanOf,
  countsOther,
  periodOther,
  seasonsIn,
  spanMissing,
} from "../src/core/answer/asked-span.ts";
import { readQuestion } from "../src/core/answer/read-question.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as article } from "./fakes/articles.ts";

const news = createNewsIndex([
  article(
    "a",
    "2019-03-01",
    "Accident de train",
    "Un train a déraillé près de Lodi. 18 passagers ont été blessés.",
  ),
  article("b", "2019-03-02", "Vol de tableau", "Le tableau « Le Baiser » a été volé au musée de Vienne."),
]);
const read = (question: string) => readQuestion(news, question, "2019-04-01");
const other = (question: string, sentence: string) => countsOther(news, read(question).counted, sentence);
const missing = (question: string, sentence: string) => spanMissing(news, read(question), sentence);

describe("countsOther", () => {
  it("fires where every figure counts another noun than the asked one", () => {
    expect(
      other("Combien de passagers étaient à bord du train ?", "Le déraillement a fait 18 blessés."),
    ).toBe(true);
    expect(
      other(
        "Combien de victimes ont été escroquées ?",
        "Trois jeunes ont escroqué des personnes âgées à Lyon.",
      ),
    ).toBe(true);
    expect(other("How many passengers were on board?", "The crash left 18 injured.")).toBe(true);
    // a synonym set of the glossary reaches no further than its entry
    expect(other("Combien de morts a fait l'épidémie ?", "On compte neuf hospitalisations.")).toBe(true);
  });
  it("does not fire where a figure counts the asked noun, a generic one, or the dead for victims", () => {
    expect(
      other("Combien de passagers étaient à bord du train ?", "Le train transportait 300 passagers."),
    ).toBe(false);
    expect(other("Combien de morts a fait l'accident ?", "L'accident a fait 12 morts et 18 blessés.")).toBe(
      false,
    );
    expect(other("Combien de morts a fait l'accident ?", "Neuf personnes ont été tuées.")).toBe(false);
    expect(other("Combien de victimes a fait l'attentat ?", "L'attentat a fait 10 morts.")).toBe(false);
    expect(other("How many passengers were on board?", "The train carried 300 passengers.")).toBe(false);
    // the asked noun under another word the glossary gives for it (./counted-synonyms.ts)
    expect(
      other("Combien de passagers étaient à bord du train ?", "Le train transportait 300 voyageurs."),
    ).toBe(false);
    expect(other("Combien de morts a fait l'épidémie ?", "On compte neuf décès.")).toBe(false);
    expect(other("Combien de surveillants ont été blessés ?", "Trois gardiens ont été blessés.")).toBe(false);
    // no figure: kindMissing says it
    expect(other("Combien de passagers étaient à bord du train ?", "Le train a déraillé.")).toBe(false);
    // not a how-many question
    expect(other("Qui conduisait le train ?", "Le déraillement a fait 18 blessés.")).toBe(false);
  });
});

describe("amountMissing", () => {
  it("fires where an amount of money is asked and no currency is written", () => {
    expect(
      amountMissing(
        askedSpanOf("Quel est le montant de la facture ?"),
        "La facture a été réglée par la mairie.",
      ),
    ).toBe(true);
    expect(
      amountMissing(
        askedSpanOf("How much did the painting cost?"),
        "The painting was sold in 2019 to 3 buyers.",
      ),
    ).toBe(true);
  });
  it("does not fire where a currency is written, or no amount is asked", () => {
    expect(
      amountMissing(askedSpanOf("Quel est le montant de la facture ?"), "La facture s'élève à 12 000 euros."),
    ).toBe(false);
    expect(
      amountMissing(askedSpanOf("Combien a coûté le stade ?"), "Le stade a coûté 3 millions d'euros."),
    ).toBe(false);
    expect(amountMissing(askedSpanOf("How much did the painting cost?"), "It sold for $5 million.")).toBe(
      false,
    );
    expect(amountMissing(askedSpanOf("Combien de passagers étaient à bord ?"), "Le train a déraillé.")).toBe(
      false,
    );
  });
});

describe("spanMissing", () => {
  it("fires where a which-thing question meets no new name, title or model code", () => {
    expect(
      missing("Quel tableau a été volé au musée de Vienne ?", "Un tableau a été volé au musée de Vienne."),
    ).toBe(true);
    expect(
      missing(
        "Which painting was stolen from the Vienna museum?",
        "A painting was stolen from the Vienna museum.",
      ),
    ).toBe(true);
  });
  it("does not fire on a new name, a quoted title, a model code, or a who-question", () => {
    expect(
      missing("Quel tableau a été volé au musée de Vienne ?", "Le tableau « le baiser » a été volé."),
    ).toBe(false);
    expect(
      missing("Quel tableau a été volé au musée de Vienne ?", "Le Baiser de Klimt a été volé au musée."),
    ).toBe(false);
    expect(missing("Quel avion s'est écrasé près de Lodi ?", "Un A320 s'est écrasé près de Lodi.")).toBe(
      false,
    );
    expect(missing("Qui a volé le tableau ?", "Un tableau a été volé au musée de Vienne.")).toBe(false);
  });
});

describe("periodOther", () => {
  it("reads seasons in their usual spellings", () => {
    expect(seasonsIn("la saison 2018-2019 et l'hiver 2017/18")).toEqual([
      [2018, 2019],
      [2017, 2018],
    ]);
    expect(seasonsIn("entre 2010 et 2015, le score 2-1")).toEqual([]);
  });
  it("fires where the sentence writes another season and not the asked one", () => {
    const season = askedSpanOf("Combien de morts a fait la grippe en 2018-2019 ?").season;
    expect(periodOther(season, "L'épidémie de 2017-2018 avait fait 13 000 morts.")).toBe(true);
    expect(periodOther(season, "En 2018/19, la grippe a fait 8 100 morts, contre 13 000 en 2017-2018.")).toBe(
      false,
    );
    expect(periodOther(season, "La grippe a fait 8 100 morts cet hiver.")).toBe(false);
    expect(
      periodOther(askedSpanOf("Combien de morts a fait la grippe ?").season, "En 2017-2018, 13 000 morts."),
    ).toBe(false);
  });
});

// Another occasion of the same people (`a déjà été condamné en mars 2018`, `avait été libéré`), and
// a person described without a name when a name is asked (`Un homme armé a tué…`):
// ./src/core/answer/other-occasion.ts, the gate's `toldAsBefore`, `unnamedPerson`.
import { describe, expect, it } from "vitest";
import { FEATURE_INDEX } from "../src/core/answer/features.ts";
import { describesUnnamed, toldAsBefore } from "../src/core/answer/other-occasion.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as article } from "./fakes/articles.ts";
import { createFeatureReader } from "./fakes/candidate-features.ts";

describe("a sentence looking back", () => {
  it("fires on a pluperfect, `déjà` before a participle, `à l'époque` (French and English)", () => {
    expect(toldAsBefore("Jacques Rançon a déjà été condamné en mars 2018 à perpétuité.")).toBe(true);
    expect(toldAsBefore("Carlos Ghosn avait été libéré sous caution fin avril.")).toBe(true);
    expect(toldAsBefore("En 2019, une centaine d'éléphants étaient morts dans le parc de Chobe.")).toBe(true);
    expect(toldAsBefore("La cour avait à l'époque considéré que l'arbitrage n'était pas régulier.")).toBe(
      true,
    );
    expect(toldAsBefore("He had been sentenced to life in prison in 2015.")).toBe(true);
    expect(toldAsBefore("She was previously convicted of fraud.")).toBe(true);
  });

  it("does not fire on the event told in the present or the passé composé", () => {
    expect(
      toldAsBefore("Jacques Rançon a été condamné vendredi à la réclusion criminelle à perpétuité."),
    ).toBe(false);
    expect(toldAsBefore("Le tribunal a condamné l'homme à trois ans de prison ferme.")).toBe(false);
    expect(toldAsBefore("Il était présent lors de l'audience.")).toBe(false);
    expect(toldAsBefore("The court sentenced him to ten years on Friday.")).toBe(false);
  });
});

describe("a person described, not named", () => {
  const news = createNewsIndex([article("x", "2020-01-01", "x", "x")]);
  const none = new Set<string>();
  it("fires on a description with no name beside it (French and English)", () => {
    expect(describesUnnamed(news, none, "Un homme armé a tué vendredi soir au moins quatre femmes.")).toBe(
      true,
    );
    expect(describesUnnamed(news, none, "L'enfant a été ensevelie mais a pu être localisée.")).toBe(true);
    expect(
      describesUnnamed(news, none, "Trois jeunes gens, âgés entre 19 et 25 ans, ont trouvé la mort samedi."),
    ).toBe(true);
    expect(describesUnnamed(news, none, "A gunman opened fire at the mall on Friday night.")).toBe(true);
  });

  it("does not fire where a name stands beside the description, or on no description", () => {
    expect(describesUnnamed(news, none, "Stephen Paddock, un homme de 64 ans, a ouvert le feu.")).toBe(false);
    expect(describesUnnamed(news, none, "Le tireur présumé, Patrick Crusius, a été arrêté.")).toBe(false);
    expect(describesUnnamed(news, none, "The gunman, named as John Smith, was arrested.")).toBe(false);
  });

  it("reads past a colon to the end of its clause, and no further", () => {
    const named =
      "L'Europe a confié ses deux postes clés à deux femmes aux parcours très différents : une ministre allemande de la Défense et la patronne du FMI, Christine Lagarde.";
    expect(describesUnnamed(news, none, named)).toBe(false);
    // the name stands in the next sentence: the description stays unnamed
    const after =
      "Deux femmes ont été blessées dans la nuit de samedi à dimanche : la police enquête. Marie Dupont, la maire, a réagi.";
    expect(describesUnnamed(news, none, after)).toBe(true);
  });
});

describe("the features on the answerer's candidates", () => {
  const news = createNewsIndex([
    article(
      "a",
      "2019-06-20",
      "Jacques Rançon avoue un nouveau meurtre",
      "Jacques Rançon a avoué en garde à vue le meurtre d'Isabelle Mesnage. Jacques Rançon a déjà été condamné en mars 2018 à perpétuité pour deux meurtres.",
    ),
    article(
      "b",
      "2016-09-24",
      "Tirs dans un centre commercial de Burlington",
      "Un homme armé a tué vendredi soir cinq personnes dans le centre commercial Cascade Mall de Burlington. Le tireur du Cascade Mall, Arcan Cetin, a été arrêté samedi.",
    ),
  ]);
  const features = createFeatureReader(news, "2020-09-01");

  it("marks the sentence recalling an earlier trial, not the one telling the event", () => {
    const at = features(
      "À quelle peine Jacques Rançon a-t-il été condamné pour le meurtre d'Isabelle Mesnage ?",
      "a",
    );
    expect(at(0)?.[FEATURE_INDEX.toldAsBefore]).toBe(0);
    expect(at(1)?.[FEATURE_INDEX.toldAsBefore]).toBe(1);
  });

  it("marks the sentence describing the asked person unnamed, not the one naming them", () => {
    const at = features("Fusillade du Cascade Mall à Burlington : comment s'appelle le tireur ?", "b");
    expect(at(0)?.[FEATURE_INDEX.unnamedPerson]).toBe(1);
    expect(at(1)?.[FEATURE_INDEX.unnamedPerson]).toBe(0);
  });

  it("leaves the unnamed person unmarked when no name is asked", () => {
    const at = features("Combien de personnes ont été tuées au Cascade Mall de Burlington ?", "b");
    expect(at(0)?.[FEATURE_INDEX.unnamedPerson]).toBe(0);
  });
});

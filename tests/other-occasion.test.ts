// Another occasion of the same people (`a déjà été condamné en mars 2018`, `avait été libéré`), and
// a person described without a name when a name is asked (`Un homme armé a tué…`):
// ./src/core/answer/other-occasion.ts, the gate's `toldAsBefore`, `unnamedPerson`.
import { describe, expect, it } from "vitest";
import { FEATURE_INDEX } from "../src/core/answer/features.ts";
import {
  describesUnnamed,
  eventAway,
  eventGroups,
  toldAsBefore,
  writesGroup,
} from "../src/core/answer/other-occasion.ts";
import { readQuestion } from "../src/core/answer/read-question.ts";
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

// The archive's article on Giuseppe Cortese (orangesum 4609, 2019-06-14) tells his arrest and says
// he was to be transferred to Italy; no article tells his extradition. Asked when he was extradited,
// the quoted sentence (his arrest) holds his name and most words, not the asked event.
describe("the asked event away from the sentence", () => {
  const news = createNewsIndex([
    article(
      "4609",
      "2019-06-14",
      "Saône-et-Loire : un ponte de la mafia calabraise arrêté à Mâcon",
      "C'est un gros bonnet de la 'Ndrangheta, la mafia calabraise. Giuseppe Cortese a été arrêté jeudi 13 juin à Mâcon (Saône-et-Loire) par des équipes de la police judiciaire, a-t-on appris vendredi de source policière. Cette arrestation fait partie d'un vaste coup de filet réalisé dans plusieurs pays européens à l'initiative des autorités italiennes. Àgé de 53 ans, Giuseppe Cortese devait être présenté vendredi matin au parquet général de Dijon. Il devait être incarcéré avant d'être transféré en Italie.",
    ),
    article(
      "x",
      "2019-07-01",
      "Giuseppe Cortese extradé vers l'Italie",
      "Le ponte de la 'Ndrangheta arrêté à Mâcon a été remis aux autorités italiennes. Son extradition a été exécutée lundi.",
    ),
  ]);
  const features = createFeatureReader(news, "2020-09-01");
  const asked = "Giuseppe Cortese, le ponte de la 'Ndrangheta arrêté à Mâcon, il a été extradé quand ?";

  it("reads the event words: not the names, the rarest one the asked event", () => {
    const q = readQuestion(news, asked, "2020-09-01");
    const words = eventGroups(q).map((g) => q.groups[g]?.join("/"));
    expect(words.some((w) => w?.includes("extrad"))).toBe(true);
    expect(words.some((w) => w?.includes("cortes"))).toBe(false);
  });

  it("matches another form of the word (`extradition` for `extradé`), not a different word", () => {
    expect(writesGroup(["extrad"], [new Set(["son", "extradition", "execut"])])).toBe(true);
    expect(writesGroup(["extrad"], [new Set(["arret", "jeudi", "macon"])])).toBe(false);
  });

  it("marks the arrest sentence for the extradition", () => {
    const at = features(asked, "4609");
    expect(at(0)?.[FEATURE_INDEX.eventAwayNearby]).toBe(1);
  });

  it("leaves the sentence beside the extradition (its title) unmarked", () => {
    const at = features(asked, "x");
    expect(at(0)?.[FEATURE_INDEX.eventAwayNearby]).toBe(0);
  });

  it("is 0 for a question with no event word beside its names", () => {
    const q = readQuestion(news, "Qui est Giuseppe Cortese ?", "2020-09-01");
    expect(eventAway(q, [new Set(["arret"])])).toBe(0);
  });
});

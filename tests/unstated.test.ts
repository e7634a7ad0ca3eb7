// A sentence saying the asked thing is not known (`les causes restent inconnues`, `has not been
// named`) or announcing the asked event for later (`rendra sa décision le 24 septembre`, `is due
// to`): ./src/core/answer/unstated.ts, the gate's `unknownStated`, `unknownInArticle`, `announced`.
import { describe, expect, it } from "vitest";
import { FEATURE_INDEX } from "../src/core/answer/features.ts";
import { announces, statesUnknown } from "../src/core/answer/unstated.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as article } from "./fakes/articles.ts";
import { createFeatureReader } from "./fakes/candidate-features.ts";

describe("what a sentence says is not known", () => {
  it("fires where the sentence says the asked thing is unknown, unnamed or not found", () => {
    expect(statesUnknown("Les causes de la mort des éléphants restent inconnues.")).toBe(true);
    expect(statesUnknown("L'identité du tireur n'a pas été communiquée.")).toBe(true);
    expect(statesUnknown("Le braqueur n'a toujours pas été retrouvé.")).toBe(true);
    expect(statesUnknown("La télévision d'État n'a pas précisé le nombre de marins.")).toBe(true);
    expect(statesUnknown("L'identification des victimes est en cours.")).toBe(true);
    expect(statesUnknown("The gunman has not been named by police.")).toBe(true);
    expect(statesUnknown("The cause of the crash remains under investigation.")).toBe(true);
  });

  it("does not fire where the sentence states it, or says `unknown` of something else", () => {
    expect(statesUnknown("Le boulanger, Jean Martin, a tiré sur un client.")).toBe(false);
    expect(statesUnknown("Il a été condamné à cinq ans de prison ferme.")).toBe(false);
    expect(statesUnknown("Un homme inconnu des services de police a été arrêté.")).toBe(false);
    expect(statesUnknown("The gunman was named as John Smith, 28.")).toBe(false);
    expect(statesUnknown("He died of a heart attack, his family said.")).toBe(false);
    // unknown to someone, a name, a verb of living through, a known count
    expect(statesUnknown("Un humoriste encore inconnu du grand public a été récompensé.")).toBe(false);
    expect(statesUnknown("Il a ravivé la flamme sur la tombe du Soldat inconnu.")).toBe(false);
    expect(statesUnknown("L'équipe n'avait pas connu pareille défaite depuis 1990.")).toBe(false);
    expect(statesUnknown("No one was injured in the blast.")).toBe(false);
  });

  it("reads the negation in its contracted English and its French passive forms", () => {
    expect(statesUnknown("The victim hasn't been named.")).toBe(true);
    expect(statesUnknown("Police haven't identified the gunman.")).toBe(true);
    expect(statesUnknown("Les causes de l'incendie ne sont toujours pas connues.")).toBe(true);
    expect(statesUnknown("No suspects have been arrested.")).toBe(true);
  });
});

describe("an event announced for later", () => {
  it("fires on a trial, a ruling or a release still to come", () => {
    expect(announces("Le tribunal rendra sa décision le 24 septembre.")).toBe(true);
    expect(announces("Le procès est prévu du 17 mars au 15 avril 2021.")).toBe(true);
    expect(announces("Le jugement a été mis en délibéré.")).toBe(true);
    expect(announces("The album is due to be released on October 23.")).toBe(true);
    expect(announces("He will be sentenced next month.")).toBe(true);
    expect(announces("Le tribunal jugera l'affaire en mars.")).toBe(true);
    expect(announces("La villa va être mise en vente aux enchères.")).toBe(true);
    expect(announces("Les ministres vont se réunir lundi.")).toBe(true);
  });

  it("does not fire on the event told as done", () => {
    expect(announces("Le tribunal a condamné l'exploitant à deux ans de prison.")).toBe(false);
    expect(announces("Le procès s'est ouvert lundi à Paris.")).toBe(false);
    expect(announces("He was sentenced to life in prison on Friday.")).toBe(false);
    expect(announces("The album debuted at number one.")).toBe(false);
  });

  it("does not take any near future for an announcement", () => {
    expect(announces("Il va falloir attendre la fin de l'enquête.")).toBe(false);
    expect(announces("Ça va faire mal au portefeuille des automobilistes.")).toBe(false);
    expect(announces("Les soignants vont pouvoir souffler un peu.")).toBe(false);
  });
});

describe("the features on the answerer's candidates", () => {
  const news = createNewsIndex([
    article(
      "a",
      "2020-07-02",
      "Éléphants morts au Botswana",
      "Des centaines d'éléphants ont été retrouvés morts dans le delta de l'Okavango. Les causes de leur mort restent inconnues.",
    ),
    article(
      "b",
      "2019-05-10",
      "Procès du chauffard de Lorient",
      "Le chauffard de Lorient a été condamné à trois ans de prison. Le tribunal rendra sa décision sur la peine du second chauffard de Lorient le 24 septembre.",
    ),
  ]);
  const features = createFeatureReader(news, "2020-09-01");

  it("marks the sentence saying it, and every sentence of its article", () => {
    const at = features("De quoi sont morts les éléphants de l'Okavango ?", "a");
    expect(at(0)?.[FEATURE_INDEX.unknownStated]).toBe(0);
    expect(at(0)?.[FEATURE_INDEX.unknownInArticle]).toBe(1);
    expect(at(1)?.[FEATURE_INDEX.unknownStated]).toBe(1);
  });

  it("marks the sentence announcing the event, not the one telling it done", () => {
    const at = features("À quelle peine le chauffard de Lorient a-t-il été condamné ?", "b");
    expect(at(0)?.[FEATURE_INDEX.announced]).toBe(0);
    expect(at(0)?.[FEATURE_INDEX.unknownInArticle]).toBe(0);
    expect(at(1)?.[FEATURE_INDEX.announced]).toBe(1);
  });
});

describe("the asked slot in the article, a person's name asked", () => {
  const news = createNewsIndex([
    article(
      "c",
      "2019-02-26",
      "Mort de Mark Hollis",
      "Mark Hollis, chanteur de Talk Talk, est mort à 64 ans. Il avait quitté la scène en 1998.",
    ),
    article(
      "d",
      "2019-03-01",
      "Mort de Jean Dupré",
      "Jean Dupré, chanteur, est mort à 70 ans. Il est mort d'un cancer du poumon.",
    ),
    article(
      "e",
      "2017-08-09",
      "Coup de feu rue Montgallet",
      "Rue Montgallet, dans le XIIe arrondissement, un boulanger a tiré sur un client. Le boulanger, Marcel Poirier, a été interpellé.",
    ),
    article(
      "f",
      "2020-08-08",
      "Crash at Kozhikode",
      "The Air India Express plane overshot the runway at Kozhikode in Kerala. The captain, Deepak Sathe, died in the crash.",
    ),
  ]);
  const features = createFeatureReader(news, "2020-09-01");

  it("marks an article that states the asked cause nowhere, not one that states it elsewhere", () => {
    expect(features("Mark Hollis est mort de quoi ?", "c")(0)?.[FEATURE_INDEX.askedMissingInArticle]).toBe(1);
    const dupre = features("Jean Dupré est mort de quoi ?", "d");
    expect(dupre(0)?.[FEATURE_INDEX.causeMissing]).toBe(1);
    expect(dupre(0)?.[FEATURE_INDEX.askedMissingInArticle]).toBe(0);
  });

  it("marks a name asked answered by a sentence naming places only (French and English)", () => {
    // a name asked of a question not read as a who-question
    const baker = features("Le boulanger qui a tiré sur un client rue Montgallet, on connaît son nom ?", "e");
    expect(baker(0)?.[FEATURE_INDEX.nameWithoutPerson]).toBe(1);
    expect(baker(1)?.[FEATURE_INDEX.nameWithoutPerson]).toBe(0);
    // read as who-questions since answers25 (a noun of people, a possessor's name): the kind check
    // says the person is missing, and since answers28 the name asked says it too
    const named = features("Comment s'appelle le boulanger qui a tiré sur un client rue Montgallet ?", "e");
    expect(named(0)?.[FEATURE_INDEX.kindMissing]).toBe(1);
    expect(named(1)?.[FEATURE_INDEX.kindMissing]).toBe(0);
    expect(named(0)?.[FEATURE_INDEX.nameWithoutPerson]).toBe(1);
    expect(named(1)?.[FEATURE_INDEX.nameWithoutPerson]).toBe(0);
    const captain = features("Air India Express crash at Kozhikode: what was the captain's name?", "f");
    expect(captain(0)?.[FEATURE_INDEX.kindMissing]).toBe(1);
    expect(captain(1)?.[FEATURE_INDEX.kindMissing]).toBe(0);
    expect(captain(0)?.[FEATURE_INDEX.nameWithoutPerson]).toBe(1);
    expect(captain(1)?.[FEATURE_INDEX.nameWithoutPerson]).toBe(0);
    // a who-question that asks no name outright keeps the kind check alone
    const who = features("Qui a tiré sur un client rue Montgallet ?", "e");
    expect(who(0)?.[FEATURE_INDEX.nameWithoutPerson]).toBe(0);
  });
});

describe("an event still to come, in other words", () => {
  it("fires on `va être`, `prochain` and a postponement", () => {
    expect(announces("Un tableau de Botticelli va être mis en vente en janvier à New York.")).toBe(true);
    expect(announces("Rendez-vous en décembre prochain pour l'élection.")).toBe(true);
    expect(announces("Les élections législatives sont reportées de quatre semaines.")).toBe(true);
    expect(announces("The vote was postponed to October 17.")).toBe(true);
    expect(announces("Le tableau a été adjugé 92 millions de dollars.")).toBe(false);
    expect(announces("Labour won 64 seats in the election.")).toBe(false);
  });
});

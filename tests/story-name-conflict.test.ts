// Shared name words of two different names (features.ts nameConflictDot, SimilarityWeights.
// nameConflict): a first name or a king's name two events share is not evidence they are one.
// Articles from the archive (OrangeSum ids in the comments; bodies cut after the lead).
import { describe, expect, it } from "vitest";
import type { Article } from "../src/core/corpus/article.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { articleFeatures, checkWeights, nameConflictDot, similarity } from "../src/core/stories/index.ts";
import { newsArticle as art } from "./fakes/articles.ts";

// 2019-03-12, labelled apart: a convict's death (5604) and Jean-Louis Debré on Chirac (17555); a
// baby forgotten at Jeddah's King Abdelaziz airport (10470) and Abdelaziz Bouteflika (15016)
const JOURDAIN = art(
  "jourdain",
  "2019-03-12",
  "Mort de Jean-Louis Jourdain, l'un des frères condamnés à perpétuité pour quadruple meurtre",
  "Jean-Louis Jourdain, l'un des frères Jourdain, condamnés à la réclusion criminelle à perpétuité pour avoir séquestré et tué quatre jeunes filles, est mort en prison. \"Jean-Louis Jourdain, qui était incarcéré à Caen, est décédé le 6 mars dans l'après-midi à l'hôpital de Caen des suites d'une longue maladie\", a indiqué à l'AFP l'administration pénitentiaire, confirmant une information de la presse régionale. Il était âgé de 59 ans.Avec son frère Jean-Michel, ils étaient surnommés \"les siamois de l'horreur\". Tous deux ferrailleurs, ils avaient été condamnés en octobre 2000 à la réclusion criminel",
);
const DEBRE = art(
  "debre",
  "2019-03-12",
  'Jean-Louis Debré : "beaucoup se sont détournés" de Jacques Chirac',
  "Dans les colonnes du quotidien Ouest France, Jean-Louis Debré évoque la profonde amitié qui le lie à Jacques Chirac. L'ex-président du Conseil constitutionnel consacre à son vieil ami un documentaire, Mon Chirac, diffusé le 18 mars sur LCP. \"J'ai eu envie de parler surtout de l'homme plus que du politique\", explique Jean-Louis Debré à Ouest France. De l'homme politique, il assure toutefois : \"il imposait sa présence avec une capacité d'écoute des autres. Une écoute différente de celle de beaucoup d'hommes politiques aujourd'hui qui sont enfermés dans leur vérité\". Quant aux affaires qui ont ém",
);
const AIRPORT = art(
  "airport",
  "2019-03-12",
  "Arabie saoudite : elle oublie son bébé à l'aéroport, son avion fait demi-tour",
  "a mésaventure est survenue à une mère de famille, qui a abandonné son nourrisson dans une salle d'embarquement de l'aéroport Roi-Abdelaziz de Djeddah (Arabie Saoudite).Le vol SV832 de la compagnie Saudia reliant Djeddah à Kuala Lumpur (Malaisie) au cours du week-end du 9 et 10 mars a subi un retard important, pour une raison plutôt inhabituelle. L'appareil a dû rebrousser chemin à cause d'une passagère ayant signalé un oubli particulier : son bébé. Le personnel navigant a donné l'alerte au commandant de bord, qui a lui-même contacté les aiguilleurs du ciel pour demander la permission de récupé",
);
const BOUTEFLIKA = art(
  "bouteflika",
  "2019-03-12",
  'Algérie : Emmanuel Macron "salue" le renoncement d\'Abdelaziz Bouteflika à un cinquième mandat',
  'La président français Emmanuel Macron a salué mardi 12 mars à Djibouti "la décision" de son homologue algérien Abdelaziz Bouteflika de ne pas briguer un cinquième mandat. Le chef de l\'État a également appelé à "une transition d\'une durée raisonnable"."Je salue la décision du président Bouteflika, qui signe une nouvelle page dans le développement de la démocratie algérienne", a déclaré le président français au cours d\'une conférence de presse avec son homologue djiboutien Ismaïl Omar Guelleh. "Je salue la dignité avec laquelle la population, en particulier la jeunesse algérienne, a su exprimer ',
);
// 2018-07-24, one story: Alexandre Benalla's lawyer (21086) and the Assembly on the Benalla affair (21091)
const LAWYER = art(
  "lawyer",
  "2018-07-24",
  'VIDEO. Alexandre Benalla : "Une affaire montée de toutes pièces pour atteindre la présidence", explique son avocat',
  '"Il est très combatif, il ne va pas se laisser faire". Pour l\'avocat d\'Alexandre Benalla, son client est dans son bon droit. Six jours après la révélation de la première vidéo montrant le collaborateur d\'Emmanuel Macron malmener deux personnes en marge des manifestations du 1er-Mai, Maître Laurent-Franck Lienard a pris la parole pour défendre son client, qui, selon ses dires, "a vu une situation qui semblait échapper aux policiers en place et a voulu intervenir en qualité de citoyen". "Il est fougueux, il ne supportait pas de voir ces individus qui étaient virulents et qui n\'étaient pas interp',
);
const ASSEMBLY = art(
  "assembly",
  "2018-07-24",
  "VIDEO. Affaire Benalla : passe d'armes Jean-Luc Mélenchon - Edouard Philippe à l'Assemblée nationale",
  "Edouard Philippe est passé sur le grill de l'Assemblée nationale à l'occasion de la séance de questions au gouvernement, mardi 24 juillet. En sa qualité de président de groupe, Jean-Luc Mélenchon a interpellé le patron de Matignon, faisant en préambule l'éloge du système parlementaire. \"Il n'y a pas meilleur défenseur du droit démocratique que nous tous : les parlementaires. Nous travaillons en pleine lumière les uns sous le contrôle vigilant des autres.\", a t-il d'abord dit, avant de redemander la venue du chef de l'Etat devant la Commission d'enquête parlementaire en charge de la désormais \"",
);
const filler: Article[] = Array.from({ length: 40 }, (_, i) =>
  art(
    `filler-${i}`,
    "2019-01-10",
    `Note ${i} sur la circulation en ville`,
    `La mairie a publié une note ${i} sur la circulation en ville. Le trafic reste dense aux heures de pointe.`,
  ),
);
const news = createNewsIndex([...filler, JOURDAIN, DEBRE, AIRPORT, BOUTEFLIKA, LAWYER, ASSEMBLY]);
const features = (id: string) => articleFeatures(news, news.find(id) as number, { leadSentences: 3 });
const w = { textWeight: 1, graceDays: 1, halfLifeDays: 3, entityScale: 3 };
const drop = { ...w, nameConflict: 1 };

describe("nameConflictDot", () => {
  it("takes off what two different people's shared first name adds", () => {
    const [a, b] = [features("jourdain"), features("debre")];
    const full = similarity(a, b, w);
    expect(full).toBeGreaterThan(0.1);
    expect(nameConflictDot(a, b)).toBeGreaterThan(0.5 * full);
    expect(similarity(a, b, drop)).toBeCloseTo(full - nameConflictDot(a, b), 9);
    expect(similarity(a, b, { ...w, nameConflict: 0.5 })).toBeCloseTo(full - 0.5 * nameConflictDot(a, b), 9);
  });

  it("takes off a king's name on an airport shared with a president's", () => {
    const [a, b] = [features("airport"), features("bouteflika")];
    expect(similarity(a, b, w)).toBeGreaterThan(0);
    expect(similarity(a, b, drop)).toBeLessThan(0.5 * similarity(a, b, w));
  });

  it("leaves one person named in full and in part (`Alexandre Benalla`, `Affaire Benalla`)", () => {
    const [a, b] = [features("lawyer"), features("assembly")];
    expect(nameConflictDot(a, b)).toBe(0);
    expect(similarity(a, b, drop)).toBe(similarity(a, b, w));
    expect(similarity(a, b, w)).toBeGreaterThan(0.1);
  });

  it("is off at 0 and refused above 1", () => {
    const [a, b] = [features("jourdain"), features("debre")];
    expect(similarity(a, b, { ...w, nameConflict: 0 })).toBe(similarity(a, b, w));
    expect(() => checkWeights({ ...w, nameConflict: 1.5 })).toThrow(/nameConflict must be at most 1/);
    expect(() => checkWeights({ ...w, nameConflict: -1 })).toThrow(/nameConflict/);
  });
});

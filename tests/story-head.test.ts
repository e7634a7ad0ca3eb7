// The head share of a pair's text cosine (features.ts headShare, SimilarityWeights.headWeight): how
// much of what two articles share is in both their heads (title and first lead sentence). Articles
// from the archive (OrangeSum ids in the comments; bodies cut after the lead).
import { describe, expect, it } from "vitest";
import type { Article } from "../src/core/corpus/article.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import {
  articleFeatures,
  checkWeights,
  corpusShareOf,
  emphasise,
  headShare,
  periodTerms,
  similarity,
} from "../src/core/stories/index.ts";
import { newsArticle as art } from "./fakes/articles.ts";

// 2019-02-19: air-rifle shots at a synagogue (5759), labelled apart from the rallies against
// antisemitism (18041, 18042): the shooting's lead names antisemitism only in its second sentence
const SYNAGOGUE = art(
  "synagogue",
  "2019-02-19",
  "Val-d'Oise : deux ados tirent à la carabine à plomb devant une synagogue à Sarcelles",
  "Deux adolescents ont tiré vendredi soir à la carabine à plomb devant une synagogue de Sarcelles, dans le Val-d'Oise. Ils ont été interpellés après avoir légèrement blessé un homme au mollet, a-t-on appris lundi 18 février auprès du parquet de Pontoise qui a précisé avoir retenu en l'état la circonstance aggravante d'antisémitisme. Les deux jeunes, âgés de 15 et 16 ans, ont été interpellés samedi à Sarcelles où vit une importante communauté juive, au lendemain des faits, a ajouté le parquet, confirmant une information du Parisien. Ils étaient présentés lundi à un juge des enfants. Ils ont reconnu avoir tiré depuis",
);
const SARKOZY = art(
  "sarkozy",
  "2019-02-19",
  "Nicolas Sarkozy sera présent au rassemblement contre l'antisémitisme à Paris",
  "L'ancien président Nicolas Sarkozy sera présent lors du rassemblement contre l'antisémitisme prévu à Paris mardi soir, selon des informations de presse relayées mardi 19 février. Il rejoindra ainsi un autre ancien président, François Hollande, tandis qu'Emmanuel Macron a fait savoir qu'il ne viendra pas.De nombreuses personnalités ont annoncé leur venue, dont l'ex-Premier ministre Bernard Cazeneuve, le président de LR Laurent Wauquiez, celui de Debout la France Nicolas Dupont-Aignan, les responsables syndicaux Laurent Berger (CFDT) et Philippe Martinez (CGT), mais également Édouard Philippe et 23 ministres et sec",
);
const MARCH = art(
  "march",
  "2019-02-19",
  "Marche contre l'antisémitisme : sans Macron, avec Hollande et Sarkozy",
  "Un grand rassemblement contre l'antisémitisme aura lieu ce mardi 19 février à 19h00, place de la République à Paris, à la suite d'un appel signé par une vingtaine de partis, à l'initiative du premier secrétaire du PS Olivier Faure. Celui-ci n'a pas invité le Rassemblement national (RN, ex-FN) de Marine Le Pen, qui organisera son propre hommage. Nicolas Sarkozy a confirmé sa présence mardi matin. François Hollande a également fait savoir qu'il serait présent, tout comme son ancien Premier ministre Bernard Cazeneuve. Le chef de l'État actuel, Emmanuel Macron, ne sera pas présent. Mais il se rendra mardi après-midi ",
);
// 2018-04-15: two profiles that share `médiatique` in both titles (7985, 21987), labelled apart:
// the head share cannot tell them apart
const BELLEMARE = art(
  "bellemare",
  "2018-04-15",
  "Les vraies raisons de la disparition médiatique de Pierre Bellemare",
  "Pierre Bellemare de retour à la télévision. Ce samedi soir, l'ancienne star du Télé-achat était aux commandes de la grande soirée consacrée aux 25 ans de Groland sur Canal+. Dans un entretien accordé à Télé Loisirs à cette occasion, il en a profité pour revenir sur sa nouvelle vie et notamment expliquer pourquoi on ne le voyait plus sur le petit écran. \"L'une des explications possibles est que les producteurs ont peut-être peur de me demander de faire des choses, car ils pensent que je vais prendre beaucoup d'argent\", concède-t-il quelque peu hébété.Or, aujourd'hui, c'est l'inverse. \"J'accepte souvent de travaill",
);
const HOLLANDE = art(
  "hollande",
  "2018-04-15",
  "VIDÉO. François Hollande : retour sur sa semaine médiatique",
  "L'ancien chef de l'État sort un livre sur ses cinq ans à l'Élysée, \"Les leçons du pouvoir\" (Stock). C'était l'occasion de s'exprimer cette semaine, et notamment évoquer son successeur Emmanuel Macron. Mais aussi de faire preuve de son célèbre humour.",
);
// filler, so that a word of the five is rarer than an everyday one
const filler: Article[] = Array.from({ length: 40 }, (_, i) =>
  art(
    `filler-${i}`,
    "2019-01-10",
    `Note ${i} sur la circulation en ville`,
    `La mairie a publié une note ${i} sur la circulation en ville. Le trafic reste dense aux heures de pointe.`,
  ),
);
const news = createNewsIndex([...filler, SYNAGOGUE, SARKOZY, MARCH, BELLEMARE, HOLLANDE]);
const features = (id: string) => articleFeatures(news, news.find(id) as number, { leadSentences: 3 });
const w = { textWeight: 1, graceDays: 1, halfLifeDays: 3, entityScale: 3 };

describe("headShare", () => {
  it("is 0 for two events of one theme that meet past the first sentence", () => {
    const shot = features("synagogue");
    const rally = features("march");
    // they share a word (antisemitism), which the shooting's lead gives only in its second sentence
    expect(similarity(shot, rally, w)).toBeGreaterThan(0);
    expect(headShare(shot.sparse, rally.sparse)).toBe(0);
  });

  it("is large for two reports of one event (the rally in both titles)", () => {
    expect(headShare(features("sarkozy").sparse, features("march").sparse)).toBeGreaterThan(0.6);
  });

  it("does not separate two events whose titles share their word", () => {
    // `médiatique` and `retour` are in both heads: the signal has nothing to say (a false merge it keeps)
    expect(headShare(features("bellemare").sparse, features("hollande").sparse)).toBeGreaterThan(0.5);
  });

  it("is 1 when the vectors carry no head flags (nothing to judge by)", () => {
    const { ids, weights } = features("synagogue").sparse;
    expect(headShare({ ids, weights }, features("march").sparse)).toBe(1);
  });
});

describe("headWeight", () => {
  const shot = features("synagogue");
  const rally = features("march");
  const rally2 = features("sarkozy");

  it("scales the text cosine by 1 − headWeight × (1 − share)", () => {
    const share = headShare(shot.sparse, rally.sparse);
    const base = similarity(shot, rally, w);
    expect(similarity(shot, rally, { ...w, headWeight: 0.5 })).toBeCloseTo(base * (1 - 0.5 * (1 - share)), 9);
    expect(similarity(shot, rally, { ...w, headWeight: 0 })).toBe(base);
  });

  it("lowers the theme pair far more than the one-event pair", () => {
    const ratio = (a: typeof shot, b: typeof shot) =>
      similarity(a, b, { ...w, headWeight: 0.5 }) / similarity(a, b, w);
    expect(ratio(shot, rally)).toBeCloseTo(0.5, 9);
    expect(ratio(rally, rally2)).toBeGreaterThan(0.8);
  });

  it("survives the period emphasis (the re-weighted vectors keep their head flags)", () => {
    const items = [shot, rally, rally2];
    const period = periodTerms(items, corpusShareOf(news));
    const [e0, e1, e2] = items.map((f) => emphasise(f, period, 1)) as [typeof shot, typeof shot, typeof shot];
    expect(e0.sparse.head).toBeDefined();
    expect(headShare(e0.sparse, e1.sparse)).toBe(0);
    expect(headShare(e1.sparse, e2.sparse)).toBeGreaterThan(0.6);
  });

  it("is refused above 1 or below 0", () => {
    expect(() => checkWeights({ ...w, headWeight: 1.5 })).toThrow(/headWeight must be at most 1/);
    expect(() => checkWeights({ ...w, headWeight: -0.5 })).toThrow(/headWeight/);
    expect(() => checkWeights({ ...w, headWeight: 1 })).not.toThrow();
  });
});

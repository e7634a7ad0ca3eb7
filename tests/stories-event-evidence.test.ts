// Two readings of "one event, not one theme" measured in round 20 (stories24, bench/results/stories.md):
// the agreement of two bodies' rare names (body-names.ts) and how often the archive's same-day
// articles share a word, or hold a pair's words together (same-day-words.ts). Titles, leads and
// body openings are the archive's own (data/orangesum 24120, 24140, 24154 of 2019-06-18; car items
// of 2020-01-14 and 2019-02-19).
import { describe, expect, it } from "vitest";
import {
  countSameDayShares,
  daysTogether,
  eventWeight,
  sameDaySharesOf,
  termPostingsOf,
} from "../bench/lib/same-day-words.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { bodyNames, nameAgreement, nameMass } from "../src/core/stories/body-names.ts";
import {
  actorKindsOf,
  actorsApart,
  apartTest,
  articleFeatures,
  bodyWitness,
  clusterDocs,
  createStoryTracker,
  LEARNED_LIVE_PARAMS,
  LEARNED_PARAMS,
} from "../src/core/stories/index.ts";
import { newsArticle as art } from "./fakes/articles.ts";

/** The Lorient driver arrested (two reports of one event) and a Paris motorist (another event). */
const LORIENT_1 = art(
  "24120",
  "2019-06-18",
  "Lorient : le chauffard de Lorient a reconnu les faits",
  "À la suite de son interpellation, le jeune homme de 20 ans a reconnu être à l'origine de l'accident qui a coûté la vie à un enfant de 10 ans. Le chauffard de Lorient, arrêté mardi 18 juin après neuf jours de traque dans un hôtel de Lanester (Morbihan), a été mis en examen pour homicide et blessures involontaires aggravés, a indiqué la procureur de la République de Lorient. Il a confirmé être le conducteur du véhicule, a dit Laureline Peyrefitte, lors d'une conférence de presse à Lorient.",
);
const LORIENT_2 = art(
  "24140",
  "2019-06-18",
  "Enfants fauchés à Lorient : le chauffard interpellé",
  "L'homme de 20 ans, suspecté d'être le conducteur de la voiture qui a tué un enfant de dix ans à Lorient, a été arrêté par les forces de l'ordre dans un hôtel de Lanester (Morbihan). La traque aura duré neuf jours. Le chauffard qui a tué le petit Bunyamin, dix ans, à Lorient, a été interpellé mardi 18 juin.",
);
const PARIS_DRIVER = art(
  "24154",
  "2019-06-18",
  "Paris : un automobiliste manque de percuter un aveugle puis l'agresse",
  "Samedi à Paris, un homme aveugle engagé sur un passage piéton a failli se faire écraser. Au lieu de faire profil bas, l'automobiliste est sorti de son véhicule pour frapper son accompagnateur. Au grand dam du chauffard, la scène a été filmée par Alphacit Newim, un cycliste, journaliste indépendant, équipé d'une caméra.",
);
/** Other articles naming the same places and people, so that their names are not unique (docFreq ≥ 2). */
const OTHERS = [
  art(
    "o1",
    "2019-06-10",
    "Lorient : deux enfants fauchés par un chauffard",
    "Le drame s'est produit à Lorient, près de Lanester (Morbihan).",
  ),
  art(
    "o2",
    "2019-06-12",
    "Morbihan : la traque du chauffard continue",
    "Laureline Peyrefitte, procureure de Lorient, a lancé un appel à témoins. Bunyamin avait dix ans.",
  ),
  art(
    "o3",
    "2019-06-15",
    "Paris : un cycliste filme les incivilités",
    "Alphacit Newim publie ses vidéos de Paris sur les réseaux sociaux.",
  ),
];

describe("body names", () => {
  const news = createNewsIndex([LORIENT_1, LORIENT_2, PARIS_DRIVER, ...OTHERS]);
  const names = (id: string) => bodyNames(news, news.find(id) as number);

  it("reads the rare names of title and body, word by word", () => {
    const lorient = names("24140");
    for (const t of news.analyzer.terms("Lorient Lanester Morbihan Bunyamin"))
      expect(lorient.has(t)).toBe(true);
    // a word that starts a sentence only is no name
    expect(lorient.has(news.analyzer.term("traque") as string)).toBe(false);
    expect(nameMass(lorient)).toBeGreaterThan(0);
  });

  it("two reports of one event agree on their bodies' names; two drivers in two towns do not", () => {
    const same = nameAgreement(names("24120"), names("24140"));
    const other = nameAgreement(names("24140"), names("24154"));
    expect(same).toBeGreaterThan(0.5);
    expect(other).toBe(0);
  });

  it("has no evidence when a body names nothing rare, or less than the mass asked", () => {
    const empty = new Map<string, number>();
    expect(nameAgreement(names("24120"), empty)).toBeUndefined();
    expect(nameAgreement(names("24120"), names("24140"), 1e6)).toBeUndefined();
  });
});

describe("same-day words", () => {
  // a theme's word shared on several days (`voiture`: car pages every day), an event's on one
  const docs = [
    { date: "2020-01-14", terms: ["maserati", "voiture", "royal"] },
    { date: "2020-01-14", terms: ["bentley", "voiture", "mulsann"] },
    { date: "2019-02-19", terms: ["mclaren", "voiture", "suv"] },
    { date: "2019-02-19", terms: ["audi", "voiture", "streif"] },
    { date: "2019-06-18", terms: ["lorient", "chauffard", "voiture"] },
    { date: "2019-06-18", terms: ["lorient", "chauffard", "interpel"] },
    { date: "2019-06-19", terms: ["chauffard", "pari"] },
  ];
  const shares = countSameDayShares(docs);

  it("counts the days on which two articles share a word", () => {
    expect(shares.days).toBe(4);
    // 2020-01-14 and 2019-02-19 (on 2019-06-18 only one article holds it)
    expect(shares.daysShared("voiture")).toBe(2);
    expect(shares.daysShared("lorient")).toBe(1);
    // once on a day is no share
    expect(shares.daysShared("pari")).toBe(0);
    expect(shares.daysShared("maserati")).toBe(0);
  });

  it("weighs a theme's word below an event's, and every word in full without a scale", () => {
    expect(eventWeight(shares, "voiture", 1)).toBeCloseTo(1 / 3);
    expect(eventWeight(shares, "lorient", 1)).toBeCloseTo(0.5);
    expect(eventWeight(shares, "voiture", 0)).toBe(1);
  });

  it("counts an index's articles by their title and opening, and where words meet", () => {
    const news = createNewsIndex([LORIENT_1, LORIENT_2, PARIS_DRIVER, ...OTHERS]);
    const s = sameDaySharesOf(news);
    const lorient = news.analyzer.term("Lorient") as string;
    const chauffard = news.analyzer.term("chauffard") as string;
    // 2019-06-18 holds both Lorient reports (and the Paris driver: `chauffard` only in its body)
    expect(s.daysShared(lorient)).toBe(1);
    const postings = termPostingsOf(news);
    expect(postings.docsOf(lorient).length).toBe(4);
    // Lorient and chauffard together: 2019-06-10, 2019-06-12 (title and lead) and 2019-06-18
    expect(daysTogether(postings, [lorient, chauffard])).toBe(3);
    expect(daysTogether(postings, [lorient, news.analyzer.term("aveugle") as string])).toBe(0);
    expect(daysTogether(postings, [])).toBe(0);
  });
});

/** Two car makers' items of 2020-01-14 (two events of one theme) and 2016-12-14's Aleppo and UN reports (one story). */
const MASERATI = art(
  "2503",
  "2020-01-14",
  "Maserati : nouvelle série spéciale « Royale » : actualité automobile, infos, scoop",
  "Le constructeur au trident propose depuis peu une série spéciale « Royale » développée autour de ses modèles Quattroporte, Levante et Ghibli à motorisation V6. Cette série spéciale et limitée est inspirée de la finition « Royale » dont fit l'objet la Quattroporte de troisième génération en 1986.",
);
const BENTLEY = art(
  "2504",
  "2020-01-14",
  "Bentley Mulsanne 6.75 Edition by Mulliner : actualité automobile, infos, scoop",
  "Alors que le modèle Flying Spur s'apprête à prendre sa place en tant que porte drapeau de la marque, la Bentley Mulsanne fait l'objet d'une dernière édition spéciale baptisée « Mulsanne 6.75 Edition by Mulliner ». Cette dernière édition spéciale de la Mulsanne doit son nom à la motorisation 6.75 litres du constructeur britannique.",
);
const ALEP = art(
  "18593",
  "2016-12-14",
  "Syrie : les bombardements reprennent à Alep, l'évacuation des civils suspendue",
  "L'armée de Bachar al-Assad a réitéré les bombardements sur Alep, ce mercredi 14 décembre. L'opération d'évacuation de la population n'a pas pu être menée à bien. Les combats ont repris après un court répit entre régime et insurgés à Alep, la deuxième ville de Syrie.",
);
const ONU = art(
  "18595",
  "2016-12-14",
  "Syrie : réunion sous haute tension à l'ONU",
  "Une réunion du Conseil de sécurité de l'ONU s'est tenue mercredi soir. Des échanges musclés ont eu lieu entre la Russie et les Etats-Unis. L'ambassadrice américaine a dénoncé le régime de Bachar al-Assad, la Russie et l'Iran.",
);
/** Earlier items naming the same makers, models and places (a name must be in two articles to count). */
const EARLIER = [
  art(
    "e1",
    "2019-11-02",
    "Maserati : la Quattroporte Royale revient",
    "Une série « Royale » pour la Quattroporte.",
  ),
  art(
    "e2",
    "2019-11-05",
    "Bentley Mulsanne : la fin approche",
    "La Bentley Mulsanne laisse la place à la Flying Spur de Mulliner.",
  ),
  art(
    "e3",
    "2016-12-10",
    "Syrie : Alep presque reprise",
    "Les forces de Bachar al-Assad avancent dans Alep.",
  ),
  art(
    "e4",
    "2016-12-11",
    "Syrie : l'ONU s'inquiète",
    "Le Conseil de sécurité de l'ONU se réunit sur la Syrie et la Russie.",
  ),
];
/** In this small index a name in more than 8 articles would be common. */
const FEATURES = { leadSentences: 3, commonEntityDocs: 8 };

describe("apart title actors with the bodies as a second witness", () => {
  const news = createNewsIndex([MASERATI, BENTLEY, ALEP, ONU, ...EARLIER]);
  const feats = (id: string) => articleFeatures(news, news.find(id) as number, FEATURES);
  const kinds = actorKindsOf(news);
  const namesOf = (doc: number) => bodyNames(news, doc);

  it("refuses two car makers whose bodies share no name, not Aleppo and the UN whose bodies name Assad", () => {
    expect(actorsApart(feats("2503"), feats("2504"))).toBe(true);
    expect(actorsApart(feats("18593"), feats("18595"))).toBe(true);
    const items = ["2503", "2504", "18593", "18595"].map(feats);
    // the titles alone (any kind): both pairs apart
    const titles = apartTest(items, "any", kinds.kindOf);
    expect(titles(0, 1)).toBe(true);
    expect(titles(2, 3)).toBe(true);
    // with the bodies: the cars' bodies name nothing in common, Aleppo's and the UN's name Assad
    const doc = (id: string) => news.find(id) as number;
    expect(nameAgreement(namesOf(doc("2503")), namesOf(doc("2504")))).toBe(0);
    expect(nameAgreement(namesOf(doc("18593")), namesOf(doc("18595")))).toBeGreaterThan(0.05);
    const witnessed = apartTest(items, "any", kinds.kindOf, { ceiling: 0.05, namesOf });
    expect(witnessed(0, 1)).toBe(true);
    expect(witnessed(2, 3)).toBe(false);
  });

  it("keeps the cars apart and the Aleppo story whole in the digest, the single pass and the tracker", () => {
    const docs = ["2503", "2504", "18593", "18595"].map((id) => news.find(id) as number);
    const { refuseApart: _d, apartBodyAgreement: _db, ...digest } = LEARNED_PARAMS;
    const low = { ...digest, features: FEATURES, threshold: 0.02 };
    const refusing = { refuseApart: "any" as const, apartBodyAgreement: 0.05 };
    const sorted = (groups: number[][]) => groups.map((g) => g.length).sort();
    // without the refusal, a threshold this low joins each pair on its shared words
    expect(sorted(clusterDocs(news, docs, { params: low, method: "average" }))).toEqual([2, 2]);
    // the titles alone (round 19's refusal, any kind) part Aleppo from the UN meeting too
    expect(
      sorted(clusterDocs(news, docs, { params: { ...low, refuseApart: "any" }, method: "average" })),
    ).toEqual([1, 1, 1, 1]);
    expect(sorted(clusterDocs(news, docs, { params: { ...low, ...refusing }, method: "average" }))).toEqual([
      1, 1, 2,
    ]);
    const { refuseApart: _l, apartBodyAgreement: _lb, ...liveParams } = LEARNED_LIVE_PARAMS;
    const live = { ...liveParams, features: FEATURES, threshold: 0.02, ...refusing };
    expect(sorted(clusterDocs(news, docs, { params: live, method: "single-pass" }))).toEqual([1, 1, 2]);
    const tracker = createStoryTracker(news, { params: live });
    for (const d of docs) tracker.add(d);
    expect(sorted(tracker.stories())).toEqual([1, 1, 2]);
  });

  it("asks for the bodies' names only with a refusal, and says so when they are missing", () => {
    // the learned parameters' own refusal left out (since round 22 the digest refuses)
    const { refuseApart: _refusal, ...learned } = LEARNED_PARAMS;
    const base = { ...learned, apartBodyAgreement: 0.05 };
    expect(bodyWitness(base, undefined)).toBeUndefined();
    expect(() => bodyWitness({ ...base, refuseApart: "any" }, undefined)).toThrow(/bodyNamesOf/);
    expect(bodyWitness({ ...base, refuseApart: "any" }, namesOf)?.ceiling).toBe(0.05);
  });
});

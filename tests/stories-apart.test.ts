// The actor kinds learned from an archive's own wording (actor-kind.ts) and the refusal of lone
// pairs whose title actors are apart (apart.ts, cluster.ts, tracker.ts). Titles, leads and
// sentences are the archive's own (data/orangesum, 2016-12-14, 2018-03-22, 2020-02-23 and others).
import { describe, expect, it } from "vitest";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { runsWithCue } from "../src/core/stories/actor-kind.ts";
import {
  actorKindsOf,
  actorsApart,
  apartTest,
  articleFeatures,
  averageLinkage,
  clusterDocs,
  createStoryTracker,
  LEARNED_LIVE_PARAMS,
  LEARNED_PARAMS,
  learnActorKinds,
  singlePass,
} from "../src/core/stories/index.ts";
import { newsArticle as art } from "./fakes/articles.ts";

/** Sentences of the archive's leads naming the actors below (each its own article in the index). */
const SENTENCES = [
  "L'annonce de l'arrivée sur BFMTV de l'ancienne conseillère de Jean-Luc Mélenchon, Sophia Chikirou, a suscité de vives réactions.",
  "Le fondateur du site d'information en ligne s'en est pris à Manuel Valls et Jean-Luc Mélenchon et a défendu la presse.",
  "Jean-Luc Mélenchon était l'un des invités de l'émission du jour, et le ton est rapidement monté entre le député européen et Patrick Cohen.",
  "Quand le chroniqueur a évoqué les violences qui émaillent les manifestations contre la loi Travail, Jean-Luc Mélenchon n'a pas apprécié et ne s'est pas privé pour le dire.",
  "Le corps d'une femme de 55 ans a été retrouvé dans un état de momification, dans son logement à Nantes, selon une information du quotidien Ouest France.",
  "Les enquêteurs progressent concernant le meurtre de Romain Barré, cet agent immobilier de 38 ans, jeté dans la Loire à Nantes fin septembre.",
  "Cela représente plus de 1% de l'humanité selon l'ONU, un record.",
  "La pandémie de Covid-19 risque de conduire pour la première fois en vingt ans à une hausse globale du travail des enfants, a averti l'ONU vendredi.",
  "La maire PS Anne Hidalgo part ultra-favorite dimanche pour le deuxième tour des municipales face à l'outsider Rachida Dati (LR) et la marcheuse Agnès Buzyn, à la peine dans les sondages.",
  "La mémoire de l'ancienne ministre et icône politique Simone Veil flotte entre la candidate LR à Paris Rachida Dati et sa rivale LREM Agnès Buzyn, qui surveillent jalousement son héritage.",
  "Sur le plateau de l'émission Clique sur Canal +, Rachida Dati a été très émue au moment d'évoquer la gestion de l'affaire Zyed et Bouna.",
  "Après Agnès Buzyn et Didier Raoult, c'était au tour de Roselyne Bachelot de répondre aux questions des députés sur la crise du coronavirus.",
  "Les combats ont repris après un court répit entre régime et insurgés à Alep, la deuxième ville de Syrie.",
];

/** Sentences naming Paris: in the archive it is in thousands of articles, too common to be an actor. */
const PARIS = [
  "François et Penelope Fillon ont été reconnus coupables lundi à Paris dans l'affaire des soupçons d'emplois fictifs.",
  "Le parquet de Paris demande leur renvoi en correctionnelle.",
  "Les faits se sont produits dans la nuit de samedi à dimanche à Paris.",
  "Les socialistes pourraient-il perdre Paris après 19 ans de règne?",
  "Le chanteur, décédé le 16 avril dernier, a été inhumé dans l'intimité au cimetière du Montparnasse à Paris.",
  "La célèbre chanteuse affirme avoir contracté le virus au mois de mars, alors qu'elle se produisait à Paris.",
  "Les faits se sont produits vendredi 26 juin dans le XVe arrondissement de Paris en milieu de soirée.",
  "Paris, Rennes, Nantes, Dijon, Rouen, Villeurbanne...",
];
/** In this small index a name in more than 8 articles is common (Paris here, as in the archive). */
const FEATURES = { leadSentences: 3, commonEntityDocs: 8 };

/** Four titles and leads of 2016-12-14, 2018-03-22 and 2020-02-23. */
const DATI = art(
  "dati",
  "2020-02-23",
  'Municipales à Paris : Rachida Dati axe son programme sur "la propreté et la tranquillité"',
  "La candidate LR, qui a connu une remontée spectaculaire dans les derniers sondages, a dévoilé plusieurs points de son programme, où la sécurité et la propreté sont en bonne place.",
);
const BUZYN = art(
  "buzyn",
  "2020-02-23",
  "Municipales à Paris : ce que propose Agnès Buzyn",
  "Interrogée par le Journal de dimanche, Agnès Buzyn, candidate LREM aux municipales à Paris, a dévoilé les principaux éléments de son programme. La propreté et la sécurité en sont deux axes majeurs.",
);
const ALEP = art(
  "alep",
  "2016-12-14",
  "Syrie : les bombardements reprennent à Alep, l'évacuation des civils suspendue",
  "L'armée de Bachar al-Assad a réitéré les bombardements sur Alep, ce mercredi 14 décembre. L'opération d'évacuation de la population n'a pas pu être menée à bien.",
);
const ONU = art(
  "onu",
  "2016-12-14",
  "Syrie : réunion sous haute tension à l'ONU",
  "Les membres du Conseil de sécurité se sont réunis en urgence sur la Syrie, alors que les bombardements ont repris sur la ville.",
);

const KIND_OPTIONS = { minEvidence: 1, firstNameMin: 2 };

describe("actor kinds", () => {
  it("reads the cue before each name: a place after à, an organisation after an article", () => {
    const runs = runsWithCue(
      "Les combats ont repris après un court répit entre régime et insurgés à Alep, la deuxième ville de Syrie. Cela représente plus de 1% de l'humanité selon l'ONU.",
    );
    expect(runs).toContainEqual({ words: ["Alep"], before: "à" });
    expect(runs).toContainEqual({ words: ["Syrie"], before: "de" });
    expect(runs).toContainEqual({ words: ["ONU"], before: "l'" });
    // a lone word opening a sentence is capitalised for that alone
    expect(runs.some((r) => r.words[0] === "Les" || r.words[0] === "Cela")).toBe(false);
  });

  it("parts paragraphs the archive glued without a space, and keeps several-word names whole", () => {
    const runs = runsWithCue(
      "la deuxième ville.Le style Karine Le Marchand n'a pas fini de diviser, selon M. Sarkozy.",
    );
    expect(runs).toContainEqual({ words: ["Karine", "Le", "Marchand"], before: "style" });
    expect(runs).toContainEqual({ words: ["Sarkozy"], before: "m." });
    expect(runs.some((r) => r.words[0] === "Le" && r.words.length === 1)).toBe(false);
  });

  it("learns people from first names, places from à, organisations from articles", () => {
    const kinds = learnActorKinds(SENTENCES, KIND_OPTIONS);
    expect(kinds.kindOf("Mélenchon")).toBe("person");
    expect(kinds.kindOf("Jean-Luc Mélenchon")).toBe("person");
    expect(kinds.kindOf("Rachida Dati")).toBe("person");
    expect(kinds.kindOf("Agnès Buzyn")).toBe("person");
    expect(kinds.kindOf("Nantes")).toBe("place");
    expect(kinds.kindOf("Alep")).toBe("place");
    expect(kinds.kindOf("ONU")).toBe("organisation");
    // a name the archive never cues is unknown, and too few cues are too
    expect(kinds.kindOf("Chikirou")).toBe("unknown");
    expect(learnActorKinds(SENTENCES).kindOf("Alep")).toBe("unknown");
  });

  it("does not learn a word written after à or an article as a first name", () => {
    const kinds = learnActorKinds(
      [
        ...SENTENCES,
        "Il vit à New York.",
        "Elle est partie à New York.",
        "Le voyage à New York a coûté cher.",
      ],
      KIND_OPTIONS,
    );
    expect(kinds.kindOf("New York")).toBe("place");
  });
});

describe("apart title actors", () => {
  const news = createNewsIndex([
    ...[...SENTENCES, ...PARIS].map((s, i) => art(`s${i}`, "2020-01-10", `Brève ${i}`, s)),
    DATI,
    BUZYN,
    ALEP,
    ONU,
  ]);
  const feats = (id: string) => articleFeatures(news, news.find(id) as number, FEATURES);
  const kinds = learnActorKinds(
    news.articles.flatMap((a) => [a.title, a.body]),
    KIND_OPTIONS,
  );

  it("takes the title's first rare name as its actor", () => {
    expect(feats("dati").titleActor?.name).toBe("Rachida Dati");
    expect(feats("buzyn").titleActor?.name).toBe("Agnès Buzyn");
    expect(feats("alep").titleActor?.name).toBe("Alep");
    expect(feats("onu").titleActor?.name).toBe("ONU");
  });

  it("holds apart two actors that do not name each other, people only in the people mode", () => {
    expect(actorsApart(feats("dati"), feats("buzyn"))).toBe(true);
    expect(actorsApart(feats("alep"), feats("onu"))).toBe(true);
    const items = ["dati", "buzyn", "alep", "onu"].map(feats);
    const people = apartTest(items, "people", kinds.kindOf);
    expect(people(0, 1)).toBe(true);
    // Aleppo is where the bombs fall, the UN where the meeting is: not two opposing people
    expect(people(2, 3)).toBe(false);
    expect(apartTest(items, "not-places", kinds.kindOf)(2, 3)).toBe(false);
    // the same actor is never apart from itself
    expect(actorsApart(feats("dati"), feats("dati"))).toBe(false);
  });

  it("is not apart when one article names the other's actor", () => {
    const both = art(
      "both",
      "2020-02-23",
      "Municipales : Agnès Buzyn attaque Rachida Dati",
      SENTENCES[9] as string,
    );
    const n2 = createNewsIndex([...news.articles, both]);
    const f = (id: string) => articleFeatures(n2, n2.find(id) as number, FEATURES);
    expect(f("both").titleActor?.name).toBe("Agnès Buzyn");
    expect(actorsApart(f("both"), f("dati"))).toBe(false);
  });

  it("keeps the two programmes apart in the digest and live, and merges them without the refusal", () => {
    const docs = ["dati", "buzyn"].map((id) => news.find(id) as number);
    // a threshold low enough that their shared words (municipales, Paris, programme) join them
    // the learned parameters without the refusal or its bodies' witness (whatever they hold), then
    // with the titles' refusal alone
    const { refuseApart: _digest, apartBodyAgreement: _digestBody, ...digest } = LEARNED_PARAMS;
    const low = { ...digest, features: FEATURES, threshold: 0.02 };
    expect(clusterDocs(news, docs, { params: low, method: "average" })).toHaveLength(1);
    expect(
      clusterDocs(news, docs, { params: { ...low, refuseApart: "not-places" }, method: "average" }),
    ).toHaveLength(2);
    const { refuseApart: _live, apartBodyAgreement: _liveBody, ...liveParams } = LEARNED_LIVE_PARAMS;
    const live = { ...liveParams, features: FEATURES, threshold: 0.02 };
    expect(clusterDocs(news, docs, { params: live, method: "single-pass" })).toHaveLength(1);
    expect(
      clusterDocs(news, docs, { params: { ...live, refuseApart: "not-places" }, method: "single-pass" }),
    ).toHaveLength(2);
    const tracker = createStoryTracker(news, { params: { ...live, refuseApart: "not-places" } });
    for (const d of docs) tracker.add(d);
    expect(tracker.stories()).toHaveLength(2);
    // without the refusal the tracker joins them, as the single pass does
    const plain = createStoryTracker(news, { params: live });
    for (const d of docs) plain.add(d);
    expect(plain.stories()).toHaveLength(1);
    // the index's own kinds (counted over all its articles, at least 3 cues a name): too few here
    // to call Dati a person, and the not-places mode counts a name of unknown kind
    expect(actorKindsOf(news).kindOf("Rachida Dati")).toBe("unknown");
  });
});

describe("refusal in the clusterings", () => {
  // 0 and 1 apart actors (0.5), 2 close to 0 (0.4) and to 1 (0.3), 3 alone
  const sims = [
    [1, 0.5, 0.4, 0],
    [0.5, 1, 0.3, 0],
    [0.4, 0.3, 1, 0],
    [0, 0, 0, 1],
  ];
  const sim = Float32Array.from(sims.flat());
  const apart = (a: number, b: number) => (a === 0 && b === 1) || (a === 1 && b === 0);

  it("average linkage: the refused pair is closed, not merged elsewhere", () => {
    expect(averageLinkage(4, sim, 0.2)).toEqual([[0, 1, 2], [3]]);
    // without closing, 0 would join 2 next (0.4): refused, both stay alone
    expect(averageLinkage(4, sim, 0.2, undefined, apart)).toEqual([[0], [1], [2], [3]]);
  });

  it("average linkage: a run to the end cut at a threshold is the run at that threshold", () => {
    const merges: [number, number, number][] = [];
    averageLinkage(4, sim, Number.NEGATIVE_INFINITY, (a, b, at) => merges.push([a, b, at]), apart);
    expect(merges.every((m, i) => i === 0 || (m[2] as number) <= (merges[i - 1]?.[2] as number))).toBe(true);
    // the refused pair is not among the merges
    expect(merges.some(([a, b]) => apart(a, b))).toBe(false);
  });

  it("only a lone pair is refused: a story of two or more takes an apart article", () => {
    // 0 and 2 first (0.6), then 1 joins them (mean 0.45) though apart from 0
    const s2 = Float32Array.from([1, 0.5, 0.6, 0, 0.5, 1, 0.4, 0, 0.6, 0.4, 1, 0, 0, 0, 0, 1]);
    expect(averageLinkage(4, s2, 0.2, undefined, apart)).toEqual([[0, 1, 2], [3]]);
  });

  it("single pass: the refused article starts a closed story, and the one it was refused too", () => {
    expect(singlePass(4, sim, 0.2, true)).toEqual([[0, 1, 2], [3]]);
    expect(singlePass(4, sim, 0.2, true, apart)).toEqual([[0], [1], [2], [3]]);
  });
});

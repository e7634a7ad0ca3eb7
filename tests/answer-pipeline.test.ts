// The answer pipeline's steps one by one, on small synthetic articles: reading the question,
// retrieving as of a day, deciding, the scorer's model, and the trainer's logistic fit.
import { describe, expect, it } from "vitest";
import { fitLogistic, predict } from "../bench/lib/logistic.ts";
import { findNumbers, isAge } from "../src/core/answer/answer-kinds.ts";
import { createAnswerer } from "../src/core/answer/answerer.ts";
import {
  fitAsGood,
  latestFigure,
  namedAsGood,
  newestAsGood,
  preciseAsGood,
  type ScoredSentence,
} from "../src/core/answer/decide.ts";
import { FEATURE_INDEX, FEATURES, type FeatureName, TITLE_INDEX } from "../src/core/answer/features.ts";
import { readQuestion } from "../src/core/answer/read-question.ts";
import { kindSpans } from "../src/core/answer/refined-features.ts";
import { retrieveCandidates } from "../src/core/answer/retrieve.ts";
import { createScorer, type ScorerModel } from "../src/core/answer/scorer.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as article } from "./fakes/articles.ts";

const toll = [
  article(
    "t1",
    "2020-03-20",
    "Épidémie : le bilan s'alourdit",
    "Le bilan de l'épidémie atteint 450 morts en France.",
  ),
  article(
    "t2",
    "2020-04-20",
    "Épidémie : nouveau bilan",
    "Le bilan de l'épidémie atteint 19.000 morts en France.",
  ),
  article(
    "t3",
    "2020-05-20",
    "Épidémie : le bilan ralentit",
    "Le bilan de l'épidémie atteint 28.000 morts en France.",
  ),
];

describe("read-question", () => {
  const news = createNewsIndex(toll);
  it("reads the kind, the names and the time frame against the day asked", () => {
    const q = readQuestion(news, "Combien de morts en France en avril 2020 ?", "2020-06-01");
    expect(q.kind).toBe("number");
    expect(q.isName.some(Boolean)).toBe(true);
    expect(q.frame?.from).toBe("2020-04-01");
    expect(q.frame?.to).toBe("2020-04-30");
  });
  it("reads a toll question as counting the dead", () => {
    const q = readQuestion(news, "Quel est le dernier bilan de l'épidémie en France ?", "2020-06-01");
    expect(q.kind).toBe("number");
    expect(q.counted).toContain(news.analyzer.term("morts", "fr"));
    expect(readQuestion(news, "Combien de touristes en France ?").counted).not.toContain(
      news.analyzer.term("morts", "fr"),
    );
  });
  it("reads the units a quantity the question names is written in (an age in years)", () => {
    const q = readQuestion(news, "À quel âge est mort le chanteur ?");
    expect(q.kind).toBe("number");
    expect(q.counted).toContain(news.analyzer.term("ans", "fr"));
    expect(readQuestion(news, "Combien de touristes en France ?").counted).not.toContain(
      news.analyzer.term("ans", "fr"),
    );
  });
  it("reads an age asked only from a number of years, months, weeks or days", () => {
    const q = readQuestion(news, "Le patron du bar-tabac, il a quel âge ?");
    expect(q.asksAge).toBe(true);
    const spans = (text: string) => kindSpans(q, text).map((s) => s.text);
    expect(spans("Le patron d'un bar-tabac met en fuite deux braqueurs grâce à une arme factice")).toEqual(
      [],
    );
    expect(spans("Le patron du bar-tabac, âgé de 74 ans, a fait fuir deux braqueurs.")).toEqual(["74"]);
    expect(spans("Un restaurant sert du détergent à une fillette de 22 mois.")).toEqual(["22"]);
    expect(spans("Un bébé de 3 semaines a été retrouvé sain et sauf.")).toEqual(["3"]);
    expect(spans("Le poulain, âgé de 10 jours, a été volé.")).toEqual(["10"]);
    expect(spans("A 26-year-old man drowned on Wednesday.")).toEqual(["26"]);
    expect(spans("The owner, John Smith, 74, chased the robbers away.")).toEqual(["74"]);
    expect(spans("The owner, aged 74, chased two robbers away.")).toEqual(["74"]);
    // a number of something else stays a figure for any other how-many question
    const howMany = readQuestion(news, "Combien de braqueurs ?");
    expect(kindSpans(howMany, "Il met en fuite deux braqueurs.").map((s) => s.text)).toEqual(["deux"]);
  });
  it("flags a name the corpus never mentions", () => {
    expect(readQuestion(news, "Combien de morts à Zanzibar ?").unknownName).toBe(true);
    expect(readQuestion(news, "Combien de morts en France ?").unknownName).toBe(false);
  });
});

describe("retrieve", () => {
  const news = createNewsIndex(toll);
  it("leaves out articles dated after the day the question is asked", () => {
    const q = readQuestion(news, "Quel est le bilan de l'épidémie ?", "2020-04-30");
    const ids = retrieveCandidates(news, q, 10).map((c) => news.articles[c.doc]?.id);
    expect(ids.sort()).toEqual(["t1", "t2"]);
  });
});

describe("answerer as of a day", () => {
  const ranker = createAnswerer(createNewsIndex(toll), { minConfidence: 0 });
  it("answers a changing figure from the latest article the question can see", () => {
    const a = ranker.answer("Combien de morts a fait l'épidémie en France ?", { now: "2020-04-30" });
    expect(a.citations[0]?.id).toBe("t2");
    expect(a.citations[0]?.date).toBe("2020-04-20");
  });
  it("abstains on a frame after the archive's last day", () => {
    const a = ranker.answer("Combien de morts en France en décembre 2021 ?", { now: "2022-01-10" });
    expect(a.found).toBe(false);
  });
});

describe("candidate features", () => {
  const news = createNewsIndex([
    article(
      "h1",
      "2021-04-02",
      "Hommage au peintre Paul Dupuis",
      "Le sculpteur Arnaud Lemoine a rendu hommage au peintre Paul Dupuis, son professeur aux Beaux-Arts de Lyon pendant de longues années, mort le 28 mars.",
    ),
    article("h2", "2021-03-25", "Disparition", "Le sculpteur Arnaud Lemoine est mort le 24 mars."),
  ]);
  it("weighs the question words standing beside the date a sentence gives (besideAnswer)", () => {
    const answerer = createAnswerer(news, { minConfidence: 0 });
    const { scored } = answerer.candidates("Quand est mort le sculpteur Arnaud Lemoine ?");
    const beside = (id: string) =>
      scored.find((s) => news.articles[s.doc]?.id === id)?.features[FEATURE_INDEX.besideAnswer] ?? -1;
    expect(beside("h2")).toBeGreaterThan(beside("h1"));
    expect(beside("h1")).toBeGreaterThanOrEqual(0);
  });
});

describe("who a question names, and what happened", () => {
  /** Whether the question's group holding `word` (as a French index term) is read as who. */
  const isWhoIn = (news: ReturnType<typeof createNewsIndex>, question: string, word: string) => {
    const q = readQuestion(news, question);
    return q.isWho[q.groups.findIndex((g) => g.includes(news.analyzer.term(word, "fr") ?? ""))];
  };
  const visit = article(
    "v1",
    "2021-05-02",
    "Visite à Lyon",
    "La Première ministre Claire Dubois se rendra à Lyon le 12 juin pour inaugurer le nouveau pont.",
  );
  const elected = article(
    "v2",
    "2021-03-05",
    "Élection",
    "Claire Dubois a été élue Première ministre le 4 mars par le Parlement.",
  );
  it("reads office words and titles after an article as who, a verb before a name as what happened", () => {
    const news = createNewsIndex([visit]);
    const q = readQuestion(news, "Quand Claire Dubois a-t-elle été élue Première ministre ?");
    const who = (word: string) =>
      q.isWho[q.groups.findIndex((g) => g.includes(news.analyzer.term(word, "fr") ?? ""))];
    expect(who("ministre")).toBe(true);
    expect(who("élue")).toBe(false);
    const r = readQuestion(news, "Qui a reçu le ministre japonais Hayashi ?");
    expect(r.isWho[r.groups.findIndex((g) => g.includes(news.analyzer.term("japonais", "fr") ?? ""))]).toBe(
      true,
    );
    // the parts of a joined office word (`porte-parole`) are no offices: `port`, `parole`
    const p = readQuestion(news, "Quand Claire Dubois a-t-elle pris la parole dans le port de Brest ?");
    const pWho = (word: string) =>
      p.isWho[p.groups.findIndex((g) => g.includes(news.analyzer.term(word, "fr") ?? ""))];
    expect(pWho("port")).toBe(false);
    expect(pWho("parole")).toBe(false);
    expect(pWho("Brest")).toBe(true);
  });
  it("reads a question typed with decomposed accents as the composed one", () => {
    const news = createNewsIndex([visit]);
    const q = "Où Claire Dubois a-t-elle été élue Première ministre en février 2021 ?";
    const composed = readQuestion(news, q, "2021-05-01");
    const decomposed = readQuestion(news, q.normalize("NFD"), "2021-05-01");
    expect(decomposed.kind).toBe("place");
    expect(decomposed.frame).toEqual(composed.frame);
    expect(decomposed.groups).toEqual(composed.groups);
    expect(decomposed.isWho).toEqual(composed.isWho);
  });
  it("reads offices as whole words of the question's language, not stems other words share", () => {
    const news = createNewsIndex([visit]);
    const whoOf = (question: string, word: string) => isWhoIn(news, question, word);
    // `reine` stems to `rein`, English `prime` in French to `prim`: neither makes these offices
    expect(whoOf("Quand Claire Dubois a-t-elle souffert des reins ?", "reins")).toBe(false);
    expect(whoOf("Quelle prime a reçu Claire Dubois ?", "prime")).toBe(false);
    // `premier` is an office only in `Premier ministre`
    expect(whoOf("Quand Claire Dubois a-t-elle visité le premier pont de Lyon ?", "premier")).toBe(false);
    expect(whoOf("Quand Claire Dubois a-t-elle été élue Première ministre ?", "première")).toBe(true);
    expect(whoOf("Quand la reine Claire est-elle venue à Lyon ?", "reine")).toBe(true);
    expect(whoOf("When was Claire Dubois elected Prime Minister?", "ministre")).toBe(true);
  });
  it("reads a hyphenated office by its joined form, and no office in the head of another noun", () => {
    const news = createNewsIndex([
      article(
        "o1",
        "2021-02-10",
        "Visite",
        "La porte-parole Claire Dubois a visité le chef-lieu et vu un chef-d'œuvre avec le vice-ministre.",
      ),
    ]);
    const whoOf = (question: string, word: string) => isWhoIn(news, question, word);
    expect(whoOf("Quand la porte-parole du gouvernement a-t-elle démissionné ?", "porteparole")).toBe(true);
    expect(whoOf("Quel chef-lieu de département a été inondé ?", "chef")).toBe(false);
    expect(whoOf("Quand le chef-d'œuvre de Claire Dubois a-t-il été peint ?", "chef")).toBe(false);
    expect(whoOf("Où Claire Dubois a-t-elle reçu le vice-ministre ?", "ministre")).toBe(true);
    // a two-word office written joined still pairs
    const q = readQuestion(news, "When was the secretary-general of the UN elected?");
    expect(q.isWho[q.groups.findIndex((g) => g.includes(news.analyzer.term("general", "en") ?? ""))]).toBe(
      true,
    );
  });
  it("does not answer a when-question from a sentence that only names the person and their office", () => {
    const q = "Quand Claire Dubois a-t-elle été élue Première ministre ?";
    expect(createAnswerer(createNewsIndex([visit]), { minConfidence: 0 }).answer(q).found).toBe(false);
    const a = createAnswerer(createNewsIndex([visit, elected]), { minConfidence: 0 }).answer(q);
    expect(a.found).toBe(true);
    expect(a.answer).toContain("4 mars");
  });
});

describe("decide: newest among equally good answers", () => {
  const news = createNewsIndex(toll);
  // t1 (oldest) … t3 (newest); the features that matter are set by hand
  const sentence = (doc: number, score: number, keys: string[], coverage: number, inFrame = 0) => {
    const features = new Float64Array(FEATURES.length);
    features[FEATURE_INDEX.kindFound] = keys.length > 0 ? 1 : 0;
    features[FEATURE_INDEX.coverage] = coverage;
    features[FEATURE_INDEX.inFrame] = inFrame;
    const text = news.sentencesOf(doc)[0];
    return { doc, index: 0, sentence: text, features, prescore: 0, keys, score } as ScoredSentence;
  };
  const date = (s: ScoredSentence) => news.articles[s.doc]?.date;
  it("quotes the newest article giving the top's answer as fully, however far below it scores", () => {
    const top = sentence(0, 5, ["450 mort"], 0.6);
    const same = sentence(2, -3, ["450 mort"], 0.6);
    expect(date(newestAsGood(news, [top, same], top, 0.25))).toBe("2020-05-20");
  });
  it("keeps the top when the newer sentence gives another answer, covers less, or leaves the frame", () => {
    const top = sentence(0, 5, ["450 mort"], 0.6, 1);
    const other = sentence(2, -3, ["28000 mort"], 0.6, 1);
    const less = sentence(1, -3, ["450 mort"], 0.4, 1);
    const outside = sentence(2, -3, ["450 mort"], 0.6, 0);
    expect(newestAsGood(news, [top, other, less, outside], top, 0.25)).toBe(top);
  });
  it("still lets a newer sentence scoring within the margin win, whatever its answer", () => {
    const top = sentence(0, 5, ["450 mort"], 0.6);
    const close = sentence(1, 4.9, ["19000 mort"], 0.5);
    expect(newestAsGood(news, [top, close], top, 0.25)).toBe(close);
  });
  it("quotes the newest figure of the same unit for the latest figure asked, within the margin", () => {
    const first = sentence(0, 5, ["400 mort"], 0.6);
    const update = sentence(2, 2.5, ["832 mort"], 0.5);
    expect(date(latestFigure(news, [first, update], first, 4))).toBe("2020-05-20");
    // not another unit, nor a figure far below, nor with the rule off
    expect(latestFigure(news, [first, sentence(2, 2.5, ["832 bless"], 0.5)], first, 4)).toBe(first);
    expect(latestFigure(news, [first, { ...update, score: 0.5 }], first, 4)).toBe(first);
    expect(latestFigure(news, [first, update], first, 0)).toBe(first);
    // nor a newer figure outside the question's frame where the chosen one is inside it
    const framed = sentence(0, 5, ["400 mort"], 0.6, 1);
    expect(latestFigure(news, [framed, update], framed, 4)).toBe(framed);
  });
  it("quotes the precise figure a close sentence gives for the rounded one chosen", () => {
    const rounded = sentence(0, 5, ["600 kilometr"], 0.6);
    const precise = sentence(1, 4.2, ["588 kilometr"], 0.5);
    expect(preciseAsGood(news, [rounded, precise], rounded, 1)).toBe(precise);
    // not a figure far below, of another unit, far from it, or no finer; nor with the rule off
    expect(preciseAsGood(news, [rounded, { ...precise, score: 3.5 }], rounded, 1)).toBe(rounded);
    expect(preciseAsGood(news, [rounded, sentence(1, 4.2, ["588 voitur"], 0.5)], rounded, 1)).toBe(rounded);
    expect(preciseAsGood(news, [rounded, sentence(1, 4.2, ["452 kilometr"], 0.5)], rounded, 1)).toBe(rounded);
    const other = sentence(0, 5, ["22000 amend"], 0.6);
    expect(preciseAsGood(news, [other, sentence(1, 4.8, ["19000 amend"], 0.5)], other, 1)).toBe(other);
    expect(preciseAsGood(news, [rounded, precise], rounded, 0)).toBe(rounded);
    // nor a precise figure outside the question's frame (another year's) where the rounded one is inside it
    const roundedInFrame = sentence(0, 5, ["600 kilometr"], 0.6, 1);
    expect(preciseAsGood(news, [roundedInFrame, precise], roundedInFrame, 1)).toBe(roundedInFrame);
    expect(
      preciseAsGood(news, [roundedInFrame, sentence(1, 4.2, ["588 kilometr"], 0.5, 1)], roundedInFrame, 1)
        .keys,
    ).toEqual(["588 kilometr"]);
    // for the latest figure asked, not from an older article
    const newer = sentence(2, 5, ["600 kilometr"], 0.6);
    const older = sentence(1, 4.2, ["588 kilometr"], 0.5);
    expect(preciseAsGood(news, [newer, older], newer, 1)).toBe(older);
    expect(preciseAsGood(news, [newer, older], newer, 1, true)).toBe(newer);
    const share = sentence(0, 5, ["2 %"], 0.6);
    const finer = sentence(1, 4.5, ["2.2 %"], 0.5);
    expect(preciseAsGood(news, [share, finer], share, 1)).toBe(finer);
  });
  it("quotes a close sentence naming the asked particular for one telling it generically", () => {
    const marked = (s: ScoredSentence, ...names: (keyof typeof FEATURE_INDEX)[]) => {
      const features = new Float64Array(s.features);
      for (const n of names) features[FEATURE_INDEX[n]] = 1;
      return { ...s, features } as ScoredSentence;
    };
    // `une plage des Landes` chosen; `la plage du Cap de l'Homy` scores within the margin
    const generic = marked(sentence(0, 5, [], 0.9), "particularGeneric", "askedSlotEmpty");
    const named = marked(sentence(1, 4.2, [], 0.2), "particularNamed");
    expect(namedAsGood([generic, named], generic, 1)).toBe(named);
    // a slot filled in no way (no generic word either) gives way too
    const empty = marked(sentence(0, 5, [], 0.9), "askedSlotEmpty");
    expect(namedAsGood([empty, named], empty, 1)).toBe(named);
    // not a sentence far below, one naming nothing, one whose slot stays empty, nor with the rule off
    expect(namedAsGood([generic, { ...named, score: 3.5 }], generic, 1)).toBe(generic);
    expect(namedAsGood([generic, sentence(1, 4.8, [], 0.5)], generic, 1)).toBe(generic);
    expect(namedAsGood([generic, marked(named, "askedSlotEmpty")], generic, 1)).toBe(generic);
    expect(namedAsGood([generic, named], generic, 0)).toBe(generic);
    // nor when the chosen sentence names the particular already or writes no generic word for it
    const already = marked(sentence(0, 5, [], 0.9), "particularNamed");
    expect(namedAsGood([already, named], already, 1)).toBe(already);
    const plain = sentence(0, 5, [], 0.9);
    expect(namedAsGood([plain, named], plain, 1)).toBe(plain);
    // nor a sentence outside the question's frame where the chosen one is inside it
    const framed = marked(sentence(0, 5, [], 0.9, 1), "particularGeneric");
    expect(namedAsGood([framed, named], framed, 1)).toBe(framed);
    expect(
      namedAsGood(
        [framed, { ...named, features: marked(sentence(1, 4.2, [], 0.2, 1), "particularNamed").features }],
        framed,
        1,
      ).doc,
    ).toBe(1);
  });
  it("quotes the best sentence passing the guards within the margin when the chosen one fails them", () => {
    // a how-many question: the chosen sentence gives no count, one scoring within the margin does
    const q = readQuestion(news, "Combien de morts en France ?", "2020-06-01");
    const countless = sentence(0, 5, [], 0.9);
    const counted = sentence(1, 4.3, ["19000 mort"], 0.6);
    expect(fitAsGood(news, q, [countless, counted], countless, 1)).toBe(counted);
    // a chosen sentence passing them stays; none far below, none with the rule off
    expect(fitAsGood(news, q, [counted, countless], counted, 1)).toBe(counted);
    expect(fitAsGood(news, q, [countless, { ...counted, score: 3.5 }], countless, 1)).toBeUndefined();
    expect(fitAsGood(news, q, [countless, counted], countless, 0)).toBeUndefined();
    // nor one outside the question's frame where the chosen one is inside it
    const framed = sentence(0, 5, [], 0.9, 1);
    expect(fitAsGood(news, q, [framed, counted], framed, 1)).toBeUndefined();
  });
});

describe("scorer", () => {
  const model: ScorerModel = {
    features: ["coverage", "unknown-feature"],
    weights: [2, 100],
    bias: -1,
    confidence: { inputs: ["best", "margin"], weights: [1, 0.5], bias: 0 },
    threshold: 0.75,
  };
  it("maps a model's weights by feature name and ignores names it does not know", () => {
    const f = new Float64Array(FEATURES.length);
    f[FEATURE_INDEX.coverage] = 0.5;
    expect(createScorer(model).score(f)).toBeCloseTo(0);
  });
  it("takes a kind's own threshold when the model has one (rank counts as other), else the model's", () => {
    const scorer = createScorer({ ...model, thresholds: { other: 0.9 } });
    expect(scorer.thresholdFor("rank")).toBe(0.9);
    expect(scorer.thresholdFor("person")).toBe(0.75);
    expect(scorer.votes).toBe(false);
  });
  const f = new Float64Array(FEATURES.length);
  it("gives more confidence to a larger lead over the best sentence giving another answer", () => {
    const scorer = createScorer({
      ...model,
      confidence: { inputs: ["best", "margin", "rivalMargin"], weights: [1, 0.5, 1], bias: 0 },
    });
    const ranked = (...answers: [number, string][]) =>
      answers.map(([score, key], doc) => ({ score, doc, keys: [key], features: f }));
    // the runner-up agrees (same answer): the rival is the third sentence, far behind
    expect(scorer.confidence(ranked([2, "a"], [1.9, "a"], [-1, "b"]))).toBeGreaterThan(
      scorer.confidence(ranked([2, "a"], [1.9, "b"], [-1, "c"])),
    );
  });
  it("gives more confidence to a higher score and a larger lead", () => {
    const scorer = createScorer(model);
    const ranked = (...scores: number[]) => scores.map((score, doc) => ({ score, doc, features: f }));
    expect(scorer.confidence(ranked(2, 1))).toBeGreaterThan(scorer.confidence(ranked(1, 0.5)));
    expect(scorer.confidence(ranked(1, -2))).toBeGreaterThan(scorer.confidence(ranked(1, 0.9)));
    expect(scorer.confidence([])).toBe(0);
  });
});

describe("logistic fit (trainer)", () => {
  it("recovers the direction of a feature that predicts the label, deterministically", () => {
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 200; i++) {
      const x = (i % 20) / 20;
      rows.push([x, (i * 7) % 3]);
      labels.push(x + ((i * 13) % 10) / 40 > 0.6 ? 1 : 0);
    }
    const a = fitLogistic(rows, labels, { l2: 0.1 });
    const b = fitLogistic(rows, labels, { l2: 0.1 });
    expect(a).toEqual(b);
    expect(a.weights[0]).toBeGreaterThan(1);
    expect(predict(a, [0.95, 1])).toBeGreaterThan(predict(a, [0.05, 1]));
  });
});

describe("titles as candidates", () => {
  const death = article(
    "d1",
    "2016-12-27",
    "L'actrice Carla Fischer est morte à 60 ans",
    "L'actrice américaine Carla Fischer est morte mardi à Los Angeles. Elle avait été hospitalisée vendredi après un malaise dans un avion.",
  );
  it("quotes a headline that states the answer the body does not", () => {
    const a = createAnswerer(createNewsIndex([death]), { minConfidence: 0 }).answer(
      "À quel âge est morte l'actrice Carla Fischer ?",
    );
    expect(a.found).toBe(true);
    expect(a.answer).toBe("L'actrice Carla Fischer est morte à 60 ans");
  });
  it("keeps no title that only restates the question", () => {
    const news = createNewsIndex([death]);
    const answerer = createAnswerer(news, { minConfidence: 0 });
    // no asked kind to check (`other`): no title
    const other = answerer.candidates("Pourquoi l'actrice Carla Fischer est-elle morte ?").scored;
    expect(other.some((s) => s.index === TITLE_INDEX)).toBe(false);
    // a when-question: this title gives no date
    const when = answerer.candidates("Quand l'actrice Carla Fischer est-elle morte ?").scored;
    expect(when.some((s) => s.index === TITLE_INDEX)).toBe(false);
    expect(when.length).toBeGreaterThan(0);
  });
});

describe("dates a sentence states against the question's frame", () => {
  const later = article(
    "r1",
    "2018-02-23",
    "Enquête sur les attentats",
    "Les attentats de Bruxelles avaient fait 32 morts le 22 mars 2016. Une autre attaque avait fait 5 morts en juin 2017 à Bruxelles.",
  );
  it("tells a sentence dated inside the frame from one dated outside it", () => {
    const news = createNewsIndex([later]);
    const { scored } = createAnswerer(news).candidates(
      "Combien de morts dans les attentats de Bruxelles du 22 mars 2016 ?",
      { now: "2018-03-01" },
    );
    const of = (index: number) => scored.find((s) => s.index === index)?.features;
    expect(of(0)?.[FEATURE_INDEX.statesInFrame]).toBe(1);
    expect(of(0)?.[FEATURE_INDEX.statesOutOfFrame]).toBe(0);
    expect(of(1)?.[FEATURE_INDEX.statesOutOfFrame]).toBe(1);
    expect(of(1)?.[FEATURE_INDEX.statesInFrame]).toBe(0);
  });
});

describe("a year the question names against the article's", () => {
  const early = article(
    "y1",
    "2020-09-02",
    "Le concours Miss Provence 2021 aura lieu à Arles",
    "Le concours Miss Provence 2021 sera organisé à Arles en décembre. Le concours Miss Provence 2019 avait couronné Léa Martin.",
  );
  const late = article(
    "y2",
    "2021-12-20",
    "Miss Provence 2021 couronnée",
    "Le concours Miss Provence 2021 a couronné Julie Durand à Arles.",
  );
  it("marks an article written before that year: it can only anticipate what is asked", () => {
    const news = createNewsIndex([early, late]);
    const { scored } = createAnswerer(news).candidates("Qui a remporté le concours Miss Provence 2021 ?");
    const of = (id: string) =>
      scored.filter((s) => news.articles[s.doc]?.id === id).map((s) => s.features[FEATURE_INDEX.yearAhead]);
    expect(of("y1").length).toBeGreaterThan(0);
    expect(of("y1").every((x) => x === 1)).toBe(true);
    expect(of("y2").every((x) => x === 0)).toBe(true);
  });
});

/** For each question, feature `name` of each body sentence of `articles` holding a question word, in order. */
function featureBySentence(articles: Parameters<typeof createNewsIndex>[0], name: FeatureName) {
  const answerer = createAnswerer(createNewsIndex(articles), { minConfidence: 0 });
  return (question: string) =>
    answerer
      .candidates(question)
      .scored.filter((s) => s.index >= 0)
      .sort((a, b) => a.index - b.index)
      .map((s) => s.features[FEATURE_INDEX[name]]);
}

describe("a question asking for a cause", () => {
  const death = article(
    "c1",
    "2020-09-10",
    "Mort de Lise Varenne",
    "Lise Varenne est morte paisiblement jeudi à Lyon. Lise Varenne est décédée d'un cancer diagnostiqué en mars. La mort de Lise Varenne a ému Lyon.",
  );
  it("is answered by a sentence stating a cause, not by one only telling the death", () => {
    const missing = featureBySentence([death], "causeMissing");
    expect(missing("De quoi est morte Lise Varenne ?")).toEqual([1, 0, 1]);
    expect(missing("Why did Lise Varenne die?")).toEqual([1, 0, 1]);
    expect(missing("Lise Varenne est morte à cause de quoi ?")).toEqual([1, 0, 1]);
    // a question of no kind asking no cause is not checked, nor is `à cause de` in a when-question
    expect(missing("Lise Varenne est morte comment ?")).toEqual([0, 0, 0]);
    expect(missing("Quand Lise Varenne est-elle morte à cause du cancer ?")).toEqual([0, 0, 0]);
  });
});

describe("a person's age told in passing", () => {
  const trial = article(
    "g1",
    "2020-06-17",
    "Procès de Paul Verdier",
    "Le tribunal a jugé Paul Verdier, un homme de 82 ans, pour fraude. Paul Verdier a été condamné à quatre ans de prison.",
  );
  it("is no answer to a how-many question, only to one about an age", () => {
    const bySentence = featureBySentence([trial], "kindFound");
    const found = (question: string) => bySentence(question).slice(0, 1);
    expect(found("À combien d'années de prison Paul Verdier a-t-il été condamné ?")).toEqual([0]);
    expect(found("Quel âge a Paul Verdier ?")).toEqual([1]);
    expect(found("How old is Paul Verdier?")).toEqual([1]);
    expect(found("How many years in prison was Paul Verdier sentenced to?")).toEqual([0]);
  });
  it("tells an age from a duration", () => {
    const at = (text: string, figure: string) => {
      const span = findNumbers(text).find((s) => s.text.trim() === figure);
      return span ? isAge(text, span) : undefined;
    };
    expect(at("Philippe Martin, 52 ans, a été licencié.", "52")).toBe(true);
    expect(at("Il est décédé le 28 mai à 86 ans.", "86")).toBe(true);
    expect(at("Il a été condamné à 30 ans de prison.", "30")).toBe(false);
    expect(at("Il y a 20 ans, la France gagnait.", "20")).toBe(false);
    // after a death, `il y a 20 ans` says how long ago, not how old; `a` alone stays an unaccented `à`
    expect(at("Il est mort il y a 20 ans dans un accident.", "20")).toBe(false);
    expect(at("Elle est décédée il y a 3 ans à Lyon.", "3")).toBe(false);
    expect(at("Le chanteur est mort a 89 ans.", "89")).toBe(true);
    // a person named by a common noun, a demonym or a name, then `de N ans`
    expect(at("Une fillette de 3 ans est morte de la grippe.", "3")).toBe(true);
    expect(at("La jeune Lyonnaise de 28 ans a représenté la France.", "28")).toBe(true);
    expect(at("Un automobiliste de 45 ans a été contrôlé.", "45")).toBe(true);
    // plural nouns, someone who `a N ans`, and English ages
    expect(at("Deux enfants de 8 ans ont été tués samedi.", "8")).toBe(true);
    expect(at("Paul Verdier a 58 ans et vit à Lyon.", "58")).toBe(true);
    expect(at("Le suspect, qui a 52 ans, a été arrêté.", "52")).toBe(true);
    expect(at("A 52-year-old man was arrested.", "52")).toBe(true);
    expect(at("She is 61 years old.", "61")).toBe(true);
    // not what a thing `a` (lower case: no name, no qui/il/elle), nor a span of years ago; and
    // `ans de …` is a duration in every form (this one never reaches the `a N ans` branch)
    expect(at("Le club a 20 ans cette année.", "20")).toBe(false);
    expect(at("It happened 20 years ago in Lyon.", "20")).toBe(false);
    expect(at("Le festival a 20 ans de retard.", "20")).toBe(false);
    // but a span of time named by a common noun is no age
    expect(at("Une peine de 10 ans a été requise.", "10")).toBe(false);
    expect(at("Un contrat de 5 ans a été signé à Lyon.", "5")).toBe(false);
    expect(at("La Coupe de 10 ans d'existence.", "10")).toBe(false);
  });
});

describe("a figure a newer article updates", () => {
  const first = article(
    "f1",
    "2018-08-15",
    "Effondrement d'un viaduc à Lorgues",
    "L'effondrement du viaduc de Lorgues a provoqué la mort d'au moins 12 personnes, selon les secours.",
  );
  const later = article(
    "f2",
    "2019-06-10",
    "Un an après le viaduc de Lorgues",
    "L'effondrement du viaduc de Lorgues avait fait 17 morts l'an dernier.",
  );
  const other = article(
    "f3",
    "2019-09-01",
    "Incendie à Lorgues",
    "L'incendie d'un entrepôt à Lorgues a fait 3 blessés légers.",
  );
  it("marks the first report when a newer article gives another value of the same figure", () => {
    const news = createNewsIndex([first, later, other]);
    const { scored } = createAnswerer(news).candidates(
      "Combien de morts a fait l'effondrement du viaduc de Lorgues ?",
    );
    const of = (id: string) =>
      scored
        .filter((s) => news.articles[s.doc]?.id === id)
        .map((s) => s.features[FEATURE_INDEX.newerFigure] ?? 0);
    expect(of("f1").length).toBeGreaterThan(0);
    expect(Math.max(...of("f1"))).toBeGreaterThan(0);
    // the latest value is updated by nothing; a newer figure of another thing (wounded) updates nothing
    expect(of("f3").length).toBeGreaterThan(0);
    expect(of("f2").every((x) => x === 0)).toBe(true);
  });
  it("makes the committed model's gate trust such a first report less", () => {
    const scorer = createScorer();
    const top = (newer: number) => {
      const f = new Float64Array(FEATURES.length);
      f[FEATURE_INDEX.kindNumber] = 1;
      f[FEATURE_INDEX.kindFound] = 1;
      f[FEATURE_INDEX.numberFound] = 1;
      f[FEATURE_INDEX.newerFigure] = newer;
      return [{ score: 2, doc: 0, keys: ["12 personn"], features: f }];
    };
    expect(scorer.confidence(top(1))).toBeLessThan(scorer.confidence(top(0)));
  });
  it("only within the question's frame when the first report is in it", () => {
    const news = createNewsIndex([first, later]);
    const { scored } = createAnswerer(news).candidates(
      "Combien de morts a fait l'effondrement du viaduc de Lorgues en août 2018 ?",
      { now: "2019-12-01" },
    );
    const f1 = scored.filter((s) => news.articles[s.doc]?.id === "f1");
    expect(f1.length).toBeGreaterThan(0);
    expect(f1.every((s) => s.features[FEATURE_INDEX.newerFigure] === 0)).toBe(true);
  });
});

describe("a body sentence against its own headline", () => {
  const vote = article(
    "v1",
    "2020-06-27",
    "Islande : Paul Marten élu Premier ministre",
    "Le parti de Marie Dorval était arrivé en tête des législatives, mais le Parlement a élu samedi un Premier ministre issu de la coalition.",
  );
  it("marks a body sentence giving another answer than its article's title", () => {
    const news = createNewsIndex([vote]);
    const { scored } = createAnswerer(news).candidates("Qui a été élu Premier ministre en Islande ?");
    const title = scored.find((s) => s.index === TITLE_INDEX);
    const body = scored.find((s) => s.index === 0);
    expect(title?.keys).toContain("marten");
    expect(body?.keys).toContain("dorval");
    expect(body?.features[FEATURE_INDEX.titleDisagrees]).toBe(1);
    expect(title?.features[FEATURE_INDEX.titleDisagrees]).toBe(0);
  });
});

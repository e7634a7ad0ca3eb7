// The answer logic: the seed question set against the real corpus, and focused cases on small
// synthetic articles written for these tests.
import { beforeAll, describe, expect, it } from "vitest";
import { checkSeedAnswer, loadSeedQuestions } from "../bench/lib/seeds.ts";
import { type Answerer, createAnswerer } from "../src/core/answer/answerer.ts";
import type { Article } from "../src/core/corpus/article.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { sentences } from "../src/core/text/sentences.ts";

describe("seed question set (corpus/)", () => {
  let answerer: Answerer;
  const questions = loadSeedQuestions();
  beforeAll(async () => {
    const { articles } = await loadCorpus("corpus");
    answerer = createAnswerer(createNewsIndex(articles));
  });

  it("has at least 40 questions, 10 in English and 10 unanswerable", () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(questions.filter((q) => q.lang === "en").length).toBeGreaterThanOrEqual(10);
    expect(questions.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(10);
  });

  it("answers Qui est Hayashi Yoshimasa ? from article 003 with its role", () => {
    const a = answerer.answer("Qui est Hayashi Yoshimasa ?");
    expect(a.found).toBe(true);
    expect(a.citations[0]?.id.startsWith("003")).toBe(true);
    expect(a.citations[0]?.date).toBe("2026-01-15");
    expect(a.answer).toContain("ministre japonais des Affaires intérieures et de la Communication");
  });

  // The learned scorer answers only above a calibrated confidence, so it is held to "right or
  // silent": few wrong cited answers, a floor on right ones (the hand-tuned answerer it replaced
  // answered 90 % of batch 1 and 85 % of all with rules fitted to these questions; the scorer,
  // trained on them among PIAF and news questions, answers 66 % and 52 %; cross-validated by
  // batch, 44 % right and 1.9 % wrong: bench/results/scorer-cv.md).
  const outcomes = (set: typeof questions) => {
    const answerable = set.filter((q) => q.answerable);
    const results = answerable.map((q) => ({ q, a: answerer.answer(q.q) }));
    const right = results.filter(({ q, a }) => checkSeedAnswer(q, a).ok);
    const wrong = results.filter(({ q, a }) => a.found && !checkSeedAnswer(q, a).ok).map(({ q }) => q.q);
    return { n: answerable.length, right: right.length, wrong };
  };

  // in sample: the scorer is trained on these questions too (held-out figures: bench/results/scorer-cv.md)
  it("answers >= 60 % of batch 1's answerable questions rightly and <= 10 % wrongly (in sample)", () => {
    const { n, right, wrong } = outcomes(questions.filter((q) => (q.batch ?? 1) === 1));
    expect(n).toBeGreaterThanOrEqual(40);
    expect(right / n).toBeGreaterThanOrEqual(0.6);
    expect(wrong.length / n, `wrong: ${wrong.join(" | ")}`).toBeLessThanOrEqual(0.1);
  });

  // the bound on wrong cited answers is the one the threshold is chosen for (bench/train-scorer.ts)
  it("answers >= 50 % of all answerable questions, and wrongly (with a citation) <= 10 % (in sample)", () => {
    const { n, right, wrong } = outcomes(questions);
    expect(right / n).toBeGreaterThanOrEqual(0.5);
    expect(wrong.length / n, `wrong: ${wrong.join(" | ")}`).toBeLessThanOrEqual(0.1);
  });

  it("abstains on every unanswerable question but the known misses the fixture lists", () => {
    const answered = questions.filter((q) => !q.answerable && answerer.answer(q.q).found).map((q) => q.q);
    // strict: a known miss that starts abstaining fails this too, so its marker is removed
    expect(answered).toEqual(questions.filter((q) => !q.answerable && q.knownMiss).map((q) => q.q));
  });

  it("abstains on every unanswerable question of the first batch (the issue's acceptance set)", () => {
    const first = questions.filter((q) => !q.answerable && (q.batch ?? 1) === 1);
    expect(first.length).toBeGreaterThanOrEqual(19);
    expect(first.filter((q) => answerer.answer(q.q).found).map((q) => q.q)).toEqual([]);
  });
});

// Synthetic articles: a small beat of its own, so each rule is tested on text it was not tuned on.
const synthetic: Article[] = [
  {
    id: "s1",
    title: "Le port de Haiphong agrandit son terminal à conteneurs",
    date: "2024-03-02",
    lang: "fr",
    body:
      "Le port de Haiphong a inauguré un nouveau terminal à conteneurs. " +
      "Le terminal peut accueillir 1,2 million de conteneurs par an. " +
      "Les travaux ont commencé le 12 mai 2021 sous la direction de l'ingénieure Tran Thi Mai. " +
      "Elle dirige désormais l'autorité portuaire de la ville.",
  },
  {
    id: "s2",
    title: "Le festival du cerf-volant revient à Hué",
    date: "2023-06-10",
    lang: "fr",
    body:
      "Le festival du cerf-volant de Hué a réuni des artisans de tout le pays. " +
      "Le maire de Hué, Nguyen Van Phuong, a ouvert la fête sur la citadelle.",
  },
  {
    id: "s3-old",
    title: "Les exportations de café atteignent un record",
    date: "2022-01-20",
    lang: "fr",
    body:
      "Les exportations de café du Vietnam ont atteint un record historique cette année. " +
      "Les producteurs des hauts plateaux se réjouissent des prix.",
  },
  {
    id: "s3-new",
    title: "Les exportations de café atteignent un nouveau record",
    date: "2025-01-18",
    lang: "fr",
    body:
      "Les exportations de café du Vietnam ont atteint un record historique cette année. " +
      "Les planteurs du Tay Nguyen investissent dans l'irrigation.",
  },
];

/** A French synthetic article. */
const article = (id: string, title: string, date: string, body: string): Article => ({
  id,
  title,
  date,
  lang: "fr",
  body,
});

describe("answer logic on synthetic articles", () => {
  const answerer = createAnswerer(createNewsIndex(synthetic));
  // Which sentence is chosen and how it is quoted, apart from whether the calibrated confidence
  // clears the threshold (a five-article corpus is far from the data the threshold was set on).
  const rankerOver = (articles: Article[]) => createAnswerer(createNewsIndex(articles), { minConfidence: 0 });
  const ranker = rankerOver(synthetic);

  it("answers who someone is with the role an article states, not just any mention", () => {
    const later = {
      id: "s5",
      title: "Visite au marché de Dong Ba",
      date: "2025-02-01",
      lang: "fr",
      body: "Nguyen Van Phuong a visité le marché de Dong Ba avec des commerçants.",
    };
    const a = createAnswerer(createNewsIndex([...synthetic, later])).answer("Qui est Nguyen Van Phuong ?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("Le maire de Hué, Nguyen Van Phuong");
    expect(a.citations[0]).toMatchObject({ id: "s2", date: "2023-06-10" });
  });

  it("answers who someone is again from what it kept, and anew once the index has grown", () => {
    const news = createNewsIndex(synthetic);
    const asking = createAnswerer(news);
    const first = asking.answer("Qui est Nguyen Van Phuong ?");
    expect(first.answer).toContain("Le maire de Hué, Nguyen Van Phuong");
    (first.citations as { id: string }[])[0] = { id: "changed by a caller" };
    expect(asking.answer("Qui est Nguyen Van Phuong ?")).toEqual({
      ...first,
      citations: [expect.objectContaining({ id: "s2" })],
    });
    news.add([
      article(
        "s6",
        "Remaniement",
        "2025-03-01",
        "Le ministre de la Culture, Nguyen Van Phuong, a présenté son plan pour les musées.",
      ),
    ]);
    const later = asking.answer("Qui est Nguyen Van Phuong ?");
    expect(later.answer).toContain("ministre de la Culture");
    expect(later.citations[0]).toMatchObject({ id: "s6" });
  });

  it("abstains on a topic the articles do not cover", () => {
    const a = answerer.answer("Quel est le taux de chômage en Thaïlande ?");
    expect(a.found).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.answer).toMatch(/ne permettent pas/);
  });

  it("prefers the most recent of two equally good articles and cites its date", () => {
    const a = ranker.answer("Les exportations de café ont-elles atteint un record ?");
    expect(a.found).toBe(true);
    expect(a.citations[0]?.id).toBe("s3-new");
    expect(a.citations[0]?.date).toBe("2025-01-18");
  });

  it("quotes the most recent article that answers as fully, even when an older one ranks higher", () => {
    const older = article(
      "r-old",
      "Riz : le Vietnam deuxième exportateur mondial de riz",
      "2023-02-01",
      "Le Vietnam est le deuxième exportateur mondial de riz. Les rizières du delta prospèrent.",
    );
    const newer = article(
      "r-new",
      "Bilan agricole de l'année",
      "2025-02-01",
      "Selon le ministère, le Vietnam reste le deuxième exportateur mondial de riz. La pêche progresse aussi.",
    );
    const a = rankerOver([older, newer]).answer(
      "Quel est le rang du Vietnam parmi les exportateurs de riz ?",
    );
    expect(a.citations[0]?.id).toBe("r-new");
    expect(a.answer).toContain("deuxième exportateur");
  });

  it("quotes at most two sentences, verbatim", () => {
    for (const q of [
      "Qui dirige l'autorité portuaire ?",
      "Que fait le port de Haiphong ?",
      "Qui a ouvert le festival ?",
    ]) {
      const a = ranker.answer(q);
      expect(a.found, q).toBe(true);
      const cited = synthetic.find((s) => s.id === a.citations[0]?.id) as Article;
      expect(cited.body, q).toContain(a.answer);
      expect(sentences(a.answer).length, q).toBeLessThanOrEqual(2);
    }
  });

  it("quotes the sentence before one that opens with a pronoun, for a who question", () => {
    const a = ranker.answer("Qui dirige l'autorité portuaire de Haiphong ?");
    expect(a.answer).toContain("Tran Thi Mai");
    expect(a.answer).toContain("autorité portuaire");
  });

  it("reaches a French article from an English question", () => {
    const a = answerer.answer("Who is the mayor of Hue?");
    expect(a.found).toBe(true);
    expect(a.citations[0]?.id).toBe("s2");
    expect(a.answer).toContain("Nguyen Van Phuong");
  });

  it("answers a combien question with the sentence holding a number", () => {
    const a = ranker.answer("Combien de conteneurs le terminal de Haiphong peut-il accueillir ?");
    expect(a.kind).toBe("number");
    expect(a.answer).toContain("1,2 million");
  });

  it("answers a quand question with the sentence holding a date", () => {
    const a = answerer.answer("Quand les travaux du terminal de Haiphong ont-ils commencé ?");
    expect(a.kind).toBe("date");
    expect(a.answer).toContain("12 mai 2021");
  });

  it("answers a which-X question whose category noun the articles never use", () => {
    // `infrastructure` names the kind of answer; the article names the thing itself
    const a = answerer.answer("Quelle infrastructure le port de Haiphong a-t-il inaugurée ?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("terminal à conteneurs");
  });

  it("abstains on a what-is-the-X question whose X the articles never mention", () => {
    expect(answerer.answer("Quel est le budget du port de Haiphong ?").found).toBe(false);
  });

  it("answers a rank question with the sentence holding the ordinal", () => {
    const ranked = article(
      "s6",
      "Le café vietnamien sur les marchés mondiaux",
      "2025-03-01",
      "Le café vietnamien gagne des parts de marché en Europe. " +
        "Le Vietnam est le deuxième exportateur mondial de café, derrière le Brésil.",
    );
    const a = createAnswerer(createNewsIndex([...synthetic, ranked])).answer(
      "Quel est le rang du Vietnam parmi les exportateurs de café ?",
    );
    expect(a.kind).toBe("rank");
    expect(a.answer).toContain("deuxième exportateur");
  });

  it("does not take `les deux villes` for the count a how-many question asks for", () => {
    const twinned = article(
      "s7",
      "Hué et Kyoto renforcent leur jumelage",
      "2025-04-01",
      "Les deux villes ont signé un accord sur le tourisme et les échanges d'étudiants. " +
        "Les maires ont visité la citadelle.",
    );
    // without the confidence threshold: the rule, not the threshold, keeps the sentence out
    const a = rankerOver([...synthetic, twinned]).answer("How many students do Hue and Kyoto exchange?");
    expect(a.found).toBe(false);
  });

  it("answers what someone's job is with the role an article states", () => {
    const a = answerer.answer("Quel est le métier de Tran Thi Mai ?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("l'ingénieure Tran Thi Mai");
  });

  it("does not answer who holds an office with the holder of another one", () => {
    const cabinet = article(
      "s8",
      "Le ministre des Transports visite le port",
      "2025-05-01",
      "Le ministre des Transports, Nguyen Van An, a visité le port de Haiphong. Il a parlé des routes et de l'agriculture.",
    );
    const a = createAnswerer(createNewsIndex([...synthetic, cabinet]));
    expect(a.answer("Qui est le ministre de l'Agriculture ?").found).toBe(false);
    const right = a.answer("Qui est le ministre des Transports ?");
    expect(right.found).toBe(true);
    expect(right.answer).toContain("Nguyen Van An");
  });

  it("abstains when the question's year is one the articles never mention", () => {
    expect(answerer.answer("Qui a dirigé l'autorité portuaire de Haiphong en 2019 ?").found).toBe(false);
    expect(ranker.answer("Qui a dirigé les travaux du terminal de Haiphong en 2021 ?").found).toBe(true);
  });

  it("answers a `selon X` question from a sentence that does not repeat X", () => {
    const a = ranker.answer("Combien de conteneurs le terminal peut-il accueillir selon Tran Thi Mai ?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("1,2 million");
  });

  it("does not answer what office someone holds when no article states one", () => {
    // Tran Thi Mai's role is stated; Pham Thi Lan is only seen visiting a market
    const market = article(
      "s9",
      "Visite au marché de Dong Ba",
      "2025-02-01",
      "Pham Thi Lan a visité le marché de Dong Ba avec des commerçants.",
    );
    const a = createAnswerer(createNewsIndex([...synthetic, market]));
    expect(a.answer("What position does Pham Thi Lan hold?").found).toBe(false);
    expect(a.answer("Quel poste occupe Tran Thi Mai ?").answer).toContain("l'ingénieure Tran Thi Mai");
  });

  it("does not answer a what-day question with a year alone", () => {
    const visit = article(
      "s10",
      "Le maire de Hué attendu à Kyoto",
      "2025-06-01",
      "Le maire de Hué, Nguyen Van Phuong, se rendra à Kyoto au début de l'année 2026.",
    );
    const a = rankerOver([...synthetic, visit]);
    expect(a.answer("Quel jour Nguyen Van Phuong se rendra-t-il à Kyoto ?").found).toBe(false);
    expect(
      rankerOver([...synthetic, visit]).answer("Quand Nguyen Van Phuong se rendra-t-il à Kyoto ?").answer,
    ).toContain("2026");
  });

  it("does not answer where two people met from an article that names them but no meeting", () => {
    const talks = article(
      "m1",
      "Coopération portuaire",
      "2025-07-01",
      "Le ministre Nguyen Van An a salué les travaux du port. " +
        "Le vice-ministre Tran Van Binh a parlé de la coopération au Vietnam.",
    );
    const meeting = article(
      "m2",
      "Rencontre à Hué",
      "2025-07-02",
      "Le maire de Hué a rencontré des artisans à la citadelle.",
    );
    const a = createAnswerer(createNewsIndex([...synthetic, talks, meeting]));
    expect(a.answer("Où Nguyen Van An a-t-il rencontré le vice-ministre Tran Van Binh ?").found).toBe(false);
    const met = article(
      "m3",
      "Entretien à Hanoï",
      "2025-07-03",
      "Nguyen Van An a rencontré le vice-ministre Tran Van Binh à Hanoï.",
    );
    const b = rankerOver([...synthetic, talks, meeting, met]);
    expect(b.answer("Où Nguyen Van An a-t-il rencontré le vice-ministre Tran Van Binh ?").answer).toContain(
      "Hanoï",
    );
  });

  it("answers an age from the sentence after the one naming the person, not only from sentences naming them", () => {
    const obituary = article(
      "d1",
      "Mort d'un animateur",
      "2025-08-02",
      "L'animateur Paul Verdier a été retrouvé sans vie vendredi à son domicile. " +
        "Le journaliste s'est éteint à l'âge de 85 ans.",
    );
    const a = rankerOver([...synthetic, obituary]).answer("Paul Verdier est mort à quel âge ?");
    expect(a.why).not.toBe("unfit");
    expect(a.answer).toContain("85 ans");
    // a sentence naming the person and nothing else the question asks still says who, not when
    const named = article("d2", "Hommage", "2025-08-03", "Paul Verdier animait une émission de radio.");
    const b = rankerOver([...synthetic, named]).answer("Quand est né Paul Verdier ?");
    expect(b.found).toBe(false);
  });

  it("does not answer a what-is-the-name question with a sentence that names nobody new", () => {
    const praise = article(
      "n1",
      "Félicitations au port",
      "2025-08-01",
      "Le président du conseil portuaire a félicité Tran Thi Mai pour les travaux.",
    );
    const a = createAnswerer(createNewsIndex([...synthetic, praise]));
    expect(a.answer("Comment s'appelle le président qui a félicité Tran Thi Mai ?").found).toBe(false);
  });

  it("reads `No. 1` as a number, not as an unknown name", () => {
    const line = article(
      "l1",
      "Métro de Hanoï",
      "2025-09-01",
      "La ligne numéro 1 du métro de Hanoï ouvrira en 2026.",
    );
    const a = createAnswerer(createNewsIndex([...synthetic, line])).answer(
      "Quand la ligne No. 1 du métro de Hanoï ouvrira-t-elle ?",
    );
    expect(a.found).toBe(true);
    expect(a.answer).toContain("2026");
  });

  it("lets a sentence holding the asked figure win over ones that only name who said it", () => {
    const festival = article(
      "f1",
      "Le festival de Hué",
      "2025-05-01",
      "Le maire Nguyen Van Phuong a salué le festival de Hué. " +
        "Nguyen Van Phuong a remercié les artisans et les visiteurs du festival. " +
        "Le maire Nguyen Van Phuong a promis un festival plus grand. Au total, 20.000 visiteurs sont venus.",
    );
    const a = rankerOver([festival, ...synthetic]).answer(
      "combien de visiteurs au festival selon nguyen van phuong",
    );
    expect(a.found).toBe(true);
    expect(a.answer).toContain("20.000 visiteurs");
  });

  it("says the question is empty when it has no content word", () => {
    const a = answerer.answer("Qui est-ce ?");
    expect(a.found).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { buildDigest } from "../src/core/digest/digest.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import {
  buildStories,
  fitWordWeights,
  LEARNED_RANKER,
  RANK_FEATURES,
  rankerWords,
  rankScore,
  type StoryRanker,
  standardise,
  wordScore,
} from "../src/core/stories/index.ts";
import { newsArticle as art } from "./fakes/articles.ts";

const zeros = () => RANK_FEATURES.map(() => 0);
const withFeature = (name: (typeof RANK_FEATURES)[number], v: number) => {
  const x = zeros();
  x[RANK_FEATURES.indexOf(name)] = v;
  return x;
};

/** A routine subject: a city's school budget (written about every week in the tests below). */
const BUDGET =
  "Le conseil municipal de Grenoble a débattu du budget des écoles de la ville et de la rénovation des cantines scolaires. " +
  "La majorité défend un effort pour les écoles ; l'opposition dénonce une hausse des impôts locaux.";

/** A breaking event (never written about before in the tests below). */
const FLOOD =
  "De violentes inondations ont frappé la vallée de la Durance dans la nuit, faisant trois morts selon la préfecture. " +
  "Les pompiers ont évacué plus de deux cents habitants des villages riverains. Le préfet a déclenché le plan Orsec.";
const FIRE =
  "Un incendie a ravagé un entrepôt de pneus dans la zone industrielle de Rouen, dégageant un épais panache noir. " +
  "Les habitants ont été invités à rester chez eux ; la préfecture a fermé les écoles du secteur.";

describe("story ranker", () => {
  it("is the trained model over the current features (a stale learned-ranker.ts fails here)", () => {
    expect(LEARNED_RANKER.features).toEqual([...RANK_FEATURES]);
    expect(LEARNED_RANKER.weights).toHaveLength(RANK_FEATURES.length);
    expect(LEARNED_RANKER.scale.every((s) => s > 0)).toBe(true);
  });

  it("ranks a widely covered story above a lone article, all else equal", () => {
    const more = withFeature("articles", Math.log2(1 + 6));
    const one = withFeature("articles", 1);
    expect(rankScore(LEARNED_RANKER, more)).toBeGreaterThan(rankScore(LEARNED_RANKER, one));
  });

  it("bounds what one feature far outside the training range can add", () => {
    expect(standardise(1000, 0, 1)).toBe(3);
    expect(standardise(-1000, 0, 1)).toBe(-3);
    const r: StoryRanker = { features: ["echo"], mean: [0], scale: [0.01], weights: [1] };
    expect(rankScore(r, withFeature("echo", 50))).toBe(3);
  });

  it("adds recency at the hand-set exchange rate against coverage, in the ranker's units", () => {
    const r: StoryRanker = { features: ["articles"], mean: [1], scale: [0.5], weights: [0.2] };
    const x = withFeature("articles", 1);
    // half a doubling of articles (0.5 × 0.2 / 0.5 = 0.2) for the period's newest story
    expect(rankScore(r, x, 1, 0.5) - rankScore(r, x, 0, 0.5)).toBeCloseTo(0.2, 10);
  });
});

describe("front-page word weights", () => {
  const ex = (day: string, front: boolean, ...terms: string[]) => ({ day, front, terms });
  const examples = [
    ex("d1", true, "prefectur", "bless"),
    ex("d1", false, "moteur", "chevaux"),
    ex("d2", true, "prefectur", "gouvern"),
    ex("d2", false, "moteur", "bless"),
    ex("d3", false, "chevaux", "salon"),
  ];

  it("weighs a word by how much more often front-page headlines use it", () => {
    const w = fitWordWeights(examples, { alpha: 1, minDays: 1 });
    expect(w.get("prefectur")).toBeGreaterThan(0);
    expect(w.get("moteur")).toBeLessThan(0);
    // in two of the three other stories against one
    expect(w.get("moteur")).toBeLessThan(w.get("salon") as number);
    // once on each side, but there are more other stories than front-page ones
    expect(w.get("bless")).toBeGreaterThan(0);
  });

  it("keeps only words seen on enough labelled days", () => {
    const w = fitWordWeights(examples, { alpha: 1, minDays: 2 });
    expect(w.has("prefectur")).toBe(true);
    expect(w.has("gouvern")).toBe(false);
    expect(w.has("salon")).toBe(false);
  });

  it("counts a story once when its member articles share its weight", () => {
    const one = fitWordWeights([ex("d1", true, "prefectur"), ex("d1", false, "moteur", "salon")], {
      alpha: 1,
      minDays: 1,
    });
    const member = (...terms: string[]) => ({ ...ex("d1", false, ...terms), weight: 1 / 4 });
    const four = fitWordWeights(
      [
        ex("d1", true, "prefectur"),
        member("moteur", "salon"),
        member("moteur"),
        member("moteur"),
        member("moteur"),
      ],
      { alpha: 1, minDays: 1 },
    );
    // in every article of the story: as in the story told once
    expect(four.get("moteur")).toBeCloseTo(one.get("moteur") as number, 10);
    expect(four.get("prefectur")).toBeCloseTo(one.get("prefectur") as number, 10);
    // in one article of four: a quarter of the evidence, so less against than a word of every article
    expect(four.get("salon")).toBeGreaterThan(four.get("moteur") as number);
    expect(four.get("salon")).toBeLessThan(0);
  });

  it("scores a headline's distinct known words over the square root of its word count", () => {
    const w = new Map([
      ["prefectur", 1],
      ["moteur", -0.5],
    ]);
    expect(wordScore(w, ["prefectur", "prefectur", "moteur", "inconnu"])).toBeCloseTo(0.5 / Math.sqrt(3), 10);
    expect(wordScore(undefined, ["prefectur"])).toBe(0);
  });

  it("reads a stored ranker's words without inherited keys", () => {
    const r: StoryRanker = { features: [], mean: [], scale: [], weights: [], words: { prefectur: 2 } };
    const w = rankerWords(r);
    expect(w?.get("prefectur")).toBe(2);
    expect(wordScore(w, ["constructor", "toString"])).toBe(0);
  });
});

describe("story rank features (synthetic corpus)", () => {
  // a breaking event (floods, never written about before) against a routine subject (a city's
  // school budget, written about every week of the month before), two articles each in the period
  const day = (d: number) => `2026-03-${String(d).padStart(2, "0")}`;
  const before = [3, 7, 11, 14, 18, 21, 25].map((d, i) =>
    art(`budget-past-${i}`, day(d), "Grenoble : le budget des écoles en débat", BUDGET),
  );
  const period = [
    art("flood-a", day(30), "Inondations meurtrières dans la vallée de la Durance", FLOOD),
    art(
      "flood-b",
      day(30),
      "Durance : trois morts dans les inondations",
      FLOOD.replace("dans la nuit", "mardi"),
    ),
    art("budget-a", day(30), "Grenoble adopte le budget des écoles", BUDGET),
    art("budget-b", day(30), "Budget des écoles : Grenoble vote la rénovation des cantines", BUDGET),
  ];
  const news = createNewsIndex([...before, ...period]);
  const docs = period.map((a) => news.articles.findIndex((x) => x.id === a.id));
  const stories = buildStories(news, docs, { summarize: false });
  const storyOf = (id: string) => {
    const doc = news.articles.findIndex((x) => x.id === id);
    return stories.find((s) => s.articles.includes(doc));
  };
  const feature = (id: string, name: (typeof RANK_FEATURES)[number]) =>
    storyOf(id)?.rankFeatures[RANK_FEATURES.indexOf(name)] ?? Number.NaN;

  it("measures a surge for news breaking and a past echo for a subject written about all along", () => {
    expect(storyOf("flood-a")).toBeDefined();
    expect(storyOf("flood-a")).not.toBe(storyOf("budget-a"));
    expect(feature("flood-a", "burst")).toBeGreaterThan(0);
    expect(feature("flood-a", "burst")).toBeGreaterThan(feature("budget-a", "burst"));
    expect(feature("budget-a", "pastEcho")).toBeGreaterThan(0);
    expect(feature("budget-a", "pastEcho")).toBeGreaterThan(feature("flood-a", "pastEcho"));
  });
});

describe("a digest reads nothing after its period (a scheduled one is built on its last day)", () => {
  // the same articles in two corpora: the budget written about on the two days after the period,
  // or the same texts a year before (outside every window the ranker reads). The corpus-wide
  // statistics (idf, article count) are the same in both; only what the days after hold differs.
  const period = [
    art("flood-a", "2026-03-30", "Inondations meurtrières dans la vallée de la Durance", FLOOD),
    art(
      "flood-b",
      "2026-03-30",
      "Durance : trois morts dans les inondations",
      FLOOD.replace("dans la nuit", "mardi"),
    ),
    art("fire-a", "2026-03-30", "Rouen : un entrepôt de pneus en feu", FIRE),
    art("budget-a", "2026-03-30", "Grenoble adopte le budget des écoles", BUDGET),
  ];
  const later = (dates: readonly string[]) =>
    dates.flatMap((date, k) =>
      [0, 1, 2, 3, 4, 5].map((i) =>
        art(
          `budget-next-${k}-${i}`,
          date,
          "Budget des écoles : Grenoble vote la rénovation des cantines",
          BUDGET,
        ),
      ),
    );
  const digestOf = (dates: readonly string[]) => {
    const d = buildDigest(createNewsIndex([...period, ...later(dates)]), {
      from: "2026-03-30",
      to: "2026-03-30",
    });
    return d.items.map((i) => ({ id: i.id, score: i.score, sources: i.sources.map((s) => s.id) }));
  };

  it("ranks a day's stories the same whether or not the corpus holds the days after it", () => {
    const atDayEnd = digestOf(["2025-03-30", "2025-03-31"]);
    expect(atDayEnd.map((i) => i.id)).toContain("budget-a");
    expect(digestOf(["2026-03-31", "2026-04-01"])).toEqual(atDayEnd);
  });
});

describe("pastDays: the days before the period that wrote about a story", () => {
  const day = (d: number) => `2026-03-${String(d).padStart(2, "0")}`;
  // the budget on seven days of the month before (three of them in the last 14 days: the 16th —
  // 14 days before the 30th, the last counted —, 21st and 25th; the 15th is one day too early), the
  // fire six times on one day
  const before = [
    ...[3, 7, 11, 15, 16, 21, 25].map((d, i) =>
      art(`budget-past-${i}`, day(d), "Grenoble : le budget des écoles en débat", BUDGET),
    ),
    ...[0, 1, 2, 3, 4, 5].map((i) =>
      art(`fire-past-${i}`, day(26), "Rouen : l'incendie de l'entrepôt", FIRE),
    ),
  ];
  const period = [
    art("budget-a", day(30), "Grenoble adopte le budget des écoles", BUDGET),
    art("budget-b", day(30), "Budget des écoles : Grenoble vote la rénovation des cantines", BUDGET),
    art("fire-a", day(30), "Rouen : l'enquête sur l'incendie de l'entrepôt", FIRE),
    art("fire-b", day(30), "Incendie de Rouen : les écoles rouvrent", FIRE),
  ];
  const news = createNewsIndex([...before, ...period]);
  const docs = period.map((a) => news.articles.findIndex((x) => x.id === a.id));
  const stories = buildStories(news, docs, { summarize: false });
  const feature = (id: string, name: (typeof RANK_FEATURES)[number]) => {
    const doc = news.articles.findIndex((x) => x.id === id);
    return stories.find((s) => s.articles.includes(doc))?.rankFeatures[RANK_FEATURES.indexOf(name)];
  };

  it("counts the days of the last two weeks with an article about the story, not the articles", () => {
    expect(feature("budget-a", "pastDays")).toBeCloseTo(Math.log1p(3), 10);
    expect(feature("fire-a", "pastDays")).toBeCloseTo(Math.log1p(1), 10);
    // six articles in one day echo more than seven spread over a month, and persist less
    expect(feature("fire-a", "pastEcho")).toBeGreaterThan(feature("budget-a", "pastEcho") as number);
  });

  it("counts from the period's first day, not from a month-only date in it (placed on the 15th)", () => {
    // the same corpus, the period read with and without an article dated only `2026-03`
    const monthOnly = art("month-only", "2026-03", "Le mois des cantines", BUDGET);
    const corpus = createNewsIndex([...before, ...period, monthOnly]);
    const periodDocs = period.map((a) => corpus.articles.findIndex((x) => x.id === a.id));
    const fireOf = (docs: readonly number[]) => {
      const fire = corpus.articles.findIndex((x) => x.id === "fire-a");
      const story = buildStories(corpus, docs, { summarize: false }).find((s) => s.articles.includes(fire));
      return (["pastDays", "pastEcho"] as const).map((k) => story?.rankFeatures[RANK_FEATURES.indexOf(k)]);
    };
    const withMonth = fireOf([...periodDocs, corpus.articles.length - 1]);
    expect(withMonth[0]).toBeCloseTo(Math.log1p(1), 10);
    expect(withMonth).toEqual(fireOf(periodDocs));
  });
});

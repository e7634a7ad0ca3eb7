import { describe, expect, it } from "vitest";
import type { Article } from "../src/core/corpus/article.ts";
import { buildDigest } from "../src/core/digest/index.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import {
  buildStories,
  capitalisedRuns,
  createStoryTracker,
  liveStoriesOf,
  opensResolved,
  singlePass,
} from "../src/core/stories/index.ts";
import { addToLiveIndex } from "../src/ingest/live-index.ts";
import { newsArticle as art } from "./fakes/articles.ts";

// Filler: ordinary days of a ministry, each naming the minister, so his name is everywhere.
const FILLER_TOPICS = [
  "la sécurité routière pendant les vacances",
  "le recrutement de gendarmes dans les campagnes",
  "la rénovation des commissariats de banlieue",
  "la lutte contre les cambriolages en été",
  "les contrôles aux frontières des aéroports",
  "le budget des sapeurs-pompiers volontaires",
];
const filler: Article[] = Array.from({ length: 60 }, (_, i) => {
  const topic = FILLER_TOPICS[i % FILLER_TOPICS.length] as string;
  return art(
    `filler-${i}`,
    `2023-10-${String(1 + (i % 20)).padStart(2, "0")}`,
    `Note ${i} du ministère sur ${topic}`,
    `Le ministre de l'Intérieur Gérald Darmanin a présenté une note numéro ${i} sur ${topic}. ` +
      `Les services ont détaillé les mesures prévues pour l'année et leur calendrier de mise en oeuvre.`,
  );
});

const STORM = [
  art(
    "storm-1",
    "2023-11-02",
    "La tempête Ciaran balaie la Bretagne",
    "La tempête Ciaran a frappé la Bretagne dans la nuit de mercredi à jeudi avec des rafales de 200 km/h. " +
      "Plus d'un million de foyers sont privés d'électricité, a précisé le ministre de l'Intérieur Gérald Darmanin.",
  ),
  art(
    "storm-2",
    "2023-11-02",
    "Tempête Ciaran : un million de foyers sans électricité",
    "Après le passage de la tempête Ciaran, un million de foyers bretons et normands restent sans électricité. " +
      "Les rafales ont dépassé 200 km/h sur la pointe de la Bretagne, arrachant arbres et toitures.",
  ),
  art(
    "storm-3",
    "2023-11-03",
    "Ciaran : les rafales records de la tempête en Bretagne",
    "Des rafales records ont été mesurées pendant la tempête Ciaran à la pointe de la Bretagne. " +
      "Les pompiers sont intervenus des milliers de fois pour des arbres tombés et des toitures arrachées.",
  ),
];
const IMMIGRATION = art(
  "senate",
  "2023-11-02",
  "Le Sénat adopte le projet de loi immigration",
  "Le Sénat a adopté mardi le projet de loi immigration porté par le ministre de l'Intérieur Gérald Darmanin. " +
    "Le texte durcit les conditions du regroupement familial et supprime l'aide médicale d'Etat.",
);
const MUSEUM = art(
  "museum",
  "2023-11-02",
  "Lyon : le musée des Confluences rouvre ses salles",
  "Le musée des Confluences de Lyon rouvre ses salles après deux ans de travaux de rénovation. " +
    "Elle présente désormais une collection de météorites et de fossiles inédite en France.",
);

describe("story clustering", () => {
  const news = createNewsIndex([...filler, ...STORM, IMMIGRATION, MUSEUM]);
  const day = ["storm-1", "storm-2", "storm-3", "senate", "museum"].map((id) => news.find(id) as number);

  it("groups the reports of one event, and a minister both name does not join two events", () => {
    const stories = buildStories(news, day);
    const storyOf = (id: string) => stories.findIndex((s) => s.articles.includes(news.find(id) as number));
    expect(storyOf("storm-1")).toBe(storyOf("storm-2"));
    expect(storyOf("storm-1")).toBe(storyOf("storm-3"));
    expect(storyOf("senate")).not.toBe(storyOf("storm-1"));
    expect(storyOf("museum")).not.toBe(storyOf("storm-1"));
    // every article in exactly one story
    expect(stories.flatMap((s) => s.articles).sort()).toEqual([...day].sort());
  });

  it("ranks the most covered story first, headed by one of its titles, with a resolved summary", () => {
    const [first] = buildStories(news, day);
    expect(first?.articles).toHaveLength(3);
    expect(STORM.map((a) => a.title)).toContain(news.articles[first?.headline as number]?.title);
    expect(first?.summary.length).toBeGreaterThanOrEqual(1);
    expect(first?.summary.length).toBeLessThanOrEqual(2);
    for (const s of first?.summary ?? []) expect(STORM.some((a) => a.body.includes(s))).toBe(true);
    expect(first?.firstDate).toBe("2023-11-02");
    expect(first?.lastDate).toBe("2023-11-03");
  });

  it("never opens a summary on a sentence whose subject is in an earlier one", () => {
    const museum = buildStories(news, day).find((s) => s.articles.includes(news.find("museum") as number));
    expect(museum?.summary[0]).toMatch(/^Le musée des Confluences/);
    expect(opensResolved("Elle a notamment reproché au gouvernement sa politique.")).toBe(false);
    expect(opensResolved("C'est pourtant ce que vient de faire la Commission.")).toBe(false);
    expect(opensResolved("Cette décision a surpris les syndicats.")).toBe(false);
    expect(opensResolved("Tous ces détails n'avaient pas été révélés jusque-là.")).toBe(false);
    expect(opensResolved("Mais dans le même temps, les ventes ont reculé de 3 %.")).toBe(false);
    expect(opensResolved("Marseille a accueilli le sommet des ministres.")).toBe(true);
    expect(opensResolved("Selon lui, la réforme est indispensable.")).toBe(false);
    expect(opensResolved("Selon la préfecture, trois personnes sont mortes.")).toBe(true);
    expect(opensResolved("Ce jeudi 5 décembre, la grève a commencé.")).toBe(true);
    expect(opensResolved("Cet été, la sécheresse a touché 80 départements.")).toBe(true);
    expect(opensResolved("Cet étudiant a été interpellé.")).toBe(false);
    expect(opensResolved("Céline Dion a chanté à Paris.")).toBe(true);
  });

  it("finds names, not sentence openings", () => {
    expect(capitalisedRuns("Le ministre de l'Intérieur Gérald Darmanin a parlé au Sénat.")).toEqual([
      "Intérieur Gérald Darmanin",
      "Sénat",
    ]);
    expect(capitalisedRuns("Réforme des retraites : la grève continue")).toEqual([]);
  });
});

describe("single pass", () => {
  // 0 and 1 are one story told two ways (alike only through 2, which arrives last); 3 is apart
  const sims = [
    [1, 0.05, 0.5, 0],
    [0.05, 1, 0.45, 0],
    [0.5, 0.45, 1, 0],
    [0, 0, 0, 1],
  ];
  const sim = Float32Array.from(sims.flat());

  it("keeps a story opened by the wrong first article apart, unless told to merge", () => {
    expect(singlePass(4, sim, 0.2)).toEqual([[0, 2], [1], [3]]);
    expect(singlePass(4, sim, 0.2, true)).toEqual([[0, 1, 2], [3]]);
  });

  it("merges only groups whose mean similarity over all pairs reaches the threshold", () => {
    // mean of {0, 2} to {1} is (0.05 + 0.45) / 2 = 0.25
    expect(singlePass(4, sim, 0.3, true)).toEqual([[0, 2], [1], [3]]);
  });
});

describe("live story tracking", () => {
  it("places each new article in a story or starts one, leaving earlier placements alone", () => {
    const news = createNewsIndex([...filler, STORM[0] as Article, IMMIGRATION]);
    const tracker = createStoryTracker(news);
    const storm1 = tracker.add(news.find("storm-1") as number);
    const senate = tracker.add(news.find("senate") as number);
    expect(storm1.joined).toBe(false);
    expect(senate.joined).toBe(false);
    expect(senate.story).not.toBe(storm1.story);

    // articles arrive through the live index, one at a time
    news.add([STORM[1] as Article]);
    const storm2 = tracker.add(news.find("storm-2") as number);
    expect(storm2).toMatchObject({ story: storm1.story, joined: true });
    news.add([MUSEUM]);
    const museum = tracker.add(news.find("museum") as number);
    expect(museum.joined).toBe(false);
    news.add([STORM[2] as Article]);
    expect(tracker.add(news.find("storm-3") as number).story).toBe(storm1.story);

    expect(tracker.storyOf(news.find("senate") as number)).toBe(senate.story);
    expect(tracker.stories()).toHaveLength(3);
    // placing an article again changes nothing
    expect(tracker.add(news.find("storm-2") as number).story).toBe(storm1.story);
    expect(tracker.stories()).toHaveLength(3);
  });
});

describe("live stories from ingestion", () => {
  it("drops the stories older than the tracker's window, so its memory stays bounded", () => {
    const later = art(
      "later",
      "2023-11-20",
      "Ciaran : les assureurs chiffrent les dégâts de la tempête",
      "Les assureurs ont chiffré les dégâts de la tempête Ciaran en Bretagne à plusieurs centaines de millions.",
    );
    const news = createNewsIndex([...filler, ...STORM, MUSEUM, later]);
    const tracker = createStoryTracker(news, { windowDays: 3 });
    for (const id of ["storm-1", "storm-2", "storm-3", "museum"]) tracker.add(news.find(id) as number);
    expect(tracker.size()).toBe(4);
    // an article 17 days later: the November 2–3 stories are closed and forgotten
    const placed = tracker.add(news.find("later") as number);
    expect(placed.joined).toBe(false);
    expect(tracker.size()).toBe(1);
    expect(tracker.storyOf(news.find("storm-1") as number)).toBeUndefined();
    expect(tracker.stories()).toEqual([[news.find("later")]]);
  });

  it("places articles added through the live index, and the digest shows the tracker's stories", async () => {
    const news = createNewsIndex([...filler, STORM[0] as Article, IMMIGRATION]);
    expect(liveStoriesOf(news)).toBeUndefined();
    await addToLiveIndex(news, [STORM[1] as Article, MUSEUM, STORM[2] as Article], 1);
    const tracker = liveStoriesOf(news);
    expect(tracker).toBeDefined();
    const storm = tracker?.storyOf(news.find("storm-1") as number);
    expect(storm).toBeDefined();
    expect(tracker?.storyOf(news.find("storm-2") as number)).toBe(storm);
    expect(tracker?.storyOf(news.find("museum") as number)).not.toBe(storm);
    const digest = buildDigest(news, { from: "2023-11-02", to: "2023-11-03" });
    const stormItem = digest.items.find((i) => i.sources.some((s) => s.id === "storm-1"));
    expect(stormItem?.sources.map((s) => s.id).sort()).toEqual(["storm-1", "storm-2", "storm-3"]);
    expect(digest.items.find((i) => i.id === "senate")?.sources).toHaveLength(1);
  });
});

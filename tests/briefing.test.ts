import { describe, expect, it } from "vitest";
import { briefingReply, buildBriefing, findFigures } from "../src/core/briefing/index.ts";
import { briefingPeople } from "../src/core/briefing/people-roles.ts";
import type { Article } from "../src/core/corpus/article.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { articleEntities } from "../src/core/entities/article-entities.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle } from "./fakes/articles.ts";

describe("briefing on the seeds", async () => {
  const { articles } = await loadCorpus("corpus");
  const news = createNewsIndex(articles);
  const b = buildBriefing(news, "défense");
  const rendered = JSON.stringify(briefingReply(b));

  it("names Hoàng Xuân Chiên and Funakoshi Takehiro with their roles", () => {
    const role = (name: string) => b.people.find((p) => p.name === name)?.roles.map((r) => r.role);
    expect(role("Hoàng Xuân Chiên")).toEqual(["général de corps d'armée"]);
    expect(role("Funakoshi Takehiro")).toEqual(["vice-ministre des Affaires étrangères du Japon"]);
    expect(rendered).toContain("Hoàng Xuân Chiên — général de corps d'armée");
  });

  it("has at least one dated timeline entry, and cites every key point", () => {
    expect(b.timeline.filter((e) => e.resolved && e.date).length).toBeGreaterThanOrEqual(1);
    expect(b.keyPoints.length).toBeGreaterThanOrEqual(3);
    for (const k of b.keyPoints) {
      const source = b.sources[k.source];
      const body = articles.find((a) => a.id === source?.id)?.body ?? "";
      expect(body).toContain(k.text);
    }
    expect(b.sources[0]?.id).toBe("004_91c7f68bd8cb218a");
  });

  it("never gives a key point that opens on a pronoun or a connective (its referent is unseen)", () => {
    for (const k of b.keyPoints) expect(k.text).not.toMatch(/^(?:Il|Elle|Ils|Elles|Mais|Cette|Ce|C'est)\b/u);
  });

  it("holds no caption, credit or teaser", () => {
    expect(rendered).not.toMatch(/Photo ?:|Crédit|VIDÉO|Lire aussi|>>/i);
  });

  it("reads key figures with what they count", () => {
    const japan = buildBriefing(news, "Vietnamiens vivant au Japon");
    expect(japan.figures.map((f) => f.text)).toEqual(
      expect.arrayContaining(["près de 500.000 Vietnamiens vivant au Japon"]),
    );
  });

  it("flags a date it cannot resolve (an undated article's `le 9 février`)", () => {
    const kishida = buildBriefing(news, "Kishida Fumio entretien téléphonique");
    const feb = kishida.timeline.find((e) => e.expression === "9 février");
    expect(feb).toMatchObject({ resolved: false, problem: "no-reference" });
    expect(JSON.stringify(briefingReply(kishida))).toContain("date non résolue");
  });

  it("says so when nothing covers the topic", () => {
    const none = buildBriefing(news, "volcanologie");
    expect(none.sources).toEqual([]);
    expect(briefingReply(none)).toMatchObject({ isError: true });
  });
});

describe("briefing (synthetic articles)", () => {
  const art = (id: string, date: string, body: string): Article => ({
    id,
    title: body.slice(0, 40),
    date,
    lang: "fr",
    body,
  });
  const news = createNewsIndex([
    art(
      "g1",
      "2026-01-05",
      "La grève des cheminots a commencé le 28 décembre, selon la direction de la SNCF. Le ministre des Transports Paul Verne a appelé au dialogue avec les syndicats.",
    ),
    art(
      "g2",
      "2026-01-20",
      "La grève des cheminots continue : près de 40% des conducteurs étaient en grève jeudi 15 janvier selon la direction. La grève pourrait durer jusqu'en février.",
    ),
    art(
      "g3",
      "2025-06-01",
      "Un article sans rapport sur les jardins partagés de la ville et leurs récoltes d'été.",
    ),
  ]);
  const b = buildBriefing(news, "grève");

  it("resolves the timeline across the year boundary and orders it", () => {
    const dates = b.timeline.filter((e) => e.precision === "day").map((e) => e.date);
    expect(dates).toEqual(["2025-12-28", "2026-01-15"]);
  });

  it("lists people with their roles, figures, and only the relevant sources", () => {
    expect(b.people[0]).toMatchObject({ name: "Paul Verne" });
    expect(b.people[0]?.roles[0]?.role).toBe("ministre des Transports");
    expect(b.figures.map((f) => f.text)).toContain("près de 40% des conducteurs");
    expect(b.sources.map((s) => s.id).sort()).toEqual(["g1", "g2"]);
  });

  it("`since` keeps later articles only", () => {
    expect(buildBriefing(news, "grève", { since: "2026-01-10" }).sources.map((s) => s.id)).toEqual(["g2"]);
  });

  it("figures: not years, ordinals or reference numbers", () => {
    expect(
      findFigures("En 2024, le 13e comité a examiné la ligne numéro 1 et 250.000 personnes ont défilé.").map(
        (f) => f.text,
      ),
    ).toEqual(["250.000 personnes"]);
  });
});

describe("briefing built from stories (synthetic archive)", () => {
  const strike = (i: number, day: string) =>
    newsArticle(
      `s${i}`,
      day,
      `Grève des contrôleurs aériens : vols annulés à Orly (${i})`,
      `La grève des contrôleurs aériens a conduit à l'annulation de centaines de vols à Orly et Roissy. Jean Dupont, secrétaire général du syndicat des contrôleurs, a réclamé des embauches. Près de 800 vols ont été annulés dans la journée.`,
    );
  const deal = (i: number, day: string) =>
    newsArticle(
      `d${i}`,
      day,
      `Contrôleurs aériens : accord signé avec la direction (${i})`,
      `Les contrôleurs aériens ont signé un accord sur les effectifs avec la direction de l'aviation civile. Jean Dupont, secrétaire général du syndicat des contrôleurs, salue un texte équilibré. Le ministre des Transports Paul Verne a signé le protocole.`,
    );
  const filler = Array.from({ length: 12 }, (_, i) =>
    newsArticle(
      `f${i}`,
      `2026-0${1 + (i % 3)}-1${i % 9}`,
      `Les jardins partagés de la ville ${i}`,
      `Les jardins partagés de la ville donnent des récoltes abondantes cet été, selon les bénévoles du quartier ${i}.`,
    ),
  );
  const passing = newsArticle(
    "p1",
    "2026-03-20",
    "Le festival de jazz de la ville bat son record",
    `Le festival de jazz a accueilli 20.000 spectateurs sur trois jours dans le parc de la ville. ${"Les organisateurs ont remercié les bénévoles, les commerçants du quartier et les techniciens. ".repeat(4)}Les musiciens venus en avion ont dû composer avec un vol retardé. Ils avaient craint la grève des contrôleurs aériens, finalement levée.`,
  );
  const news = createNewsIndex([
    ...[1, 2, 3, 4].map((i) => strike(i, "2026-03-02")),
    ...[1, 2].map((i) => deal(i, "2026-03-24")),
    passing,
    ...filler,
  ]);
  const b = buildBriefing(news, "contrôleurs aériens");

  it("draws on the articles about the topic, not those that mention it in passing", () => {
    expect(b.articleCount).toBe(6);
    expect(b.sources.map((s) => s.id)).not.toContain("p1");
  });

  it("gives one key point per story, the most covered story first", () => {
    expect(b.keyPoints[0]?.articles).toBe(4);
    expect(b.keyPoints[0]?.text).toMatch(/^La grève des contrôleurs aériens/);
    expect(b.keyPoints[1]?.articles).toBe(2);
    expect(b.keyPoints[1]?.text).toMatch(/accord/);
  });

  it("puts each story's event on the timeline, in date order", () => {
    expect(b.timeline.slice(0, 2).map((e) => e.date)).toEqual(["2026-03-02", "2026-03-24"]);
  });

  it("lists people with the role the articles state most often, and figures with their date", () => {
    const dupont = b.people.find((p) => p.name === "Jean Dupont");
    // read in the three most central articles of each story: 3 + 2 statements
    expect(dupont?.roles[0]).toMatchObject({
      role: "secrétaire général du syndicat des contrôleurs",
      count: 5,
    });
    expect(b.figures[0]).toMatchObject({ text: "Près de 800 vols", date: "2026-03-02" });
  });
});

/** Four articles naming Marie Durand: twice `maire de Lyon`, once `maire`, once `ancienne députée`. */
function durandNews() {
  const mk = (id: string, body: string): Article => ({
    id,
    title: `Municipales ${id}`,
    date: "2026-02-01",
    lang: "fr",
    body,
  });
  return createNewsIndex([
    mk("m1", "Marie Durand, maire de Lyon, a présenté son budget lors du conseil municipal."),
    mk("m2", "Marie Durand, maire de Lyon, a inauguré la ligne de tramway du nouveau quartier."),
    mk("m3", "Le maire Marie Durand a promis de nouvelles pistes cyclables aux habitants."),
    mk("m4", "Marie Durand, ancienne députée, a été interrogée par les journalistes des municipales."),
  ]);
}

describe("a person's most stated role", () => {
  it("prefers the role stated most often, a fuller wording counting its shorter ones", () => {
    const news = durandNews();
    const b = buildBriefing(news, "municipales");
    expect(b.people[0]?.name).toBe("Marie Durand");
    expect(b.people[0]?.roles[0]?.role).toBe("maire de Lyon");
    // the week's leading story may be any one of these singletons; the archive's tally of a role
    // is then the larger of the two counts, never their sum (a double count let `ancienne députée`
    // tie `maire de Lyon` and win on length). `Le maire Marie Durand` is not an apposition whoIs reads.
    expect(b.people[0]?.roles[0]?.count).toBe(2);
  });

  it("counts a shorter wording for the fuller role containing it, whole words only, over a story's articles", () => {
    const news = durandNews();
    const entitiesOf = (d: number) =>
      articleEntities(
        news.articles[d] as Article,
        news.sentencesOf(d).map((s) => s.text),
      );
    const [person] = briefingPeople(news, [[0, 1, 2, 3]], { entitiesOf });
    // `maire` (m3) counts for `maire de Lyon`; `ancienne députée` spells no role of its own inside
    expect(person?.roles.map((r) => [r.role, r.count])).toEqual([
      ["maire de Lyon", 3],
      ["ancienne députée", 1],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { bodyOrganisationCount } from "../src/core/stories/body-reading.ts";
import { buildStories, RANK_FEATURES } from "../src/core/stories/index.ts";
import { newsArticle as art } from "./fakes/articles.ts";

describe("bodyOrganisationCount: the institutions an article's body names", () => {
  const news = createNewsIndex([
    art(
      "inquiry",
      "2026-03-30",
      "Enquête après l'effondrement d'un immeuble",
      "Le parquet a saisi la Police judiciaire de Lyon après l'effondrement. " +
        "Le Conseil départemental du Rhône a ouvert un centre d'accueil. " +
        "Les témoins seront entendus par la Police judiciaire de Lyon. Les blessés sont suivis par l'Agence régionale de santé.",
    ),
    art(
      "remark",
      "2026-03-30",
      "Un chanteur se confie sur sa carrière",
      "Le chanteur a raconté ses débuts dans une interview. Il prépare un nouvel album pour l'automne.",
    ),
  ]);
  const doc = (id: string) => news.articles.findIndex((a) => a.id === id);

  it("counts each named institution once, however often the body repeats it", () => {
    // Police judiciaire de Lyon (twice), Conseil départemental du Rhône, Agence régionale de santé
    expect(bodyOrganisationCount(news, doc("inquiry"))).toBe(3);
  });

  it("gives 0 for a body naming no institution, and for a doc the index does not hold", () => {
    expect(bodyOrganisationCount(news, doc("remark"))).toBe(0);
    expect(bodyOrganisationCount(news, news.articles.length + 5)).toBe(0);
  });

  it("gives the same count when read again (cached per index)", () => {
    const first = bodyOrganisationCount(news, doc("inquiry"));
    expect(bodyOrganisationCount(news, doc("inquiry"))).toBe(first);
  });
});

describe("the ranker's bodyOrgs feature", () => {
  it("is the log-count of the institutions named in the body of the story's headline article", () => {
    const news = createNewsIndex([
      art(
        "ruling",
        "2026-03-30",
        "Un maire condamné pour favoritisme",
        "Le maire a été condamné par le Tribunal correctionnel de Lille. " +
          "Les marchés avaient été signalés par l'Autorité de la concurrence. Il fera appel devant la Cour d'appel de Douai.",
      ),
      art(
        "interview",
        "2026-03-30",
        "Une actrice raconte son enfance",
        "L'actrice a grandi à la campagne. Elle raconte ses souvenirs dans un livre qui paraît jeudi.",
      ),
    ]);
    const stories = buildStories(news, [0, 1], { summarize: false });
    const feature = (id: string) => {
      const doc = news.articles.findIndex((a) => a.id === id);
      return stories.find((s) => s.headline === doc)?.rankFeatures[RANK_FEATURES.indexOf("bodyOrgs")];
    };
    expect(bodyOrganisationCount(news, 0)).toBe(3);
    expect(feature("ruling")).toBeCloseTo(Math.log1p(3), 10);
    expect(feature("interview")).toBe(0);
  });
});

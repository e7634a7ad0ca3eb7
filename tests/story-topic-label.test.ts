// A title's leading topic label (`"Gilets jaunes" : …`, `SPA : …`): FeatureOptions.topicLabelCount
// counts its terms apart from the rest of the title, so two events filed under one theme are not
// one story for the label alone.
import { describe, expect, it } from "vitest";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { articleFeatures, featureKey, similarity, topicLabel } from "../src/core/stories/index.ts";
import { newsArticle as art } from "./fakes/articles.ts";

describe("topicLabel", () => {
  it("splits a short opening before a spaced colon from the event that follows", () => {
    expect(topicLabel('"Gilets jaunes" : le sursaut de Laurent Wauquiez')).toEqual({
      label: '"Gilets jaunes"',
      rest: "le sursaut de Laurent Wauquiez",
    });
    expect(topicLabel("Covid-19: un eurodéputé veut transformer le vin en gel")?.label).toBe("Covid-19");
  });

  it("finds no label in a title without one, a time or a quotation before the colon", () => {
    expect(topicLabel("Uber renforce la sécurité en France")).toBeUndefined();
    expect(topicLabel("Rendez-vous à 10:30 devant la mairie")).toBeUndefined();
    expect(
      topicLabel("« Dès que le Premier ministre aura fini de lire ses textos » : Jacob se paie Cazeneuve"),
    ).toBeUndefined();
  });
});

describe("topicLabelCount", () => {
  // filler so that idf is defined; the two events share the label's words and nothing else
  const filler = Array.from({ length: 40 }, (_, i) =>
    art(
      `filler-${i}`,
      "2019-01-10",
      `Note ${i} sur la météo de la semaine`,
      `Un bulletin numéro ${i} décrit le temps prévu dans les régions.`,
    ),
  );
  const party = art(
    "party",
    "2019-01-16",
    '"Gilets jaunes" : le sursaut de Laurent Wauquiez',
    "Le président des Républicains reprend la main sur son parti avant les européennes.",
  );
  const mayor = art(
    "mayor",
    "2019-01-16",
    '"Gilets jaunes" : le maire de Toulouse s\'infiltre parmi les casseurs',
    "Jean-Luc Moudenc a passé la soirée de samedi dans le cortège, capuche sur la tête.",
  );
  const news = createNewsIndex([...filler, party, mayor]);
  const [a, b] = [news.articles.length - 2, news.articles.length - 1];
  const w = { textWeight: 1, graceDays: 1, halfLifeDays: 3, entityScale: 3 };
  const sim = (topicLabelCount?: number) => {
    const opts = topicLabelCount === undefined ? {} : { topicLabelCount };
    return similarity(articleFeatures(news, a, opts), articleFeatures(news, b, opts), w);
  };

  it("lowers what a shared label alone gives, down to nothing when it is not counted", () => {
    expect(sim()).toBeGreaterThan(0.1);
    expect(sim(1)).toBeLessThan(sim());
    expect(sim(0)).toBe(0);
  });

  it("keeps features computed with and without it apart", () => {
    expect(featureKey({ topicLabelCount: 0 })).not.toBe(featureKey({}));
    // the title's own count is no label treatment: the same features as the default
    expect(featureKey({ topicLabelCount: 2 })).toBe(featureKey({}));
  });
});

describe("labelBound", () => {
  const filler = Array.from({ length: 40 }, (_, i) =>
    art(`filler-${i}`, "2019-01-10", `Note ${i} sur la météo`, `Un bulletin numéro ${i} décrit le temps.`),
  );
  const party = art(
    "party",
    "2019-01-16",
    '"Gilets jaunes" : le sursaut de Laurent Wauquiez',
    "Le président des Républicains reprend la main sur son parti avant les européennes.",
  );
  const mayor = art(
    "mayor",
    "2019-01-16",
    '"Gilets jaunes" : le maire de Toulouse s\'infiltre parmi les casseurs',
    "Jean-Luc Moudenc a passé la soirée de samedi dans le cortège, capuche sur la tête.",
  );
  // a second report of the mayor's night: it shares the label and the event
  const mayor2 = art(
    "mayor2",
    "2019-01-16",
    '"Gilets jaunes" : Jean-Luc Moudenc infiltré parmi les casseurs à Toulouse',
    "Le maire de Toulouse a suivi le cortège de samedi, capuche sur la tête, parmi les casseurs.",
  );
  const news = createNewsIndex([...filler, party, mayor, mayor2]);
  const n = news.articles.length;
  const f = (k: number) => articleFeatures(news, n - 3 + k);
  const w = { textWeight: 1, graceDays: 1, halfLifeDays: 3, entityScale: 3 };
  const bound = { ...w, labelBound: true };

  it("leaves nothing of a label two events share and nothing else", () => {
    expect(similarity(f(0), f(1), w)).toBeGreaterThan(0.1);
    expect(similarity(f(0), f(1), bound)).toBe(0);
  });

  it("keeps the label's part when the two share more than it", () => {
    const rest = similarity(f(1), f(2), bound);
    expect(rest).toBeGreaterThan(0.3);
    // bounded by the rest, not dropped: above the cosine without the label's terms
    expect(rest).toBeCloseTo(similarity(f(1), f(2), w), 6);
  });
});

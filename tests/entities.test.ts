import { describe, expect, it } from "vitest";
import type { Article } from "../src/core/corpus/article.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { articleEntities, findOrganisations, findPeople, whoIs } from "../src/core/entities/index.ts";
import { whoReply } from "../src/core/reply/who-reply.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";

const roles = (s: string, context?: string) => findPeople(s, context).map((p) => [p.name, p.role ?? null]);

describe("role extraction (synthetic sentences)", () => {
  it("reads a role before the name, with or without a comma", () => {
    expect(roles("Le ministre de la Santé Olivier Véran a annoncé de nouvelles mesures.")).toEqual([
      ["Olivier Véran", "ministre de la Santé"],
    ]);
    expect(
      roles("Recevant le ministre coréen de l'Industrie et du Commerce, Park Ji-hoon, à Séoul, il a salué."),
    ).toEqual([["Park Ji-hoon", "ministre coréen de l'Industrie et du Commerce"]]);
    expect(roles("L'ambassadrice Tanaka Yumiko a salué les résultats.")).toEqual([
      ["Tanaka Yumiko", "ambassadrice"],
    ]);
  });

  it("splits a complement from a name that follows it (`du Japon X`), Vietnamese diacritics kept", () => {
    expect(
      roles("Il a reçu le vice-ministre de la Défense du Laos Vông Xay Phết pour un entretien."),
    ).toEqual([["Vông Xay Phết", "vice-ministre de la Défense du Laos"]]);
    expect(roles("Le général de division Trần Văn Bình a souligné les progrès.")).toEqual([
      ["Trần Văn Bình", "général de division"],
    ]);
  });

  it("reads a role in apposition after the name", () => {
    expect(
      roles(
        "Selon Marie Dupont, présidente de la Fédération nationale des pêcheurs (FNP), la saison est bonne.",
      ),
    ).toEqual([["Marie Dupont", "présidente de la Fédération nationale des pêcheurs (FNP)"]]);
    expect(
      roles("Paul Martin, récemment élu maire de Lyon par le conseil municipal, a remercié ses électeurs."),
    ).toEqual([["Paul Martin", "maire de Lyon"]]);
  });

  it("does not give a role across a verb, or one person's role to the next", () => {
    expect(roles("Le président japonais a félicité Nguyễn Văn An pour son élection.")).toEqual([
      ["Nguyễn Văn An", null],
    ]);
    expect(
      roles("Le Premier ministre Jean Castel et le ministre de la Santé Paul Verne ont appelé au calme."),
    ).toEqual([
      ["Jean Castel", "Premier ministre"],
      ["Paul Verne", "ministre de la Santé"],
    ]);
    expect(roles("Le conseiller du Premier ministre Jean Castel a démissionné.")).toEqual([
      ["Jean Castel", "Premier ministre"],
    ]);
  });

  it("needs evidence that a capitalised pair is a person", () => {
    expect(roles("La délégation a visité Nouvelle Calédonie et Hong Kong en mai.")).toEqual([]);
    expect(roles("Kimura Haruto a déclaré que la coopération progresse.")).toEqual([["Kimura Haruto", null]]);
    expect(roles("Selon Kimura Haruto, la coopération progresse.")).toEqual([["Kimura Haruto", null]]);
  });

  it("reads only the runs a caller looks for, and the names they end with (`within`)", () => {
    const s =
      "Le ministre de la Santé Olivier Véran a reçu le vice-ministre de la Défense du Laos Vông Xay Phết.";
    const named = (within?: (k: string) => boolean) =>
      findPeople(s, s, undefined, within).map((p) => [p.name, p.role ?? null]);
    expect(named()).toEqual([
      ["Olivier Véran", "ministre de la Santé"],
      ["Vông Xay Phết", "vice-ministre de la Défense du Laos"],
    ]);
    // the run `Laos Vông Xay Phết` holds the name: kept, the role still split from it
    expect(named((k) => k.includes("xay phet"))).toEqual([
      ["Vông Xay Phết", "vice-ministre de la Défense du Laos"],
    ]);
    expect(named((k) => k.includes("veran"))).toEqual([["Olivier Véran", "ministre de la Santé"]]);
    expect(named(() => false)).toEqual([]);
  });

  it("finds organisations with their acronym", () => {
    expect(
      findOrganisations("Il dirige le Parti social-démocrate (PSD) depuis mai.").map((o) => o.name),
    ).toEqual(["Parti social-démocrate (PSD)"]);
  });

  it("collects people, roles and mentions over an article", () => {
    const a: Article = {
      id: "x",
      title: "t",
      lang: "fr",
      body: "Le ministre laotien des Finances, Vông Xay Phết, est arrivé à Hanoï.\n\nVông Xay Phết a déclaré que tout allait bien. Il a rencontré Vông Xay Phết hier.",
    };
    const e = articleEntities(a);
    expect(e.people).toHaveLength(1);
    expect(e.people[0]).toMatchObject({ name: "Vông Xay Phết", mentions: 3 });
    expect(e.people[0]?.roles.map((r) => r.role)).toEqual(["ministre laotien des Finances"]);
    expect(e.places.map((p) => p.name)).toContain("Hanoï");
  });
});

describe("whoIs", () => {
  const articles: Article[] = [
    {
      id: "a1",
      title: "Un",
      date: "2019-03-01",
      lang: "fr",
      body: "Le député de l'Isère Olivier Vernet a défendu le texte.",
    },
    {
      id: "a2",
      title: "Deux",
      date: "2020-02-20",
      lang: "fr",
      body: "Le ministre de la Santé Olivier Vernet a annoncé un plan. Olivier Vernet a ajouté que les hôpitaux suivraient.",
    },
    {
      id: "a3",
      title: "Trois",
      date: "2020-05-02",
      lang: "fr",
      body: "Le ministre de la Santé Olivier Vernet a visité Lyon.",
    },
  ];
  const news = createNewsIndex(articles);

  it("matches without accents or case, finds the full name from a part, lists roles with their period", () => {
    const p = whoIs(news, "vernet");
    expect(p?.name).toBe("Olivier Vernet");
    expect(p?.articleCount).toBe(3);
    expect(p?.roles[0]).toMatchObject({
      role: "ministre de la Santé",
      count: 2,
      firstDate: "2020-02-20",
      lastDate: "2020-05-02",
    });
    expect(p?.roles.map((r) => r.role)).toContain("député de l'Isère");
    expect(p?.firstMention.source.id).toBe("a1");
    expect(p?.lastMention.source.id).toBe("a3");
    expect(whoReply(p, "vernet").title).toContain("Olivier Vernet");
  });

  it("says so when nobody by that name is in the articles", () => {
    expect(whoIs(news, "Personne Inconnue")).toBeUndefined();
    expect(whoReply(undefined, "Personne Inconnue")).toMatchObject({ isError: true });
  });

  it("on the seeds: Hayashi Yoshimasa's role as the article states it", async () => {
    const { articles: seeds } = await loadCorpus("corpus");
    const p = whoIs(createNewsIndex(seeds), "hayashi yoshimasa");
    expect(p?.roles.map((r) => r.role)).toEqual([
      "ministre japonais des Affaires intérieures et de la Communication",
    ]);
  });
});

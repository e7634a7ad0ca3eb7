import { describe, expect, it } from "vitest";
import type { Article } from "../src/core/corpus/article.ts";
import { stripTitleBoilerplate } from "../src/core/corpus/title-boilerplate.ts";

const article = (id: number, title: string): Article => ({
  id: String(id),
  title,
  lang: "fr",
  body: "Texte.",
});

describe("title boilerplate", () => {
  it("removes a site suffix many titles share, and only that", () => {
    const titles = [
      ...Array.from(
        { length: 30 },
        (_, i) => `Essai ${i} de la citadine : actualité automobile, infos, scoop`,
      ),
      ...Array.from({ length: 30 }, (_, i) => `Grève numéro ${i} - Le Journal`),
      "Retraites : le gouvernement recule",
      "Covid : ce qui change lundi",
    ];
    const out = stripTitleBoilerplate(titles.map((t, i) => article(i, t))).map((a) => a.title);
    expect(out[0]).toBe("Essai 0 de la citadine");
    expect(out[30]).toBe("Grève numéro 0");
    // a tail seen once is the title's own words
    expect(out).toContain("Retraites : le gouvernement recule");
    expect(out).toContain("Covid : ce qui change lundi");
  });

  it("leaves a small corpus alone", () => {
    const arts = [article(1, "Vietnam - Japon : un accord"), article(2, "Japon - Vietnam : un accord")];
    expect(stripTitleBoilerplate(arts)).toEqual(arts);
  });
});

import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createAnswerer } from "../src/core/answer/answerer.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsIndex, withinOneEdit } from "../src/core/search/news-index.ts";

describe("typo tolerance", () => {
  it("knows what one edit is", () => {
    expect(withinOneEdit("nourir", "nourrir")).toBe(true); // insertion
    expect(withinOneEdit("maharashi", "maharishi")).toBe(true); // substitution
    expect(withinOneEdit("soignats", "soignants")).toBe(true);
    expect(withinOneEdit("japno", "japon")).toBe(true); // swap of neighbours
    expect(withinOneEdit("defense", "defense")).toBe(false); // identical: not a typo
    expect(withinOneEdit("japon", "japonais")).toBe(false);
    expect(withinOneEdit("hanoi", "tokyo")).toBe(false);
  });

  it("answers a question with a misspelt name, and still abstains on a name the corpus lacks", async () => {
    const { articles } = await loadCorpus(resolve(import.meta.dirname, "../corpus"));
    const news = createNewsIndex(articles);
    const answerer = createAnswerer(news);
    const typo = answerer.answer("Qui est Hayashi Yoshimassa ?");
    expect(typo.found).toBe(true);
    expect(typo.citations[0]?.id).toMatch(/^003/);
    expect(answerer.answer("Qui est Shinzo Abe ?").found).toBe(false);
    expect(news.expandUnknown([["yoshimassa"]])[0]).toContain("yoshimasa");
  });
});

describe("a large corpus", () => {
  it("indexes and restores more articles than a call can take as arguments", () => {
    // 200k: `push(...articles)` threw RangeError (maximum call stack size exceeded) at start-up
    const many = Array.from({ length: 200_000 }, (_, i) => ({
      id: `a${i}`,
      title: "crue",
      body: "",
      lang: "fr",
    }));
    const news = createNewsIndex(many);
    expect(news.articles).toHaveLength(many.length);
    const state = news.exportState();
    expect(state).toBeDefined();
    const restored = createNewsIndex(many, state ? { saved: state } : {});
    expect(restored.articles).toHaveLength(many.length);
    expect(restored.find("a199999")).toBe(199_999);
  }, 60_000);
});

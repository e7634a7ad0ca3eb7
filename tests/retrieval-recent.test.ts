// The newest articles kept for autocompletion when the texts stay in Postgres: the local corpus's
// articles are read again from the table, and must not be offered twice.
import { describe, expect, it } from "vitest";
import { createRecent } from "../src/app/retrieval.ts";
import type { Article } from "../src/core/corpus/article.ts";

const art = (id: string, date: string, title = id): Article => ({
  id,
  title,
  date,
  lang: "fr",
  body: "texte",
});

describe("recent articles for autocompletion", () => {
  it("keeps one entry per id, the newest first, without texts", () => {
    const recent = createRecent(3);
    recent.add([art("a", "2020-01-01"), art("b", "2020-01-02")]);
    recent.add([art("b", "2020-01-02", "b again"), art("a", "2020-01-01"), art("c", "2020-01-03")]);
    expect(recent.articles().map((a) => a.id)).toEqual(["c", "b", "a"]);
    expect(recent.articles()[1]?.title).toBe("b again");
    expect(recent.articles().every((a) => a.body === "")).toBe(true);
    recent.add([art("d", "2019-12-31"), art("e", "2020-01-04")]);
    expect(recent.articles().map((a) => a.id)).toEqual(["e", "c", "b"]);
  });
});

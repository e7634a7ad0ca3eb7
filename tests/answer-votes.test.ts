// Answer voting: the keys two articles share when they give the same answer, the vote features
// written from first-pass scores, and the rival a confidence is measured against.
import { describe, expect, it } from "vitest";
import { answerKeys } from "../src/core/answer/answer-keys.ts";
import { findDates, findNumbers, findPersonNames } from "../src/core/answer/answer-kinds.ts";
import { addVoteFeatures, rivalOf } from "../src/core/answer/answer-votes.ts";
import { FEATURE_INDEX, FEATURES } from "../src/core/answer/features.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle } from "./fakes/articles.ts";

const news = createNewsIndex([newsArticle("a", "2020-01-01", "Un titre", "Un texte.")]);

describe("answer keys", () => {
  it("gives a figure written two ways, with the word it counts, one key", () => {
    const a = "Le bilan atteint 30 000 morts.";
    const b = "Le bilan atteint 30.000 morts selon l'agence.";
    expect(answerKeys(news, "number", a, findNumbers(a))).toEqual(
      answerKeys(news, "number", b, findNumbers(b)),
    );
    const c = "Le bilan atteint 30 000 blessés.";
    expect(answerKeys(news, "number", c, findNumbers(c))).not.toEqual(
      answerKeys(news, "number", a, findNumbers(a)),
    );
  });
  it("keys a person by surname and a date by day and month", () => {
    const a = "Le Premier ministre Jean Castex a parlé.";
    expect(answerKeys(news, "person", a, findPersonNames(a))).toEqual(["castex"]);
    const d = "Il est parti dimanche 15 mars 2020.";
    const e = "Depuis le 15 mars, tout est fermé.";
    expect(answerKeys(news, "date", d, findDates(d))).toContain("15 mars");
    expect(answerKeys(news, "date", e, findDates(e))).toEqual(["15 mars"]);
  });
});

const voter = (doc: number, keys: string[]) => ({ doc, keys, features: new Float64Array(FEATURES.length) });

describe("vote features", () => {
  it("gives the answer several articles agree on the support of the others", () => {
    const voters = [voter(0, ["b"]), voter(1, ["a"]), voter(2, ["a"]), voter(3, [])];
    addVoteFeatures(voters, [2, 1.5, 1.5, 0]);
    const [lone, agree1, agree2, none] = voters.map((v) => v.features);
    expect(agree1?.[FEATURE_INDEX.voteOthers]).toBeGreaterThan(0);
    expect(lone?.[FEATURE_INDEX.voteOthers]).toBe(0);
    expect(agree2?.[FEATURE_INDEX.voteTop]).toBe(1);
    expect(lone?.[FEATURE_INDEX.voteTop]).toBe(0);
    expect(agree1?.[FEATURE_INDEX.voteShare]).toBeGreaterThan(lone?.[FEATURE_INDEX.voteShare] ?? 1);
    expect(none?.[FEATURE_INDEX.voteShare]).toBe(0);
  });
  it("counts an article repeating itself as one vote", () => {
    const voters = [voter(0, ["a"]), voter(0, ["a"]), voter(1, ["b"])];
    addVoteFeatures(voters, [1, 1, 1]);
    expect(voters[0]?.features[FEATURE_INDEX.voteOthers]).toBe(0);
    expect(voters[0]?.features[FEATURE_INDEX.voteShare]).toBeCloseTo(0.5);
    expect(voters[0]?.features[FEATURE_INDEX.voteArticles]).toBe(
      voters[2]?.features[FEATURE_INDEX.voteArticles],
    );
  });
  it("measures the lead against the first sentence giving another answer", () => {
    const ranked = [
      { keys: ["a"], score: 3 },
      { keys: ["a"], score: 2.9 },
      { keys: ["b"], score: 1 },
    ];
    expect(rivalOf(ranked, ranked[0] as (typeof ranked)[number])?.score).toBe(1);
    const noAnswer = [{ keys: [], score: 3 }, ...ranked];
    expect(rivalOf(noAnswer, noAnswer[0] as (typeof noAnswer)[number])?.score).toBe(3);
  });
});

// The article stage: each candidate's article as the first pass scores it (its best sentence against
// the question's best, its softmax share, the sentence against its article's best, the article's
// other sentences' coverage), as bench/rank-structure.ts measures them.
import { describe, expect, it } from "vitest";
import { articleStageFeatures } from "../bench/lib/article-stage.ts";
import { FEATURE_INDEX, FEATURES } from "../src/core/answer/features.ts";

const cand = (doc: number, coverage: number) => {
  const features = new Float64Array(FEATURES.length);
  features[FEATURE_INDEX.coverage] = coverage;
  return { doc, features };
};

describe("article stage features", () => {
  it("places each sentence's article against the question's best and the sentence within it", () => {
    // article 0: the best sentence (3) and a weaker one (1); article 1: one sentence at 2
    const rows = articleStageFeatures([cand(0, 0.5), cand(0, 0.2), cand(1, 0.9)], [3, 1, 2]);
    const [best, weaker, other] = rows;
    expect(best?.[0]).toBe(0);
    expect(weaker?.[0]).toBe(0);
    expect(other?.[0]).toBe(-1);
    expect(best?.[2]).toBe(0);
    expect(weaker?.[2]).toBe(-2);
    expect(best?.[3]).toBe(1);
    expect(other?.[3]).toBe(0);
    // the article's softmax mass: e^0 + e^-2 against e^-1, shares summing to one over articles
    const z = 1 + Math.exp(-2) + Math.exp(-1);
    expect(best?.[1]).toBeCloseTo((1 + Math.exp(-2)) / z);
    expect(other?.[1]).toBeCloseTo(Math.exp(-1) / z);
    // the other sentences of the article hold coverage 0.2 for the best, 0.5 for the weaker, none for a lone one
    expect(best?.[4]).toBeCloseTo(0.1);
    expect(weaker?.[4]).toBeCloseTo(0.25);
    expect(other?.[4]).toBe(0);
  });
  it("caps a far-behind article and a far-behind sentence", () => {
    const rows = articleStageFeatures([cand(0, 0), cand(0, 0), cand(1, 0)], [20, 0, -30]);
    expect(rows[1]?.[2]).toBe(-6);
    expect(rows[2]?.[0]).toBe(-6);
  });
  it("gives nothing for no candidate", () => {
    expect(articleStageFeatures([], [])).toEqual([]);
  });
});

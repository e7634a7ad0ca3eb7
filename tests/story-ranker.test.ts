import { describe, expect, it } from "vitest";
import {
  LEARNED_RANKER,
  RANK_FEATURES,
  rankScore,
  type StoryRanker,
  standardise,
} from "../src/core/stories/index.ts";

const zeros = () => RANK_FEATURES.map(() => 0);
const withFeature = (name: (typeof RANK_FEATURES)[number], v: number) => {
  const x = zeros();
  x[RANK_FEATURES.indexOf(name)] = v;
  return x;
};

describe("story ranker", () => {
  it("is the trained model over the current features (a stale learned-ranker.ts fails here)", () => {
    expect(LEARNED_RANKER.features).toEqual([...RANK_FEATURES]);
    expect(LEARNED_RANKER.weights).toHaveLength(RANK_FEATURES.length);
    expect(LEARNED_RANKER.scale.every((s) => s > 0)).toBe(true);
  });

  it("ranks a widely covered story above a lone article, all else equal", () => {
    const more = withFeature("articles", Math.log2(1 + 6));
    const one = withFeature("articles", 1);
    expect(rankScore(LEARNED_RANKER, more)).toBeGreaterThan(rankScore(LEARNED_RANKER, one));
  });

  it("bounds what one feature far outside the training range can add", () => {
    expect(standardise(1000, 0, 1)).toBe(3);
    expect(standardise(-1000, 0, 1)).toBe(-3);
    const r: StoryRanker = { features: ["echo"], mean: [0], scale: [0.01], weights: [1] };
    expect(rankScore(r, withFeature("echo", 50))).toBe(3);
  });

  it("adds recency at the hand-set exchange rate against coverage, in the ranker's units", () => {
    const r: StoryRanker = { features: ["articles"], mean: [1], scale: [0.5], weights: [0.2] };
    const x = withFeature("articles", 1);
    // half a doubling of articles (0.5 × 0.2 / 0.5 = 0.2) for the period's newest story
    expect(rankScore(r, x, 1, 0.5) - rankScore(r, x, 0, 0.5)).toBeCloseTo(0.2, 10);
  });
});

import { describe, expect, it } from "vitest";
import { fitRankingTrees } from "../bench/lib/gbdt.ts";
import { treeScore } from "../src/core/answer/tree-ensemble.ts";

describe("ranking trees", () => {
  it("scores by walking each tree to a leaf and summing the leaves", () => {
    const tree = {
      feature: [0, -1, -1],
      threshold: [0.5, 0, 0],
      left: [1, -1, -1],
      right: [2, -1, -1],
      value: [0, -1, 2],
    };
    expect(treeScore([tree, tree], (f) => [0.9][f] ?? 0)).toBe(4);
    expect(treeScore([tree], (f) => [0.1][f] ?? 0)).toBe(-1);
  });

  it("learns an interaction a sum of weights cannot: feature 1 matters only when feature 0 is set", () => {
    // in kind-0 questions (three in four) the right candidate has x1 = 1, in kind-1 ones x1 = 0
    const groups = Array.from({ length: 40 }, (_, i) => {
      const kind = i % 4 === 0 ? 1 : 0;
      return {
        rows: [
          [kind, kind === 0 ? 1 : 0],
          [kind, kind === 0 ? 0 : 1],
        ],
        labels: [1, 0],
        weight: 1,
      };
    });
    const trees = fitRankingTrees(groups, { rounds: 10, depth: 2, rate: 0.5 });
    const s = (x: number[]) => treeScore(trees, (f) => x[f] ?? 0);
    expect(s([0, 1])).toBeGreaterThan(s([0, 0]));
    expect(s([1, 0])).toBeGreaterThan(s([1, 1]));
  });
});

// The wrong candidates a right one is paired with in the ranker's pairwise fit.
import { describe, expect, it } from "vitest";
import { pairNegatives } from "../bench/lib/pair-negatives.ts";

const cands = [
  { y: 0, f: [0.1] },
  { y: 1, f: [0.9] },
  { y: 0, f: [0.5] },
  { y: 0, f: [0.8] },
];

describe("pair negatives", () => {
  it("takes the first wrong candidates in order without a score", () => {
    expect(pairNegatives(cands, 2).map((c) => c.f[0])).toEqual([0.1, 0.5]);
  });
  it("takes the wrong candidates the score ranks best with one, never a right one", () => {
    expect(pairNegatives(cands, 2, (f) => f[0] ?? 0).map((c) => c.f[0])).toEqual([0.8, 0.5]);
    expect(pairNegatives(cands, 5, (f) => f[0] ?? 0)).toHaveLength(3);
  });
});

import { describe, expect, it } from "vitest";
import { averageRankers, coverageNonDecreasing, type EnsembleMember } from "../bench/lib/ranker-ensemble.ts";
import {
  LEARNED_RANKER,
  RANK_FEATURES,
  rankerWords,
  rankScore,
  wordScore,
} from "../src/core/stories/index.ts";

const dims = RANK_FEATURES.length;
const WORDS = RANK_FEATURES.indexOf("words");
const mean = RANK_FEATURES.map((_, k) => 0.1 * k);
const scale = RANK_FEATURES.map((_, k) => 1 + 0.2 * k);
const vec = (f: (k: number) => number) => RANK_FEATURES.map((_, k) => f(k));

/** A member's own score: its word score from its own map, standardised by its own mean and scale. */
function memberScore(m: EnsembleMember, x: readonly number[], terms: readonly string[]): number {
  let s = 0;
  for (let k = 0; k < dims; k++) {
    const v = k === WORDS ? wordScore(m.words, terms) : (x[k] as number);
    s += ((m.weights[k] as number) * (v - (m.mean[k] as number))) / (m.scale[k] as number);
  }
  return s / m.scoreSd;
}
const combinedScore = (
  r: ReturnType<typeof averageRankers>,
  x: readonly number[],
  terms: readonly string[],
) => {
  const y = [...x];
  y[WORDS] = wordScore(rankerWords(r), terms);
  return rankScore(r, y);
};

describe("averaging story rankers", () => {
  const a: EnsembleMember = {
    mean: vec((k) => (k === WORDS ? 0.2 : (mean[k] as number))),
    scale: vec((k) => (k === WORDS ? 0.8 : (scale[k] as number))),
    weights: vec((k) => (k % 3) - 1 + 0.3),
    scoreSd: 2,
    words: new Map([
      ["prefectur", 1.2],
      ["moteur", -0.9],
    ]),
  };
  const b: EnsembleMember = {
    mean: vec((k) => (k === WORDS ? -0.1 : (mean[k] as number))),
    scale: vec((k) => (k === WORDS ? 1.5 : (scale[k] as number))),
    weights: vec((k) => 0.5 - 0.1 * k),
    scoreSd: 0.5,
    words: new Map([
      ["prefectur", 0.4],
      ["bless", 0.7],
      ["moteur", -0.2],
    ]),
  };
  const stories = [
    { x: vec((k) => 0.3 * k), terms: ["prefectur", "bless", "gouvern"] },
    { x: vec((k) => 1 - 0.1 * k), terms: ["moteur", "chevaux"] },
    { x: vec(() => 0.5), terms: ["bless"] },
  ];
  const r = averageRankers(
    [...RANK_FEATURES],
    [a, b],
    WORDS,
    stories.map((s) => s.terms),
    wordScore,
  );

  it("scores every story as the mean of the members' scaled scores, up to one constant", () => {
    const avg = stories.map((s) => (memberScore(a, s.x, s.terms) + memberScore(b, s.x, s.terms)) / 2);
    const got = stories.map((s) => combinedScore(r, s.x, s.terms));
    const shift = (got[0] as number) - (avg[0] as number);
    for (let i = 1; i < stories.length; i++)
      expect((got[i] as number) - (avg[i] as number)).toBeCloseTo(shift, 9);
  });

  it("folds the members' word maps into one, each by its weight over its scale and score deviation", () => {
    const words = rankerWords(r);
    const ca = (a.weights[WORDS] as number) / (a.scale[WORDS] as number) / a.scoreSd / 2;
    const cb = (b.weights[WORDS] as number) / (b.scale[WORDS] as number) / b.scoreSd / 2;
    expect(words?.get("prefectur")).toBeCloseTo(ca * 1.2 + cb * 0.4, 12);
    expect(words?.get("bless")).toBeCloseTo(cb * 0.7, 12);
  });

  it("lets a member count by its ranking, not by the size of its weights", () => {
    const loud: EnsembleMember = { ...a, weights: a.weights.map((w) => 100 * w), scoreSd: 100 * a.scoreSd };
    const r2 = averageRankers(
      [...RANK_FEATURES],
      [loud, b],
      WORDS,
      stories.map((s) => s.terms),
      wordScore,
    );
    for (const s of stories)
      expect(combinedScore(r2, s.x, s.terms)).toBeCloseTo(combinedScore(r, s.x, s.terms), 9);
  });
});

describe("members whose score falls with coverage", () => {
  const A = RANK_FEATURES.indexOf("articles");
  const S = RANK_FEATURES.indexOf("share");
  const member = (wa: number, ws: number) => ({
    mean: vec(() => 0),
    scale: vec((k) => (k === S ? 0.08 : k === A ? 0.5 : 1)),
    weights: vec((k) => (k === A ? wa : k === S ? ws : 0)),
  });

  it("keeps a member that adds score with each article, on every day size", () => {
    expect(coverageNonDecreasing(member(0.1, 0.05), A, S, [10, 110])).toBe(true);
  });

  it("drops one that trades a negative weight on articles for a positive one on the day's share", () => {
    // fine on a quiet day (the share term wins), wrong on a busy one
    expect(coverageNonDecreasing(member(-1.4, 2.2), A, S, [10])).toBe(true);
    expect(coverageNonDecreasing(member(-1.4, 2.2), A, S, [10, 110])).toBe(false);
  });

  it("drops one whose negative share weight overtakes the articles on a large story", () => {
    expect(coverageNonDecreasing(member(0.1, -0.9), A, S, [40])).toBe(false);
  });

  it("holds for the ranker in use (learned-ranker.ts)", () => {
    expect(coverageNonDecreasing(LEARNED_RANKER, A, S, [10, 20, 40, 110])).toBe(true);
  });
});

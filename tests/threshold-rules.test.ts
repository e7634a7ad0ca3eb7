// The threshold rules of bench/lib/threshold-rules.ts: the rate rule hangs on one question at its
// boundary, the cost rule weighs every answered question; the held-out judgments see only what
// they may.
import { describe, expect, it } from "vitest";
import {
  breakEven,
  chooseThreshold,
  forward,
  nested,
  type ScoredQuestion,
  utility,
  utilityDifferenceError,
} from "../bench/lib/threshold-rules.ts";

const q = (fold: string, answerable: boolean, right: boolean, p: number): ScoredQuestion => ({
  set: fold.replace(/-\d+$/, ""),
  fold,
  answerable,
  bypass: false,
  right,
  p,
});

/** 101 answerable news questions (60 right at 0.9, 30 right and 6 wrong at 0.62, 5 wrong at 0.57) and the unanswerable ones. */
function batch(fold: string, unanswerableAt: number[]): ScoredQuestion[] {
  return [
    ...Array.from({ length: 60 }, () => q(fold, true, true, 0.9)),
    ...Array.from({ length: 30 }, () => q(fold, true, true, 0.62)),
    ...Array.from({ length: 6 }, () => q(fold, true, false, 0.62)),
    ...Array.from({ length: 5 }, () => q(fold, true, false, 0.57)),
    ...unanswerableAt.map((p) => q(fold, false, false, p)),
  ];
}

describe("threshold rules", () => {
  const two = [0.62, 0.61, ...Array.from({ length: 18 }, () => 0.2)];
  const three = [0.62, 0.61, 0.63, ...Array.from({ length: 17 }, () => 0.2)];
  it("the rate rule moves with one unanswerable question at the boundary, the cost rule does not", () => {
    expect(chooseThreshold(batch("news-1", two), "point")).toBe(0.6);
    expect(chooseThreshold(batch("news-1", three), "point")).toBe(0.65);
    expect(chooseThreshold(batch("news-1", two), "cost", { cost: 1.5 })).toBe(0.6);
    expect(chooseThreshold(batch("news-1", three), "cost", { cost: 1.5 })).toBe(0.6);
    // a dearer wrong answer leaves the 36 answers at 0.62 (30 right, 6 wrong, 3 unanswerable) out
    expect(chooseThreshold(batch("news-1", three), "cost", { cost: 4 })).toBe(0.65);
  });
  it("scores a right answer +1 and a wrong or unanswerable one −cost, per set", () => {
    const items = [
      q("news-1", true, true, 0.9),
      q("news-1", true, false, 0.9),
      q("news-1", false, false, 0.1),
    ];
    expect(utility(items, 0.5, 2)).toBeCloseTo((1 - 2) / 3);
    expect(utility(items, 0.95, 2)).toBe(0);
    // an answered unanswerable question may cost more than a wrong answer
    const unanswered = [q("news-1", true, true, 0.9), q("news-1", false, false, 0.9)];
    expect(utility(unanswered, 0.5, 1.5, 4)).toBeCloseTo((1 - 4) / 2);
  });
  it("a dearer unanswerable question raises the threshold over the ones answered", () => {
    // the three unanswerable at 0.61–0.63 against the 30 right and 6 wrong at 0.62
    expect(chooseThreshold(batch("news-1", three), "cost", { cost: 1.5, unanswerableCost: 1.5 })).toBe(0.6);
    expect(chooseThreshold(batch("news-1", three), "cost", { cost: 1.5, unanswerableCost: 20 })).toBe(0.65);
  });
  it("settles on the break-even point unless another threshold is clearly better held out", () => {
    expect(breakEven(1.5)).toBe(0.6);
    expect(breakEven(3)).toBe(0.75);
    // 0.65 gains 1 wrong answer's cost on 100 questions and the cost rule takes it; `settled` does not
    const flat = [
      ...Array.from({ length: 60 }, () => q("news-1", true, true, 0.9)),
      ...Array.from({ length: 3 }, () => q("news-1", true, true, 0.62)),
      ...Array.from({ length: 3 }, () => q("news-1", true, false, 0.62)),
      ...Array.from({ length: 34 }, () => q("news-1", true, false, 0.2)),
    ];
    expect(chooseThreshold(flat, "cost", { cost: 1.5 })).toBe(0.65);
    expect(utilityDifferenceError(flat, 0.6, 0.65, 1.5)).toBeGreaterThan(
      utility(flat, 0.65, 1.5) - utility(flat, 0.6, 1.5),
    );
    expect(chooseThreshold(flat, "settled", { cost: 1.5 })).toBe(0.6);
    // forty wrong answers at 0.62 and none right: the evidence moves it
    const clear = [
      ...Array.from({ length: 60 }, () => q("news-1", true, true, 0.9)),
      ...Array.from({ length: 40 }, () => q("news-1", true, false, 0.62)),
    ];
    expect(chooseThreshold(clear, "settled", { cost: 1.5 })).toBe(0.65);
  });
  it("reads no certainty into a set of one question (no sample variance)", () => {
    // one wrong answer at 0.62: the cost rule moves to 0.65 on it, `settled` must not
    const one = [q("news-1", true, false, 0.62)];
    expect(chooseThreshold(one, "cost", { cost: 1.5 })).toBe(0.65);
    expect(utilityDifferenceError(one, 0.6, 0.65, 1.5)).toBeCloseTo(1.5);
    expect(chooseThreshold(one, "settled", { cost: 1.5 })).toBe(0.6);
    // no question between the thresholds: no difference, no error
    expect(utilityDifferenceError([q("news-1", true, true, 0.9)], 0.6, 0.65, 1.5)).toBe(0);
  });
  it("judges each batch at a threshold chosen without it (forward: without the later ones too)", () => {
    const items = [...batch("news-1", two), ...batch("news-2", three), ...batch("news-3", two)];
    const left = nested(items, "point");
    // news-2 alone answers three unanswerable questions at 0.6: left out, the others choose 0.6
    expect(left.thresholds).toEqual([0.65, 0.6, 0.65]);
    expect(left.total.answerable).toBe(303);
    const ahead = forward(items, "point", 2);
    expect(ahead.thresholds).toEqual([0.6, 0.65]);
    expect(ahead.total.unanswerable).toBe(40);
  });
});

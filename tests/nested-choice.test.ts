import { describe, expect, it } from "vitest";
import {
  chooseFamily,
  chooseSetting,
  countTable,
  floorFlag,
  leaveOneDayOut,
  nestedWithFloor,
} from "../bench/lib/nested-choice.ts";
import type { PairCounts } from "../bench/lib/story-labels.ts";
import { prf } from "../bench/lib/story-labels.ts";

const DAYS = 4;
// setting 0 is steady (recall 0.8 every day); setting k (1–4) is perfect on day k − 1 only and
// below the steady one everywhere else: chosen on any days that include its lucky one, it
// loses on the day left out
const steady: PairCounts[] = Array.from({ length: DAYS }, () => ({ tp: 16, fp: 0, fn: 4 }));
const lucky = (k: number): PairCounts[] =>
  Array.from({ length: DAYS }, (_, d) => (d === k ? { tp: 20, fp: 0, fn: 0 } : { tp: 15, fp: 0, fn: 5 }));
const table = countTable([steady, ...Array.from({ length: DAYS }, (_, k) => lucky(k))]);
const all = [0, 1, 2, 3, 4];
const days = [0, 1, 2, 3];

describe("choosing the search space inside the training days", () => {
  it("the whole grid, chosen on the other days, fits their accidents", () => {
    const full = leaveOneDayOut(table, all, days, 0.9);
    expect(prf(full.held).r).toBeCloseTo(0.75);
    const small = leaveOneDayOut(table, [0], days, 0.9);
    expect(prf(small.held).r).toBeCloseTo(0.8);
  });

  it("nested leave-one-day-out picks the steady family although the grid comes first", () => {
    const nested = nestedWithFloor(table, [all, [0]], DAYS, [0.9], 0.9);
    expect(nested.family).toEqual([1, 1, 1, 1]);
    expect(nested.setting).toEqual([0, 0, 0, 0]);
    expect(prf(nested.held).r).toBeCloseTo(0.8);
    expect(chooseFamily(table, [all, [0]], days, 0.9)).toBe(1);
  });

  it("keeps the precision floor: a setting below it is chosen only when none reaches it", () => {
    const t = countTable([[{ tp: 10, fp: 5, fn: 0 }], [{ tp: 6, fp: 0, fn: 4 }]]);
    expect(chooseSetting(t, [0, 1], [], 0.9)).toBe(1);
    expect(chooseSetting(t, [0], [], 0.9)).toBe(0);
  });
});

describe("the --floor flag", () => {
  it("reads a precision, and refuses a missing or non-numeric one instead of choosing with NaN", () => {
    expect(floorFlag(["tsx", "tune", "--write"], 0.9)).toBe(0.9);
    expect(floorFlag(["--floor", "0.95"], 0.9)).toBe(0.95);
    expect(() => floorFlag(["--floor"], 0.9)).toThrow(/--floor needs a precision/);
    expect(() => floorFlag(["--floor", "--nested"], 0.9)).toThrow(/got --nested/);
    expect(() => floorFlag(["--floor", "95"], 0.9)).toThrow(/\(0, 1\]/);
  });
});

describe("choosing by mean per-day figures (countTable perDay)", () => {
  // setting 0 is precise on a big day and merges a quiet day's only pairs; setting 1 is precise on
  // both and misses some of the big day's pairs. Pooled, the big day decides (setting 0 keeps
  // pooled precision 0.93); per day, setting 0's quiet day (precision 0.25) sinks its mean.
  const counts: PairCounts[][] = [
    [
      { tp: 100, fp: 5, fn: 0 },
      { tp: 1, fp: 3, fn: 0 },
    ],
    [
      { tp: 80, fp: 0, fn: 20 },
      { tp: 1, fp: 0, fn: 0 },
    ],
  ];
  it("picks the setting the pooled counts hide", () => {
    expect(chooseSetting(countTable(counts), [0, 1], [], 0.9)).toBe(0);
    expect(chooseSetting(countTable(counts, true), [0, 1], [], 0.9)).toBe(1);
  });
  it("leaves the held-out day out of the means", () => {
    // without the quiet day, setting 0 is precise and recalls more
    expect(chooseSetting(countTable(counts, true), [0, 1], [1], 0.9)).toBe(0);
  });
});

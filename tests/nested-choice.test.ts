import { describe, expect, it } from "vitest";
import {
  chooseFamily,
  chooseSetting,
  countTable,
  floorFlag,
  leaveOneDayOut,
  nestedWithFloor,
  ruleFlag,
} from "../bench/lib/nested-choice.ts";
import type { LabelledDay, PairCounts } from "../bench/lib/story-labels.ts";
import { countsFromDump, prf } from "../bench/lib/story-labels.ts";

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

describe("choosing by days meeting the acceptance (rules days and days-pooled)", () => {
  // three days. Setting 0 has the best pooled F1 with pooled P ≥ 0.9 (the big day 0 decides) but
  // meets P ≥ 0.9 and F1 ≥ 0.8 on day 0 only; settings 1 and 2 meet it on days 1 and 2; setting 2
  // merges day 0's stories (pooled P 0.77) and recalls more of it, setting 1 recalls less of it
  const counts: PairCounts[][] = [
    [
      { tp: 200, fp: 0, fn: 0 },
      { tp: 1, fp: 1, fn: 0 },
      { tp: 1, fp: 0, fn: 3 },
    ],
    [
      { tp: 120, fp: 0, fn: 80 },
      { tp: 1, fp: 0, fn: 0 },
      { tp: 4, fp: 0, fn: 0 },
    ],
    [
      { tp: 200, fp: 60, fn: 0 },
      { tp: 1, fp: 0, fn: 0 },
      { tp: 3, fp: 0, fn: 1 },
    ],
  ];
  it("counts days, pooled F1 only breaking ties", () => {
    expect(chooseSetting(countTable(counts, "pooled"), [0, 1, 2], [], 0.9)).toBe(0);
    // two days each: setting 2's pooled F1 (0.87 against 0.76) wins, whatever its pooled precision
    expect(chooseSetting(countTable(counts, "days", 0.9), [0, 1, 2], [], 0.9)).toBe(2);
    // without day 0, still two days each: setting 1 recalls all of day 2, and wins though listed last
    expect(chooseSetting(countTable(counts, "days", 0.9), [2, 1], [0], 0.9)).toBe(1);
  });
  it("with days-pooled, a setting below the pooled floor is not chosen for its days", () => {
    expect(chooseSetting(countTable(counts, "days-pooled", 0.9), [0, 1, 2], [], 0.9)).toBe(1);
  });
  it("refuses to choose at a floor other than the one days were counted at", () => {
    expect(() => chooseSetting(countTable(counts, "days", 0.9), [0, 1], [], 0.95)).toThrow(/counted at/);
  });
  it("reads --rule, --per-day as its old spelling, and refuses an unknown rule", () => {
    expect(ruleFlag(["--write"])).toBe("pooled");
    expect(ruleFlag(["--per-day"])).toBe("per-day");
    expect(ruleFlag(["--rule", "days-pooled"])).toBe("days-pooled");
    expect(() => ruleFlag(["--rule", "best"])).toThrow(/--rule needs one of/);
  });
});

describe("reading a dump back (--counts FILE)", () => {
  const day = (date: string, labels: string[]): LabelledDay => ({
    date,
    docs: labels.map((_, i) => i),
    gold: new Map(labels.map((l, i) => [i, l])),
    frontPage: [],
    problems: [],
  });
  // day A: 3 articles, one same-story pair; day B: 4 articles, three same-story pairs
  const days = [day("A", ["x", "x", "y"]), day("B", ["x", "x", "x", "y"])];
  it("reads entries that fit their days", () => {
    const raw = Int32Array.from([1, 0, 0, 2, 1, 1, 0, 2, 1, 3, 0, 0]);
    expect(countsFromDump(raw, 2, days)).toEqual([
      [
        { tp: 1, fp: 0, fn: 0 },
        { tp: 2, fp: 1, fn: 1 },
      ],
      [
        { tp: 0, fp: 2, fn: 1 },
        { tp: 3, fp: 0, fn: 0 },
      ],
    ]);
  });
  it("refuses a dump of the right size whose entries do not fit the days (other days, other order)", () => {
    // the days swapped: same entry count, but day A has one same-story pair, not three
    const swapped = Int32Array.from([2, 1, 1, 1, 0, 0, 3, 0, 0, 0, 2, 1]);
    expect(() => countsFromDump(swapped, 2, days, "f.bin")).toThrow(/f.bin: setting 0 on A .*does not fit/);
    expect(() => countsFromDump(Int32Array.from([1, 0, 0, 2, 1, 1]), 2, days)).toThrow(/entries/);
    expect(() => countsFromDump(Int32Array.from([1, 9, 0, 3, 0, 0]), 1, days)).toThrow(/setting 0 on A/);
  });
});

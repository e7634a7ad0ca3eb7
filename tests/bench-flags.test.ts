// The bench scripts' flags (bench/lib/flags.ts, batchesOf of bench/lib/news-questions.ts): a flag
// without its value or with a value of the wrong form stops the script instead of falling back to
// the default, and the default training batches are the ones the committed model was trained on.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createFlags } from "../bench/lib/flags.ts";
import { batchesOf, TRAINING_BATCHES } from "../bench/lib/news-questions.ts";

describe("createFlags", () => {
  it("reads a flag's value, undefined without the flag", () => {
    const flags = createFlags(["--out", "x.json", "--dims", "50"]);
    expect(flags.value("out")).toBe("x.json");
    expect(flags.number("dims")).toBe(50);
    expect(flags.value("terms")).toBeUndefined();
    expect(flags.number("terms")).toBeUndefined();
  });
  it("throws on a flag given without its value", () => {
    expect(() => createFlags(["--batches"]).value("batches")).toThrow(/needs a value/);
    expect(() => createFlags(["--batches", "--fresh"]).value("batches")).toThrow(/needs a value/);
  });
  it("throws on a number flag that is no number", () => {
    expect(() => createFlags(["--dims", "abc"]).number("dims")).toThrow(/a number/);
    expect(() => createFlags(["--dims", ""]).number("dims")).toThrow(/a number/);
    expect(createFlags(["--cost", "-1.5"]).number("cost")).toBe(-1.5);
  });
});

describe("batchesOf", () => {
  it("reads a list of batches, the training batches without the flag", () => {
    expect(batchesOf("3,17")).toEqual([3, 17]);
    expect(batchesOf(undefined)).toEqual([...TRAINING_BATCHES]);
  });
  it("throws on what is no list of batch numbers", () => {
    for (const bad of ["1-16", "1,,2", "", "0", "1.5", "--fresh"])
      expect(() => batchesOf(bad)).toThrow(/--batches/);
  });
  it("defaults to the batches of the committed model's cross-validated report", () => {
    // `npm run train` writes one fold row per news batch it trains on into scorer-cv.md, with the
    // model: a TRAINING_BATCHES changed without retraining would no longer reproduce them
    const report = readFileSync(new URL("../bench/results/scorer-cv.md", import.meta.url), "utf8");
    const folds = [...report.matchAll(/^\| news-(\d+) \|/gm)].map((m) => Number(m[1]));
    expect(folds).toEqual([...TRAINING_BATCHES]);
  });
});

// Runs a bench script with `flags` (cut off at 20 s) and checks that it stopped on `error`: each bad
// flag must stop the script before its minutes of loading or extraction; without the check it runs
// on (NaN weights, a default share, every answer or none) and the test fails at the cut-off.
const root = fileURLToPath(new URL("..", import.meta.url));
function expectStops(script: string, flags: readonly string[], error: RegExp): void {
  const run = spawnSync("node", ["bin/run-ts.mjs", script, ...flags], {
    cwd: root,
    encoding: "utf8",
    timeout: 20_000,
  });
  expect(run.signal).toBeNull();
  expect(run.status).not.toBe(0);
  expect(run.stderr).toMatch(error);
}

describe("npm run train's flags", () => {
  it.each([
    [["--l2", "abc"], /--l2: a number/],
    [["--news-weight"], /--news-weight needs a value/],
    [["--rounds", "--fresh"], /--rounds needs a value/],
    [["--candidates", "many"], /--candidates: a number/],
    [["--gate-shares", "nws:2"], /--gate-shares/],
    [["--gate-shares", "news:x"], /--gate-shares/],
    [["--dump"], /--dump needs a value/],
  ])(
    "stops on %j",
    (flags, error) => expectStops("bench/train-scorer.ts", [...flags, "--no-write"], error),
    30_000,
  );
});

describe("npm run eval:news's flags", () => {
  // a threshold outside 0–1 would answer everything or nothing
  it.each([
    [["--threshold", "1.5"], /--threshold: a probability/],
    [["--threshold", "-0.1"], /--threshold: a probability/],
    [["--threshold", "abc"], /--threshold: a number/],
    [["--threshold"], /--threshold needs a value/],
  ])(
    "stops on %j",
    (flags, error) => expectStops("bench/eval-news.ts", ["--batches", "1", ...flags], error),
    30_000,
  );
});

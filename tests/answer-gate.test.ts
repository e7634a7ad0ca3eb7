// The answer gate's inputs: how the ranking agrees with the top sentence's answer.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  GATE_FEATURES,
  GATE_INPUTS,
  type GateCandidate,
  gateInputs,
  MARGIN_CAP,
} from "../src/core/answer/answer-gate.ts";
import { FEATURE_INDEX, FEATURES } from "../src/core/answer/features.ts";
import { createScorer } from "../src/core/answer/scorer.ts";

const blank = new Float64Array(FEATURES.length);
const at = (inputs: number[], name: (typeof GATE_INPUTS)[number]) =>
  inputs[GATE_INPUTS.indexOf(name)] as number;
const cand = (score: number, doc: number, keys: string[] = [], features = blank): GateCandidate => ({
  score,
  doc,
  keys,
  features,
});

describe("answer gate inputs", () => {
  it("measures the lead over the best sentence giving ANOTHER answer, not over an agreeing runner-up", () => {
    const inputs = gateInputs([cand(3, 0, ["castex"]), cand(2.9, 1, ["castex"]), cand(1, 2, ["philippe"])]);
    expect(at(inputs, "margin")).toBeCloseTo(0.1);
    expect(at(inputs, "rivalMargin")).toBeCloseTo(2);
    expect(at(inputs, "answerArticles")).toBeCloseTo(2 / 5);
  });
  it("gives an answer the whole ranking agrees on a larger share than one the ranking splits on", () => {
    const agreed = gateInputs([cand(2, 0, ["a"]), cand(2, 1, ["a"]), cand(2, 2, ["a"])]);
    const split = gateInputs([cand(2, 0, ["a"]), cand(2, 1, ["b"]), cand(2, 2, ["c"])]);
    expect(at(agreed, "answerShare")).toBeCloseTo(1);
    expect(at(split, "answerShare")).toBeCloseTo(1 / 3);
    expect(at(split, "answerCount")).toBeGreaterThan(at(agreed, "answerCount"));
    expect(at(agreed, "topShare")).toBeCloseTo(1 / 3);
  });
  it("gives no answer share to a sentence that gives no answer of the asked kind", () => {
    const inputs = gateInputs([cand(2, 0), cand(1, 0)]);
    expect(at(inputs, "answerShare")).toBe(0);
    expect(at(inputs, "articleShare")).toBeCloseTo(1);
  });
  it("caps the leads when the top sentence stands alone, and scores nothing when there is none", () => {
    const alone = gateInputs([cand(4, 0, ["a"])]);
    expect(at(alone, "margin")).toBe(MARGIN_CAP);
    expect(at(alone, "rivalMargin")).toBe(MARGIN_CAP);
    expect(gateInputs([]).every((x) => x === 0)).toBe(true);
  });
  it("carries the top score into `bestOther` only when no kind is checked", () => {
    const other = new Float64Array(FEATURES.length);
    other[FEATURE_INDEX.kindOther] = 1;
    expect(at(gateInputs([cand(3, 0, [], other)]), "bestOther")).toBe(3);
    expect(at(gateInputs([cand(3, 0)]), "bestOther")).toBe(0);
  });
});

describe("the committed model", () => {
  // the scorer gives an input the model does not name a weight of 0 without a word: a gate feature
  // added to the code but not to the trained model would be computed on every answer and never read
  it("weighs every input the gate reads and every feature the ranker reads", () => {
    const model = JSON.parse(
      readFileSync(new URL("../src/core/answer/scorer-model.json", import.meta.url), "utf8"),
    ) as { confidence: { inputs: string[] }; features?: string[] };
    for (const name of [...GATE_INPUTS, ...GATE_FEATURES]) expect(model.confidence.inputs).toContain(name);
  });

  it("reads the top sentence's votes and the question's names away from it (answers22)", () => {
    // the same ranking, the top's answer backed by other articles or by none; the question's only
    // name written near the top sentence or nowhere in its article
    const scorer = createScorer();
    const confidence = (set: Partial<Record<(typeof FEATURES)[number], number>>) => {
      const f = new Float64Array(FEATURES.length);
      f[FEATURE_INDEX.kindPerson] = 1;
      f[FEATURE_INDEX.kindFound] = 1;
      for (const [name, value] of Object.entries(set))
        f[FEATURE_INDEX[name as (typeof FEATURES)[number]]] = value;
      return scorer.confidence([cand(2, 0, ["a"], f), cand(1, 1, ["b"])]);
    };
    expect(confidence({ voteShare: 1, voteTop: 1, voteArticles: 0.6 })).not.toBeCloseTo(confidence({}), 3);
    expect(confidence({ namesAwayArticle: 1, namesAwayNearby: 1 })).toBeLessThan(confidence({}));
  });
});

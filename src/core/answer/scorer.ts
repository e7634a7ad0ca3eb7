// Step 4, scoring: a logistic model over the candidate features says how likely a sentence is to
// hold the answer; a second model, the answer gate (./answer-gate.ts), turns how the ranking
// agrees with the best sentence's answer, and that sentence's features, into the probability that
// the answer is right. Both are trained by
// `npm run train` (bench/train-scorer.ts) and stored in scorer-model.json; nothing is set by hand.
import { GATE_INPUTS, type GateCandidate, gateInputs } from "./answer-gate.ts";
import { FEATURES } from "./features.ts";
import type { AnswerKind } from "./question.ts";
import trained from "./scorer-model.json" with { type: "json" };
import { type Tree, treeScore } from "./tree-ensemble.ts";

export interface ScorerModel {
  /** Feature names, in the order of `weights`. */
  readonly features: readonly string[];
  readonly weights: readonly number[];
  readonly bias: number;
  /**
   * The first pass, same features: its scores weigh each sentence's vote for its answer
   * (./answer-votes.ts) before the final score. Absent: no voting, the vote features stay 0.
   */
  readonly first?: { readonly weights: readonly number[]; readonly bias: number };
  /** Regression trees over the same features, added to the linear score (when training chose them). */
  readonly trees?: readonly Tree[];
  /**
   * The confidence model (the answer gate), fitted on held-out folds: p = σ(weights · inputs +
   * bias) where the inputs are the answer-level ones of ./answer-gate.ts (the best score, its
   * leads, how the ranking agrees with its answer…) and the best sentence's features, by name.
   */
  readonly confidence: {
    readonly inputs: readonly string[];
    readonly weights: readonly number[];
    readonly bias: number;
  };
  /** Least calibrated confidence to answer (chosen for precision on held-out folds). */
  readonly threshold: number;
  /**
   * The same, per asked kind (`rank` counts as `other`), where training chose one: a kind whose
   * answers are less often right at the same confidence needs more of it.
   */
  readonly thresholds?: { readonly [kind in AnswerKind]?: number };
}

export interface Scorer {
  readonly model: ScorerModel;
  /** Least confidence to answer a question of this kind. */
  thresholdFor(kind: AnswerKind): number;
  /** Whether the model votes (has a first pass). */
  readonly votes: boolean;
  /** The first-pass score (the final weights when the model has no first pass). */
  firstScore(features: Float64Array): number;
  /** The sentence's score (a log-odds). */
  score(features: Float64Array): number;
  /** Probability that the answer of `ranked[0]` is right, `ranked` being the scored candidates, best first. */
  confidence(ranked: readonly GateCandidate[]): number;
}

/** The inputs of the confidence model, in order, before the features. */
export const CONFIDENCE_INPUTS = GATE_INPUTS;

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function createScorer(model: ScorerModel = trained as ScorerModel): Scorer {
  // a model trained on other features is mapped by name; a feature it lacks weighs nothing
  const byName = (w: readonly number[]) =>
    FEATURES.map((name) => {
      const at = model.features.indexOf(name);
      return at >= 0 ? (w[at] ?? 0) : 0;
    });
  const weights = byName(model.weights);
  const first = model.first ? byName(model.first.weights) : undefined;
  const linear = (w: readonly number[], bias: number, features: Float64Array) => {
    let s = bias;
    for (let i = 0; i < w.length; i++) s += (w[i] as number) * (features[i] as number);
    return s;
  };
  const confidenceWeights = [...CONFIDENCE_INPUTS, ...FEATURES].map((name) => {
    const at = model.confidence.inputs.indexOf(name);
    return at >= 0 ? (model.confidence.weights[at] ?? 0) : 0;
  });
  // the trees' feature indices are the model's; map them to positions in FEATURES
  const treeFeature = model.features.map((name) => FEATURES.indexOf(name as (typeof FEATURES)[number]));
  const trees = model.trees ?? [];
  const lead = CONFIDENCE_INPUTS.length;
  return {
    model,
    votes: first !== undefined,
    thresholdFor: (kind) => model.thresholds?.[kind === "rank" ? "other" : kind] ?? model.threshold,
    firstScore: (features) =>
      first ? linear(first, model.first?.bias ?? 0, features) : linear(weights, model.bias, features),
    score(features) {
      let s = linear(weights, model.bias, features);
      if (trees.length > 0) s += treeScore(trees, (f) => features[treeFeature[f] as number] ?? 0);
      return s;
    },
    confidence(ranked) {
      const top = ranked[0];
      if (!top) return 0;
      const inputs = gateInputs(ranked);
      const features = top.features;
      let z = model.confidence.bias;
      for (let i = 0; i < lead; i++) z += (confidenceWeights[i] as number) * (inputs[i] as number);
      for (let i = 0; i < FEATURES.length; i++)
        z += (confidenceWeights[i + lead] as number) * (features[i] as number);
      return sigmoid(z);
    },
  };
}

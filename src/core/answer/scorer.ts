// Step 4, scoring: a logistic model over the candidate features says how likely a sentence is to
// hold the answer; a second, calibration model turns the best sentence's score, its lead over
// the runner-up and its features into the probability that the answer is right. Both are trained by
// `npm run train` (bench/train-scorer.ts) and stored in scorer-model.json; nothing is set by hand.
import { FEATURES } from "./features.ts";
import trained from "./scorer-model.json" with { type: "json" };
import { type Tree, treeScore } from "./tree-ensemble.ts";

export interface ScorerModel {
  /** Feature names, in the order of `weights`. */
  readonly features: readonly string[];
  readonly weights: readonly number[];
  readonly bias: number;
  /** Regression trees over the same features, added to the linear score (when training chose them). */
  readonly trees?: readonly Tree[];
  /**
   * The confidence model, fitted on held-out folds: p = σ(weights · inputs + bias) where the inputs
   * are the best score (`best`), its lead over the runner-up (`margin`) and the best sentence's features.
   */
  readonly confidence: {
    readonly inputs: readonly string[];
    readonly weights: readonly number[];
    readonly bias: number;
  };
  /** Least calibrated confidence to answer (chosen for precision on held-out folds). */
  readonly threshold: number;
}

export interface Scorer {
  readonly model: ScorerModel;
  /** The sentence's score (a log-odds). */
  score(features: Float64Array): number;
  /** Probability that the answer is right, from the best score, its lead and the best sentence's features. */
  confidence(best: number, runnerUp: number | undefined, features: Float64Array): number;
}

export const MARGIN_CAP = 5;

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function createScorer(model: ScorerModel = trained as ScorerModel): Scorer {
  // a model trained on other features is mapped by name; a feature it lacks weighs nothing
  const weights = FEATURES.map((name) => {
    const at = model.features.indexOf(name);
    return at >= 0 ? (model.weights[at] ?? 0) : 0;
  });
  const confidenceWeights = ["best", "margin", ...FEATURES].map((name) => {
    const at = model.confidence.inputs.indexOf(name);
    return at >= 0 ? (model.confidence.weights[at] ?? 0) : 0;
  });
  // the trees' feature indices are the model's; map them to positions in FEATURES
  const treeFeature = model.features.map((name) => FEATURES.indexOf(name as (typeof FEATURES)[number]));
  const trees = model.trees ?? [];
  return {
    model,
    score(features) {
      let s = model.bias;
      for (let i = 0; i < weights.length; i++) s += (weights[i] as number) * (features[i] as number);
      if (trees.length > 0) s += treeScore(trees, (f) => features[treeFeature[f] as number] ?? 0);
      return s;
    },
    confidence(best, runnerUp, features) {
      const margin = runnerUp === undefined ? MARGIN_CAP : Math.min(MARGIN_CAP, best - runnerUp);
      let z =
        model.confidence.bias +
        (confidenceWeights[0] as number) * best +
        (confidenceWeights[1] as number) * margin;
      for (let i = 0; i < FEATURES.length; i++)
        z += (confidenceWeights[i + 2] as number) * (features[i] as number);
      return sigmoid(z);
    },
  };
}

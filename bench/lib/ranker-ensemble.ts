// One story ranker from many: with ten or eleven labelled days, choosing a single setting (the word
// model's smoothing, pairwise or listwise, the L2 penalty) by an inner leave-one-day-out picks a
// different setting for nearly every held-out day and the choice is noise (bench/results/stories.md,
// round 5). Averaging the models of every setting instead removes that choice. Each model's score
// is divided by its standard deviation over the training stories, so a strongly penalised model
// (tiny weights) counts as much as a loose one. All the models are linear over the same
// standardised features, so their average is again one linear model; the `words` feature, whose
// word map differs by setting, folds in because a headline's word score is linear in the map
// (Σ c·wordScore(w, terms) = wordScore(Σ c·w, terms)).
import type { StoryRanker } from "../../src/core/stories/rank-features.ts";

export interface EnsembleMember {
  /** The member's feature means and scales (its standardisation) and weights on the standardised features. */
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  /** Standard deviation of the member's scores over the training stories. */
  readonly scoreSd: number;
  /** The member's word map (the feature at `wordsIndex` is its word score), when it has one. */
  readonly words?: ReadonlyMap<string, number>;
}

/**
 * The average of `members`' scores, each divided by its score deviation, as one ranker over
 * `features`. The members must share the standardisation of every feature but the word score
 * (they are fitted on the same training stories). The word score becomes the combined map's
 * score, standardised by its mean and deviation over `wordTerms` (the training stories' headline
 * stems), with the weight that gives back the average. Clipping at ±3 deviations (rank-features.ts)
 * applies to the combined word score instead of each member's.
 */
export function averageRankers<T>(
  features: StoryRanker["features"],
  members: readonly EnsembleMember[],
  wordsIndex: number,
  wordTerms: readonly T[],
  wordScore: (w: ReadonlyMap<string, number>, terms: T) => number,
): StoryRanker {
  const first = members[0];
  if (!first) throw new Error("averageRankers: no member");
  const dims = features.length;
  const weights = new Array<number>(dims).fill(0);
  const words = new Map<string, number>();
  for (const m of members) {
    const sd = m.scoreSd || 1;
    for (let k = 0; k < dims; k++) {
      if (k === wordsIndex) continue;
      weights[k] = (weights[k] as number) + (m.weights[k] as number) / sd / members.length;
    }
    if (wordsIndex < 0 || !m.words) continue;
    // weight · (score − mean) / scale: the map scaled by weight / scale (the mean is a constant shift)
    const c = (m.weights[wordsIndex] as number) / (m.scale[wordsIndex] || 1) / sd / members.length;
    if (c === 0) continue;
    for (const [t, w] of m.words) words.set(t, (words.get(t) ?? 0) + c * w);
  }
  const mean = [...first.mean];
  const scale = [...first.scale];
  if (wordsIndex >= 0) {
    // the combined map's score is already in score units: standardise it for the clip, and weight it back
    const { mu, sd } = meanAndDeviation(wordTerms.map((t) => wordScore(words, t)));
    mean[wordsIndex] = mu;
    scale[wordsIndex] = sd;
    weights[wordsIndex] = sd;
  }
  return { features, mean, scale, weights, ...(wordsIndex >= 0 ? { words: Object.fromEntries(words) } : {}) };
}

/** Mean and standard deviation of `values` (a deviation of 0, or no value, counts as 1: a scale). */
export function meanAndDeviation(values: readonly number[]): { mu: number; sd: number } {
  const n = Math.max(1, values.length);
  const mu = values.reduce((s, v) => s + v, 0) / n;
  return { mu, sd: Math.sqrt(values.reduce((s, v) => s + (v - mu) ** 2, 0) / n) || 1 };
}

/**
 * Whether `m` scores a story at least as high when it has one more article, all else equal, on
 * days of each of `daySizes` articles: the `articles` feature is log2(1 + n) and `share` is n / day
 * size (rank-features.ts), two views of one count. A weakly penalised fit can trade one against
 * the other (a large negative weight on one, a larger positive on the other) and then ranks a
 * ten-article story below a lone article on a busy day; such a member is left out of the average.
 */
export function coverageNonDecreasing(
  m: Pick<EnsembleMember, "mean" | "scale" | "weights">,
  articlesIndex: number,
  shareIndex: number,
  daySizes: readonly number[],
): boolean {
  const wa = articlesIndex >= 0 ? (m.weights[articlesIndex] as number) / (m.scale[articlesIndex] || 1) : 0;
  const ws = shareIndex >= 0 ? (m.weights[shareIndex] as number) / (m.scale[shareIndex] || 1) : 0;
  for (const size of daySizes) {
    const f = (n: number) => wa * Math.log2(1 + n) + (ws * n) / size;
    for (let n = 1; n < size; n++) if (f(n + 1) < f(n) - 1e-12) return false;
  }
  return true;
}

// Which words a front page leads with: hard news (a judge, a prefecture, a minister, casualties)
// against magazine pieces (an engine's horsepower, a celebrity's confession). Learned from labelled
// front pages as naive-Bayes log-odds of a word's presence in a front-page story's titles and leads
// against its presence in the others' (bench/train-story-ranker.ts: every article of a story is an
// example, the story counted once — a word in all its articles counts as one story's, a word in one
// of four as a quarter); a story scores its headline article's words. A word no labelled story
// used scores 0, so a corpus in another language or on other subjects only loses this one signal.

/** One article of a labelled story: the stems of its title and lead, and whether its story led. */
export interface WordExample {
  readonly terms: readonly string[];
  readonly front: boolean;
  /** The labelled day it comes from (a word must be seen on `minDays` days to be kept). */
  readonly day: string;
  /** How much the example counts (default 1): a story's member articles share one story's weight. */
  readonly weight?: number;
}

export interface WordWeightOptions {
  /** Additive smoothing of the presence counts. */
  readonly alpha: number;
  /** Distinct labelled days a word must appear on: a word of one day's story is that story's, not a section's. */
  readonly minDays: number;
}

/** Stem → log P(word | front page) / P(word | not), smoothed; words seen on fewer than `minDays` days are left out. */
export function fitWordWeights(
  examples: readonly WordExample[],
  { alpha, minDays }: WordWeightOptions,
): Map<string, number> {
  const front = new Map<string, number>();
  const other = new Map<string, number>();
  const days = new Map<string, Set<string>>();
  let nFront = 0;
  let nOther = 0;
  for (const ex of examples) {
    const counts = ex.front ? front : other;
    const weight = ex.weight ?? 1;
    if (ex.front) nFront += weight;
    else nOther += weight;
    for (const t of new Set(ex.terms)) {
      counts.set(t, (counts.get(t) ?? 0) + weight);
      let seen = days.get(t);
      if (!seen) {
        seen = new Set();
        days.set(t, seen);
      }
      seen.add(ex.day);
    }
  }
  const weights = new Map<string, number>();
  for (const [t, seen] of days) {
    if (seen.size < minDays) continue;
    const pFront = ((front.get(t) ?? 0) + alpha) / (nFront + 2 * alpha);
    const pOther = ((other.get(t) ?? 0) + alpha) / (nOther + 2 * alpha);
    weights.set(t, Math.log(pFront / pOther));
  }
  return weights;
}

/** A headline's word score: the weights of its distinct stems summed, over √(stems) (a long lead is not evidence by itself). */
export function wordScore(weights: ReadonlyMap<string, number> | undefined, terms: Iterable<string>): number {
  if (!weights || weights.size === 0) return 0;
  let sum = 0;
  let n = 0;
  for (const t of new Set(terms)) {
    sum += weights.get(t) ?? 0;
    n++;
  }
  return n > 0 ? sum / Math.sqrt(n) : 0;
}

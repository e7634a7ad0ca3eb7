// How likely two articles report the same story: the cosine of their title-and-lead TF-IDF
// vectors, blended with the rare named entities they share, damped by the days between them.
// The blend and the threshold are learned by bench/tune-stories.ts (see bench/results/stories.md).
import { type ArticleFeatures, spreadDot, termNumber } from "./features.ts";
import { conflictingNameWords } from "./name-conflicts.ts";

export interface SimilarityWeights {
  /** Weight of the text cosine (the entity cosine gets `1 - textWeight`). */
  readonly textWeight: number;
  /** Days apart with no penalty (same news cycle). */
  readonly graceDays: number;
  /** Beyond the grace, similarity is divided by `1 + extraDays / halfLifeDays`. */
  readonly halfLifeDays: number;
  /** Summed rarity of shared names that gives ~63 % of the entity evidence. */
  readonly entityScale: number;
  /**
   * Most one shared term may add to the text cosine (absent or 0 = no cap). Two articles of one
   * story share several words; two events that share one rare word (`perquisition`, `chauffard`, a
   * first name, an airport named after a king) do not, and one word alone then cannot make them
   * one story.
   */
  readonly termCap?: number;
  /**
   * Fewest shared terms, counted by spread (features.ts spreadDot), the text cosine needs in
   * full: below it, it is scaled down in proportion (absent or 0 = no floor). One heavily weighted
   * shared word then cannot make two events one story, whatever its weight.
   */
  readonly minSharedTerms?: number;
  /**
   * Leave out of the text cosine the words two articles share only inside two different names
   * (name-conflicts.ts: `Brigitte` of Brigitte Lahaie and Brigitte Macron). Absent or false = off.
   * Round 21 (stories26, bench/results/stories.md).
   */
  readonly nameConflicts?: boolean;
}

/**
 * Throws on weights no similarity can be computed with: a negative (or non-finite) cap or shared-terms
 * floor would silently mean something else (a negative cap turns every shared word into a penalty).
 */
export function checkWeights(w: SimilarityWeights): void {
  for (const [name, value] of [
    ["termCap", w.termCap],
    ["minSharedTerms", w.minSharedTerms],
  ] as const)
    if (value !== undefined && !(Number.isFinite(value) && value >= 0))
      throw new Error(`similarity weights: ${name} must be a number ≥ 0 (0 = none), got ${value}`);
}

export const DEFAULT_WEIGHTS: SimilarityWeights = {
  textWeight: 0.7,
  graceDays: 1,
  halfLifeDays: 3,
  entityScale: 6,
};

export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const v = big.get(t);
    if (v !== undefined) dot += w * v;
  }
  return dot;
}

/**
 * Evidence from shared rare names, 0–1: the summed rarity of the names both articles give,
 * saturating (`1 - e^(-shared / entityScale)`). It is absolute, not a cosine, so two short
 * articles that each name one person are not "identical" for that alone.
 */
export function sharedEntities(a: ArticleFeatures, b: ArticleFeatures, w: SimilarityWeights): number {
  if (a.entities.size === 0 || b.entities.size === 0) return 0;
  const [small, big] =
    a.entities.size <= b.entities.size ? [a.entities, b.entities] : [b.entities, a.entities];
  let shared = 0;
  for (const [e, weight] of small) if (big.has(e)) shared += weight;
  return 1 - Math.exp(-shared / w.entityScale);
}

export function timeFactor(a: ArticleFeatures, b: ArticleFeatures, w: SimilarityWeights): number {
  if (a.day === undefined || b.day === undefined) return 1;
  const extra = Math.max(0, Math.abs(a.day - b.day) - w.graceDays);
  return 1 / (1 + extra / w.halfLifeDays);
}

/** The term numbers of the words `a` and `b` share only inside different names, or undefined. */
function conflictSkip(a: ArticleFeatures, b: ArticleFeatures): Set<number> | undefined {
  const words = conflictingNameWords(a, b);
  if (words.length === 0) return undefined;
  const ids = new Set<number>();
  for (const w of words) {
    const id = termNumber(w);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

export function similarity(
  a: ArticleFeatures,
  b: ArticleFeatures,
  w: SimilarityWeights = DEFAULT_WEIGHTS,
): number {
  const cap = w.termCap || Number.POSITIVE_INFINITY;
  const text = spreadDot(
    a.sparse,
    b.sparse,
    w.minSharedTerms ?? 0,
    cap,
    w.nameConflicts ? conflictSkip(a, b) : undefined,
  );
  const ent = w.textWeight < 1 ? sharedEntities(a, b, w) : 0;
  return (w.textWeight * text + (1 - w.textWeight) * ent) * timeFactor(a, b, w);
}

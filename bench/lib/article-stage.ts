// The article stage (answers24, measured by bench/rank-structure.ts, not shipped: held out it moved
// the top sentence by a few questions either way): which article answers is a question of its own,
// before which of its sentences.
// After the first scoring pass (the one that weighs the votes, ./answer-votes.ts), each candidate
// gets features of its article as the first pass sees it: how its article's best sentence stands
// against the question's best, the article's share of the softmax over all candidates, how the
// sentence stands against its article's best, and how much of the question the article's other
// candidate sentences hold. The second pass then weighs a sentence with its article's evidence: a
// sentence repeating many question words in an article that says little else of them loses to one
// in the article whose sentences all speak of the question.
import { FEATURE_INDEX } from "../../src/core/answer/features.ts";

/** Names of the article-stage features, in the order `articleStageFeatures` returns them. */
export const ARTICLE_STAGE_FEATURES = [
  "articleLead",
  "articleMass",
  "sentenceInArticle",
  "articleFirst",
  "articleSupport",
] as const;

export interface StageCandidate {
  readonly doc: number;
  readonly features: ArrayLike<number>;
}

/** Score gaps (log-odds) beyond which an article or a sentence is simply far behind. */
const GAP_CAP = 6;
/** Coverage of the article's other candidates at which `articleSupport` saturates. */
const SUPPORT_CAP = 2;

/** The article-stage features of each candidate (same order), from the first-pass `scores`. */
export function articleStageFeatures(
  cands: readonly StageCandidate[],
  scores: readonly number[],
): number[][] {
  if (cands.length === 0) return [];
  let top = Number.NEGATIVE_INFINITY;
  for (const s of scores) if (s > top) top = s;
  const best = new Map<number, number>();
  const mass = new Map<number, number>();
  const cover = new Map<number, number>();
  let total = 0;
  cands.forEach((c, i) => {
    const s = scores[i] as number;
    best.set(c.doc, Math.max(best.get(c.doc) ?? Number.NEGATIVE_INFINITY, s));
    const e = Math.exp(s - top);
    total += e;
    mass.set(c.doc, (mass.get(c.doc) ?? 0) + e);
    cover.set(c.doc, (cover.get(c.doc) ?? 0) + (c.features[FEATURE_INDEX.coverage] as number));
  });
  return cands.map((c, i) => {
    const own = best.get(c.doc) as number;
    const others = (cover.get(c.doc) as number) - (c.features[FEATURE_INDEX.coverage] as number);
    return [
      Math.max(-GAP_CAP, own - top),
      (mass.get(c.doc) as number) / total,
      Math.max(-GAP_CAP, (scores[i] as number) - own),
      own === top ? 1 : 0,
      Math.min(1, others / SUPPORT_CAP),
    ];
  });
}

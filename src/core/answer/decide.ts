// Step 5, deciding: the best-scoring sentence answers, unless the question is about something the
// archive does not cover (a name or year it never mentions, a time frame outside its dates) or the
// calibrated confidence is below the threshold. Among sentences scoring about as well and holding
// the asked kind alike, the newest article wins: a figure that changes is quoted as last stated.
import type { NewsIndex } from "../search/news-index.ts";
import { FEATURE_INDEX, type SentenceCandidate } from "./features.ts";
import { passesGuards } from "./guards.ts";
import type { Reading } from "./read-question.ts";
import type { Scorer } from "./scorer.ts";

export interface ScoredSentence extends SentenceCandidate {
  readonly score: number;
}

export type Decision =
  | { readonly found: true; readonly best: ScoredSentence; readonly confidence: number }
  | {
      readonly found: false;
      readonly confidence: number;
      readonly why: "unknown" | "outside" | "unsure" | "unfit";
    };

export interface DecideOptions {
  /** Sentences within this score (log-odds) of the best compete on recency. */
  readonly recencyMargin: number;
  /** Overrides the model's threshold. */
  readonly minConfidence?: number;
  /** The archive's first and last dates (`YYYY-MM-DD`), for frames it does not cover. */
  readonly span: { readonly first: string; readonly last: string };
}

export function decide(
  news: NewsIndex,
  q: Reading,
  scored: readonly ScoredSentence[],
  scorer: Scorer,
  options: DecideOptions,
): Decision {
  if (q.unknownName) return { found: false, confidence: 0, why: "unknown" };
  const frame = q.frame;
  const { last } = options.span;
  // a frame after the archive's last day: articles can only anticipate it (a frame before its first
  // day is fine: articles tell of the past)
  if (frame?.from && last && frame.from.slice(0, 10) > last)
    return { found: false, confidence: 0, why: "outside" };
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const top = ranked[0];
  if (!top) return { found: false, confidence: 0, why: "unsure" };
  const confidence = scorer.confidence(ranked);
  const threshold = options.minConfidence ?? scorer.thresholdFor(q.kind);
  if (confidence < threshold) return { found: false, confidence, why: "unsure" };
  const best = newestAsGood(news, ranked, top, options.recencyMargin);
  if (!passesGuards(news, q, best)) return { found: false, confidence: 0, why: "unfit" };
  return { found: true, best, confidence };
}

function newestAsGood(
  news: NewsIndex,
  ranked: readonly ScoredSentence[],
  top: ScoredSentence,
  margin: number,
): ScoredSentence {
  const kindOf = (s: ScoredSentence) => s.features[FEATURE_INDEX.kindFound];
  let best = top;
  for (const s of ranked) {
    if (s.score < top.score - margin) break;
    if (kindOf(s) !== kindOf(top)) continue;
    if ((news.articles[s.doc]?.date ?? "") > (news.articles[best.doc]?.date ?? "")) best = s;
  }
  return best;
}

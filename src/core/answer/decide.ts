// Step 5, deciding: the best-scoring sentence answers, unless the question is about something the
// archive does not cover (a name or year it never mentions, a time frame outside its dates) or the
// calibrated confidence is below the threshold. Among sentences scoring about as well and holding
// the asked kind alike, and among those stating the top's answer as fully, the newest article
// wins: a figure that changes is quoted as last stated, an answer from its latest telling.
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
  if (afterArchive(q, options.span.last)) return { found: false, confidence: 0, why: "outside" };
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

/**
 * The question's frame starts, or the day whose state it asks (`au 1er janvier 2021`) falls, after
 * the archive's last day (`YYYY-MM-DD`): articles can only anticipate it, and the latest figure
 * they give is an older one (a frame before the first day is fine: articles tell of the past).
 * A question asking ahead of its day (`Qui jouera le 19 avril ?`) asks what is planned: the
 * archive knows it when it reaches the day the question is asked.
 */
export function afterArchive(q: Pick<Reading, "frame">, last: string): boolean {
  if (last === "") return false;
  const { from, on, ahead } = q.frame ?? {};
  if (ahead !== undefined) return ahead > last;
  return (from !== undefined && from.slice(0, 10) > last) || (on !== undefined && on > last);
}

/**
 * Newer wins among equally good answers, by rule rather than by learned
 * weights: among the sentences scoring within `margin` of the top that hold the asked kind alike,
 * and among those giving the top's own answer (an answer key in common) while covering the
 * question at least as fully in the sentence itself, the newest article's is quoted.
 */
export function newestAsGood(
  news: NewsIndex,
  ranked: readonly ScoredSentence[],
  top: ScoredSentence,
  margin: number,
): ScoredSentence {
  const kindOf = (s: ScoredSentence) => s.features[FEATURE_INDEX.kindFound];
  const dateOf = (s: ScoredSentence) => news.articles[s.doc]?.date ?? "";
  let best = top;
  for (const s of ranked) {
    if (kindOf(s) !== kindOf(top)) continue;
    if (s.score < top.score - margin && !statesAsFully(s, top)) continue;
    if (dateOf(s) > dateOf(best)) best = s;
  }
  return best;
}

/**
 * `s` gives `top`'s answer (a key in common), its sentence covers the question as much, and it
 * stands in the question's time frame whenever `top` does.
 */
export function statesAsFully(s: ScoredSentence, top: ScoredSentence): boolean {
  const mine = top.keys ?? [];
  if (mine.length === 0 || !(s.keys ?? []).some((k) => mine.includes(k))) return false;
  const f = (x: ScoredSentence, i: number) => x.features[i] as number;
  return (
    f(s, FEATURE_INDEX.coverage) >= f(top, FEATURE_INDEX.coverage) - 1e-9 &&
    f(s, FEATURE_INDEX.inFrame) >= f(top, FEATURE_INDEX.inFrame)
  );
}

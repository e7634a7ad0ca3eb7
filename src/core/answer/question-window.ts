// Where a sentence holds the question's words closest together, in index terms: the densest run
// of WINDOW consecutive terms. The quote cuts a sentence too long to show whole around it (./cite.ts):
// the answer of a sentence restating the question stands next to the question's words. Of PIAF's
// wrong cited answers from the gold paragraph, 27 of 135 quoted the answering sentence cut from its
// start before the answer (bench/results/ranker-comparison.md, "piaf12").
import type { NewsIndex } from "../search/news-index.ts";
import type { Reading } from "./read-question.ts";

/** Width (in index terms) of the window slid over the sentence. */
export const WINDOW = 10;

const WORD_AT = /[\p{L}\p{N}'’-]+/uy;

/** The question groups each term stands for (a term may spell several groups). */
function groupsByTerm(q: Reading): Map<string, number[]> {
  const byTerm = new Map<string, number[]>();
  q.groups.forEach((g, gi) => {
    for (const t of g) {
      const at = byTerm.get(t);
      if (at) at.push(gi);
      else byTerm.set(t, [gi]);
    }
  });
  return byTerm;
}

/**
 * Where in `text` the question's words stand closest together: from the first to the last question
 * term of the WINDOW consecutive terms holding the most question weight (the earliest such window).
 * A sentence too long to quote whole is cut around it when it gives no answer of the asked kind:
 * the answer of a sentence restating the question stands next to the question's words, not
 * necessarily at its start. Undefined when no question word is in `text`.
 */
export function questionWindow(
  news: NewsIndex,
  q: Reading,
  text: string,
  lang: "fr" | "en" = "fr",
): { start: number; end: number } | undefined {
  const byTerm = groupsByTerm(q);
  const terms: { groups: readonly number[]; start: number; end: number }[] = [];
  news.analyzer.forEachTerm(text, lang, (t, start) => {
    // a term's end: the end of the word it was read from (a sticky match at `start`, not a slice
    // of the rest of the sentence per term)
    WORD_AT.lastIndex = start;
    const word = WORD_AT.exec(text)?.[0] ?? t;
    terms.push({ groups: byTerm.get(t) ?? [], start, end: start + word.length });
  });
  let best: { weight: number; from: number; to: number } | undefined;
  for (let from = 0; from < terms.length; from++) {
    const window = terms.slice(from, from + WINDOW);
    const seen = new Set(window.flatMap((x) => x.groups));
    let weight = 0;
    for (const gi of seen) weight += q.weights[gi] as number;
    if (weight === 0 || (best && weight <= best.weight)) continue;
    const matched = window.flatMap((x, i) => (x.groups.length > 0 ? [from + i] : []));
    best = { weight, from: matched[0] as number, to: matched[matched.length - 1] as number };
  }
  if (!best) return undefined;
  return {
    start: (terms[best.from] as { start: number }).start,
    end: (terms[best.to] as { end: number }).end,
  };
}

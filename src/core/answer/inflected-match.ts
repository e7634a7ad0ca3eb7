// The question's words met by the sentence in another inflection: the French stemmer only strips
// plural and feminine endings (../text/stem.ts), so `remporté` (`remport`) and `remportait`,
// `remporter`, `remportera` are different index terms, as are `construit` and `construction`.
// Coverage counts only exact terms; a sentence telling the asked event with the question's verb in
// another tense loses to one that repeats the question's nouns. This is a separate feature (the
// rarity-weighted share of the question's unmatched words a sentence term shares a long prefix
// with), so the model weighs such a match below an exact one. Read by the answer gate only: in the
// ranker it ranked better but reshaped the scores the gate reads and cost held-out abstention
// (bench/results/ranker-comparison.md, answers21); in the gate it adds right answers (answers22).
import type { Reading } from "./read-question.ts";

/** Shortest shared prefix for two terms to count as forms of one word. */
const MIN_PREFIX = 5;
/** Longest ending beyond the shared prefix on either side (`remport|era`, `constru|ction`). */
const MAX_ENDING = 5;

/** Whether `a` and `b` are two forms of one word: a long shared prefix, short endings past it. */
export function sameWordForms(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p < MIN_PREFIX || /\d/.test(a.slice(0, p))) return false;
  return a.length - p <= MAX_ENDING && b.length - p <= MAX_ENDING;
}

/**
 * The rarity-weighted share (of `q.total`) of the question's groups, names excepted, that `terms`
 * does not hold exactly but holds in another form of one of the group's spellings.
 */
export function inflectedCoverage(q: Reading, terms: ReadonlySet<string>): number {
  let held = 0;
  q.groups.forEach((g, gi) => {
    if (q.isName[gi] || g.some((t) => terms.has(t))) return;
    const forms = [...(q.original[gi] ?? [])].filter((t) => t.length >= MIN_PREFIX);
    if (forms.length === 0) return;
    for (const u of terms)
      if (forms.some((t) => sameWordForms(t, u))) {
        held += q.weights[gi] ?? 0;
        return;
      }
  });
  return held / (q.total || 1);
}

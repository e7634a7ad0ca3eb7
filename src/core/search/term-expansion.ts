// Query words the corpus does not know, given alternatives it does know: the indexed terms one
// edit away (a typo) and the longest indexed prefix (a verb form the stemmer left apart). Shared
// by the in-memory index and the window index (../search/window-index.ts), which know the corpus
// through different statistics but must expand a question alike.
import type { QueryGroup } from "./inverted-index.ts";

/** What expansion needs to know of a corpus: how many articles hold a term, and its terms. */
export interface Lexicon {
  docFreq(term: string): number;
  /** Every term the analyzer has seen (some may be in no article any more); undefined when unknown. */
  vocabulary(): readonly string[] | undefined;
}

/** A function keeping a known group and widening an unknown one (see `NewsIndex.expandUnknown`). */
export function createTermExpander(lexicon: Lexicon): (g: QueryGroup) => QueryGroup {
  // Indexed terms by first letter and length, built on first use and refreshed as the vocabulary
  // grows, so a typo is matched against a few hundred candidates rather than the whole vocabulary.
  const buckets = new Map<string, string[]>();
  let bucketed = 0;
  const fill = (vocab: readonly string[]) => {
    for (; bucketed < vocab.length; bucketed++) {
      const v = vocab[bucketed] as string;
      const key = `${v[0]}${v.length}`;
      const list = buckets.get(key);
      if (list) list.push(v);
      else buckets.set(key, [v]);
    }
  };
  const nearTerms = (t: string, max = 3): string[] => {
    const vocab = lexicon.vocabulary();
    if (!vocab || t.length < 5) return [];
    fill(vocab);
    const found: string[] = [];
    for (let len = t.length - 1; len <= t.length + 1; len++) {
      for (const v of buckets.get(`${t[0]}${len}`) ?? []) {
        if (lexicon.docFreq(v) > 0 && withinOneEdit(t, v)) found.push(v);
      }
    }
    return found.sort((a, b) => lexicon.docFreq(b) - lexicon.docFreq(a)).slice(0, max);
  };
  return (g) => {
    if (g.some((t) => lexicon.docFreq(t) > 0)) return g;
    const alts = new Set(g);
    // a typo (`nourir`, `Maharashi`): the indexed terms one edit away
    for (const t of g) for (const near of nearTerms(t)) alts.add(near);
    for (const t of g) {
      for (let k = t.length - 1; k >= Math.max(3, Math.ceil(t.length / 2)); k--) {
        const prefix = t.slice(0, k);
        if (lexicon.docFreq(prefix) > 0) {
          alts.add(prefix);
          break;
        }
      }
    }
    return [...alts];
  };
}

/** True when `a` and `b` differ by one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

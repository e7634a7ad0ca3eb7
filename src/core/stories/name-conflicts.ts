// Two articles can share a word of a name without sharing the name: Brigitte Lahaie's apology and
// Brigitte Macron in a piece on her husband's youthful novel, Gilbert Montagné and Gilbert Collard,
// Jean-Louis Jourdain and Jean-Louis Debré. The text cosine compares words, so the first name binds
// them as strongly as a shared surname would; the names' part (similarity.ts sharedEntities) compares
// whole names and already tells them apart. Round 21 (stories26, bench/results/stories.md): of the
// false pairs on the 73 labelled days, the largest cause by days failing is a link resting on one
// shared name, and these are the ones whose name is not even the same.
import type { ArticleFeatures } from "./features.ts";

/** Word → the names (their terms) of an article holding it, per `names` array. */
const byWordCache = new WeakMap<readonly (readonly string[])[], Map<string, (readonly string[])[]>>();

function namesByWord(names: readonly (readonly string[])[]): Map<string, (readonly string[])[]> {
  let m = byWordCache.get(names);
  if (m) return m;
  m = new Map();
  for (const name of names)
    for (const w of new Set(name)) {
      const list = m.get(w);
      if (list) list.push(name);
      else m.set(w, [name]);
    }
  byWordCache.set(names, m);
  return m;
}

/** Whether every word of `name` is in `vector` (the other article names it whole). */
const namedWhole = (name: readonly string[], vector: ReadonlyMap<string, number>) =>
  name.every((w) => vector.has(w));

/**
 * The words `a` and `b` share only inside two different names: both articles write the word inside
 * capitalised names (features.ts `names`), never as a name's last word (a first name, not a
 * surname), and no name of either holding it is named whole by the other (`Nicolas Sarkozy` named
 * by an article that says `Nicolas Sarkozy`, or `Sarkozy` alone: every word of it in the other's
 * title or lead). Empty when either article's names are unknown (features built by hand).
 */
export function conflictingNameWords(a: ArticleFeatures, b: ArticleFeatures): string[] {
  if (!a.names || !b.names) return [];
  const na = namesByWord(a.names);
  const nb = namesByWord(b.names);
  const [small, big] = na.size <= nb.size ? [na, nb] : [nb, na];
  const out: string[] = [];
  for (const [w, mine] of small) {
    const theirs = big.get(w);
    if (!theirs || !a.vector.has(w) || !b.vector.has(w)) continue;
    // a name's last word is who it is (`Benalla` of `Affaire Benalla` and `Alexandre Benalla`, a
    // title's capitalised first word glued to the name); a word before it, in every name holding
    // it, is a first name or a brand that other names share
    if (mine.some((n) => n[n.length - 1] === w) || theirs.some((n) => n[n.length - 1] === w)) continue;
    const [ra, rb] = small === na ? [mine, theirs] : [theirs, mine];
    if (ra.some((n) => namedWhole(n, b.vector)) || rb.some((n) => namedWhole(n, a.vector))) continue;
    out.push(w);
  }
  return out;
}

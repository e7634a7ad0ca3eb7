// Nouns that count the same thing under another word, read from the English–French glossary
// (./glossary-en-fr.ts, its entries of one sense each: EN_FR_CORE): the French words one English
// word translates to are spellings of the same count (`deaths` → `morts`, `décès`; `passengers` →
// `passagers`, `voyageurs`), and the English word counts it too. `countsOther` (./asked-span.ts)
// took `300 voyageurs` for another noun than the asked `passagers`, `neuf décès` for another than
// `morts`: a right answer read as the figure of something else. No list of its own: every such
// glossary entry with its translations is one set.

import type { NewsIndex } from "../search/news-index.ts";
import { EN_FR_CORE } from "./glossary-en-fr.ts";

const byIndex = new WeakMap<NewsIndex, Map<string, Set<string>>>();

/** Index term → the index terms of the words the glossary gives as the same (itself included). */
function synonymMap(news: NewsIndex): Map<string, Set<string>> {
  const known = byIndex.get(news);
  if (known) return known;
  const map = new Map<string, Set<string>>();
  for (const [english, french] of Object.entries(EN_FR_CORE)) {
    const set = new Set(french.flatMap((w) => news.analyzer.terms(w, "fr")));
    for (const t of news.analyzer.terms(english, "en")) set.add(t);
    if (set.size < 2) continue;
    for (const t of set) {
      const into = map.get(t) ?? new Set<string>();
      for (const x of set) into.add(x);
      map.set(t, into);
    }
  }
  byIndex.set(news, map);
  return map;
}

/** `terms` with every index term the glossary gives as counting the same thing. */
export function withSynonyms(news: NewsIndex, terms: readonly string[]): Set<string> {
  const map = synonymMap(news);
  const out = new Set(terms);
  for (const t of terms) for (const x of map.get(t) ?? []) out.add(x);
  return out;
}

// The place a question names, and whether a candidate's context writes it. A figure asked of one
// place (`Combien de cas de Covid-19 en Inde ce samedi ?`) is often answered, wrongly, by the same
// figure of another place (`l'Argentine a recensé 1 200 nouveaux cas`): the sentence covers the
// count, the day and the disease, and only the place differs. The places are read from the
// question's own words, no list: a capitalised word right after a locative preposition (`en Inde`,
// `au Pérou`, `aux États-Unis`, `à Lima`, `dans le Var`, `in India`); an English place counts with
// its French spellings, as the question's word group holds them (./glossary-en-fr.ts).
// - `placeAway`: a place the question names is written neither in the sentence, nor in the
//   sentences right before and after it, nor in its article's title;
// - `placeReplaced`: the sentence does not write it and writes another place after a locative
//   preposition (`en Argentine`), one the question does not hold.

import type { NewsIndex } from "../search/news-index.ts";
import { fold } from "../text/fold.ts";
import { CALENDAR } from "./asked-detail.ts";
import { TITLE_INDEX } from "./features.ts";
import type { Reading } from "./read-question.ts";

/** What a candidate's context says of the places the question names. */
export interface AskedPlace {
  readonly away: boolean;
  readonly replaced: boolean;
}

const NONE: AskedPlace = { away: false, replaced: false };

/** What `placeIn` needs of the question. */
export type PlaceQuestion = Pick<Reading, "text" | "lang" | "groups" | "terms">;

// A capitalised word after a locative preposition, with its article (`dans le Var`, `à La
// Rochelle`, `aux États-Unis`, `in the Philippines`). `de` is left out: `la villa de Cathy Guetta`
// names a person as often as a place.
// French writes a capital `À` as often without its accent (`A Paris, la …`): the bare `A` is read
// only in French text, where it is no article (`A Boeing …` in English is).
const LOCATIVE =
  /(?<![\p{L}\p{M}])(?:[Ee]n|[Aa]ux?|[Àà]|A|[Dd]ans\s+(?:le|la|les|l['’])|[Ii]n|[Ii]n\s+the)\s+(?:(?:La|Le|Les|L['’])\s*)?(\p{Lu}[\p{L}\p{M}'’-]*)/gu;

// Who a sentence quotes is told after the same prepositions (`a déclaré au Parisien`, `said to
// Reuters`, `a confié à Libération`): a newspaper or a person spoken to, not where the fact holds.
const SPOKEN_TO =
  /(?:d[ée]clar|confi|indiqu|expliqu|pr[ée]cis|rapport|racont|annonc|affirm|assur|dit|said|told|explain)\p{L}*\s+$/iu;

/** The capitalised words standing right after a locative preposition in `text` (`in August` is no place). */
export function locativeNames(text: string, lang: "fr" | "en" = "fr"): string[] {
  return [...text.matchAll(LOCATIVE)]
    .filter((m) => !(lang === "en" && m[0].startsWith("A ")))
    .filter((m) => !SPOKEN_TO.test(text.slice(Math.max(0, (m.index ?? 0) - 40), m.index)))
    .map((m) => m[1] as string)
    .filter((w) => !CALENDAR.has(fold(w)));
}

/**
 * The index terms of each place the question names: the word group holding the place's term (its
 * spellings and translations), or the place's own terms when no group holds them.
 */
export function askedPlaces(news: NewsIndex, q: PlaceQuestion): readonly ReadonlySet<string>[] {
  const known = places.get(q);
  if (known) return known;
  const read = locativeNames(q.text, q.lang === "en" ? "en" : "fr").flatMap((word) => {
    const terms = news.analyzer.terms(word, q.lang);
    if (terms.length === 0) return [];
    const groups = q.groups.filter((g) => g.some((t) => terms.includes(t)));
    return [new Set(groups.length > 0 ? groups.flat() : terms)];
  });
  places.set(q, read);
  return read;
}
const places = new WeakMap<PlaceQuestion, readonly ReadonlySet<string>[]>();

const holds = (terms: ReadonlySet<string>, place: ReadonlySet<string>) => {
  for (const t of place) if (terms.has(t)) return true;
  return false;
};

/** What the candidate sentence `index` of article `doc` (and its neighbours, its title) says of the asked places. */
export function placeIn(
  news: NewsIndex,
  q: PlaceQuestion,
  doc: number,
  index: number,
  sentence: { readonly text: string; readonly terms: ReadonlySet<string> },
): AskedPlace {
  const asked = askedPlaces(news, q);
  if (asked.length === 0) return NONE;
  const missing = asked.filter((p) => !holds(sentence.terms, p));
  if (missing.length === 0) return NONE;
  const around = index === TITLE_INDEX ? [] : news.sentencesOf(doc);
  const context = [around[index - 1]?.terms, around[index + 1]?.terms, news.titleTerms(doc)];
  const away = missing.some((p) => !context.some((terms) => terms !== undefined && holds(terms, p)));
  const lang = news.articles[doc]?.lang === "en" ? "en" : "fr";
  const replaced = locativeNames(sentence.text, lang).some((word) => {
    const terms = news.analyzer.terms(word, lang);
    return terms.length > 0 && terms.every((t) => !q.terms.has(t));
  });
  return { away, replaced };
}

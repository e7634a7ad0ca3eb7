// Whether a sentence fills the slot a which-thing question asks. `Dans quel parc … ?`, `quel type
// d'hélicoptère`, `which Mogadishu hotel`, `c'était quelle plage ?` ask for the one thing of a sort
// (a park, a helicopter, a hotel, a beach); the sentence most often quoted wrongly for them tells the
// asked event in the question's words and names no park at all, while it does name something else
// (the town, the prefecture, a witness), so `spanMissing` (./asked-span.ts: no new name at all) stays
// silent on it. The asked noun is read from the question's own words after the interrogative (not
// the parser's kind-naming word, which is often a name, `quel` + `type`, or a group dropped as a
// repeat: ./asked-particular.ts), and the slot counts as filled when the sentence
// - writes that noun (its query group: spellings and translations, and the glossary's words for
//   the same thing) with a new name beside it (`le parc de la Villette`, `the Sina Athar clinic`:
//   ./asked-particular.ts) or a number right after it (`la ligne 13`, `le vol 302`);
// - writes a quoted title or a model code the question does not (`« Titanic »`, `A320`);
// - or names something the archive itself writes after that noun: the names that follow `parc` in
//   the archive (`parc de la Villette`, `parc Astérix`), counted over the articles that use the noun
//   most, make `à la Villette` a park's name and `à Paris` none (Paris follows `parc` in a sliver
//   of the articles naming Paris). The association is learned from the archive, no list of parks.
// `askedSlotEmpty` is 1 when the question asks such a slot and the sentence fills it in none of
// these ways: the event restated without the asked detail.

import { createIndexCache } from "../cache/index-cache.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { fold } from "../text/fold.ts";
import { capitalisedWords, given } from "./asked-detail.ts";
import { particularIn } from "./asked-particular.ts";
import { withSynonyms } from "./counted-synonyms.ts";
import type { Reading } from "./read-question.ts";

/** What the slot reading needs of the question. */
export type SlotQuestion = Pick<
  Reading,
  | "text"
  | "lang"
  | "kind"
  | "asksIdentity"
  | "groups"
  | "factors"
  | "asked"
  | "isName"
  | "roleGroup"
  | "terms"
  | "detail"
>;

// French: `quel parc`, `quelle plage`, `quel type d'hélicoptère`, `dans quel État`; a copula after
// the interrogative (`quel est le nom`) asks an attribute, no sort of thing.
const FR_ASKED =
  /(?<!\p{L})(?:quel|quelle|quels|quelles)\s+(?:(?:type|genre|sorte|categorie|modele|marque|nom)s?\s+(?:de\s+|d'))?([\p{L}][\p{L}-]*)/u;
// English: `which park`, `which London hospital`, `which UNESCO national park was`, `what gas`: the
// last word of the lower-case run after the interrogative (names skipped), up to an auxiliary, a
// preposition, a past form or punctuation.
const EN_INTERROGATIVE = /(?<!\p{L})(?:which|what)\s+/giu;
const EN_STOP = new Set(
  "did does do was were is are has have had will would can could should may might of in on at for from to by with as that who whom whose which what the a an and or but not".split(
    " ",
  ),
);
// Irregular past forms, which end a noun phrase as `-ed` ones do.
const PAST = new Set(
  "caught hit found won lost took made became shot struck sank fell went came left got gave saw told sold bought built held led ran began broke chose drove flew grew knew rose spoke stole threw wrote burnt hid met paid put set sent spent stood swept won beat bit blew bore brought dug drew fed fought forgot froze hung kept laid lit meant overtook read rode rang sang sat shook shut slid split spread stuck stung swam swore swung taught tore thought understood woke wore wound".split(
    " ",
  ),
);
// Words that name no sort of thing: the name, the type, one of them; `quel âge`, `quelle année`
// are date and number questions, left out by their kind.
const NO_SORT = new Set(
  "nom noms name names type types sort sorts kind kinds genre sorte chose choses thing things one ones autre autres other others".split(
    " ",
  ),
);
const COPULA = new Set(["est", "etait", "sont", "etaient", "sera", "fut", "a", "ont", "avait"]);

/** The asked noun as the question writes it (folded), if the question asks a which-thing. */
export function askedNounWord(question: string, lang: "fr" | "en"): string | undefined {
  const text = question.replace(/[’‘]/g, "'");
  if (lang === "fr") {
    const m = FR_ASKED.exec(fold(text));
    const word = m?.[1];
    if (word === undefined || COPULA.has(word) || NO_SORT.has(word)) return undefined;
    return word;
  }
  for (const m of text.matchAll(EN_INTERROGATIVE)) {
    const after = text.slice((m.index ?? 0) + m[0].length);
    const run: string[] = [];
    for (const w of after.split(/\s+/)) {
      // a possessive ends the noun phrase (`which NASA probe's photos`), as punctuation does
      const possessive = /['’]s\W*$/u.test(w);
      const word = w.replace(/['’]s(\W*)$/u, "$1");
      const bare = word.replace(/[^\p{L}-]/gu, "");
      if (bare === "") break;
      const lower = bare.toLowerCase();
      if (EN_STOP.has(lower)) break;
      const capital = /^\p{Lu}/u.test(bare);
      if (!capital) {
        // a past form ends the noun phrase (`which Dubai tower caught fire`)
        if (/ed$/.test(lower) || PAST.has(lower)) break;
        run.push(lower);
      } else if (run.length > 0) break;
      if (run.length >= 3 || possessive || /[^\p{L}-]$/u.test(word)) break;
    }
    const last = run[run.length - 1];
    if (last !== undefined && !NO_SORT.has(last)) return last;
  }
  return undefined;
}

/**
 * The index terms of the asked noun: the query group holding it (its spellings and translations),
 * with the glossary's words for the same thing. Empty when the question asks no which-thing (a
 * person, a date, a figure, who someone is).
 */
export function askedSlot(news: NewsIndex, q: SlotQuestion): ReadonlySet<string> {
  const known = slots.get(q);
  if (known) return known;
  const slot = readSlot(news, q);
  slots.set(q, slot);
  return slot;
}
const slots = new WeakMap<SlotQuestion, ReadonlySet<string>>();

function readSlot(news: NewsIndex, q: SlotQuestion): ReadonlySet<string> {
  if (q.asksIdentity || (q.kind !== "place" && q.kind !== "other")) return new Set();
  // a penalty, a decision, an object, a measure or a count is told in words or figures, not named
  if (q.detail !== undefined && q.detail !== "named" && q.detail !== "city") return new Set();
  const word = askedNounWord(q.text, q.lang);
  if (word === undefined) return new Set();
  const term = news.analyzer.term(word, q.lang);
  if (term === undefined) return new Set();
  const group = q.groups.find((g) => g.includes(term)) ?? [term];
  const slot = withSynonyms(news, [...group]);
  // a sort told by a word, not a name (`nationalité`, `peine`, `cause`): no name fills its slot
  return slotNames(news, slot).named >= MIN_NAMED ? slot : new Set();
}

// After the noun, before a name: a connector or an apposition (`le parc de la Villette`, `le parc
// zoologique de Beauval`, `le parc d'attractions M&D's`, `l'hôtel Sahafi`, `le stade « Vélodrome »`).
const NAME_AFTER =
  /^[\p{L}\p{M}'’-]*(?:\s+(?:d['’]|de\s+|du\s+)?(?!(?:à|a|au|aux|en|dans|sur|sous|pour|par|avec|et|ou|près|vers|chez|in|at|on|to|and|or|near)\s)\p{Ll}[\p{L}\p{M}-]*)?(?:\s*,)?\s*(?:(?:de\s+la|de\s+l['’]|de|du|des|d['’]|of\s+the|of|called|named|baptis[ée]e?|appel[ée]e?|dite?)\s*)?(?:[«“"]\s*)?(?:(?:Le|La|Les|L['’])\s*)?(\p{Lu}[\p{L}\p{M}'’-]*)/u;
const NUMBER_AFTER = /^[\p{L}\p{M}'’-]*\s+(?:n[°º]\s*|no\.?\s*|numéro\s+)?\d/u;
const QUOTED = /[«“"]\s*([^«»“”"]{2,80}?)\s*[»”"]/gu;
const MODEL_CODE = /(?<![\p{L}\d])\p{Lu}{1,4}-?\d{1,4}\p{Lu}?(?![\p{L}\d])/gu;

/** Articles read per asked noun to learn the names that follow it. */
const ARTICLES_READ = 300;
/** A name is of the noun's sort when this share of the articles naming it write it after the noun. */
const MIN_SHARE = 0.05;
/** …and at least this many of the articles read do. */
const MIN_ARTICLES = 2;
/**
 * A noun whose slot a name fills: at least this share of the articles read write a name right
 * after it (`usine` 0.65, `parc` 0.34, `hélicoptère` 0.14 against `score` 0.09, `peine` 0.05,
 * `nationalité` 0.01 on the OrangeSum archive).
 */
const MIN_NAMED = 0.1;

/** The names the archive writes right after the asked noun: index term → articles (of those read). */
export interface SlotNames {
  readonly byTerm: ReadonlyMap<string, number>;
  /** Articles holding the noun in the archive over articles read: scales the counts to the archive. */
  readonly scale: number;
  /**
   * The share of the articles read that write a name right after the noun: a sort of thing known
   * by its name (`parc`, `usine`, `ONG`), unlike one told by a word (`de nationalité française`,
   * `la décision`, `le rôle du méchant`), whose slot no name fills.
   */
  readonly named: number;
}

const learned = createIndexCache<NewsIndex, string, SlotNames>();

/** The names that follow the asked noun in the archive (learned once per noun and index). */
export const slotNames = (news: NewsIndex, slot: ReadonlySet<string>): SlotNames =>
  learned.get(news, [...slot].sort().join("|"), () => learnSlotNames(news, slot));

function learnSlotNames(news: NewsIndex, slot: ReadonlySet<string>): SlotNames {
  const docs = news.rank([[...slot]], ARTICLES_READ);
  const byTerm = new Map<string, number>();
  let holdingRead = 0;
  let naming = 0;
  for (const { doc } of docs) {
    const lang = news.articles[doc]?.lang === "en" ? "en" : "fr";
    const seen = new Set<string>();
    let holds = false;
    for (const s of news.sentencesOf(doc)) {
      if (![...slot].some((t) => s.terms.has(t))) continue;
      holds = true;
      news.analyzer.forEachTerm(s.text, lang, (t, start) => {
        if (!slot.has(t)) return;
        const name = NAME_AFTER.exec(s.text.slice(start, start + 80))?.[1];
        if (name === undefined) return;
        for (const x of news.analyzer.terms(name, lang)) if (!slot.has(x)) seen.add(x);
      });
    }
    for (const x of seen) byTerm.set(x, (byTerm.get(x) ?? 0) + 1);
    if (holds) holdingRead++;
    if (seen.size > 0) naming++;
  }
  const holding = Math.max(...[...slot].map((t) => news.index.docFreq(t)), 0);
  const names = {
    byTerm,
    scale: docs.length === 0 ? 1 : Math.max(1, holding / docs.length),
    named: naming / Math.max(1, holdingRead),
  };
  return names;
}

/** Whether the archive writes `term` after the asked noun often enough to take it for one of its sort. */
export function ofSort(news: NewsIndex, names: SlotNames, term: string): boolean {
  const count = names.byTerm.get(term) ?? 0;
  if (count < MIN_ARTICLES) return false;
  const naming = news.index.docFreq(term);
  return naming > 0 && (count * names.scale) / naming >= MIN_SHARE;
}

/** Whether `text` fills the slot `slot` (askedSlot(q)) in any of the ways above. */
export function fillsSlot(
  news: NewsIndex,
  q: SlotQuestion,
  slot: ReadonlySet<string>,
  text: string,
  lang: "fr" | "en" = "fr",
): boolean {
  if (slot.size === 0) return true;
  if (particularIn(news, q, slot, text, lang).named) return true;
  // the noun with a number or a new name right after it, read as the archive's names were learned
  let beside = false;
  news.analyzer.forEachTerm(text, lang, (t, start) => {
    if (beside || !slot.has(t)) return;
    const after = text.slice(start, start + 80);
    const name = NAME_AFTER.exec(after)?.[1];
    beside = NUMBER_AFTER.test(after) || (name !== undefined && !given(news, q.terms, name));
  });
  if (beside) return true;
  if ([...text.matchAll(QUOTED)].some((m) => !given(news, q.terms, m[1] ?? ""))) return true;
  if ([...text.matchAll(MODEL_CODE)].some((m) => !given(news, q.terms, m[0]))) return true;
  const names = capitalisedWords(text).filter((c) => !given(news, q.terms, c.word));
  if (names.length === 0) return false;
  const sort = slotNames(news, slot);
  return names.some((c) => news.analyzer.terms(c.word, lang).some((t) => ofSort(news, sort, t)));
}

/** The question asks a which-thing and `text` fills its slot in none of the ways above. */
export function askedSlotEmpty(news: NewsIndex, q: SlotQuestion, text: string, lang: "fr" | "en" = "fr") {
  const slot = askedSlot(news, q);
  return slot.size > 0 && !fillsSlot(news, q, slot, text, lang);
}

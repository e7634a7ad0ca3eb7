// Splits words that a scraper glued together (`unentretien`, `relationsdiplomatiques`,
// `NguyenPhuTrong`) back into the words the author wrote. It is deliberately conservative: a token
// is only looked at when it is NOT a known word, and it is only split when both halves are known
// and the split matches one of a few shapes that glue errors take (a function word stuck to a
// word, two long content words, a camelCase join of words the same document also writes apart).
// Known words come from a French word list (the `an-array-of-french-words` package, loaded lazily)
// and from the document's own vocabulary.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type SortedWordList, sortedWordListFromJson } from "./sorted-word-list.ts";

/** Function words that glue to the FRONT of the next word (`de|paix`, `un|entretien`, `a|suggéré`). */
const PREFIX_FUNCTION_WORDS = new Set([
  "à",
  "a",
  "au",
  "aux",
  "ce",
  "ces",
  "d",
  "dans",
  "de",
  "des",
  "du",
  "elle",
  "elles",
  "en",
  "est",
  "et",
  "il",
  "ils",
  "la",
  "le",
  "les",
  "leur",
  "leurs",
  "lui",
  "mais",
  "ont",
  "ou",
  "où",
  "pour",
  "que",
  "qui",
  "sa",
  "se",
  "ses",
  "son",
  "un",
  "une",
]);

/** Function words that glue to the END of the previous word (`globale|et`, `intensifier|les`). */
const SUFFIX_FUNCTION_WORDS = new Set([
  "à",
  "afin",
  "ainsi",
  "au",
  "aux",
  "avec",
  "dans",
  "de",
  "des",
  "du",
  "en",
  "entre",
  "est",
  "et",
  "la",
  "le",
  "les",
  "leur",
  "leurs",
  "ou",
  "où",
  "par",
  "plus",
  "pour",
  "que",
  "qui",
  "sur",
  "un",
  "une",
]);

/** After a capitalised word (`Vietnam|et`), only these: `le`/`la` would split `Michelle`, `Gisèle`. */
const SUFFIX_AFTER_NAME = new Set([
  "à",
  "au",
  "aux",
  "dans",
  "de",
  "des",
  "du",
  "en",
  "est",
  "et",
  "pour",
  "sur",
]);

/**
 * Left halves never split off in a content+content join: they are combining forms that make real
 * compounds a word list may not know (`eurodéputé`, `téléconsultation`, `cyberattaque`).
 */
const COMBINING_FORMS = new Set([
  "agro",
  "anti",
  "archi",
  "auto",
  "bien",
  "contre",
  "cyber",
  "demi",
  "entre",
  "extra",
  "giga",
  "hyper",
  "inter",
  "macro",
  "maxi",
  "méga",
  "micro",
  "mini",
  "multi",
  "néo",
  "para",
  "photo",
  "post",
  "proto",
  "pseudo",
  "quasi",
  "radio",
  "semi",
  "sous",
  "super",
  "supra",
  "télé",
  "trans",
  "ultra",
  "vidéo",
]);

/**
 * Real words the list lacks that the rules would otherwise split: 1990-reform spellings, the
 * legal `ledit`/`desdits` family, and common borrowings. Extend when a real word is found split.
 */
const EXTRA_WORDS = [
  "plateforme",
  "plateformes",
  "courriel",
  "courriels",
  "dudit",
  "desdits",
  "desdites",
  "ledit",
  "ladite",
  "lesdits",
  "lesdites",
  "auxdits",
  "auxdites",
  "susdit",
  "susdite",
  "queen",
  "under",
  "designer",
  "designers",
];

/** Right halves that are suffixes, not words (`drastique|ment`). */
const SUFFIX_LIKE = new Set([
  "ment",
  "ments",
  "liste",
  "listes",
  "lité",
  "lités",
  "aire",
  "aires",
  "tique",
  "tiques",
]);

const MIN_CONTENT = 3; // shortest word glued to a function word
const MIN_COMPOUND = 4; // shortest half of a content+content split

export type WordList = ReadonlySet<string>;

interface Lexicon {
  readonly words: WordList;
  /** Number of words starting with `p`. */
  startsWith(p: string): number;
  /** Number of words ending with `s`. */
  endsWith(s: string): number;
}

let french: Lexicon | undefined;

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? "") < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function reverse(s: string): string {
  return [...s].reverse().join("");
}

/** A lexicon over `words` (lower-case): membership plus prefix and suffix counts. */
export function createLexicon(words: Iterable<string>): Lexicon {
  const set = new Set<string>(EXTRA_WORDS);
  for (const w of words) set.add(w.normalize("NFC").toLowerCase());
  // The sorted views cost more than the set and only the glued-word splitter needs them: built on first use.
  let sorted: string[] | undefined;
  let reversed: string[] | undefined;
  const count = (arr: readonly string[], p: string) => lowerBound(arr, `${p}\uffff`) - lowerBound(arr, p);
  return {
    words: set,
    startsWith: (p) => {
      sorted ??= [...set].sort();
      return count(sorted, p);
    },
    endsWith: (s) => {
      reversed ??= [...set].map(reverse).sort();
      return count(reversed, reverse(s));
    },
  };
}

/**
 * A lexicon over a sorted list (see sorted-word-list.ts) plus the extra words: the same answers
 * as `createLexicon` over the same words, without building a Set of them.
 */
function lexiconOverSorted(list: SortedWordList): Lexicon {
  const extra = EXTRA_WORDS.filter((w) => !list.has(w));
  const words: WordList = {
    get size() {
      return list.size + extra.length;
    },
    has: (w) => list.has(w) || extra.includes(w),
    values: () => [...list, ...extra].values(),
    keys: () => [...list, ...extra].values(),
    entries: () => [...list, ...extra].map((w): [string, string] => [w, w]).values(),
    forEach: (fn, thisArg) => {
      for (const w of [...list, ...extra]) fn.call(thisArg, w, w, words);
    },
    [Symbol.iterator]: () => [...list, ...extra].values(),
  };
  let reversed: string[] | undefined;
  return {
    words,
    startsWith: (p) =>
      list.lowerBound(`${p}\uffff`) - list.lowerBound(p) + extra.filter((w) => w.startsWith(p)).length,
    endsWith: (s) => {
      reversed ??= [...list, ...extra].map(reverse).sort();
      const r = reverse(s);
      return lowerBound(reversed, `${r}\uffff`) - lowerBound(reversed, r);
    },
  };
}

/**
 * The French word list (about 336,000 inflected forms), loaded once on first use: searched in
 * the package's own JSON text when it is a plain sorted list (it is), else as a Set. When the
 * package is missing, an empty lexicon: only the document's own vocabulary is then known.
 */
export function frenchLexicon(): Lexicon {
  if (french === undefined) {
    let bytes: Uint8Array = new Uint8Array([0x5b, 0x5d]);
    try {
      bytes = readFileSync(createRequire(import.meta.url).resolve("an-array-of-french-words"));
    } catch {}
    const sorted = sortedWordListFromJson(bytes);
    if (sorted) french = lexiconOverSorted(sorted);
    else {
      let list: unknown = [];
      try {
        list = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        list = [];
      }
      french = createLexicon(Array.isArray(list) ? list.map(String) : []);
    }
  }
  return french;
}

/** A run of letters, possibly with inner hyphens (apostrophes end a word: `d’|unentretien`). */
const WORD = /\p{L}+(?:[-‐]\p{L}+)*/gu;
const CAMEL = /(?<=\p{Ll})(?=\p{Lu})/u;
const LOWER = /^[\p{Ll}\-‐]+$/u;
const EDGE_HYPHEN = /^[-‐]|[-‐]$/u;
/** `arrivera-t-il`: a verb with its inverted subject, a real form the list lacks. */
const INVERSION = /-t-|-(?:je|tu|il|elle|on|nous|vous|ils|elles)$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
/** Participles and forms that follow the auxiliary `a` (`a|suggéré`, `a|fait`, `a|pris`). */
const AFTER_AUXILIARY = /(?:é|i|u|is|it|ert|ait|eint|aint|oint|ort)$/u;

/** A glued join must create a letter sequence French words rarely have: at most this many. */
const RARE_START = 2;
const RARE_END = 5;
/** A document is repaired only when it shows glue at least this often (an isolated unknown word is left alone). */
const MIN_GLUED_TOKENS = 3;
const MIN_GLUED_SHARE = 0.01;

/** How often each word appears in a document (exact case). */
export function documentVocabulary(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(WORD)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

export interface WordSplitter {
  /** The words of `token` if it looks like a glued join, else undefined (ignores the document gate). */
  split(token: string): string[] | undefined;
  /** `text` with every glued join split by a space, if the text shows glue often enough. */
  repair(text: string): string;
}

/**
 * A splitter for one document. `vocabulary` is the document's own words with their counts (see
 * {@link documentVocabulary}); `lexicon` is the word list (default: French); `corpusWords` are
 * words the rest of the corpus writes on their own (they confirm a content+content split).
 */
export function createWordSplitter(
  vocabulary: ReadonlyMap<string, number>,
  lexicon: Lexicon = frenchLexicon(),
  corpusWords: Iterable<string> = [],
): WordSplitter {
  const known = createKnownWords(vocabulary, lexicon, corpusWords);
  const split = (token: string) => splitToken(token, known);
  return { split, repair: (text) => repairText(text, vocabulary, split) };
}

/** What one document's splitter knows: the word list, the document's words, the corpus's words. */
interface KnownWords {
  readonly lexicon: Lexicon;
  readonly vocabulary: ReadonlyMap<string, number>;
  isWord(w: string): boolean;
  /** A word, or a long derivation of one the list lacks (`multilatéral|isation`). */
  isWordOrDerived(w: string): boolean;
  /** The document writes `w` on its own (exact case). */
  standsAlone(w: string): boolean;
  /** The document or the corpus writes `w` apart, ignoring case and a plural `s`/`x`. */
  seenLoosely(w: string): boolean;
}

const looseForm = (w: string) => w.toLowerCase().replace(/[sx]$/u, "");

function createKnownWords(
  vocabulary: ReadonlyMap<string, number>,
  lexicon: Lexicon,
  corpusWords: Iterable<string>,
): KnownWords {
  const isWord = (w: string): boolean => lexicon.words.has(w.toLowerCase());
  const loose = new Set<string>();
  for (const w of vocabulary.keys()) loose.add(looseForm(w));
  for (const w of corpusWords) loose.add(looseForm(w));
  return {
    lexicon,
    vocabulary,
    isWord,
    isWordOrDerived: (w) =>
      isWord(w) ||
      (w.length >= 10 &&
        /(?:isations?|ements?)$/u.test(w) &&
        isWord(w.replace(/(?:isations?|ements?)$/u, ""))),
    standsAlone: (w) => (vocabulary.get(w) ?? 0) >= 1,
    seenLoosely: (w) => loose.has(looseForm(w)),
  };
}

function splitToken(token: string, known: KnownWords): string[] | undefined {
  if (token.length < 4 || known.isWord(token) || INVERSION.test(token)) return undefined;
  // a token the document writes twice is a word of its own (a name, a term), not an accident
  if ((known.vocabulary.get(token) ?? 0) >= 2) return undefined;
  if (LOWER.test(token)) return splitLower(token, known);
  if (CAMEL.test(token)) return splitCamel(token, known);
  if (CAPITALISED.test(token)) return splitName(token, known);
  return undefined;
}

/** The best split of a lower-case token into two known words: the one with the longest short side. */
function splitLower(token: string, known: KnownWords): string[] | undefined {
  let best: { parts: string[]; score: number } | undefined;
  for (let i = 1; i < token.length; i++) {
    const left = token.slice(0, i);
    const right = token.slice(i);
    if (EDGE_HYPHEN.test(left) || EDGE_HYPHEN.test(right)) continue;
    if (!known.isWord(left) || !known.isWordOrDerived(right)) continue;
    const score = splitScore(token, left, right, known);
    if (score > 0 && (best === undefined || score > best.score)) best = { parts: [left, right], score };
  }
  return best?.parts;
}

/** How good `left|right` is as a glue error (0: not one of the shapes glue errors take). */
function splitScore(token: string, left: string, right: string, known: KnownWords): number {
  if (isFunctionWordFirst(token, left, right, known)) return right.length;
  if (isFunctionWordLast(token, left, right, known.lexicon)) return left.length;
  if (isContentCompound(left, right, known)) return Math.min(left.length, right.length);
  return 0;
}

/** `de|paix`, `un|entretien`, `a|suggéré`: a function word stuck to the front of a word. */
function isFunctionWordFirst(token: string, left: string, right: string, known: KnownWords): boolean {
  return (
    PREFIX_FUNCTION_WORDS.has(left) &&
    (right.length >= MIN_CONTENT || SUFFIX_FUNCTION_WORDS.has(right)) &&
    (left !== "a" || (right.length >= 4 && AFTER_AUXILIARY.test(right))) &&
    (left !== "en" || right.endsWith("ant") || known.seenLoosely(right)) &&
    // a real word rarely starts like this: the join made the letter sequence
    known.lexicon.startsWith(token.slice(0, left.length + (left.length === 1 ? 3 : 2))) <= RARE_START
  );
}

/** `globale|et`, `intensifier|les`: a function word stuck to the end of a word. */
function isFunctionWordLast(token: string, left: string, right: string, lexicon: Lexicon): boolean {
  return (
    SUFFIX_FUNCTION_WORDS.has(right) &&
    left.length >= MIN_CONTENT &&
    lexicon.endsWith(token.slice(Math.max(0, left.length - (right.length <= 3 ? 2 : 3)))) <= RARE_END
  );
}

/**
 * `relations|diplomatiques`: two long content words. Only when one half is written apart
 * elsewhere, or both are long plurals, since real compounds look the same.
 */
function isContentCompound(left: string, right: string, known: KnownWords): boolean {
  return (
    left.length >= MIN_COMPOUND &&
    right.length >= MIN_COMPOUND &&
    !COMBINING_FORMS.has(left) &&
    !/[oi]$/u.test(left) &&
    !SUFFIX_LIKE.has(right) &&
    (known.seenLoosely(left) ||
      known.seenLoosely(right) ||
      (left.length >= 6 && right.length >= 6 && left.endsWith("s") && /[sx]$/u.test(right)))
  );
}

/** `NguyenPhuTrong`, `deParis`: a camelCase join of words the document writes apart. */
function splitCamel(token: string, known: KnownWords): string[] | undefined {
  const parts = token.split(CAMEL);
  const [first, ...rest] = parts;
  if (first === undefined || rest.length === 0) return undefined;
  const lowerFirst = LOWER.test(first);
  if (!((lowerFirst && PREFIX_FUNCTION_WORDS.has(first)) || known.standsAlone(first))) return undefined;
  for (const p of rest) {
    if (!known.standsAlone(p) && !(lowerFirst && known.isWord(p))) return undefined;
  }
  return parts;
}

/** `Vietnamet` → `Vietnam et`: a name the document writes on its own, then a function word. */
function splitName(token: string, known: KnownWords): string[] | undefined {
  for (let i = token.length - 1; i >= MIN_CONTENT; i--) {
    const left = token.slice(0, i);
    const right = token.slice(i);
    if (SUFFIX_AFTER_NAME.has(right) && known.standsAlone(left)) return [left, right];
  }
  return undefined;
}

/** `text` with every glued join split, but only if the document shows glue often enough. */
function repairText(
  text: string,
  vocabulary: ReadonlyMap<string, number>,
  split: (token: string) => string[] | undefined,
): string {
  const found = new Map<string, string>();
  let tokens = 0;
  for (const [w, n] of vocabulary) {
    tokens += n;
    const parts = split(w);
    if (parts) found.set(w, parts.join(" "));
  }
  if (found.size < MIN_GLUED_TOKENS || found.size < tokens * MIN_GLUED_SHARE) return text;
  return text.replace(WORD, (token) => found.get(token) ?? token);
}

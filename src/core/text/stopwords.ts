// Stopwords: the `stopword` package's French and English lists, plus the few function words
// those lists miss that matter for news text (contracted articles, question words, elision stubs).
import { eng, fra } from "stopword";
import { fold } from "./fold.ts";

const EXTRA = [
  // French function words and question words absent from the base list
  "celui",
  "celle",
  "ceux",
  "celles",
  "dont",
  "lequel",
  "laquelle",
  "lesquels",
  "lesquelles",
  "combien",
  "comment",
  "pourquoi",
  "quand",
  "quoi",
  "quelqu",
  "est-ce",
  "été",
  "était",
  "aussi",
  "ainsi",
  "alors",
  "après",
  "avant",
  "selon",
  "très",
  "plus",
  "moins",
  "tout",
  "tous",
  "toute",
  "toutes",
  "autre",
  "autres",
  "entre",
  "vers",
  "chez",
  "sous",
  "depuis",
  "pendant",
  "lors",
  "dont",
  "cela",
  "ça",
  "déjà",
  "encore",
  "été",
  "fait",
  "faire",
  "peut",
  "doit",
  "si",
  "non",
  "oui",
  "y",
  "jusqu",
  "lorsqu",
  "puisqu",
  "quoiqu",
  "presqu",
  "qu",
  "est",
  "sont",
  "être",
  "avoir",
  "ont",
  // English question words and auxiliaries
  "what",
  "which",
  "who",
  "whom",
  "whose",
  "when",
  "where",
  "why",
  "how",
  "many",
  "much",
  "does",
  "did",
  "do",
  "is",
  "are",
  "was",
  "were",
  "the",
  "of",
  "s",
];

/**
 * Stopwords as written (lower case, accents kept): a word written with accents is a stopword only if
 * it is one letter for letter, so `maïs`, `né` and `thé` are not taken for `mais`, `ne` and `the`.
 */
export const STOPWORDS_EXACT: ReadonlySet<string> = new Set(
  [...fra, ...eng, ...EXTRA].map((w) => w.toLowerCase().normalize("NFC")),
);

/** Folded stopwords of both languages (for words written without accents). */
export const STOPWORDS: ReadonlySet<string> = new Set([...fra, ...eng, ...EXTRA].map((w) => fold(w)));

const englishMarkers = new Set(
  [
    "the",
    "of",
    "and",
    "is",
    "are",
    "was",
    "were",
    "who",
    "what",
    "when",
    "where",
    "which",
    "how",
    "did",
    "does",
    "do",
    "in",
    "to",
    "with",
    "for",
    "from",
    "many",
    "much",
    "has",
    "have",
    "between",
    "about",
    "this",
    "that",
    "by",
    "on",
    "at",
  ].map((w) => fold(w)),
);
const frenchMarkers = new Set(
  [
    "le",
    "la",
    "les",
    "des",
    "du",
    "de",
    "et",
    "est",
    "qui",
    "que",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "quand",
    "combien",
    "ou",
    "avec",
    "pour",
    "dans",
    "une",
    "un",
    "au",
    "aux",
    "sur",
    "par",
    "entre",
    "ont",
    "a",
    "sont",
  ].map((w) => fold(w)),
);

/** Guess whether a short text (a question) is English or French from its function words. */
export function guessLanguage(foldedWords: readonly string[]): "fr" | "en" {
  let en = 0;
  let fr = 0;
  for (const w of foldedWords) {
    if (englishMarkers.has(w)) en++;
    if (frenchMarkers.has(w)) fr++;
  }
  return en > fr ? "en" : "fr";
}

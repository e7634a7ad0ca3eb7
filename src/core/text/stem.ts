// Stemming. French words get a light stemmer (plural and feminine endings only, after J. Savoy's
// light stemmer for French, the approach Lucene uses by default for French): news search cares
// about `défenses`/`défense` and `japonaises`/`japonais`, and aggressive Snowball stemming merged
// unrelated words (`ministre`/`ministère` apart, `relation`/`relatif` together) and cost a third
// of the index build. On the OrangeSum known-item benchmark and our own seed questions it did as
// well or better; on PIAF it was within a point. English words get Snowball's English stemmer.
// Words are folded (accents removed) before stemming, so the rules below see plain letters.
// The Snowball package (stemmers for some thirty languages, 740 kB of code) is required on the
// first English word, not at start-up: a French corpus and French questions never load it.
import { createRequire } from "node:module";

export type StemLanguage = "fr" | "en";

type Stemmer = { stem(word: string): string };
let english: Stemmer | undefined;

function englishStemmer(): Stemmer {
  if (!english) {
    const snowball = createRequire(import.meta.url)("snowball-stemmers") as {
      newStemmer(language: string): Stemmer;
    };
    english = snowball.newStemmer("english");
  }
  return english;
}

/**
 * Nouns written with an `-s` in the singular whose stripped form is another word: `cours` (`au
 * cours de`, `en cours`, `un cours d'eau`) is no `cour` (a court), `fils` (a son) no `fil` (a
 * thread, `au fil de`), `fois` no `foi` (faith). They stay whole, and no other word is stemmed
 * into them (`course`, a race, keeps its `e`). Their rare plurals (`les cours d'appel`) are left
 * apart, to keep the far more frequent singulars from matching the other word.
 */
const SINGULAR_IN_S = new Set(["cours", "fils", "fois"]);

/** Light French stemming of a folded word: plural, then feminine/derived endings. */
export function stemFrench(folded: string): string {
  let w = folded;
  if (w.length <= 3 || SINGULAR_IN_S.has(w)) return w;
  if (w.length > 5 && w.endsWith("aux"))
    w = `${w.slice(0, -3)}al`; // chevaux → cheval
  else if (w.length > 3 && (w.endsWith("s") || w.endsWith("x")) && !w.endsWith("ss")) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ienne")) return `${w.slice(0, -5)}ien`; // vietnamienne → vietnamien
  if (w.length > 5 && w.endsWith("euse")) return `${w.slice(0, -4)}eur`; // chanteuse → chanteur
  if (w.length > 5 && w.endsWith("ere")) return `${w.slice(0, -3)}er`; // premiere → premier
  if (w.length > 5 && w.endsWith("ive")) return `${w.slice(0, -3)}if`; // positive → positif
  if (w.length > 5 && w.endsWith("elle")) return `${w.slice(0, -4)}el`; // culturelle → culturel
  if (w.length > 4 && w.endsWith("ee")) return w.slice(0, -1); // elue(e) → elue → elu
  if (w.length > 4 && w.endsWith("e") && !SINGULAR_IN_S.has(w.slice(0, -1))) return w.slice(0, -1); // japonaise → japonais
  return w;
}

export function stem(foldedWord: string, lang: StemLanguage): string {
  // digits and very short words carry no suffix worth removing
  if (foldedWord.length <= 3) return foldedWord;
  const c = foldedWord.charCodeAt(0);
  if (c >= 48 && c <= 57) return foldedWord;
  return lang === "fr" ? stemFrench(foldedWord) : englishStemmer().stem(foldedWord);
}

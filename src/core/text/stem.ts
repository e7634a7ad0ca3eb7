// Stemming with the Snowball algorithms (the `snowball-stemmers` package). Words are folded
// first, so accented and unaccented spellings share a stem.
import snowball from "snowball-stemmers";

export type StemLanguage = "fr" | "en";

const stemmers = {
  fr: snowball.newStemmer("french"),
  en: snowball.newStemmer("english"),
} as const;

export function stem(foldedWord: string, lang: StemLanguage): string {
  // digits and very short words carry no suffix worth removing
  if (foldedWord.length <= 3) return foldedWord;
  const c = foldedWord.charCodeAt(0);
  if (c >= 48 && c <= 57) return foldedWord;
  return stemmers[lang].stem(foldedWord);
}

// Small text repairs shared by the loader and the importer: Unicode normalisation, paragraph
// splitting, and the sentence boundaries that scrapers and dumps lose (`domestique.Consternant`).

/**
 * A sentence end glued to the next sentence: a lower-case letter, digit, closing quote or
 * parenthesis, then `.`, `!`, `?` or `…`, then (after an optional opening quote) an upper-case
 * letter that starts a word (`Le`, `L'`, `À `). Not matched: abbreviations and initials, which
 * have an upper-case letter before the dot (`M.Dupont`, `J.-C.`, `U.S.A`), decimals (`3.5`),
 * and domain names (`Orange.fr`, `Booking.Com`).
 * The pattern starts at the punctuation (rare) and the character before it is checked in the
 * callback: a look-behind tried at every position is several times slower on a large archive.
 */
const GLUED_SENTENCE =
  /[.!?…]+(?=(?:["“]|« ?)?\p{Lu}(?:\p{Ll}|['’ ]))(?![Cc]om\b|[Ff]r\b|[Nn]et\b|[Oo]rg\b)/gu;
const SENTENCE_LAST_CHAR = /[\p{Ll}\p{N})\]»"”'’]/u;

/** Insert `separator` (a space, or a line break between joined paragraphs) at each glued sentence end. */
export function fixGluedSentences(text: string, separator: string): string {
  return text.replace(GLUED_SENTENCE, (punct: string, offset: number, whole: string) => {
    let before = whole.charAt(offset - 1);
    // French spacing: `dernier ?Oui`
    if (before === " " && (punct[0] === "?" || punct[0] === "!")) before = whole.charAt(offset - 2);
    return before !== "" && SENTENCE_LAST_CHAR.test(before) ? punct + separator : punct;
  });
}

/** Paragraphs of a dump's text (one per line), glued sentence ends split apart, spaces collapsed. */
export function dumpParagraphs(text: string): string[] {
  const out: string[] = [];
  for (const line of fixGluedSentences(text.normalize("NFC"), "\n").split("\n")) {
    const p = line.replace(ODD_SPACES, " ").trim();
    if (p.length > 0) out.push(p);
  }
  return out;
}
const ODD_SPACES = /\s{2,}|[^\S ]/g;

/** NFC, `\r\n` → `\n`, no-break and odd spaces → space, trimmed lines. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f\u2009\t\f\v]/g, " ")
    .replace(/[\u200b\ufeff]/g, "");
}

/** Paragraphs: split on blank lines, inner line breaks and runs of spaces collapsed, empties dropped. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p.length > 0);
}

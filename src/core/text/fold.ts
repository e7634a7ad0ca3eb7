// Accent and case folding. Folding happens before stemming so that a user who types `defense`
// or `hoang xuan chien` without diacritics meets the accented text of the articles.

const cache = new Map<string, string>();
const MARKS = /\p{M}+/gu;

/** Lower-case and strip diacritics (`Hoàng` → `hoang`, `œuvre` → `oeuvre`, `đ` → `d`). */
export function fold(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return word.toLowerCase();
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const out = spellOut(word.toLowerCase().normalize("NFD").replace(MARKS, ""));
  // Bounded so a long-running bot fed with endless new vocabulary does not grow without limit. A
  // plain Map emptied when full, not lru-cache: this is the hottest lookup of indexing, and over
  // the archive's 1.2 M words of 3,000 articles lru-cache's bookkeeping made it 15–55 % slower
  // (1.6–2.6 s against 2.2–2.7 s, same run); the vocabulary refills the Map within one article.
  if (cache.size > 200_000) cache.clear();
  cache.set(word, out);
  return out;
}

/**
 * Accent- and case-folded text for substring search (no per-word cache: bodies are long). Whole
 * article bodies go through here on every `who` and "Qui est …" question (up to 120 of them), so
 * the common case takes a fast path: native lower-casing, then one lookup per non-ASCII character
 * (`foldTextSlow` of that character). It gives the same text as `foldTextSlow` because both fold
 * each character on its own within the characters it admits (Latin letters and marks, general
 * punctuation; the test checks every one of them); text with any other character (Greek, whose
 * final sigma lowers by context, Cyrillic, CJK, astral characters) takes the slow path.
 */
export function foldText(text: string): string {
  if (!foldsCharByChar(text)) return foldTextSlow(text);
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.replace(NON_ASCII_ALL, foldChar) : lower;
}

/**
 * `foldText(text)`, and whether it folded every character to exactly one (`aligned`): then the
 * fold of `text.slice(a, b)` is the fold's `.slice(a, b)`, so the sentences of a folded body need
 * no folding of their own (not so after `œ` → `oe` or a combining accent dropped).
 */
export function foldTextAligned(text: string): { folded: string; aligned: boolean } {
  if (!foldsCharByChar(text)) return { folded: foldTextSlow(text), aligned: false };
  const lower = text.toLowerCase();
  // lower-casing never drops a character: the same length means one for one
  let aligned = lower.length === text.length;
  if (!NON_ASCII.test(lower)) return { folded: lower, aligned };
  const folded = lower.replace(NON_ASCII_ALL, (c) => {
    const f = foldChar(c);
    if (f.length !== 1) aligned = false;
    return f;
  });
  return { folded, aligned };
}

/**
 * The definition `foldText` follows: NFD, marks removed, lower case, letters spelled out as `fold`
 * spells them (a name typed `Soren` or `Lodz` meets `Søren` and `Łódź` in a `who` as in a search),
 * and `’` as `'`.
 */
export function foldTextSlow(text: string): string {
  return spellOut(text.normalize("NFD").replace(MARKS, "").toLowerCase()).replace(/[’]/g, "'");
}

/** Lower-case letters without a decomposition, in Latin letters: ligatures, `đ`, `ß`, `ø`, `ł`. */
function spellOut(lower: string): string {
  return lower
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[đð]/g, "d")
    .replace(/ß/g, "ss")
    .replace(/ø/g, "o")
    .replace(/ł/g, "l");
}

/** A character `foldText` does not fold one by one (its fast path admits printable ASCII, Latin, combining marks, punctuation). */
const SLOW_CHAR = /[^\t\n\r -\u036f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20bf]/;
/** Whether `foldText` takes its fast path for `text`. */
export const foldsCharByChar = (text: string): boolean => !SLOW_CHAR.test(text);
/** Beyond printable ASCII (control characters other than tabs and line breaks included: they fold to themselves). */
const NON_ASCII = /[^\t\n\r -~]/;
const NON_ASCII_ALL = /[^\t\n\r -~]/g;
const foldedChars = new Map<string, string>();
function foldChar(c: string): string {
  let out = foldedChars.get(c);
  if (out === undefined) {
    out = foldTextSlow(c);
    foldedChars.set(c, out); // bounded: the fast path admits 1,153 characters beyond ASCII
  }
  return out;
}

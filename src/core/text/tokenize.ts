// Tokenizer for French and English news text. It yields surface tokens with their offsets, with
// French elisions removed (`l'accord` → `accord`, `jusqu'à` → `à`), hyphenated compounds split
// into their parts plus the joined form (`semi-conducteurs` → `semi`, `conducteurs`,
// `semiconducteurs`), and numbers with thousands separators joined (`600.000` → `600000`).
//
// It is a hand-written scanner over char codes (no regular expression per token): indexing 34k
// articles means tens of millions of tokens, and a regex test per token dominated the build.
// Sentences glued by a scraper (`domestique.Consternant`) split at the full stop like any other.

export interface Token {
  /** The token as written, minus any elided article. */
  readonly text: string;
  /** Offset of `text` in the input. */
  readonly start: number;
  /** True for the joined form of a hyphenated compound (not a word the author wrote alone). */
  readonly joined?: boolean;
}

// Character classes: 0 = not known yet, 1 = letter or mark, 2 = digit, 3 = other.
const LETTER = 1;
const DIGIT = 2;
const OTHER = 3;
const classes = new Uint8Array(0x10000);
const WORD_CHAR = /[\p{L}\p{M}]/u;
const DIGIT_CHAR = /\p{N}/u;

function classify(c: number): number {
  const ch = String.fromCharCode(c);
  const k =
    c >= 0xd800 && c <= 0xdfff ? OTHER : WORD_CHAR.test(ch) ? LETTER : DIGIT_CHAR.test(ch) ? DIGIT : OTHER;
  classes[c] = k;
  return k;
}
for (let c = 0; c < 0x250; c++) classify(c);
// Non-ASCII digits (`²`, `½`, Arabic-Indic…) are rare; treat them as letters of a word so only
// ASCII digits start numbers.
for (let c = 0x80; c < 0x250; c++) if (classes[c] === DIGIT) classes[c] = LETTER;

const classOf = (c: number): number => {
  const k = classes[c] as number;
  if (k !== 0) return k;
  const fresh = classify(c);
  if (fresh !== DIGIT) return fresh;
  classes[c] = LETTER;
  return LETTER;
};

const isApostrophe = (c: number) => c === 0x27 || c === 0x2019 || c === 0x2018;
const isHyphen = (c: number) => c === 0x2d || c === 0x2010 || c === 0x2011;
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Thousands separators: `.`, space, no-break space, narrow no-break space. */
const isGroupSep = (c: number) => c === 0x2e || c === 0x20 || c === 0xa0 || c === 0x202f;

const ELIDED = new Set([
  "l",
  "d",
  "j",
  "m",
  "n",
  "s",
  "t",
  "c",
  "qu",
  "jusqu",
  "lorsqu",
  "puisqu",
  "quoiqu",
  "presqu",
]);

/**
 * Split `text` into tokens; `emit` is called for each one (avoids building arrays on hot paths).
 * `joined` marks the extra joined form of a hyphenated compound.
 */
export function forEachToken(
  text: string,
  emit: (token: string, start: number, joined: boolean) => void,
): void {
  forEachTokenSpan(text, (start, end) => emit(text.slice(start, end), start, false), emit);
}

/** FNV-1a over `s[start..end)`: the hash `forEachTokenSpan` passes for a plain word. */
export function hashSpan(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let j = start; j < end; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
  return h;
}

/**
 * The allocation-free form of `forEachToken`. A plain word (the great majority of tokens) is
 * reported as a span `text[start..end)` with its `hashSpan` hash and no string built, so a
 * caller with a cache keyed by span (the analyzer) pays nothing per repeated word; numbers,
 * elisions and compounds come as strings through `emit`.
 */
export function forEachTokenSpan(
  text: string,
  span: (start: number, end: number, hash: number) => void,
  emit: (token: string, start: number, joined: boolean) => void,
): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = c < 0x250 ? (classes[c] as number) : classOf(c);
    if (k === OTHER) {
      i++;
      continue;
    }
    const start = i;
    if (k === DIGIT) {
      i = scanNumber(text, i, n);
      const next = i < n ? text.charCodeAt(i) : 0;
      if (i < n && (next < 0x250 ? (classes[next] as number) : classOf(next)) === LETTER) {
        // digits run into letters (`1er`, `20h30`, `4x4`, `covid19`): one alphanumeric word
        i = scanWord(text, start, n);
        emit(text.slice(start, i), start, false);
      } else {
        emitNumber(text, start, i, emit);
      }
      continue;
    }
    // A word: a run of letters/digits, possibly joined by apostrophes and hyphens.
    let h = 0x811c9dc5;
    while (i < n) {
      const w = text.charCodeAt(i);
      const wk = w < 0x250 ? (classes[w] as number) : classOf(w);
      if (wk === OTHER) break;
      h = Math.imul(h ^ w, 0x01000193);
      i++;
    }
    let seps = 0;
    while (i + 1 < n) {
      const s = text.charCodeAt(i);
      if (!isApostrophe(s) && !isHyphen(s)) break;
      const after = text.charCodeAt(i + 1);
      const ak = after < 0x250 ? (classes[after] as number) : classOf(after);
      if (ak === OTHER) break;
      seps++;
      i = scanWord(text, i + 1, n);
    }
    if (seps === 0) span(start, i, h);
    else compound(text, start, i, emit);
  }
}

/** End of a run of letters and digits starting at `i`. */
function scanWord(text: string, i: number, n: number): number {
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = c < 0x250 ? (classes[c] as number) : classOf(c);
    if (k === OTHER) break;
    i++;
  }
  return i;
}

/** End of a number at `i`: `600`, `600.000`, `1 500 000`, `2,5`, `3.14`. */
function scanNumber(text: string, i: number, n: number): number {
  const start = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  let grouped = false;
  if (i - start <= 3) {
    // thousands groups: separator + exactly three digits not followed by a fourth
    while (
      i + 3 < n &&
      isGroupSep(text.charCodeAt(i)) &&
      isDigit(text.charCodeAt(i + 1)) &&
      isDigit(text.charCodeAt(i + 2)) &&
      isDigit(text.charCodeAt(i + 3)) &&
      !(i + 4 < n && isDigit(text.charCodeAt(i + 4)))
    ) {
      i += 4;
      grouped = true;
    }
  }
  // decimal part: `,5` (and `.5` when not grouped)
  if (i + 1 < n && isDigit(text.charCodeAt(i + 1))) {
    const s = text.charCodeAt(i);
    if (s === 0x2c || (s === 0x2e && !grouped)) {
      i += 2;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
  }
  return i;
}

function emitNumber(
  text: string,
  start: number,
  end: number,
  emit: (token: string, start: number, joined: boolean) => void,
): void {
  let out = "";
  let from = start;
  // drop thousands separators so `600.000` and `600 000` meet
  for (let j = start; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c !== 0x2c && isGroupSep(c) && j + 4 <= end && !(j + 4 < end && isDigit(text.charCodeAt(j + 4)))) {
      out += text.slice(from, j);
      from = j + 1;
    }
  }
  emit(from === start ? text.slice(start, end) : out + text.slice(from, end), start, false);
}

/** A word with apostrophes and/or hyphens between `start` and `end`. */
function compound(
  text: string,
  start: number,
  end: number,
  emit: (token: string, start: number, joined: boolean) => void,
): void {
  // French elision: drop the article/pronoun before the first apostrophe (`l'`, `qu'`, `jusqu'`)
  for (let j = start; j < end; j++) {
    const c = text.charCodeAt(j);
    if (isApostrophe(c)) {
      const head = text.slice(start, j).toLowerCase();
      if (ELIDED.has(head)) {
        compound2(text, j + 1, end, emit);
        return;
      }
      // English possessive / negation: Japan's → Japan, don't → don
      if (j + 2 === end) {
        const last = text.charCodeAt(end - 1) | 0x20;
        if (last === 0x73 || last === 0x74) {
          compound2(text, start, j, emit);
          return;
        }
      }
      break;
    }
    if (isHyphen(c)) break;
  }
  compound2(text, start, end, emit);
}

function compound2(
  text: string,
  start: number,
  end: number,
  emit: (token: string, start: number, joined: boolean) => void,
): void {
  let hasApostrophe = false;
  let hyphens = 0;
  for (let j = start; j < end; j++) {
    const c = text.charCodeAt(j);
    if (isApostrophe(c)) hasApostrophe = true;
    else if (isHyphen(c)) hyphens++;
  }
  if (!hasApostrophe && hyphens === 0) {
    emit(text.slice(start, end), start, false);
    return;
  }
  // split at every apostrophe and hyphen
  let from = start;
  let joined = "";
  for (let j = start; j <= end; j++) {
    const c = j < end ? text.charCodeAt(j) : 0x2d;
    if (j === end || isApostrophe(c) || isHyphen(c)) {
      if (j > from) {
        const part = text.slice(from, j);
        emit(part, from, false);
        joined += part;
      }
      from = j + 1;
    }
  }
  // the joined form of a hyphenated compound (`semi-conducteurs` → `semiconducteurs`)
  if (!hasApostrophe && hyphens <= 2) emit(joined, start, true);
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  forEachToken(text, (t, start, joined) => {
    out.push(joined ? { text: t, start, joined } : { text: t, start });
  });
  return out;
}

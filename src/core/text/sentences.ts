// Sentence splitting for French and English news. Answers and summaries quote whole sentences,
// so a boundary must never fall inside an abbreviation (`M. Macron`, `etc.`), an initial
// (`J. Smith`), a number (`2,5`, `600.000`) or a quotation, and must fall where a scraper glued
// two sentences together (`...artificielle.Il a...`).

export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

const ABBREVIATIONS = new Set(
  [
    "m",
    "mm",
    "mme",
    "mmes",
    "mlle",
    "dr",
    "pr",
    "me",
    "mgr",
    "st",
    "ste",
    "etc",
    "cf",
    "ex",
    "no",
    "n°",
    "vol",
    "p",
    "pp",
    "art",
    "av",
    "bd",
    "min",
    "max",
    "env",
    "hab",
    "jr",
    "sr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "gen",
    "gal",
    "col",
    "cdt",
    "lt",
    "sgt",
    "vs",
    "inc",
    "ltd",
    "co",
    "corp",
    "dept",
    "fig",
    "janv",
    "fev",
    "févr",
    "avr",
    "juil",
    "sept",
    "oct",
    "nov",
    "dec",
    "déc",
    "u.s",
    "e.g",
    "i.e",
  ].map((s) => s.toLowerCase()),
);

// Regular expressions as constants: a literal inside the loop is a new object at every evaluation.
const SPACE = /\s/;
const OPENS_NUMBER_OR_DASH = /[0-9—–-]/;
const WORD_OR_DOT = /[\p{L}.°]/u;
const LOWER_LETTER = /\p{Ll}/u;
const DIGIT = /[0-9]/;

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const CLOSERS = "»\"”’')]";
const OPENERS = "«\"“‘'([";

/** Split a paragraph-structured text into sentence spans (offsets into `text`). */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const n = text.length;

  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && SPACE.test(text[s] ?? "")) s++;
    while (e > s && SPACE.test(text[e - 1] ?? "")) e--;
    if (e > s) spans.push({ start: s, end: e });
    start = end;
  };

  for (let i = 0; i < n; i++) {
    // by char code: `text[i]` builds a string for every character beyond Latin-1 (`’`, `œ`), and
    // `who` splits up to 120 articles per question
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      // paragraph or line break: always a boundary
      push(i);
      continue;
    }
    if (c !== 0x2e && c !== 0x21 && c !== 0x3f && c !== 0x2026) continue;
    const ch = text[i] as string;
    // swallow runs of punctuation and closing quotes: `?!`, `...`, `.»`
    let j = i + 1;
    for (;;) {
      while (j < n && (".!?…".includes(text[j] as string) || CLOSERS.includes(text[j] as string))) j++;
      // French typography spaces a closing guillemet: `bonjour. »`
      let q = j;
      while (q < n && (text[q] === " " || text[q] === "\u00a0" || text[q] === "\u202f")) q++;
      if (q < n && (text[q] === "»" || text[q] === "”") && q > j) j = q;
      else break;
    }
    const next = text[j];
    if (next === undefined) {
      push(n);
      i = n;
      break;
    }
    const spaced = SPACE.test(next);
    let k = j;
    while (k < n && (text[k] === " " || text[k] === "\u00a0" || text[k] === "\t")) k++;
    const after = text[k];
    if (after === undefined || after === "\n") {
      push(j);
      i = j - 1;
      continue;
    }
    const startsSentence = isUpper(after) || OPENERS.includes(after) || OPENS_NUMBER_OR_DASH.test(after);
    if (!startsSentence) continue;
    if (ch === ".") {
      // the word before the period: abbreviation or initial?
      let w = i - 1;
      while (w >= 0 && WORD_OR_DOT.test(text[w] as string)) w--;
      const word = text.slice(w + 1, i).toLowerCase();
      if (ABBREVIATIONS.has(word)) continue;
      if (word.length === 1 && isUpper(text[i - 1] as string)) continue; // initial: `J. Smith`
      if (!spaced) {
        // glued `mot.Mot`: split only after a lower-case word of 2+ letters (not `U.S.A`, not `1.5`)
        const prev = text[i - 1] ?? "";
        if (!(LOWER_LETTER.test(prev) || CLOSERS.includes(prev)) || word.length < 2) continue;
        if (DIGIT.test(after)) continue;
      }
    } else if (!spaced && !isUpper(after)) {
      continue;
    }
    push(j);
    i = j - 1;
  }
  if (start < n) push(n);
  return spans;
}

/** The sentences of `text` as strings. */
export function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

// What a written text asserts that can be checked against its sources: its numbers (digits or
// words, with thousands separators and scale words read the same way in French and English), its
// dates (French and English forms, numeric and ISO ones, read into day / month / year / weekday)
// and its proper names (capitalised words, accents folded). A draft and the passages it cites are
// read by the same functions, so a figure written `1 234`, `1,234` or `1234` is one value.
import { findDateExpressions } from "../dates/date-expressions.ts";
import { fold } from "../text/fold.ts";

export interface DateClaim {
  readonly text: string;
  readonly day?: number;
  readonly month?: number;
  readonly year?: number;
  readonly weekday?: number;
}

export interface Claims {
  /** Numbers as values (scale words applied: `3 millions` → 3,000,000), with how they were written. */
  readonly numbers: readonly { readonly text: string; readonly value: number }[];
  readonly dates: readonly DateClaim[];
  /** Capitalised words (folded), with how they were written. */
  readonly names: readonly { readonly text: string; readonly folded: string }[];
}

/** Citation markers: `[1]`, `[2, 3]`, `[1][4]`, `[1-3]`. */
export const MARKER = /\[(\d{1,2}(?:\s*[,;\-–]\s*\d{1,2})*)\]/g;

/** The passage numbers of one marker's inside (`2, 3` → 2, 3; `1-3` → 1, 2, 3). */
export function markerNumbers(inside: string): number[] {
  const out: number[] = [];
  for (const part of inside.split(/[,;]/)) {
    const [from, to] = part.split(/[-–]/).map((n) => Number(n.trim()));
    if (from === undefined) continue;
    if (to === undefined) out.push(from);
    else for (let n = from; n <= Math.min(to, from + 20); n++) out.push(n);
  }
  return out;
}

const SPACES = /[\u00a0\u202f\u2007\u2009\u200a]/g;

/** One form for typographic variants: non-breaking and thin spaces, curly apostrophes, dashes. */
export function normalizeText(text: string): string {
  return text.normalize("NFC").replace(SPACES, " ").replace(/[’‘`]/g, "'").replace(/[‐‑–]/g, "-");
}

const WORD_NUMBERS: Record<string, number> = {
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  cent: 100,
  mille: 1000,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  hundred: 100,
  thousand: 1000,
};

const SCALES: Record<string, number> = {
  million: 1e6,
  millions: 1e6,
  milliard: 1e9,
  milliards: 1e9,
  billion: 1e9,
  billions: 1e9,
  md: 1e9,
  mds: 1e9,
  mille: 1e3,
  thousand: 1e3,
};

// A figure: digits with thousands groups (`1 234 567`, `1,234`, `1.234`), then an optional decimal
// part; a word number (`trois`, `vingt-deux`); either followed by an optional scale word.
const NUMBER =
  /(?<![\p{L}\d])(?:(\d{1,3}(?:[ .,]\d{3})+(?!\d)|\d+)(?:[.,](\d+))?|(\p{L}+(?:-\p{L}+)?))(?:\s+(millions?|milliards?|billions?|mds?|mille|thousand))?(?![\p{L}\d])/giu;

function wordValue(word: string): number | undefined {
  const parts = fold(word.toLowerCase()).split("-");
  let sum = 0;
  for (const p of parts) {
    if (p === "et" || p === "and") continue;
    const v = WORD_NUMBERS[p];
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum > 0 ? sum : undefined;
}

/** Every number in `text`, as values; markers `[n]` are not numbers. */
export function findNumbers(text: string): { text: string; value: number }[] {
  const clean = normalizeText(text).replace(MARKER, " ");
  const out: { text: string; value: number }[] = [];
  for (const m of clean.matchAll(NUMBER)) {
    const [whole, int, decimals, word, scale] = m;
    let value: number | undefined;
    if (int !== undefined) {
      value = Number(int.replace(/[ .,]/g, ""));
      if (decimals !== undefined) value += Number(`0.${decimals}`);
    } else if (word !== undefined) value = wordValue(word);
    if (value === undefined || !Number.isFinite(value)) continue;
    const factor = scale ? (SCALES[scale.toLowerCase()] ?? 1) : 1;
    out.push({ text: whole.trim(), value: round(value * factor) });
  }
  return out;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/** Every date in `text`: day, month, year, weekday as written (French, English, numeric, ISO). */
export function findDates(text: string): DateClaim[] {
  const clean = normalizeText(text);
  const out: DateClaim[] = [];
  for (const m of clean.matchAll(ISO_DAY))
    out.push({ text: m[0], year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  const withoutIso = clean.replace(ISO_DAY, " ");
  for (const d of findDateExpressions(withoutIso)) {
    if (d.day === undefined && d.month === undefined && d.weekday === undefined) continue; // a bare year is a number
    out.push({
      text: d.text,
      ...(d.day !== undefined ? { day: d.day } : {}),
      ...(d.month !== undefined ? { month: d.month } : {}),
      ...(d.year !== undefined ? { year: d.year } : {}),
      ...(d.weekday !== undefined ? { weekday: d.weekday } : {}),
    });
  }
  return out;
}

// English months and weekdays take a capital; they are dates, not names.
const CALENDAR_WORDS = new Set(
  "january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche".split(
    " ",
  ),
);

/** Words of `text`, folded (`d'Émile` → `d`, `emile`); for name look-ups. */
export function foldedWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const m of normalizeText(text).matchAll(/\p{L}[\p{L}\p{M}]*/gu)) words.add(fold(m[0]));
  return words;
}

/**
 * Capitalised words of `text` that may be names. A capital opening a sentence proves nothing, so
 * such a word counts only when `isCommonWord` (given the word in lower case) does not know it.
 */
export function findNames(text: string, isCommonWord: (folded: string) => boolean): Claims["names"] {
  const clean = normalizeText(text).replace(MARKER, " ");
  const out: { text: string; folded: string }[] = [];
  const re = /\p{L}[\p{L}\p{M}]*/gu;
  for (const m of clean.matchAll(re)) {
    const word = m[0];
    if (!/^\p{Lu}/u.test(word) || word.length < 2) continue;
    const before = clean.slice(0, m.index).trimEnd();
    const opensSentence = before === "" || /[.!?:;«"(-]$/.test(before);
    if (CALENDAR_WORDS.has(fold(word))) continue; // checked as dates
    if (opensSentence && isCommonWord(word.toLowerCase())) continue;
    out.push({ text: word, folded: fold(word) });
  }
  return out;
}

export function findClaims(text: string, isCommonWord: (folded: string) => boolean): Claims {
  return { numbers: findNumbers(text), dates: findDates(text), names: findNames(text, isCommonWord) };
}

// The quotation an answer shows: the one sentence holding the answer, a neighbour only when both
// fit the length limit together, and a sentence too long to read trimmed to the clauses around
// the answer, the cuts marked with `…`. `markSpan` turns the answer's place in the quote into the
// emphasis ranges a reply block carries (rendered bold by each adapter).

export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

export interface ConciseOptions {
  /** Index of a second sentence (a neighbour), quoted only when both stay within `maxChars`. */
  readonly second?: number;
  /** Longest quote, in characters. Default 400. */
  readonly maxChars?: number;
  /** Where the answer is in `sentences[index]`; a trimmed sentence keeps it. Default: its start. */
  readonly span?: TextSpan;
}

export interface ConciseQuote {
  readonly text: string;
  /** Indexes of the sentences quoted, in order. */
  readonly sentences: readonly number[];
  /** True when the answer's sentence was cut to fit (`…`). */
  readonly trimmed: boolean;
  /** `options.span` moved to its place in `text`, when it is still whole there. */
  readonly span?: TextSpan;
}

const DEFAULT_MAX = 400;
const ELLIPSIS = "…";

/**
 * The quote for the answer in `sentences[index]`. Throws a RangeError when `index` is not a
 * sentence or `maxChars` is too small to quote anything (< 20).
 */
export function concise(
  sentences: readonly string[],
  index: number,
  options: ConciseOptions = {},
): ConciseQuote {
  const main = sentences[index];
  if (main === undefined) throw new RangeError(`concise: no sentence ${index} (of ${sentences.length})`);
  const max = options.maxChars ?? DEFAULT_MAX;
  if (!(max >= 20)) throw new RangeError(`concise: maxChars must be at least 20, got ${max}`);
  const sentence = main.trim();
  const lead = main.length - main.trimStart().length;
  const span = clampSpan(options.span ? shift(options.span, -lead) : undefined, sentence.length);

  const other =
    options.second === undefined || options.second === index ? undefined : sentences[options.second];
  if (other !== undefined && options.second !== undefined) {
    const second = other.trim();
    const both = second.length > 0 ? sentence.length + 1 + second.length : Number.POSITIVE_INFINITY;
    if (both <= max) {
      const secondFirst = options.second < index;
      const text = secondFirst ? `${second} ${sentence}` : `${sentence} ${second}`;
      const offset = secondFirst ? second.length + 1 : 0;
      const order = secondFirst ? [options.second, index] : [index, options.second];
      return { text, sentences: order, trimmed: false, ...(span ? { span: shift(span, offset) } : {}) };
    }
  }
  if (sentence.length <= max)
    return { text: sentence, sentences: [index], trimmed: false, ...spanField(span) };
  return { ...trimAround(sentence, span ?? { start: 0, end: 0 }, max), sentences: [index] };
}

const shift = (s: TextSpan, by: number): TextSpan => ({ start: s.start + by, end: s.end + by });
const spanField = (s: TextSpan | undefined) => (s ? { span: s } : {});

function clampSpan(s: TextSpan | undefined, length: number): TextSpan | undefined {
  if (!s) return undefined;
  const start = Math.max(0, Math.min(s.start, length));
  const end = Math.max(start, Math.min(s.end, length));
  return end > start ? { start, end } : undefined;
}

/** Clause boundaries: just after `,`, `;`, `:`, a dash or a bracket followed by a space. */
const CLAUSE_CUT = /[,;:–—)]\s+|\s+[–—(]/gu;

function boundaries(text: string, pattern: RegExp): number[] {
  const cuts = new Set<number>([0, text.length]);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    // cut after the punctuation (`, `) or before the opening dash/bracket (` (`)
    cuts.add(/^\s/.test(m[0]) ? m.index : m.index + m[0].length);
  }
  return [...cuts].sort((a, b) => a - b);
}

/**
 * The longest run of whole clauses around `span` that fits in `max` with its `…`; words when
 * the answer's own clause is too long; the span cut as a last resort.
 */
function trimAround(
  sentence: string,
  span: TextSpan,
  max: number,
): { text: string; trimmed: true; span?: TextSpan } {
  const room = max - 2 * ELLIPSIS.length - 2;
  const window = grow(boundaries(sentence, CLAUSE_CUT), span, room) ??
    grow(boundaries(sentence, /\s+/gu), span, room) ?? { start: span.start, end: span.start + room };
  let a = window.start;
  let b = window.end;
  const raw = sentence.slice(a, b);
  const body = raw.trim().replace(/[\s,;:–—(]+$/u, "");
  a += raw.length - raw.trimStart().length;
  b = a + body.length;
  const head = a > 0 ? `${ELLIPSIS} ` : "";
  const tail = b < sentence.length ? ` ${ELLIPSIS}` : "";
  const text = `${head}${body}${tail}`;
  const inside = span.end > span.start && span.start >= a && span.end <= b;
  return { text, trimmed: true, ...(inside ? { span: shift(span, head.length - a) } : {}) };
}

/** From the cuts enclosing the span, add clauses on the left (the subject) then the right while they fit. */
function grow(cuts: readonly number[], span: TextSpan, room: number): TextSpan | undefined {
  let i = 0;
  while (i + 1 < cuts.length && (cuts[i + 1] as number) <= span.start) i++;
  let j = cuts.length - 1;
  while (j - 1 >= 0 && (cuts[j - 1] as number) >= Math.max(span.end, span.start + 1)) j--;
  if (j <= i) j = Math.min(i + 1, cuts.length - 1);
  const width = (x: number, y: number) => (cuts[y] as number) - (cuts[x] as number);
  if (width(i, j) > room) return undefined;
  for (let changed = true; changed; ) {
    changed = false;
    if (i > 0 && width(i - 1, j) <= room) {
      i--;
      changed = true;
    }
    if (j < cuts.length - 1 && width(i, j + 1) <= room) {
      j++;
      changed = true;
    }
  }
  return { start: cuts[i] as number, end: cuts[j] as number };
}

export interface MarkedText {
  readonly text: string;
  readonly emphasis: readonly TextSpan[];
}

/**
 * The emphasis ranges for the answer in `text`: `span` as offsets, or the answer as written (its
 * first occurrence, case-insensitive). Spaces and punctuation at its edges are left out; a span
 * outside the text, or an answer not found, gives no emphasis rather than a wrong one.
 */
export function markSpan(text: string, span: TextSpan | string | undefined): MarkedText {
  let range: TextSpan | undefined;
  if (typeof span === "string") {
    const needle = span.trim().toLocaleLowerCase();
    const at = needle.length > 0 ? text.toLocaleLowerCase().indexOf(needle) : -1;
    // lower-casing can change lengths (rare letters): only trust an occurrence that maps back exactly
    if (at >= 0 && text.slice(at, at + needle.length).toLocaleLowerCase() === needle)
      range = { start: at, end: at + needle.length };
  } else if (span && span.start >= 0 && span.end <= text.length && span.end > span.start) {
    range = span;
  }
  if (!range) return { text, emphasis: [] };
  let { start, end } = range;
  while (start < end && /[\s,;:.!?«»"“”()]/u.test(text.charAt(start))) start++;
  while (end > start && /[\s,;:.!?«»"“”()]/u.test(text.charAt(end - 1))) end--;
  return { text, emphasis: end > start ? [{ start, end }] : [] };
}

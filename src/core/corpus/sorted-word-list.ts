// A word list searched by bisection in the UTF-8 bytes of its JSON text, with no string made per
// word: `JSON.parse` and a Set over the French list's 336,000 strings cost about a second of CPU
// at the first question, decoding the text and splitting it still 150–250 ms with the garbage
// collection the strings feed, for a list the bot only asks "is this a word?" a few hundred times
// per question. One pass over the bytes checks the text and notes where each word starts (a few
// milliseconds). The bytes are taken this way only when they are a plain JSON array of distinct
// strings without escapes, sorted, lower-case, and written with letters up to U+017F (ASCII,
// Latin-1, Latin Extended-A: all French letters), whose byte order is the UTF-16 order of the
// strings and which are NFC whatever surrounds them; anything else returns undefined and the
// caller parses the text and builds a Set as before.

const QUOTE = 0x22;
/** Lookups by bytes before the words are made strings (see `#strings`). */
const STRINGS_AFTER = 20_000;
const decoder = new TextDecoder();
const COMMA = 0x2c;

/** Code points U+0080–U+017F that lower-casing changes (Changes_When_Lowercased): refused. */
let upperLatin: Uint8Array | undefined;
function upperLatinTable(): Uint8Array {
  if (!upperLatin) {
    upperLatin = new Uint8Array(0x180);
    for (let cp = 0x80; cp < 0x180; cp++) upperLatin[cp] = /\p{CWL}/u.test(String.fromCharCode(cp)) ? 1 : 0;
  }
  return upperLatin;
}

/** The list's words in UTF-16 order (what `<` on strings and `Array.prototype.sort` use). */
export class SortedWordList implements ReadonlySet<string> {
  readonly #bytes: Uint8Array;
  /** Word `i` is `bytes[starts[i], starts[i + 1] - 3)` (the 3 being the `","` between words). */
  readonly #starts: Int32Array;
  readonly #size: number;
  /**
   * The words as strings, made when the list is iterated or asked very often (the corpus loader
   * repairing glued words asks it for every unknown token): then one decode and one `split`,
   * and native string comparisons, cost less than comparing bytes again and again.
   */
  #strings: string[] | undefined;
  #lookups = 0;

  private constructor(bytes: Uint8Array, starts: Int32Array, size: number) {
    this.#bytes = bytes;
    this.#starts = starts;
    this.#size = size;
  }

  /**
   * The list when `bytes` are a JSON array of distinct, sorted, lower-case strings as described
   * above (trailing white space allowed), else undefined.
   */
  static fromJsonBytes(bytes: Uint8Array): SortedWordList | undefined {
    let n = bytes.length;
    while (
      n > 0 &&
      (bytes[n - 1] === 0x20 || bytes[n - 1] === 0x0a || bytes[n - 1] === 0x0d || bytes[n - 1] === 0x09)
    )
      n--;
    if (n === 2 && bytes[0] === 0x5b && bytes[1] === 0x5d)
      return new SortedWordList(bytes, new Int32Array(1), 0);
    if (n < 4 || bytes[0] !== 0x5b || bytes[1] !== QUOTE || bytes[n - 2] !== QUOTE || bytes[n - 1] !== 0x5d)
      return undefined;
    const upper = upperLatinTable();
    // at most one word per 4 bytes (`"a",`): untouched pages of the rest cost nothing
    let starts = new Int32Array((n >> 2) + 2);
    let count = 0;
    let start = 2;
    let previous = -1;
    const last = n - 2; // the closing quote
    for (let i = 2; i <= last; ) {
      const c = bytes[i] as number;
      if (c === QUOTE) {
        // a word ends: at the closing quote, or before `","`
        if (i < last && (bytes[i + 1] !== COMMA || bytes[i + 2] !== QUOTE)) return undefined;
        if (previous >= 0 && compareBytes(bytes, previous, start - 3, start, i) >= 0) return undefined;
        starts[count++] = start;
        previous = start;
        start = i + 3;
        i = start;
        if (i > last) break;
        continue;
      }
      if (c < 0x20 || c === 0x5c || (c >= 0x41 && c <= 0x5a)) return undefined;
      if (c < 0x80) {
        i++;
        continue;
      }
      const next = bytes[i + 1] as number;
      if (c < 0xc2 || c > 0xc5 || next < 0x80 || next > 0xbf) return undefined;
      if (upper[((c & 0x1f) << 6) | (next & 0x3f)] === 1) return undefined;
      i += 2;
    }
    if (count + 1 > starts.length) return undefined;
    starts[count] = last + 3;
    starts = starts.subarray(0, count + 1);
    return new SortedWordList(bytes, starts, count);
  }

  get size(): number {
    return this.#size;
  }

  #words(): string[] {
    if (!this.#strings) {
      const end = (this.#starts[this.#size] as number) - 3;
      this.#strings = this.#size === 0 ? [] : decoder.decode(this.#bytes.subarray(2, end)).split('","');
    }
    return this.#strings;
  }

  /** The position of the first word not below `key`. */
  lowerBound(key: string): number {
    if (!this.#strings && ++this.#lookups > STRINGS_AFTER) this.#words();
    const strings = this.#strings;
    let lo = 0;
    if (strings) {
      let hi = strings.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((strings[mid] as string) < key) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }
    let hi = this.#size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#compare(mid, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Word `i` against `key` in UTF-16 order: the word's letters are single UTF-16 code units. */
  #compare(i: number, key: string): number {
    const bytes = this.#bytes;
    let p = this.#starts[i] as number;
    const end = (this.#starts[i + 1] as number) - 3;
    let j = 0;
    while (p < end && j < key.length) {
      let c = bytes[p++] as number;
      if (c >= 0x80) c = ((c & 0x1f) << 6) | ((bytes[p++] as number) & 0x3f);
      const k = key.charCodeAt(j++);
      if (c !== k) return c < k ? -1 : 1;
    }
    if (p < end) return 1;
    return j < key.length ? -1 : 0;
  }

  has(word: string): boolean {
    const at = this.lowerBound(word);
    if (this.#strings) return this.#strings[at] === word;
    return at < this.#size && this.#compare(at, word) === 0;
  }

  values(): SetIterator<string> {
    return this.#words().values();
  }
  keys(): SetIterator<string> {
    return this.values();
  }
  *entries(): SetIterator<[string, string]> {
    for (const w of this.values()) yield [w, w];
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }
  forEach(fn: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const w of this.values()) fn.call(thisArg, w, w, this);
  }
}

/** `bytes[a, aEnd)` against `bytes[b, bEnd)`: UTF-8 byte order is code point order. */
function compareBytes(bytes: Uint8Array, a: number, aEnd: number, b: number, bEnd: number): number {
  for (; a < aEnd && b < bEnd; a++, b++) {
    const d = (bytes[a] as number) - (bytes[b] as number);
    if (d !== 0) return d;
  }
  return aEnd - a - (bEnd - b);
}

/**
 * `json` (its text or UTF-8 bytes) as a sorted word list, or undefined when it is not a plain
 * array of strings (escapes, spacing, other values), not sorted and distinct, not all lower-case,
 * or holds letters past U+017F.
 */
export function sortedWordListFromJson(json: string | Uint8Array): SortedWordList | undefined {
  return SortedWordList.fromJsonBytes(typeof json === "string" ? new TextEncoder().encode(json) : json);
}

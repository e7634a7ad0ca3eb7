// A word list kept as the JSON text it was read from, searched by bisection: an array of
// 336,000 strings and a Set over them cost about a second of start-up and 40 MB for a list the
// bot only asks "is this a word?" a few hundred times per question. The text is taken as is only
// when it is a plain JSON array of distinct strings, sorted, lower-case and NFC (what the French
// list is); anything else returns undefined and the caller builds a Set as before.

/** The list's words, in UTF-16 order, as positions in `text`. */
export class SortedWordList implements ReadonlySet<string> {
  readonly #text: string;
  readonly #start: Int32Array;
  readonly #end: Int32Array;

  constructor(text: string, start: Int32Array, end: Int32Array) {
    this.#text = text;
    this.#start = start;
    this.#end = end;
  }

  get size(): number {
    return this.#start.length;
  }

  word(i: number): string {
    return this.#text.slice(this.#start[i], this.#end[i]);
  }

  /** Compares `key` with word `i` in UTF-16 order, as `<` on strings does. */
  #compare(key: string, i: number): number {
    const text = this.#text;
    const from = this.#start[i] as number;
    const length = (this.#end[i] as number) - from;
    const n = Math.min(key.length, length);
    for (let j = 0; j < n; j++) {
      const d = key.charCodeAt(j) - text.charCodeAt(from + j);
      if (d !== 0) return d;
    }
    return key.length - length;
  }

  /** The position of the first word not below `key`. */
  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.#start.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#compare(key, mid) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  has(word: string): boolean {
    const at = this.lowerBound(word);
    return at < this.#start.length && this.#compare(word, at) === 0;
  }

  *values(): SetIterator<string> {
    for (let i = 0; i < this.#start.length; i++) yield this.word(i);
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

  /** The list when every word is distinct and in order, else undefined. */
  static checked(text: string, start: Int32Array, end: Int32Array): SortedWordList | undefined {
    for (let i = 1; i < start.length; i++) {
      const a = start[i - 1] as number;
      const b = start[i] as number;
      const lengthA = (end[i - 1] as number) - a;
      const lengthB = (end[i] as number) - b;
      const n = Math.min(lengthA, lengthB);
      let j = 0;
      while (j < n && text.charCodeAt(a + j) === text.charCodeAt(b + j)) j++;
      const inOrder = j < n ? text.charCodeAt(a + j) < text.charCodeAt(b + j) : lengthA < lengthB;
      if (!inOrder) return undefined;
    }
    return new SortedWordList(text, start, end);
  }
}

/**
 * Whether `text` is in NFC. Letters up to U+017F (Latin-1 and Latin Extended-A, all French
 * letters) are NFC whatever surrounds them, which a scan tells much faster than normalizing.
 */
const isNfc = (text: string) => !/[^\t-\u017f]/.test(text) || text.normalize("NFC") === text;

/**
 * `json` as a sorted word list, or undefined when it is not a plain array of strings (escapes,
 * other values), not sorted and distinct, or not all lower-case NFC.
 */
export function sortedWordListFromJson(json: string): SortedWordList | undefined {
  const text = json.trimEnd();
  if (!text.startsWith("[") || !text.endsWith("]") || text.includes("\\")) return undefined;
  if (text.toLowerCase() !== text || !isNfc(text)) return undefined;
  // one pass over the characters: quotes open and close words, a comma must separate them
  // (`indexOf` per word was measured 4 times slower on this two-byte string)
  const starts: number[] = [];
  const ends: number[] = [];
  let open = -1;
  let expectComma = false;
  for (let i = 1; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (open >= 0) {
      if (c === 34) {
        starts.push(open);
        ends.push(i);
        open = -1;
        expectComma = true;
      }
    } else if (expectComma) {
      if (c !== 44) return undefined;
      expectComma = false;
    } else if (c === 34) open = i + 1;
    else return undefined; // a value that is not a string
  }
  if (open >= 0 || (starts.length > 0 && !expectComma)) return undefined;
  return SortedWordList.checked(text, Int32Array.from(starts), Int32Array.from(ends));
}

// A word list taken from its JSON text by one `split`, searched by bisection: `JSON.parse` and a Set
// over its 336,000 strings cost about a second of CPU at the first question, for a list the bot
// only asks "is this a word?" a few hundred times per question (measured: split 35–40 ms, the
// checks below about 15 ms). The text is taken this way only when it is a plain JSON array of
// distinct strings without escapes, sorted, lower-case and NFC (what the French list is); anything
// else returns undefined and the caller parses it and builds a Set as before.

/** The list's words in UTF-16 order (what `<` on strings and `Array.prototype.sort` use). */
export class SortedWordList implements ReadonlySet<string> {
  readonly #words: readonly string[];

  private constructor(words: readonly string[]) {
    this.#words = words;
  }

  /** The list when every word is distinct and in order, else undefined. */
  static of(words: readonly string[]): SortedWordList | undefined {
    for (let i = 1; i < words.length; i++)
      if (!((words[i - 1] as string) < (words[i] as string))) return undefined;
    return new SortedWordList(words);
  }

  get size(): number {
    return this.#words.length;
  }

  /** The position of the first word not below `key`. */
  lowerBound(key: string): number {
    const words = this.#words;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((words[mid] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  has(word: string): boolean {
    return this.#words[this.lowerBound(word)] === word;
  }

  values(): SetIterator<string> {
    return this.#words.values();
  }
  keys(): SetIterator<string> {
    return this.#words.values();
  }
  entries(): SetIterator<[string, string]> {
    return this.#words.map((w): [string, string] => [w, w]).values();
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.#words.values();
  }
  forEach(fn: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const w of this.#words) fn.call(thisArg, w, w, this);
  }
}

/**
 * Whether `text` is in NFC. Letters up to U+017F (Latin-1 and Latin Extended-A, all French
 * letters) are NFC whatever surrounds them, which a scan tells much faster than normalizing.
 */
const isNfc = (text: string) => !/[^\t-\u017f]/.test(text) || text.normalize("NFC") === text;

/**
 * `json` as a sorted word list, or undefined when it is not a plain array of strings (escapes,
 * spacing, other values), not sorted and distinct, or not all lower-case NFC.
 */
export function sortedWordListFromJson(json: string): SortedWordList | undefined {
  const text = json.trimEnd();
  if (text === "[]") return SortedWordList.of([]);
  if (!text.startsWith('["') || !text.endsWith('"]') || text.includes("\\")) return undefined;
  // exactly what toLowerCase would change (Changes_When_Lowercased), without building the copy
  if (/\p{CWL}/u.test(text) || !isNfc(text)) return undefined;
  const words = text.slice(2, -2).split('","');
  // with no escapes, a quote left inside a word means the text was not `"w","w",…`
  if (words.some((w) => w.includes('"'))) return undefined;
  return SortedWordList.of(words);
}

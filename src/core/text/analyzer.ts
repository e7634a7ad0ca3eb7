// The analyzer turns text into index terms: tokenize, fold, drop stopwords, stem. Index and
// queries go through the same function, so `Défenses`, `défense` and `defense` become one term.
// Surface forms are cached: a news archive has a few hundred thousand distinct words but tens of
// millions of occurrences, so each distinct word is folded and stemmed once. There are two cache
// levels: surface form → term (`Défenses`, `défenses`, `DÉFENSES` each looked up once) and folded
// form → term (so the three share one stemming).
import { fold } from "./fold.ts";
import { type StemLanguage, stem } from "./stem.ts";
import { STOPWORDS } from "./stopwords.ts";
import { forEachTokenSpan, hashSpan } from "./tokenize.ts";

export interface Analyzer {
  /** Index terms of `text`, in order, stopwords removed. */
  terms(text: string, lang?: StemLanguage): string[];
  /** Calls `emit` for each index term (no array built); `start` is the offset in `text`. */
  forEachTerm(text: string, lang: StemLanguage, emit: (term: string, start: number) => void): void;
  /** The index term for one word, or undefined when it is a stopword or too short. */
  term(word: string, lang?: StemLanguage): string | undefined;
  /** Drop the word caches (they refill on use); for long-running processes after a bulk load. */
  clearCaches?(): void;
}

export interface AnalyzerOptions {
  /** Words dropped from index and queries (folded). Default: French + English stopwords. */
  stopwords?: ReadonlySet<string>;
  /** Shortest word kept, digits excepted. Default 2. */
  minLength?: number;
  /** Entries per word cache before it is cleared (bounds memory on endless vocabulary). Default 300,000. */
  cacheSize?: number;
}

const NONE = "\u0000";

/**
 * Surface form → term, an open-addressing hash table probed with a span of the text being
 * analysed, so a word already seen costs a hash and a compare and no string allocation. (A `Map`
 * probed with a fresh substring was measured at ~600 ns a lookup, most of the build time.)
 */
class SurfaceTable {
  private slots: Int32Array; // entry index + 1, 0 = empty
  private hashes: Int32Array;
  private keys: string[] = [];
  private values: string[] = [];
  constructor(private readonly capacity: number) {
    this.slots = new Int32Array(1 << 12);
    this.hashes = new Int32Array(1 << 11);
  }
  get size(): number {
    return this.keys.length;
  }
  clear(): void {
    this.slots = new Int32Array(1 << 12);
    this.hashes = new Int32Array(1 << 11);
    this.keys = [];
    this.values = [];
  }
  /** The term cached for `text[start..end)` (hash `h`), or undefined. */
  get(text: string, start: number, end: number, h: number): string | undefined {
    const mask = this.slots.length - 1;
    const len = end - start;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const e = (this.slots[at] as number) - 1;
      if (e < 0) return undefined;
      if (this.hashes[e] !== h) continue;
      const key = this.keys[e] as string;
      if (key.length !== len) continue;
      let j = 0;
      while (j < len && key.charCodeAt(j) === text.charCodeAt(start + j)) j++;
      if (j === len) return this.values[e];
    }
  }
  set(key: string, h: number, value: string): void {
    if (this.keys.length >= this.capacity) this.clear();
    const e = this.keys.length;
    this.keys.push(key);
    this.values.push(value);
    if (e >= this.hashes.length) {
      const next = new Int32Array(this.hashes.length * 2);
      next.set(this.hashes);
      this.hashes = next;
    }
    this.hashes[e] = h;
    if ((e + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(e);
  }
  private place(e: number): void {
    const mask = this.slots.length - 1;
    let at = (this.hashes[e] as number) & mask;
    while (this.slots[at] !== 0) at = (at + 1) & mask;
    this.slots[at] = e + 1;
  }
  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let e = 0; e < this.keys.length; e++) this.place(e);
  }
}

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const stopwords = options.stopwords ?? STOPWORDS;
  const minLength = options.minLength ?? 2;
  const cacheSize = options.cacheSize ?? 300_000;
  const surface: Record<StemLanguage, SurfaceTable> = { fr: new SurfaceTable(cacheSize), en: new SurfaceTable(cacheSize) };
  const folded: Record<StemLanguage, Map<string, string>> = { fr: new Map(), en: new Map() };

  function analyze(word: string, lang: StemLanguage): string {
    const f = fold(word);
    const cache = folded[lang];
    let t = cache.get(f);
    if (t === undefined) {
      const c = f.charCodeAt(0);
      const isDigit = c >= 48 && c <= 57;
      t = (!isDigit && f.length < minLength) || stopwords.has(f) ? NONE : stem(f, lang);
      if (cache.size >= cacheSize) cache.clear();
      cache.set(f, t);
    }
    return t;
  }

  /** Term (or NONE) of a word given as a string. */
  function lookup(word: string, lang: StemLanguage): string {
    const table = surface[lang];
    const h = hashSpan(word, 0, word.length);
    let t = table.get(word, 0, word.length, h);
    if (t === undefined) {
      t = analyze(word, lang);
      table.set(word, h, t);
    }
    return t;
  }

  function term(word: string, lang: StemLanguage = "fr"): string | undefined {
    const t = lookup(word, lang);
    return t === NONE ? undefined : t;
  }

  function forEachTerm(text: string, lang: StemLanguage, emit: (term: string, start: number) => void): void {
    const table = surface[lang];
    forEachTokenSpan(
      text,
      (start, end, h) => {
        let t = table.get(text, start, end, h);
        if (t === undefined) {
          const word = text.slice(start, end);
          t = analyze(word, lang);
          table.set(word, h, t);
        }
        if (t !== NONE) emit(t, start);
      },
      (word, start) => {
        const t = lookup(word, lang);
        if (t !== NONE) emit(t, start);
      },
    );
  }

  return {
    term,
    forEachTerm,
    terms(text, lang = "fr") {
      const out: string[] = [];
      forEachTerm(text, lang, (t) => out.push(t));
      return out;
    },
    clearCaches() {
      surface.fr.clear();
      surface.en.clear();
      folded.fr.clear();
      folded.en.clear();
    },
  };
}

// The analyzer turns text into index terms: tokenize, fold, drop stopwords, stem. Index and
// queries go through the same function, so `Défenses`, `défense` and `defense` become one term.
// Surface forms are cached: a news archive has a few hundred thousand distinct words but tens of
// millions of occurrences, so each distinct word is folded and stemmed once. There are two cache
// levels: surface form → term (`Défenses`, `défenses`, `DÉFENSES` each looked up once) and folded
// form → term (so the three share one stemming).
import { fold } from "./fold.ts";
import { type StemLanguage, stem } from "./stem.ts";
import { STOPWORDS, STOPWORDS_EXACT } from "./stopwords.ts";
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
  /**
   * Fast path for indexing: like `forEachTerm` but emits each term's id in this analyzer's
   * vocabulary (dense, stable for the analyzer's life), so the index needs no string lookup.
   */
  forEachTermId?(text: string, lang: StemLanguage, emit: (id: number, start: number) => void): void;
  /** The vocabulary id of a term, or undefined when the analyzer never produced it. */
  termId?(term: string): number | undefined;
  /** Every term the analyzer has produced so far, by id (a live, read-only view). */
  vocabulary?(): readonly string[];
}

export interface AnalyzerOptions {
  /** Words dropped from index and queries (folded). Default: French + English stopwords. */
  stopwords?: ReadonlySet<string>;
  /** Shortest word kept, digits excepted. Default 2. */
  minLength?: number;
  /** Entries per word cache before it is cleared (bounds memory on endless vocabulary). Default 300,000. */
  cacheSize?: number;
  /** Terms already given ids (a saved `vocabulary()`), so a restored index keeps its term ids. */
  vocabulary?: readonly string[];
}

/**
 * Surface form → term, an open-addressing hash table probed with a span of the text being
 * analysed, so a word already seen costs a hash and a compare and no string allocation. (A `Map`
 * probed with a fresh substring was measured at ~600 ns a lookup, most of the build time.)
 */
class SurfaceTable {
  private slots: Int32Array; // entry index + 1, 0 = empty
  private hashes: Int32Array;
  private keys: string[] = [];
  private values: number[] = [];
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
  /** The term id cached for `text[start..end)` (hash `h`; -1 = no term), or undefined. */
  get(text: string, start: number, end: number, h: number): number | undefined {
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
  set(key: string, h: number, value: number): void {
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

/** A flat copy of `s`: a substring of a long text would otherwise keep the whole text alive. */
const own = (s: string): string => (s.length >= 13 ? `${s} `.slice(0, -1) : s);

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const stopwords = options.stopwords ?? STOPWORDS;
  // With custom stopwords, only their folded forms are known.
  const exactStopwords = options.stopwords ? undefined : STOPWORDS_EXACT;
  const minLength = options.minLength ?? 2;
  const cacheSize = options.cacheSize ?? 300_000;
  const surface: Record<StemLanguage, SurfaceTable> = {
    fr: new SurfaceTable(cacheSize),
    en: new SurfaceTable(cacheSize),
  };
  const folded: Record<StemLanguage, Map<string, number>> = { fr: new Map(), en: new Map() };
  // The vocabulary: every term the analyzer has produced, with a dense id. Never cleared.
  const vocabulary = new Map<string, number>();
  const termsById: string[] = [];
  for (const t of options.vocabulary ?? []) idOf(t);

  function idOf(t: string): number {
    let id = vocabulary.get(t);
    if (id === undefined) {
      id = termsById.length;
      const flat = own(t);
      vocabulary.set(flat, id);
      termsById.push(flat);
    }
    return id;
  }

  /** Term id of a word (-1 for a stopword or a too-short word). */
  function analyze(word: string, lang: StemLanguage): number {
    const f = fold(word);
    const lower = word.toLowerCase();
    // A word written with accents is checked against the stopwords as written (`maïs` ≠ `mais`);
    // it gets its own cache key, which cannot collide with a folded one (folded keys have no accents).
    const marked = f !== lower && exactStopwords !== undefined;
    const key = marked ? lower.normalize("NFC") : f;
    const cache = folded[lang];
    let id = cache.get(key);
    if (id === undefined) {
      const c = f.charCodeAt(0);
      const isDigit = c >= 48 && c <= 57;
      const isStop = marked ? (exactStopwords?.has(key) ?? false) : stopwords.has(f);
      id = (!isDigit && f.length < minLength) || isStop ? -1 : idOf(stem(f, lang));
      if (cache.size >= cacheSize) cache.clear();
      cache.set(own(key), id);
    }
    return id;
  }

  /** Term id (or -1) of a word given as a string. */
  function lookup(word: string, lang: StemLanguage): number {
    const table = surface[lang];
    const h = hashSpan(word, 0, word.length);
    let id = table.get(word, 0, word.length, h);
    if (id === undefined) {
      id = analyze(word, lang);
      table.set(own(word), h, id);
    }
    return id;
  }

  function term(word: string, lang: StemLanguage = "fr"): string | undefined {
    const id = lookup(word, lang);
    return id < 0 ? undefined : termsById[id];
  }

  function forEachTermId(text: string, lang: StemLanguage, emit: (id: number, start: number) => void): void {
    const table = surface[lang];
    forEachTokenSpan(
      text,
      (start, end, h) => {
        let id = table.get(text, start, end, h);
        if (id === undefined) {
          const word = own(text.slice(start, end));
          id = analyze(word, lang);
          table.set(word, h, id);
        }
        if (id >= 0) emit(id, start);
      },
      (word, start) => {
        const id = lookup(word, lang);
        if (id >= 0) emit(id, start);
      },
    );
  }

  function forEachTerm(text: string, lang: StemLanguage, emit: (term: string, start: number) => void): void {
    forEachTermId(text, lang, (id, start) => emit(termsById[id] as string, start));
  }

  return {
    term,
    forEachTerm,
    forEachTermId,
    termId: (t) => vocabulary.get(t),
    vocabulary: () => termsById,
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

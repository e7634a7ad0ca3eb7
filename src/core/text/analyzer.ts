// The analyzer turns text into index terms: tokenize, fold, drop stopwords, stem. Index and
// queries go through the same function, so `Défenses`, `défense` and `defense` become one term.
// Surface forms are cached: a news archive has a few hundred thousand distinct words but tens of
// millions of occurrences, so each distinct word is folded and stemmed once. There are two cache
// levels: surface form → term (`Défenses`, `défenses`, `DÉFENSES` each looked up once) and folded
// form → term (so the three share one stemming).
// The folded-form cache stays a plain `Map` cleared when full rather than an `lru-cache`: it sits
// on the indexing hot path (one lookup per new surface form), where `lru-cache` was measured
// 15–55 % slower than a `Map` for the same job in fold.ts; a cleared cache only refills.
import { fold } from "./fold.ts";
import type { SavedVocabulary } from "./packed-vocabulary.ts";
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
  /**
   * Terms already given ids (a saved `vocabulary()`, or one searched where it is stored: see
   * packed-vocabulary.ts), so a restored index keeps its term ids.
   */
  vocabulary?: readonly string[] | SavedVocabulary;
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

/** What an analyzer holds: its settings, word caches and vocabulary. */
interface AnalyzerState {
  readonly stopwords: ReadonlySet<string>;
  /** With custom stopwords, only their folded forms are known. */
  readonly exactStopwords: ReadonlySet<string> | undefined;
  readonly minLength: number;
  readonly cacheSize: number;
  readonly surface: Record<StemLanguage, SurfaceTable>;
  readonly folded: Record<StemLanguage, Map<string, number>>;
  /**
   * The vocabulary: the terms the analyzer gave ids to, each with a dense id. Never cleared. With
   * a saved vocabulary, ids below `base` are the saved terms, looked up in `saved`; the map and
   * `added` hold the terms added since (ids `base + i`).
   */
  readonly vocabulary: Map<string, number>;
  readonly saved: SavedVocabulary | undefined;
  readonly base: number;
  readonly added: string[];
  /** Every term by id, made when first asked for (`vocabulary()`) with a saved vocabulary, then kept up. */
  all: string[] | undefined;
}

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const st = createAnalyzerState(options);
  const forEachTerm = (text: string, lang: StemLanguage, emit: (term: string, start: number) => void) =>
    forEachTermOf(st, text, lang, emit);
  return {
    term: (word, lang = "fr") => termOf(st, word, lang),
    forEachTerm,
    forEachTermId: (text, lang, emit) => forEachTermIdOf(st, text, lang, emit),
    termId: (t) => st.vocabulary.get(t) ?? st.saved?.id(t),
    vocabulary: () => allTerms(st),
    terms(text, lang = "fr") {
      const out: string[] = [];
      forEachTerm(text, lang, (t) => out.push(t));
      return out;
    },
    clearCaches: () => clearCaches(st),
  };
}

function createAnalyzerState(options: AnalyzerOptions): AnalyzerState {
  const cacheSize = options.cacheSize ?? 300_000;
  const given = options.vocabulary;
  // a saved list holds distinct, flat strings (see `own`): taken as is
  const saved = given === undefined ? undefined : "id" in given ? given : listVocabulary(given);
  return {
    stopwords: options.stopwords ?? STOPWORDS,
    exactStopwords: options.stopwords ? undefined : STOPWORDS_EXACT,
    minLength: options.minLength ?? 2,
    cacheSize,
    surface: { fr: new SurfaceTable(cacheSize), en: new SurfaceTable(cacheSize) },
    folded: { fr: new Map(), en: new Map() },
    vocabulary: new Map(),
    saved,
    base: saved?.size ?? 0,
    added: [],
    all: undefined,
  };
}

/**
 * A saved list of terms as a `SavedVocabulary`, its map of ids built on the first lookup: a
 * restored index that only starts up (or serves no query yet) does not pay for 100k+ entries.
 */
function listVocabulary(terms: readonly string[]): SavedVocabulary {
  let ids: Map<string, number> | undefined;
  return {
    size: terms.length,
    term: (id) => terms[id] as string,
    id(term) {
      if (!ids) {
        ids = new Map();
        for (let id = 0; id < terms.length; id++)
          if (!ids.has(terms[id] as string)) ids.set(terms[id] as string, id);
      }
      return ids.get(term);
    },
  };
}

function termById(st: AnalyzerState, id: number): string {
  return id < st.base ? (st.saved as SavedVocabulary).term(id) : (st.added[id - st.base] as string);
}

/** Every term by id (a live view: terms added later join it). */
function allTerms(st: AnalyzerState): readonly string[] {
  if (st.base === 0) return st.added;
  if (!st.all) {
    const all: string[] = [];
    for (let id = 0; id < st.base; id++) all.push(termById(st, id));
    // one by one: spread as arguments, 150k+ terms added since the restore threw RangeError
    for (const t of st.added) all.push(t);
    st.all = all;
  }
  return st.all;
}

function clearCaches(st: AnalyzerState): void {
  st.surface.fr.clear();
  st.surface.en.clear();
  st.folded.fr.clear();
  st.folded.en.clear();
}

function idOf(st: AnalyzerState, t: string): number {
  let id = st.vocabulary.get(t) ?? st.saved?.id(t);
  if (id === undefined) {
    id = st.base + st.added.length;
    const flat = own(t);
    st.vocabulary.set(flat, id);
    st.added.push(flat);
    st.all?.push(flat);
  }
  return id;
}

/** Term id of a word (-1 for a stopword or a too-short word). */
function analyze(st: AnalyzerState, word: string, lang: StemLanguage): number {
  const f = fold(word);
  const lower = word.toLowerCase();
  // A word written with accents is checked against the stopwords as written (`maïs` ≠ `mais`);
  // it gets its own cache key, which cannot collide with a folded one (folded keys have no accents).
  const marked = f !== lower && st.exactStopwords !== undefined;
  const key = marked ? lower.normalize("NFC") : f;
  const cache = st.folded[lang];
  let id = cache.get(key);
  if (id === undefined) {
    const c = f.charCodeAt(0);
    const isDigit = c >= 48 && c <= 57;
    const isStop = marked ? (st.exactStopwords?.has(key) ?? false) : st.stopwords.has(f);
    id = (!isDigit && f.length < st.minLength) || isStop ? -1 : idOf(st, stem(f, lang));
    if (cache.size >= st.cacheSize) cache.clear();
    cache.set(own(key), id);
  }
  return id;
}

/** Term id (or -1) of a word given as a string. */
function lookup(st: AnalyzerState, word: string, lang: StemLanguage): number {
  const table = st.surface[lang];
  const h = hashSpan(word, 0, word.length);
  let id = table.get(word, 0, word.length, h);
  if (id === undefined) {
    id = analyze(st, word, lang);
    table.set(own(word), h, id);
  }
  return id;
}

function termOf(st: AnalyzerState, word: string, lang: StemLanguage): string | undefined {
  const id = lookup(st, word, lang);
  return id < 0 ? undefined : termById(st, id);
}

function forEachTermIdOf(
  st: AnalyzerState,
  text: string,
  lang: StemLanguage,
  emit: (id: number, start: number) => void,
): void {
  const table = st.surface[lang];
  forEachTokenSpan(
    text,
    (start, end, h) => {
      let id = table.get(text, start, end, h);
      if (id === undefined) {
        const word = own(text.slice(start, end));
        id = analyze(st, word, lang);
        table.set(word, h, id);
      }
      if (id >= 0) emit(id, start);
    },
    (word, start) => {
      const id = lookup(st, word, lang);
      if (id >= 0) emit(id, start);
    },
  );
}

function forEachTermOf(
  st: AnalyzerState,
  text: string,
  lang: StemLanguage,
  emit: (term: string, start: number) => void,
): void {
  forEachTermIdOf(st, text, lang, (id, start) => emit(termById(st, id), start));
}

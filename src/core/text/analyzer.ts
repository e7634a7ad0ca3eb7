// The analyzer turns text into index terms: tokenize, fold, drop stopwords, stem. Index and
// queries go through the same function, so `Défenses`, `défense` and `defense` become one term.
// Surface forms are cached: a news archive has a few hundred thousand distinct words but tens of
// millions of occurrences, so each distinct word is folded and stemmed once. There are two cache
// levels: surface form → term (`Défenses`, `défenses`, `DÉFENSES` each looked up once) and folded
// form → term (so the three share one stemming).
import { fold } from "./fold.ts";
import { type StemLanguage, stem } from "./stem.ts";
import { STOPWORDS } from "./stopwords.ts";
import { forEachToken } from "./tokenize.ts";

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

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const stopwords = options.stopwords ?? STOPWORDS;
  const minLength = options.minLength ?? 2;
  const cacheSize = options.cacheSize ?? 300_000;
  const surface: Record<StemLanguage, Map<string, string>> = { fr: new Map(), en: new Map() };
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

  function term(word: string, lang: StemLanguage = "fr"): string | undefined {
    const cache = surface[lang];
    let t = cache.get(word);
    if (t === undefined) {
      t = analyze(word, lang);
      if (cache.size >= cacheSize) cache.clear();
      cache.set(word, t);
    }
    return t === NONE ? undefined : t;
  }

  function forEachTerm(text: string, lang: StemLanguage, emit: (term: string, start: number) => void): void {
    const cache = surface[lang];
    forEachToken(text, (word, start) => {
      let t = cache.get(word);
      if (t === undefined) {
        t = analyze(word, lang);
        if (cache.size >= cacheSize) cache.clear();
        cache.set(word, t);
      }
      if (t !== NONE) emit(t, start);
    });
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
      for (const m of [surface.fr, surface.en, folded.fr, folded.en]) m.clear();
    },
  };
}

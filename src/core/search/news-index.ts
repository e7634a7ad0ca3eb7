// The searchable corpus: articles, the analyzer and the inverted index bound together, with the
// per-article sentence cache that answers, snippets, digests and briefings share. Everything that
// asks "which articles, which sentences" goes through here.
import type { Article } from "../corpus/article.ts";
import { type Analyzer, createAnalyzer } from "../text/analyzer.ts";
import { splitSentences } from "../text/sentences.ts";
import type { StemLanguage } from "../text/stem.ts";
import {
  createInvertedIndex,
  type IndexOptions,
  type InvertedIndex,
  type InvertedIndexState,
  type QueryGroup,
} from "./inverted-index.ts";

export interface Sentence {
  readonly text: string;
  /** Position of the sentence in its article (0 = first sentence of the body). */
  readonly position: number;
  /** Index terms of the sentence (a set: matching is presence, not frequency). */
  readonly terms: ReadonlySet<string>;
  /** Number of index terms, repeats included (a length measure). */
  readonly length: number;
}

export interface NewsIndex {
  readonly articles: readonly Article[];
  readonly analyzer: Analyzer;
  readonly index: InvertedIndex;
  /** Article position in `articles` for an id (exact, or a unique prefix such as `003`). */
  find(idOrPrefix: string): number | undefined;
  /** The sentences of an article's body, analyzed (cached). */
  sentencesOf(doc: number): readonly Sentence[];
  /** Index terms of an article's title (cached). */
  titleTerms(doc: number): ReadonlySet<string>;
  /** Ranked articles for query groups. */
  rank(
    groups: readonly QueryGroup[],
    limit: number,
    filter?: (doc: number) => boolean,
  ): { doc: number; score: number }[];
  /**
   * Give a query word the index does not know an alternative it does know: the longest indexed
   * term that is a prefix of it (`vivent` → `viv`, the stem of `vivant`), so that a verb form or
   * spelling the stemmer left apart still meets the articles. Known words are left alone.
   */
  expandUnknown(groups: readonly QueryGroup[]): QueryGroup[];
  /** Add articles to the live index (ids already present are skipped); returns how many were added. */
  add(articles: readonly Article[]): number;
  /** The vocabulary and postings as plain data, to restore the index without re-analysing
   * (undefined with a custom analyzer that keeps no vocabulary). */
  exportState(): NewsIndexState | undefined;
}

/** A saved index over the same articles, in the same order (see `NewsIndexOptions.saved`). */
export interface NewsIndexState {
  readonly vocabulary: readonly string[];
  readonly index: InvertedIndexState;
}

export interface NewsIndexOptions {
  analyzer?: Analyzer;
  index?: IndexOptions;
  /** How many articles keep their analyzed sentences in memory. Default 2,000. */
  sentenceCacheSize?: number;
  /** The saved index of exactly these articles: taken over instead of analysing them again. */
  saved?: NewsIndexState;
}

export const stemLanguage = (lang: string | undefined): StemLanguage => (lang === "en" ? "en" : "fr");

export function createNewsIndex(initial: readonly Article[], options: NewsIndexOptions = {}): NewsIndex {
  const { saved } = options;
  if (saved && saved.index.docCount !== initial.length)
    throw new Error(`saved index holds ${saved.index.docCount} articles, not ${initial.length}`);
  const analyzer = options.analyzer ?? createAnalyzer(saved ? { vocabulary: saved.vocabulary } : {});
  const index = createInvertedIndex(analyzer, options.index, saved?.index);
  const articles: Article[] = [];
  const byId = new Map<string, number>();
  const cacheSize = options.sentenceCacheSize ?? 2000;
  const sentenceCache = new Map<number, Sentence[]>();
  const titleCache = new Map<number, Set<string>>();

  function add(batch: readonly Article[]): number {
    const fresh = batch.filter((a) => !byId.has(a.id));
    const unique: Article[] = [];
    for (const a of fresh) {
      if (byId.has(a.id)) continue;
      byId.set(a.id, articles.length + unique.length);
      unique.push(a);
    }
    if (unique.length === 0) return 0;
    articles.push(...unique);
    index.add(unique.map((a) => ({ title: a.title, body: a.body, lang: a.lang })));
    return unique.length;
  }
  if (saved) for (const a of initial) byId.set(a.id, articles.push(a) - 1);
  else add(initial);

  function sentencesOf(doc: number): readonly Sentence[] {
    const hit = sentenceCache.get(doc);
    if (hit) {
      // refresh LRU position
      sentenceCache.delete(doc);
      sentenceCache.set(doc, hit);
      return hit;
    }
    const article = articles[doc];
    if (!article) return [];
    const lang = stemLanguage(article.lang);
    const out = splitSentences(article.body).map((span, position) => {
      const text = article.body.slice(span.start, span.end);
      const terms = new Set<string>();
      let length = 0;
      analyzer.forEachTerm(text, lang, (t) => {
        terms.add(t);
        length++;
      });
      return { text, position, terms, length };
    });
    sentenceCache.set(doc, out);
    if (sentenceCache.size > cacheSize) {
      const oldest = sentenceCache.keys().next().value;
      if (oldest !== undefined) sentenceCache.delete(oldest);
    }
    return out;
  }

  // Indexed terms by first letter and length, built on first use and refreshed as the vocabulary
  // grows, so a typo is matched against a few hundred candidates rather than the whole vocabulary.
  const buckets = new Map<string, string[]>();
  let bucketed = 0;
  function nearTerms(t: string, max = 3): string[] {
    const vocab = analyzer.vocabulary?.();
    if (!vocab || t.length < 5) return [];
    for (; bucketed < vocab.length; bucketed++) {
      const v = vocab[bucketed] as string;
      const key = `${v[0]}${v.length}`;
      const list = buckets.get(key);
      if (list) list.push(v);
      else buckets.set(key, [v]);
    }
    const found: string[] = [];
    for (let len = t.length - 1; len <= t.length + 1; len++) {
      for (const v of buckets.get(`${t[0]}${len}`) ?? []) {
        if (index.docFreq(v) > 0 && withinOneEdit(t, v)) found.push(v);
      }
    }
    return found.sort((a, b) => index.docFreq(b) - index.docFreq(a)).slice(0, max);
  }

  function titleTerms(doc: number): ReadonlySet<string> {
    let t = titleCache.get(doc);
    if (!t) {
      const article = articles[doc];
      t = new Set(article ? analyzer.terms(article.title, stemLanguage(article.lang)) : []);
      if (titleCache.size > cacheSize) titleCache.clear();
      titleCache.set(doc, t);
    }
    return t;
  }

  return {
    articles,
    analyzer,
    index,
    find(idOrPrefix) {
      const exact = byId.get(idOrPrefix);
      if (exact !== undefined) return exact;
      let found: number | undefined;
      for (const [id, doc] of byId) {
        if (id.startsWith(idOrPrefix)) {
          if (found !== undefined) return undefined; // ambiguous prefix
          found = doc;
        }
      }
      return found;
    },
    sentencesOf,
    titleTerms,
    expandUnknown(groups) {
      return groups.map((g) => {
        if (g.some((t) => index.docFreq(t) > 0)) return g;
        const alts = new Set(g);
        // a typo (`nourir`, `Maharashi`): the indexed terms one edit away
        for (const t of g) for (const near of nearTerms(t)) alts.add(near);
        for (const t of g) {
          for (let k = t.length - 1; k >= Math.max(3, Math.ceil(t.length / 2)); k--) {
            const prefix = t.slice(0, k);
            if (index.docFreq(prefix) > 0) {
              alts.add(prefix);
              break;
            }
          }
        }
        return [...alts];
      });
    },
    exportState() {
      const vocabulary = analyzer.vocabulary?.();
      return vocabulary ? { vocabulary: [...vocabulary], index: index.exportState() } : undefined;
    },
    rank: (groups, limit, filter) => index.search(groups, filter ? { limit, filter } : { limit }),
    add,
  };
}

/** True when `a` and `b` differ by one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// The searchable corpus: articles, the analyzer and the inverted index bound together, with the
// per-article sentence cache that answers, snippets, digests and briefings share. Everything that
// asks "which articles, which sentences" goes through here.
// The sentence cache stays a `Map` kept in least-recently-used order, not `lru-cache`: with
// `lru-cache`, `npm run bench:reports` (300 questions, 34k articles) measured ask p50 15.2 ms /
// p99 167.9 ms, against 11.1 / 87.0 and 6.7 / 40.7 for the Map in the runs just before and after
// (a shared machine, so noisy; but never in lru-cache's favour).
import type { Article } from "../corpus/article.ts";
import { type Analyzer, createAnalyzer } from "../text/analyzer.ts";
import type { SavedVocabulary } from "../text/packed-vocabulary.ts";
import { splitSentences } from "../text/sentences.ts";
import type { StemLanguage } from "../text/stem.ts";
import {
  createInvertedIndex,
  type IndexOptions,
  type InvertedIndex,
  type InvertedIndexState,
  type QueryGroup,
} from "./inverted-index.ts";
import { createTermExpander } from "./term-expansion.ts";

export { withinOneEdit } from "./term-expansion.ts";

export interface Sentence {
  readonly text: string;
  /** Position of the sentence in its article (0 = first sentence of the body). */
  readonly position: number;
  /** Index terms of the sentence (a set: matching is presence, not frequency). */
  readonly terms: ReadonlySet<string>;
  /** Number of index terms, repeats included (a length measure). */
  readonly length: number;
  /**
   * The index terms in order, repeats included, when the analysis kept them (a body sentence's):
   * what `analyzer.terms(text, lang)` gives for the article's language, read for term positions
   * without analysing the sentence again.
   */
  readonly order?: readonly string[];
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
  exportState(): (NewsIndexState & { readonly vocabulary: readonly string[] }) | undefined;
}

/** A saved index over the same articles, in the same order (see `NewsIndexOptions.saved`). */
export interface NewsIndexState {
  /** The terms by id, or (to restore) a vocabulary searched where it is stored. */
  readonly vocabulary: readonly string[] | SavedVocabulary;
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

/** What a news index holds: the articles, their ids, the index and the per-article caches. */
interface NewsState {
  readonly articles: Article[];
  /** Article ids → positions; made on first use for a restored index (see `idsOf`). */
  byId: Map<string, number> | undefined;
  readonly analyzer: Analyzer;
  readonly index: InvertedIndex;
  readonly cacheSize: number;
  readonly sentenceCache: Map<number, Sentence[]>;
  readonly titleCache: Map<number, Set<string>>;
}

export function createNewsIndex(initial: readonly Article[], options: NewsIndexOptions = {}): NewsIndex {
  const { saved } = options;
  if (saved && saved.index.docCount !== initial.length)
    throw new Error(`saved index holds ${saved.index.docCount} articles, not ${initial.length}`);
  const analyzer = options.analyzer ?? createAnalyzer(saved ? { vocabulary: saved.vocabulary } : {});
  const cacheSize = options.sentenceCacheSize ?? 2000;
  const st: NewsState = {
    articles: [],
    byId: saved ? undefined : new Map(),
    analyzer,
    index: createInvertedIndex(analyzer, options.index, saved?.index),
    cacheSize,
    sentenceCache: new Map(),
    titleCache: new Map(),
  };
  // a restored index: 34k ids mapped only when an article is looked up by id or added
  if (saved) append(st.articles, initial);
  else addArticles(st, initial);
  const { index } = st;
  const expand = createTermExpander({
    docFreq: (t) => index.docFreq(t),
    vocabulary: () => analyzer.vocabulary?.(),
  });
  return {
    articles: st.articles,
    analyzer,
    index,
    find: (idOrPrefix) => findArticle(st, idOrPrefix),
    sentencesOf: (doc) => sentencesOf(st, doc),
    titleTerms: (doc) => titleTerms(st, doc),
    expandUnknown: (groups) => groups.map(expand),
    exportState() {
      const vocabulary = analyzer.vocabulary?.();
      return vocabulary ? { vocabulary: [...vocabulary], index: index.exportState() } : undefined;
    },
    rank: (groups, limit, filter) => index.search(groups, filter ? { limit, filter } : { limit }),
    add: (batch) => addArticles(st, batch),
  };
}

/** `to.push(...items)` without passing every item as an argument (past ~150k: a RangeError). */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

function idsOf(st: NewsState): Map<string, number> {
  if (!st.byId) {
    const byId = new Map<string, number>();
    for (let doc = 0; doc < st.articles.length; doc++) byId.set((st.articles[doc] as Article).id, doc);
    st.byId = byId;
  }
  return st.byId;
}

function addArticles(st: NewsState, batch: readonly Article[]): number {
  const byId = idsOf(st);
  const unique: Article[] = [];
  for (const a of batch) {
    if (byId.has(a.id)) continue;
    byId.set(a.id, st.articles.length + unique.length);
    unique.push(a);
  }
  if (unique.length === 0) return 0;
  append(st.articles, unique);
  st.index.add(unique.map((a) => ({ title: a.title, body: a.body, lang: a.lang })));
  return unique.length;
}

function findArticle(st: NewsState, idOrPrefix: string): number | undefined {
  const byId = idsOf(st);
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
}

function sentencesOf(st: NewsState, doc: number): readonly Sentence[] {
  const cache = st.sentenceCache;
  const hit = cache.get(doc);
  if (hit) {
    // refresh LRU position
    cache.delete(doc);
    cache.set(doc, hit);
    return hit;
  }
  const article = st.articles[doc];
  if (!article) return [];
  const out = analyseSentences(st.analyzer, article);
  cache.set(doc, out);
  if (cache.size > st.cacheSize) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return out;
}

function analyseSentences(analyzer: Analyzer, article: Article): Sentence[] {
  const lang = stemLanguage(article.lang);
  return splitSentences(article.body).map((span, position) => {
    const text = article.body.slice(span.start, span.end);
    const terms = new Set<string>();
    const order: string[] = [];
    analyzer.forEachTerm(text, lang, (t) => {
      terms.add(t);
      order.push(t);
    });
    return { text, position, terms, length: order.length, order };
  });
}

function titleTerms(st: NewsState, doc: number): ReadonlySet<string> {
  let t = st.titleCache.get(doc);
  if (!t) {
    const article = st.articles[doc];
    t = new Set(article ? st.analyzer.terms(article.title, stemLanguage(article.lang)) : []);
    if (st.titleCache.size > st.cacheSize) st.titleCache.clear();
    st.titleCache.set(doc, t);
  }
  return t;
}

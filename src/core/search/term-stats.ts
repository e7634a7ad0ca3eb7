// The corpus-wide statistics the answer pipeline weighs question words with (how many articles
// hold each term, how many articles there are), kept without the postings or the texts: what stays
// in memory when another store (Postgres full-text search) holds the articles and retrieves them.
// Counted with the same analyzer and the same idf formula as the in-memory index, so a question is
// read and its sentences scored exactly as over the full index. Its size grows with the vocabulary
// (sub-linearly in the number of articles), not with the articles.
import type { Article } from "../corpus/article.ts";
import { type Analyzer, createAnalyzer } from "../text/analyzer.ts";
import type { Lexicon } from "./term-expansion.ts";

export interface TermStats extends Lexicon {
  readonly analyzer: Analyzer;
  readonly docCount: number;
  docFreq(term: string): number;
  /** Same formula as the in-memory index's (BM25's idf). */
  idf(term: string): number;
  /** Counts articles whose id was not counted yet; returns how many were new. */
  add(articles: readonly Article[]): number;
  /** Bytes held by the counts (typed arrays; the vocabulary's strings are the analyzer's). */
  byteSize(): number;
}

export function createTermStats(analyzer: Analyzer = createAnalyzer()): TermStats {
  if (!analyzer.forEachTermId || !analyzer.termId)
    throw new Error("term statistics need an analyzer that numbers its terms");
  const forEachTermId = analyzer.forEachTermId;
  const termId = analyzer.termId;
  let df = new Int32Array(1 << 16);
  // the last article that counted each term, so a term counts once per article
  let lastDoc = new Int32Array(1 << 16).fill(-1);
  let docCount = 0;
  const ids = new Set<string>();
  const count = (id: number) => {
    if (id >= df.length) {
      const size = Math.max(id + 1, df.length * 2);
      const nextDf = new Int32Array(size);
      nextDf.set(df);
      const nextLast = new Int32Array(size).fill(-1);
      nextLast.set(lastDoc);
      df = nextDf;
      lastDoc = nextLast;
    }
    if (lastDoc[id] === docCount) return;
    lastDoc[id] = docCount;
    df[id] = (df[id] as number) + 1;
  };
  const docFreq = (t: string) => {
    const id = termId(t);
    return id === undefined || id >= df.length ? 0 : (df[id] as number);
  };
  return {
    analyzer,
    get docCount() {
      return docCount;
    },
    docFreq,
    idf(t) {
      const n = Math.max(1, docCount);
      const f = docFreq(t);
      return Math.log(1 + (n - f + 0.5) / (f + 0.5));
    },
    vocabulary: () => analyzer.vocabulary?.(),
    add(articles) {
      let added = 0;
      for (const a of articles) {
        if (ids.has(a.id)) continue;
        ids.add(a.id);
        const lang = a.lang === "en" ? "en" : "fr";
        forEachTermId(a.title, lang, count);
        forEachTermId(a.body, lang, count);
        docCount++;
        added++;
      }
      return added;
    },
    byteSize: () => df.byteLength + lastDoc.byteLength,
  };
}

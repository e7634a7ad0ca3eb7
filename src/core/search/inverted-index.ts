// An in-memory inverted index over articles, ranked with BM25F: title and body are two fields,
// each with its own length normalisation, and a title occurrence weighs `titleWeight` body
// occurrences before the term-frequency saturation (Robertson & Zaragoza's BM25F). A long article
// therefore cannot drown the title, and a short title is not penalised for being short.
//
// Layout: postings are stored compressed-sparse-row style in typed arrays (one `Int32Array` of
// doc ids, one `Uint16Array` of body term frequencies and one `Uint8Array` of title term
// frequencies, sliced per term by `termStart`), which keeps 34k articles / ~7M postings in a few
// tens of megabytes and lets a query walk postings without touching JS objects.
// Documents added after the build go to a small tail segment (see `add`), so ingestion never
// needs a rebuild while queries keep flowing; ranking depends only on global statistics, so an
// index built in several batches ranks exactly like one built at once.
import type { Analyzer } from "../text/analyzer.ts";
import type { StemLanguage } from "../text/stem.ts";

export interface IndexedDocument {
  readonly title: string;
  readonly body: string;
  readonly lang?: string;
}

export interface IndexOptions {
  /** BM25 term-frequency saturation. Default 1.2. */
  k1?: number;
  /** BM25 length normalisation of the body. Default 0.75. */
  b?: number;
  /** Length normalisation of the title. Default 0.5. */
  titleB?: number;
  /** How much a title occurrence weighs against a body occurrence. Default 2. */
  titleWeight?: number;
  /** The first `leadTerms` terms of the body (a news story's lead) count `leadWeight` times. Default 0 (off). */
  leadTerms?: number;
  leadWeight?: number;
  /**
   * Ranking function: BM25F, or query likelihood with Dirichlet smoothing over the title-weighted
   * document (`mu` is its prior). Default `bm25`.
   */
  model?: "bm25" | "dirichlet";
  /** Dirichlet prior. Default 1000. */
  mu?: number;
  /** Count a query word repeated in the query again (query term frequency). Default false. */
  queryTermFrequency?: boolean;
}

/** One query term and its alternatives (spellings, translations); a document scores the best one. */
export type QueryGroup = readonly string[];

export interface Hit {
  readonly doc: number;
  readonly score: number;
}

export interface SearchOptions {
  limit?: number;
  /** Only documents for which this returns true are ranked. */
  filter?: (doc: number) => boolean;
}

export interface InvertedIndex {
  readonly docCount: number;
  /** Distinct terms that occur in at least one document. */
  readonly termCount: number;
  /** Add documents; returns the id of the first one. Safe between queries. */
  add(docs: readonly IndexedDocument[]): number;
  /**
   * Rank documents for a query: each group is one query word; within a group a document scores
   * its best alternative. A term counts once per query unless `queryTermFrequency` is set.
   */
  search(groups: readonly QueryGroup[], options?: SearchOptions): Hit[];
  /** Inverse document frequency of a term (unknown terms get the highest possible value). */
  idf(term: string): number;
  docFreq(term: string): number;
  /** Bytes held by the index's typed arrays (postings, statistics, scratch; for benchmarks). */
  byteSize(): number;
  /** The postings and statistics as plain data (typed arrays), to save and restore the index. */
  exportState(): InvertedIndexState;
}

/** What `exportState` returns and `createInvertedIndex` accepts back: term ids are the analyzer's. */
export interface InvertedIndexState {
  readonly df: Int32Array<ArrayBuffer>;
  readonly cf: Float64Array<ArrayBuffer>;
  readonly termCount: number;
  readonly bodyLen: Float32Array<ArrayBuffer>;
  readonly titleLen: Float32Array<ArrayBuffer>;
  readonly docCount: number;
  readonly totalBody: number;
  readonly totalTitle: number;
  readonly segments: readonly Segment[];
}

export interface Segment {
  /** Global term id → start offset in `docs` (length = number of term ids + 1 at the time). */
  termStart: Int32Array;
  docs: Int32Array;
  bodyTf: Uint16Array;
  titleTf: Uint8Array;
}

const langOf = (lang: string | undefined): StemLanguage => (lang === "en" ? "en" : "fr");

/** Term ids for an analyzer without the `forEachTermId` fast path (a custom analyzer). */
function vocabularyOf(analyzer: Analyzer): Required<Pick<Analyzer, "forEachTermId" | "termId">> {
  if (analyzer.forEachTermId && analyzer.termId) {
    return { forEachTermId: analyzer.forEachTermId, termId: analyzer.termId };
  }
  const ids = new Map<string, number>();
  return {
    forEachTermId(text, lang, emit) {
      analyzer.forEachTerm(text, lang, (t, start) => {
        let id = ids.get(t);
        if (id === undefined) {
          id = ids.size;
          ids.set(t, id);
        }
        emit(id, start);
      });
    },
    termId: (t) => ids.get(t),
  };
}

const grow = <T extends Int32Array | Float64Array | Float32Array | Uint16Array | Uint8Array>(
  a: T,
  size: number,
  make: (n: number) => T,
): T => {
  if (size <= a.length) return a;
  const next = make(Math.max(size, a.length * 2));
  next.set(a);
  return next;
};

/**
 * `state`: a saved index (`exportState()` of an index built with an analyzer holding the same
 * vocabulary), taken over as is instead of indexing the documents again.
 */
export function createInvertedIndex(
  analyzer: Analyzer,
  options: IndexOptions = {},
  state?: InvertedIndexState,
): InvertedIndex {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const titleB = options.titleB ?? 0.5;
  const titleWeight = options.titleWeight ?? 2;
  const leadTerms = options.leadTerms ?? 0;
  const leadWeight = Math.max(1, Math.round(options.leadWeight ?? 2));
  const model = options.model ?? "bm25";
  const mu = options.mu ?? 1000;
  const queryTermFrequency = options.queryTermFrequency ?? false;
  const vocab = vocabularyOf(analyzer);

  let df = new Int32Array(1024);
  let cf = new Float64Array(1024); // collection frequency, title-weighted (for the Dirichlet model)
  let termCount = 0;
  let bodyLen = new Float32Array(1024);
  let titleLen = new Float32Array(1024);
  let docCount = 0;
  let totalBody = 0;
  let totalTitle = 0;
  const segments: Segment[] = [];
  if (state) {
    ({ df, cf, termCount, bodyLen, titleLen, docCount, totalBody, totalTitle } = state);
    segments.push(...state.segments);
  }

  // Scratch buffers reused across documents and queries.
  let bodyScratch = new Uint16Array(1024);
  let titleScratch = new Uint8Array(1024);
  let scores = new Float64Array(1024);
  let bestOfGroup = new Float64Array(1024);

  function add(docs: readonly IndexedDocument[]): number {
    const first = docCount;
    if (docs.length === 0) return first;
    // Postings of this batch in document order: (term, tfs) triples; doc boundaries in `bounds`.
    let pTerm = new Int32Array(Math.max(1024, docs.length * 256));
    let pBody = new Uint16Array(pTerm.length);
    let pTitle = new Uint8Array(pTerm.length);
    let p = 0;
    const touched: number[] = [];
    const bounds = new Int32Array(docs.length + 1);
    bodyLen = grow(bodyLen, docCount + docs.length, (n) => new Float32Array(n));
    titleLen = grow(titleLen, docCount + docs.length, (n) => new Float32Array(n));

    let seen = 0;
    const ensure = (id: number) => {
      if (id >= bodyScratch.length) {
        bodyScratch = grow(bodyScratch, id + 1, (n) => new Uint16Array(n));
        titleScratch = grow(titleScratch, id + 1, (n) => new Uint8Array(n));
      }
    };
    const inTitle = (id: number) => {
      ensure(id);
      if (bodyScratch[id] === 0 && titleScratch[id] === 0) touched.push(id);
      const t = titleScratch[id] as number;
      if (t < 255) titleScratch[id] = t + 1;
      seen++;
    };
    const inBody = (id: number) => {
      ensure(id);
      if (bodyScratch[id] === 0 && titleScratch[id] === 0) touched.push(id);
      const w = seen < leadTerms ? leadWeight : 1;
      bodyScratch[id] = Math.min(65535, (bodyScratch[id] as number) + w);
      seen++;
    };

    for (let d = 0; d < docs.length; d++) {
      const doc = docs[d] as IndexedDocument;
      const lang = langOf(doc.lang);
      seen = 0;
      vocab.forEachTermId(doc.title, lang, inTitle);
      const tLen = seen;
      seen = 0;
      vocab.forEachTermId(doc.body, lang, inBody);
      const bLen = seen;
      if (p + touched.length > pTerm.length) {
        const size = Math.max(pTerm.length * 2, p + touched.length);
        pTerm = grow(pTerm, size, (n) => new Int32Array(n));
        pBody = grow(pBody, size, (n) => new Uint16Array(n));
        pTitle = grow(pTitle, size, (n) => new Uint8Array(n));
      }
      for (const id of touched) {
        const bt = bodyScratch[id] as number;
        const tt = titleScratch[id] as number;
        pTerm[p] = id;
        pBody[p] = bt;
        pTitle[p] = tt;
        p++;
        if (id >= df.length) {
          df = grow(df, id + 1, (n) => new Int32Array(n));
          cf = grow(cf, id + 1, (n) => new Float64Array(n));
        }
        if (df[id] === 0) termCount++;
        df[id] = (df[id] as number) + 1;
        cf[id] = (cf[id] as number) + bt + titleWeight * tt;
        bodyScratch[id] = 0;
        titleScratch[id] = 0;
      }
      touched.length = 0;
      bodyLen[first + d] = bLen;
      titleLen[first + d] = tLen;
      totalBody += bLen;
      totalTitle += tLen;
      bounds[d + 1] = p;
    }

    // Counting sort of the batch's postings by term into CSR; doc ids stay sorted within a term.
    const terms = df.length;
    const termStart = new Int32Array(terms + 1);
    for (let i = 0; i < p; i++) {
      const g = pTerm[i] as number;
      termStart[g + 1] = (termStart[g + 1] as number) + 1;
    }
    for (let g = 0; g < terms; g++)
      termStart[g + 1] = (termStart[g + 1] as number) + (termStart[g] as number);
    const fill = termStart.slice(0, terms);
    const postDocs = new Int32Array(p);
    const postBody = new Uint16Array(p);
    const postTitle = new Uint8Array(p);
    for (let d = 0; d < docs.length; d++) {
      const end = bounds[d + 1] as number;
      for (let i = bounds[d] as number; i < end; i++) {
        const g = pTerm[i] as number;
        const at = fill[g] as number;
        postDocs[at] = first + d;
        postBody[at] = pBody[i] as number;
        postTitle[at] = pTitle[i] as number;
        fill[g] = at + 1;
      }
    }
    segments.push({ termStart, docs: postDocs, bodyTf: postBody, titleTf: postTitle });
    docCount += docs.length;
    if (segments.length > 8) {
      // Tiered merging: small segments merge with each other; the large base segment is rewritten
      // only when the small ones together reach a fifth of it, so a live bot adding a few articles
      // per feed poll never pays for copying the whole index.
      const base = segments[0]?.docs.length ?? 0;
      let small = 0;
      for (const seg of segments.slice(1)) small += seg.docs.length;
      compact(small > base / 5 ? 0 : 1);
    }
    return first;
  }

  // Merge segments so that many small incremental batches do not slow queries down.
  function compact(from: number): void {
    const merging = segments.slice(from);
    const terms = df.length;
    const termStart = new Int32Array(terms + 1);
    let total = 0;
    for (const s of merging) total += s.docs.length;
    const docs = new Int32Array(total);
    const bodyTf = new Uint16Array(total);
    const titleTf = new Uint8Array(total);
    let at = 0;
    for (let g = 0; g < terms; g++) {
      termStart[g] = at;
      // segments hold increasing doc ranges, so concatenating keeps doc ids sorted
      for (const s of merging) {
        if (g + 1 >= s.termStart.length) continue;
        const from = s.termStart[g] as number;
        const to = s.termStart[g + 1] as number;
        docs.set(s.docs.subarray(from, to), at);
        bodyTf.set(s.bodyTf.subarray(from, to), at);
        titleTf.set(s.titleTf.subarray(from, to), at);
        at += to - from;
      }
    }
    termStart[terms] = at;
    segments.length = from;
    segments.push({ termStart, docs, bodyTf, titleTf });
  }

  function idfOf(id: number | undefined): number {
    const n = Math.max(1, docCount);
    const f = id === undefined || id >= df.length ? 0 : (df[id] as number);
    return Math.log(1 + (n - f + 0.5) / (f + 0.5));
  }

  /** Score contributions of one term to every document containing it: calls `add(doc, score)`. */
  function walk(g: number, qtf: number, addScore: (d: number, s: number) => void): void {
    const avgBody = totalBody / docCount || 1;
    const avgTitle = totalTitle / docCount || 1;
    const w = idfOf(g) * qtf;
    const pc = (cf[g] as number) / (totalBody + titleWeight * totalTitle);
    for (const seg of segments) {
      if (g + 1 >= seg.termStart.length) continue;
      const end = seg.termStart[g + 1] as number;
      for (let i = seg.termStart[g] as number; i < end; i++) {
        const d = seg.docs[i] as number;
        const bt = seg.bodyTf[i] as number;
        const tt = seg.titleTf[i] as number;
        let s: number;
        if (model === "bm25") {
          const tf =
            (titleWeight * tt) / (1 - titleB + (titleB * (titleLen[d] as number)) / avgTitle) +
            bt / (1 - b + (b * (bodyLen[d] as number)) / avgBody);
          s = (w * tf * (k1 + 1)) / (tf + k1);
        } else {
          s = qtf * Math.log(1 + (bt + titleWeight * tt) / (mu * pc));
        }
        addScore(d, s);
      }
    }
  }

  function search(groups: readonly QueryGroup[], opts: SearchOptions = {}): Hit[] {
    const limit = opts.limit ?? 10;
    if (docCount === 0 || groups.length === 0 || limit <= 0) return [];
    if (scores.length < docCount) {
      scores = new Float64Array(bodyLen.length);
      bestOfGroup = new Float64Array(bodyLen.length);
    }
    // Known alternatives per group. A term already used by an earlier group is not counted again
    // (a question parser may offer one word both alone and among translations), unless
    // `queryTermFrequency` asks for a repeated query word to count again.
    const byKey = new Map<string, { ids: number[]; qtf: number }>();
    const used = new Set<number>();
    let queryLength = 0;
    for (const group of groups) {
      const ids: number[] = [];
      for (const t of group) {
        const id = vocab.termId(t);
        if (id === undefined || id >= df.length || (df[id] as number) === 0 || ids.includes(id)) continue;
        if (used.has(id) && !queryTermFrequency) continue;
        ids.push(id);
      }
      if (ids.length === 0) continue;
      for (const id of ids) used.add(id);
      ids.sort((x, y) => x - y);
      const key = ids.join(",");
      const known = byKey.get(key);
      if (known) known.qtf++;
      else byKey.set(key, { ids, qtf: 1 });
      queryLength++;
    }
    const touchedDocs: number[] = [];
    const addToScore = (d: number, s: number) => {
      if (s <= 0) return; // e.g. a title-only match with titleWeight 0
      if (scores[d] === 0) touchedDocs.push(d);
      scores[d] = (scores[d] as number) + s;
    };
    for (const { ids, qtf } of byKey.values()) {
      if (ids.length === 1) {
        walk(ids[0] as number, qtf, addToScore);
        continue;
      }
      // With alternatives a document scores its best one, so a translated query is not counted twice.
      const groupDocs: number[] = [];
      for (const g of ids) {
        walk(g, qtf, (d, s) => {
          if (bestOfGroup[d] === 0) groupDocs.push(d);
          if (s > (bestOfGroup[d] as number)) bestOfGroup[d] = s;
        });
      }
      for (const d of groupDocs) {
        addToScore(d, bestOfGroup[d] as number);
        bestOfGroup[d] = 0;
      }
    }
    if (model === "dirichlet") {
      // the document-length part of query likelihood, once per query term (not per match)
      for (const d of touchedDocs) {
        const len = (bodyLen[d] as number) + titleWeight * (titleLen[d] as number);
        scores[d] = (scores[d] as number) + queryLength * Math.log(mu / (len + mu)) + queryLength * 100;
      }
    }
    const hits = topK(touchedDocs, scores, limit, opts.filter);
    for (const d of touchedDocs) scores[d] = 0;
    return hits;
  }

  return {
    get docCount() {
      return docCount;
    },
    get termCount() {
      return termCount;
    },
    add,
    search,
    idf: (t) => idfOf(vocab.termId(t)),
    docFreq: (t) => {
      const id = vocab.termId(t);
      return id === undefined || id >= df.length ? 0 : (df[id] as number);
    },
    exportState: () => ({
      df,
      cf,
      termCount,
      bodyLen,
      titleLen,
      docCount,
      totalBody,
      totalTitle,
      segments: [...segments],
    }),
    byteSize() {
      let bytes =
        df.byteLength +
        cf.byteLength +
        bodyLen.byteLength +
        titleLen.byteLength +
        bodyScratch.byteLength +
        titleScratch.byteLength +
        scores.byteLength +
        bestOfGroup.byteLength;
      for (const s of segments) {
        bytes += s.docs.byteLength + s.bodyTf.byteLength + s.titleTf.byteLength + s.termStart.byteLength;
      }
      return bytes;
    },
  };
}

/** The `k` best documents, best first, ties by doc id (a bounded min-heap: O(n log k)). */
function topK(
  docs: readonly number[],
  scores: Float64Array,
  k: number,
  filter?: (doc: number) => boolean,
): Hit[] {
  const heapDoc: number[] = [];
  const heapScore: number[] = [];
  // "worse" = lower score, or equal score and higher doc id
  const worse = (i: number, j: number) =>
    (heapScore[i] as number) < (heapScore[j] as number) ||
    (heapScore[i] === heapScore[j] && (heapDoc[i] as number) > (heapDoc[j] as number));
  const swap = (i: number, j: number) => {
    const d = heapDoc[i] as number;
    heapDoc[i] = heapDoc[j] as number;
    heapDoc[j] = d;
    const s = heapScore[i] as number;
    heapScore[i] = heapScore[j] as number;
    heapScore[j] = s;
  };
  for (const d of docs) {
    const s = scores[d] as number;
    if (heapDoc.length === k) {
      const top = heapScore[0] as number;
      if (s < top || (s === top && d > (heapDoc[0] as number))) continue;
    }
    if (filter && !filter(d)) continue;
    if (heapDoc.length < k) {
      heapDoc.push(d);
      heapScore.push(s);
      let i = heapDoc.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else {
      heapDoc[0] = d;
      heapScore[0] = s;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < k && worse(l, m)) m = l;
        if (r < k && worse(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  const hits = heapDoc.map((doc, i) => ({ doc, score: heapScore[i] as number }));
  hits.sort((x, y) => y.score - x.score || x.doc - y.doc);
  return hits;
}

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
  /**
   * A segment whose postings are read when wanted (a restored snapshot: see src/snapshot) makes
   * a term's postings ready here before they are read, or throws when it cannot.
   */
  readonly fetch?: (term: number) => void;
  /** The same for every term (before merging or saving the segment). */
  readonly fetchAll?: () => void;
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

/** Ranking parameters, resolved once from `IndexOptions`. */
interface RankingParams {
  readonly k1: number;
  readonly b: number;
  readonly titleB: number;
  readonly titleWeight: number;
  readonly leadTerms: number;
  readonly leadWeight: number;
  readonly model: "bm25" | "dirichlet";
  readonly mu: number;
  readonly queryTermFrequency: boolean;
}

/** Everything an index holds: statistics, segments and the scratch buffers reused across calls. */
interface IndexData {
  readonly params: RankingParams;
  readonly vocab: Required<Pick<Analyzer, "forEachTermId" | "termId">>;
  df: Int32Array<ArrayBuffer>;
  /** Collection frequency, title-weighted (for the Dirichlet model). */
  cf: Float64Array<ArrayBuffer>;
  termCount: number;
  bodyLen: Float32Array<ArrayBuffer>;
  titleLen: Float32Array<ArrayBuffer>;
  docCount: number;
  totalBody: number;
  totalTitle: number;
  readonly segments: Segment[];
  bodyScratch: Uint16Array;
  titleScratch: Uint8Array;
  scores: Float64Array;
  bestOfGroup: Float64Array;
  /** The documents `scores` and `bestOfGroup` hold a score for (see `Accumulator`). */
  touched: Int32Array;
  groupTouched: Int32Array;
}

/** One batch's postings in document order: (term, tfs) triples; doc boundaries in `bounds`. */
interface BatchPostings {
  pTerm: Int32Array;
  pBody: Uint16Array;
  pTitle: Uint8Array;
  p: number;
  readonly bounds: Int32Array;
}

/**
 * `state`: a saved index (`exportState()` of an index built with an analyzer holding the same
 * vocabulary), taken over as is instead of indexing the documents again.
 */
export function createInvertedIndex(
  analyzer: Analyzer,
  options: IndexOptions = {},
  state?: InvertedIndexState,
): InvertedIndex {
  const ix = createIndexData(resolveParams(options), vocabularyOf(analyzer), state);
  return {
    get docCount() {
      return ix.docCount;
    },
    get termCount() {
      return ix.termCount;
    },
    add: (docs) => addBatch(ix, docs),
    search: (groups, opts) => search(ix, groups, opts),
    idf: (t) => idfOf(ix, ix.vocab.termId(t)),
    docFreq: (t) => docFreqOf(ix, ix.vocab.termId(t)),
    exportState: () => exportState(ix),
    byteSize: () => byteSize(ix),
  };
}

function resolveParams(options: IndexOptions): RankingParams {
  return {
    k1: options.k1 ?? 1.2,
    b: options.b ?? 0.75,
    titleB: options.titleB ?? 0.5,
    titleWeight: options.titleWeight ?? 2,
    leadTerms: options.leadTerms ?? 0,
    leadWeight: Math.max(1, Math.round(options.leadWeight ?? 2)),
    model: options.model ?? "bm25",
    mu: options.mu ?? 1000,
    queryTermFrequency: options.queryTermFrequency ?? false,
  };
}

function createIndexData(
  params: RankingParams,
  vocab: IndexData["vocab"],
  state?: InvertedIndexState,
): IndexData {
  const ix: IndexData = {
    params,
    vocab,
    df: new Int32Array(1024),
    cf: new Float64Array(1024),
    termCount: 0,
    bodyLen: new Float32Array(1024),
    titleLen: new Float32Array(1024),
    docCount: 0,
    totalBody: 0,
    totalTitle: 0,
    segments: [],
    bodyScratch: new Uint16Array(1024),
    titleScratch: new Uint8Array(1024),
    scores: new Float64Array(1024),
    bestOfGroup: new Float64Array(1024),
    touched: new Int32Array(1024),
    groupTouched: new Int32Array(1024),
  };
  if (state) {
    const { segments, ...statistics } = state;
    Object.assign(ix, statistics);
    ix.segments.push(...segments);
  }
  return ix;
}

function exportState(ix: IndexData): InvertedIndexState {
  for (const s of ix.segments) s.fetchAll?.();
  return {
    df: ix.df,
    cf: ix.cf,
    termCount: ix.termCount,
    bodyLen: ix.bodyLen,
    titleLen: ix.titleLen,
    docCount: ix.docCount,
    totalBody: ix.totalBody,
    totalTitle: ix.totalTitle,
    // plain data: a restored segment's hooks stay with the live index
    segments: ix.segments.map(({ termStart, docs, bodyTf, titleTf }) => ({
      termStart,
      docs,
      bodyTf,
      titleTf,
    })),
  };
}

function byteSize(ix: IndexData): number {
  let bytes =
    ix.df.byteLength +
    ix.cf.byteLength +
    ix.bodyLen.byteLength +
    ix.titleLen.byteLength +
    ix.bodyScratch.byteLength +
    ix.titleScratch.byteLength +
    ix.scores.byteLength +
    ix.bestOfGroup.byteLength +
    ix.touched.byteLength +
    ix.groupTouched.byteLength;
  for (const s of ix.segments) {
    bytes += s.docs.byteLength + s.bodyTf.byteLength + s.titleTf.byteLength + s.termStart.byteLength;
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Adding documents

function addBatch(ix: IndexData, docs: readonly IndexedDocument[]): number {
  const first = ix.docCount;
  if (docs.length === 0) return first;
  ix.bodyLen = grow(ix.bodyLen, first + docs.length, (n) => new Float32Array(n));
  ix.titleLen = grow(ix.titleLen, first + docs.length, (n) => new Float32Array(n));
  const batch = collectPostings(ix, docs, first);
  ix.segments.push(sortIntoSegment(ix, batch, first, docs.length));
  ix.docCount += docs.length;
  if (ix.segments.length > 8) compactTiered(ix);
  return first;
}

/** Analyse each document, count its terms in the scratch buffers and append them to the batch. */
function collectPostings(ix: IndexData, docs: readonly IndexedDocument[], first: number): BatchPostings {
  const size = Math.max(1024, docs.length * 256);
  const batch: BatchPostings = {
    pTerm: new Int32Array(size),
    pBody: new Uint16Array(size),
    pTitle: new Uint8Array(size),
    p: 0,
    bounds: new Int32Array(docs.length + 1),
  };
  const { leadTerms, leadWeight } = ix.params;
  const touched: number[] = [];
  let seen = 0;
  const inTitle = (id: number) => {
    ensureScratch(ix, id);
    if (ix.bodyScratch[id] === 0 && ix.titleScratch[id] === 0) touched.push(id);
    const t = ix.titleScratch[id] as number;
    if (t < 255) ix.titleScratch[id] = t + 1;
    seen++;
  };
  const inBody = (id: number) => {
    ensureScratch(ix, id);
    if (ix.bodyScratch[id] === 0 && ix.titleScratch[id] === 0) touched.push(id);
    const w = seen < leadTerms ? leadWeight : 1;
    ix.bodyScratch[id] = Math.min(65535, (ix.bodyScratch[id] as number) + w);
    seen++;
  };
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d] as IndexedDocument;
    const lang = langOf(doc.lang);
    seen = 0;
    ix.vocab.forEachTermId(doc.title, lang, inTitle);
    const tLen = seen;
    seen = 0;
    ix.vocab.forEachTermId(doc.body, lang, inBody);
    const bLen = seen;
    flushTouched(ix, batch, touched);
    ix.bodyLen[first + d] = bLen;
    ix.titleLen[first + d] = tLen;
    ix.totalBody += bLen;
    ix.totalTitle += tLen;
    batch.bounds[d + 1] = batch.p;
  }
  return batch;
}

function ensureScratch(ix: IndexData, id: number): void {
  if (id >= ix.bodyScratch.length) {
    ix.bodyScratch = grow(ix.bodyScratch, id + 1, (n) => new Uint16Array(n));
    ix.titleScratch = grow(ix.titleScratch, id + 1, (n) => new Uint8Array(n));
  }
}

/** Move one document's counted terms from the scratch buffers to the batch and the statistics. */
function flushTouched(ix: IndexData, batch: BatchPostings, touched: number[]): void {
  const titleWeight = ix.params.titleWeight;
  if (batch.p + touched.length > batch.pTerm.length) {
    const size = Math.max(batch.pTerm.length * 2, batch.p + touched.length);
    batch.pTerm = grow(batch.pTerm, size, (n) => new Int32Array(n));
    batch.pBody = grow(batch.pBody, size, (n) => new Uint16Array(n));
    batch.pTitle = grow(batch.pTitle, size, (n) => new Uint8Array(n));
  }
  const { pTerm, pBody, pTitle } = batch;
  const { bodyScratch, titleScratch } = ix;
  let p = batch.p;
  for (const id of touched) {
    const bt = bodyScratch[id] as number;
    const tt = titleScratch[id] as number;
    pTerm[p] = id;
    pBody[p] = bt;
    pTitle[p] = tt;
    p++;
    if (id >= ix.df.length) {
      ix.df = grow(ix.df, id + 1, (n) => new Int32Array(n));
      ix.cf = grow(ix.cf, id + 1, (n) => new Float64Array(n));
    }
    if (ix.df[id] === 0) ix.termCount++;
    ix.df[id] = (ix.df[id] as number) + 1;
    ix.cf[id] = (ix.cf[id] as number) + bt + titleWeight * tt;
    bodyScratch[id] = 0;
    titleScratch[id] = 0;
  }
  batch.p = p;
  touched.length = 0;
}

/** Counting sort of the batch's postings by term into CSR; doc ids stay sorted within a term. */
function sortIntoSegment(ix: IndexData, batch: BatchPostings, first: number, docCount: number): Segment {
  const { pTerm, pBody, pTitle, p, bounds } = batch;
  const terms = ix.df.length;
  const termStart = new Int32Array(terms + 1);
  for (let i = 0; i < p; i++) {
    const g = pTerm[i] as number;
    termStart[g + 1] = (termStart[g + 1] as number) + 1;
  }
  for (let g = 0; g < terms; g++) termStart[g + 1] = (termStart[g + 1] as number) + (termStart[g] as number);
  const fill = termStart.slice(0, terms);
  const postDocs = new Int32Array(p);
  const postBody = new Uint16Array(p);
  const postTitle = new Uint8Array(p);
  for (let d = 0; d < docCount; d++) {
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
  return { termStart, docs: postDocs, bodyTf: postBody, titleTf: postTitle };
}

/**
 * Tiered merging: small segments merge with each other; the large base segment is rewritten
 * only when the small ones together reach a fifth of it, so a live bot adding a few articles
 * per feed poll never pays for copying the whole index.
 */
function compactTiered(ix: IndexData): void {
  const base = ix.segments[0]?.docs.length ?? 0;
  let small = 0;
  for (const seg of ix.segments.slice(1)) small += seg.docs.length;
  compact(ix, small > base / 5 ? 0 : 1);
}

/** Merge segments so that many small incremental batches do not slow queries down. */
function compact(ix: IndexData, from: number): void {
  const merging = ix.segments.slice(from);
  for (const s of merging) s.fetchAll?.();
  const terms = ix.df.length;
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
  ix.segments.length = from;
  ix.segments.push({ termStart, docs, bodyTf, titleTf });
}

// ---------------------------------------------------------------------------------------------
// Statistics and ranking

function docFreqOf(ix: IndexData, id: number | undefined): number {
  return id === undefined || id >= ix.df.length ? 0 : (ix.df[id] as number);
}

function idfOf(ix: IndexData, id: number | undefined): number {
  const n = Math.max(1, ix.docCount);
  const f = docFreqOf(ix, id);
  return Math.log(1 + (n - f + 0.5) / (f + 0.5));
}

/**
 * Where `walk` puts each document's score for a term: added to `values[doc]`, or kept there when
 * better (`best`, the alternatives of one group); each document is listed in `touched` the first
 * time it gets a score. Typed scratch arrays reused across queries, filled in place: a frequent
 * term reaches ten thousand documents or more, and a callback per posting boxed each score (the
 * searches of `npm run bench:reports`' 300 questions allocated ~110 MB that way, the GC pauses
 * of which fell on the slowest questions).
 */
interface Accumulator {
  readonly values: Float64Array;
  readonly touched: Int32Array;
  count: number;
  readonly best: boolean;
}

/** Score contributions of one term to every document containing it, into `acc`. */
function walk(ix: IndexData, g: number, qtf: number, acc: Accumulator): void {
  const { k1, b, titleB, titleWeight, model, mu } = ix.params;
  const { bodyLen, titleLen, docCount, totalBody, totalTitle } = ix;
  const avgBody = totalBody / docCount || 1;
  const avgTitle = totalTitle / docCount || 1;
  const w = idfOf(ix, g) * qtf;
  const pc = (ix.cf[g] as number) / (totalBody + titleWeight * totalTitle);
  const { values, touched, best } = acc;
  let count = acc.count;
  for (const seg of ix.segments) {
    if (g + 1 >= seg.termStart.length) continue;
    seg.fetch?.(g);
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
      // no score (a title-only match with titleWeight 0): the document is not reached
      if (s <= 0) continue;
      const v = values[d] as number;
      if (v === 0) touched[count++] = d;
      if (!best) values[d] = v + s;
      else if (s > v) values[d] = s;
    }
  }
  acc.count = count;
}

function search(ix: IndexData, groups: readonly QueryGroup[], opts: SearchOptions = {}): Hit[] {
  const limit = opts.limit ?? 10;
  if (ix.docCount === 0 || groups.length === 0 || limit <= 0) return [];
  if (ix.scores.length < ix.docCount) {
    ix.scores = new Float64Array(ix.bodyLen.length);
    ix.bestOfGroup = new Float64Array(ix.bodyLen.length);
  }
  // each document is listed at most once per accumulator: docCount entries suffice
  if (ix.touched.length < ix.docCount) {
    ix.touched = new Int32Array(ix.scores.length);
    ix.groupTouched = new Int32Array(ix.scores.length);
  }
  const { byKey, queryLength } = resolveGroups(ix, groups);
  const acc: Accumulator = { values: ix.scores, touched: ix.touched, count: 0, best: false };
  try {
    for (const { ids, qtf } of byKey.values()) {
      if (ids.length === 1) walk(ix, ids[0] as number, qtf, acc);
      else scoreBestAlternative(ix, ids, qtf, acc);
    }
    const { values: scores, touched, count } = acc;
    if (ix.params.model === "dirichlet") addDocumentLengthPart(ix, touched, count, queryLength);
    const hits = topK(touched, count, scores, limit, opts.filter);
    for (let i = 0; i < count; i++) scores[touched[i] as number] = 0;
    return hits;
  } catch (error) {
    // a caller's filter or a snapshot's postings read threw midway: a score left in the scratch
    // lists would keep its document out of every later search (a document is listed only when
    // its score is 0), so they are cleared whole (a rare path: no need to know what was touched)
    ix.scores.fill(0);
    ix.bestOfGroup.fill(0);
    throw error;
  }
}

/**
 * Known alternatives per group. A term already used by an earlier group is not counted again
 * (a question parser may offer one word both alone and among translations), unless
 * `queryTermFrequency` asks for a repeated query word to count again.
 */
function resolveGroups(
  ix: IndexData,
  groups: readonly QueryGroup[],
): { byKey: Map<string, { ids: number[]; qtf: number }>; queryLength: number } {
  const byKey = new Map<string, { ids: number[]; qtf: number }>();
  const used = new Set<number>();
  let queryLength = 0;
  for (const group of groups) {
    const ids: number[] = [];
    for (const t of group) {
      const id = ix.vocab.termId(t);
      if (id === undefined || id >= ix.df.length || (ix.df[id] as number) === 0 || ids.includes(id)) continue;
      if (used.has(id) && !ix.params.queryTermFrequency) continue;
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
  return { byKey, queryLength };
}

/** With alternatives a document scores its best one, so a translated query is not counted twice. */
function scoreBestAlternative(ix: IndexData, ids: readonly number[], qtf: number, acc: Accumulator): void {
  const group: Accumulator = { values: ix.bestOfGroup, touched: ix.groupTouched, count: 0, best: true };
  for (const g of ids) walk(ix, g, qtf, group);
  const { values, touched, count } = group;
  const scores = acc.values;
  let n = acc.count;
  for (let i = 0; i < count; i++) {
    const d = touched[i] as number;
    const v = scores[d] as number;
    if (v === 0) acc.touched[n++] = d;
    scores[d] = v + (values[d] as number);
    values[d] = 0;
  }
  acc.count = n;
}

/** The document-length part of query likelihood, once per query term (not per match). */
function addDocumentLengthPart(ix: IndexData, touched: Int32Array, count: number, queryLength: number): void {
  const { titleWeight, mu } = ix.params;
  const { scores, bodyLen, titleLen } = ix;
  for (let i = 0; i < count; i++) {
    const d = touched[i] as number;
    const len = (bodyLen[d] as number) + titleWeight * (titleLen[d] as number);
    scores[d] = (scores[d] as number) + queryLength * Math.log(mu / (len + mu)) + queryLength * 100;
  }
}

/** A bounded min-heap of (doc, score); the root is the worst kept hit. */
interface HitHeap {
  readonly doc: number[];
  readonly score: number[];
}

/** "Worse" = lower score, or equal score and higher doc id. */
const worse = (h: HitHeap, i: number, j: number): boolean =>
  (h.score[i] as number) < (h.score[j] as number) ||
  (h.score[i] === h.score[j] && (h.doc[i] as number) > (h.doc[j] as number));

function swap(h: HitHeap, i: number, j: number): void {
  const d = h.doc[i] as number;
  h.doc[i] = h.doc[j] as number;
  h.doc[j] = d;
  const s = h.score[i] as number;
  h.score[i] = h.score[j] as number;
  h.score[j] = s;
}

function siftUp(h: HitHeap, i: number): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(h, i, parent)) break;
    swap(h, i, parent);
    i = parent;
  }
}

function siftDown(h: HitHeap, k: number): void {
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < k && worse(h, l, m)) m = l;
    if (r < k && worse(h, r, m)) m = r;
    if (m === i) break;
    swap(h, i, m);
    i = m;
  }
}

/** The `k` best documents, best first, ties by doc id (a bounded min-heap: O(n log k)). */
function topK(
  docs: Int32Array,
  count: number,
  scores: Float64Array,
  k: number,
  filter?: (doc: number) => boolean,
): Hit[] {
  const heap: HitHeap = { doc: [], score: [] };
  for (let i = 0; i < count; i++) {
    const d = docs[i] as number;
    const s = scores[d] as number;
    if (heap.doc.length === k) {
      const top = heap.score[0] as number;
      if (s < top || (s === top && d > (heap.doc[0] as number))) continue;
    }
    if (filter && !filter(d)) continue;
    if (heap.doc.length < k) {
      heap.doc.push(d);
      heap.score.push(s);
      siftUp(heap, heap.doc.length - 1);
    } else {
      heap.doc[0] = d;
      heap.score[0] = s;
      siftDown(heap, k);
    }
  }
  const hits = heap.doc.map((doc, i) => ({ doc, score: heap.score[i] as number }));
  hits.sort((x, y) => y.score - x.score || x.doc - y.doc);
  return hits;
}

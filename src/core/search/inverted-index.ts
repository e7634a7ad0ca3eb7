// An in-memory inverted index over articles with BM25 ranking and a title boost.
//
// Layout: postings are stored compressed-sparse-row style in typed arrays (one `Int32Array` of
// doc ids and one `Uint16Array` of weighted term frequencies, sliced per term by `termStart`),
// which keeps 34k articles / ~7M postings in tens of megabytes and lets a query walk postings
// without touching JS objects. Title terms count `titleWeight` times, a BM25F-style boost.
// Documents added after the build go to a small growable tail segment (see `add`), so ingestion
// never needs a rebuild while queries keep flowing.
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
  /** BM25 length normalisation. Default 0.75. */
  b?: number;
  /** How many times a title occurrence counts. Default 3. */
  titleWeight?: number;
  /** The first `leadTerms` terms of the body (a news story's lead) count `leadWeight` times. */
  leadTerms?: number;
  leadWeight?: number;
  /** Ranking function: BM25, or query likelihood with Dirichlet smoothing. Default `bm25`. */
  model?: "bm25" | "dirichlet";
  /** Dirichlet prior. Default 1500. */
  mu?: number;
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
  readonly termCount: number;
  /** Add documents; returns the id of the first one. Safe between queries. */
  add(docs: readonly IndexedDocument[]): number;
  search(groups: readonly QueryGroup[], options?: SearchOptions): Hit[];
  /** Inverse document frequency of a term (unknown terms get the highest possible value). */
  idf(term: string): number;
  docFreq(term: string): number;
  /** Approximate bytes held by the postings (for benchmarks). */
  byteSize(): number;
}

interface Segment {
  termStart: Int32Array; // per local term id: start offset; length localTerms + 1
  docs: Int32Array;
  tfs: Uint16Array;
  localOf: Map<number, number>; // global term id → local term id
}

const langOf = (lang: string | undefined): StemLanguage => (lang === "en" ? "en" : "fr");

export function createInvertedIndex(analyzer: Analyzer, options: IndexOptions = {}): InvertedIndex {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const titleWeight = Math.max(1, Math.round(options.titleWeight ?? 3));
  const leadTerms = options.leadTerms ?? 0;
  const leadWeight = Math.max(1, Math.round(options.leadWeight ?? 2));

  const termIds = new Map<string, number>();
  let df = new Int32Array(1024);
  let cf = new Float64Array(1024);
  const model = options.model ?? "bm25";
  const mu = options.mu ?? 1500;
  let docLen = new Float32Array(1024);
  let docCount = 0;
  let totalLen = 0;
  const segments: Segment[] = [];

  // Scratch buffers reused across documents and queries.
  let tfScratch = new Uint16Array(1024);
  let scores = new Float32Array(1024);
  let bestOfGroup = new Float32Array(1024);

  const termId = (t: string): number => {
    let id = termIds.get(t);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(t, id);
      if (id >= df.length) {
        const next = new Int32Array(df.length * 2);
        next.set(df);
        df = next;
        const nextCf = new Float64Array(df.length);
        nextCf.set(cf);
        cf = nextCf;
        const scratch = new Uint16Array(df.length);
        scratch.set(tfScratch);
        tfScratch = scratch;
      }
    }
    return id;
  };

  function add(docs: readonly IndexedDocument[]): number {
    const first = docCount;
    if (docs.length === 0) return first;
    // Postings of this batch, in document order: (term, tf) pairs; doc boundaries in `bounds`.
    let pTerm = new Int32Array(Math.max(1024, docs.length * 64));
    let pTf = new Uint16Array(pTerm.length);
    let p = 0;
    const touched: number[] = [];
    const bounds = new Int32Array(docs.length + 1);

    if (docCount + docs.length > docLen.length) {
      const next = new Float32Array(Math.max(docLen.length * 2, docCount + docs.length));
      next.set(docLen);
      docLen = next;
    }

    for (let d = 0; d < docs.length; d++) {
      const doc = docs[d] as IndexedDocument;
      const lang = langOf(doc.lang);
      let len = 0;
      const count = (weight: number) => (t: string) => {
        const id = termId(t);
        if (tfScratch[id] === 0) touched.push(id);
        tfScratch[id] = Math.min(65535, (tfScratch[id] as number) + weight);
        len += weight;
      };
      analyzer.forEachTerm(doc.title, lang, count(titleWeight));
      const inBody = count(1);
      const inLead = count(leadWeight);
      let seenTerms = 0;
      analyzer.forEachTerm(doc.body, lang, (t) => (seenTerms++ < leadTerms ? inLead(t) : inBody(t)));
      if (p + touched.length > pTerm.length) {
        const size = Math.max(pTerm.length * 2, p + touched.length);
        const nt = new Int32Array(size);
        nt.set(pTerm);
        pTerm = nt;
        const nf = new Uint16Array(size);
        nf.set(pTf);
        pTf = nf;
      }
      for (const id of touched) {
        pTerm[p] = id;
        pTf[p] = tfScratch[id] as number;
        p++;
        df[id] = (df[id] as number) + 1;
        cf[id] = (cf[id] as number) + (tfScratch[id] as number);
        tfScratch[id] = 0;
      }
      touched.length = 0;
      docLen[docCount + d] = len;
      totalLen += len;
      bounds[d + 1] = p;
    }

    // Counting sort of the batch's postings by term into CSR; doc ids stay sorted within a term.
    const localOf = new Map<number, number>();
    const globalOfLocal: number[] = [];
    for (let i = 0; i < p; i++) {
      const g = pTerm[i] as number;
      if (!localOf.has(g)) {
        localOf.set(g, globalOfLocal.length);
        globalOfLocal.push(g);
      }
    }
    const termStart = new Int32Array(globalOfLocal.length + 1);
    const localTerm = new Int32Array(p);
    for (let i = 0; i < p; i++) {
      const l = localOf.get(pTerm[i] as number) as number;
      localTerm[i] = l;
      termStart[l + 1] = (termStart[l + 1] as number) + 1;
    }
    for (let l = 0; l < globalOfLocal.length; l++) {
      termStart[l + 1] = (termStart[l + 1] as number) + (termStart[l] as number);
    }
    const fill = termStart.slice(0, globalOfLocal.length);
    const postDocs = new Int32Array(p);
    const postTfs = new Uint16Array(p);
    for (let d = 0; d < docs.length; d++) {
      for (let i = bounds[d] as number; i < (bounds[d + 1] as number); i++) {
        const l = localTerm[i] as number;
        const at = fill[l] as number;
        postDocs[at] = first + d;
        postTfs[at] = pTf[i] as number;
        fill[l] = at + 1;
      }
    }
    segments.push({ termStart, docs: postDocs, tfs: postTfs, localOf });
    docCount += docs.length;
    if (segments.length > 8) compact();
    return first;
  }

  // Merge segments so that many small incremental batches do not slow queries down.
  function compact(): void {
    const merged = new Map<number, { docs: number[]; tfs: number[] }>();
    for (const seg of segments) {
      for (const [g, l] of seg.localOf) {
        let m = merged.get(g);
        if (!m) {
          m = { docs: [], tfs: [] };
          merged.set(g, m);
        }
        for (let i = seg.termStart[l] as number; i < (seg.termStart[l + 1] as number); i++) {
          m.docs.push(seg.docs[i] as number);
          m.tfs.push(seg.tfs[i] as number);
        }
      }
    }
    let total = 0;
    for (const m of merged.values()) total += m.docs.length;
    const termStart = new Int32Array(merged.size + 1);
    const docs = new Int32Array(total);
    const tfs = new Uint16Array(total);
    const localOf = new Map<number, number>();
    let at = 0;
    let l = 0;
    for (const [g, m] of merged) {
      localOf.set(g, l);
      docs.set(m.docs, at);
      tfs.set(m.tfs, at);
      at += m.docs.length;
      termStart[++l] = at;
    }
    segments.length = 0;
    segments.push({ termStart, docs, tfs, localOf });
  }

  function idfOf(id: number | undefined): number {
    const n = Math.max(1, docCount);
    const f = id === undefined ? 0 : (df[id] as number);
    return Math.log(1 + (n - f + 0.5) / (f + 0.5));
  }

  function search(groups: readonly QueryGroup[], opts: SearchOptions = {}): Hit[] {
    const limit = opts.limit ?? 10;
    if (docCount === 0 || groups.length === 0) return [];
    if (scores.length < docCount) {
      scores = new Float32Array(docLen.length);
      bestOfGroup = new Float32Array(docLen.length);
    }
    const avgLen = totalLen / docCount;
    const touchedDocs: number[] = [];
    const seen = new Set<string>();
    for (const group of groups) {
      const alts = [...new Set(group)].filter((t) => termIds.has(t) && !seen.has(t));
      for (const t of alts) seen.add(t);
      if (alts.length === 0) continue;
      // With alternatives a document scores its best one, so a translated query is not counted twice.
      const multi = alts.length > 1;
      const groupDocs: number[] = [];
      for (const t of alts) {
        const g = termIds.get(t) as number;
        const w = idfOf(g);
        const pc = (cf[g] as number) / totalLen;
        for (const seg of segments) {
          const l = seg.localOf.get(g);
          if (l === undefined) continue;
          const end = seg.termStart[l + 1] as number;
          for (let i = seg.termStart[l] as number; i < end; i++) {
            const d = seg.docs[i] as number;
            const tf = seg.tfs[i] as number;
            const s =
              model === "bm25"
                ? (w * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * (docLen[d] as number)) / avgLen))
                : Math.log(1 + tf / (mu * pc)) + Math.log(mu / ((docLen[d] as number) + mu)) + 20;
            if (multi) {
              if (bestOfGroup[d] === 0) groupDocs.push(d);
              if (s > (bestOfGroup[d] as number)) bestOfGroup[d] = s;
            } else {
              if (scores[d] === 0) touchedDocs.push(d);
              scores[d] = (scores[d] as number) + s;
            }
          }
        }
      }
      for (const d of groupDocs) {
        if (scores[d] === 0) touchedDocs.push(d);
        scores[d] = (scores[d] as number) + (bestOfGroup[d] as number);
        bestOfGroup[d] = 0;
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
      return termIds.size;
    },
    add,
    search,
    idf: (t) => idfOf(termIds.get(t)),
    docFreq: (t) => {
      const id = termIds.get(t);
      return id === undefined ? 0 : (df[id] as number);
    },
    byteSize() {
      let bytes = df.byteLength + docLen.byteLength + tfScratch.byteLength + scores.byteLength * 2;
      for (const s of segments) bytes += s.docs.byteLength + s.tfs.byteLength + s.termStart.byteLength;
      return bytes;
    },
  };
}

/** The `k` best documents, best first (a bounded min-heap: O(n log k)). */
function topK(docs: readonly number[], scores: Float32Array, k: number, filter?: (doc: number) => boolean): Hit[] {
  const heapDoc: number[] = [];
  const heapScore: number[] = [];
  const swap = (i: number, j: number) => {
    [heapDoc[i], heapDoc[j]] = [heapDoc[j] as number, heapDoc[i] as number];
    [heapScore[i], heapScore[j]] = [heapScore[j] as number, heapScore[i] as number];
  };
  for (const d of docs) {
    const s = scores[d] as number;
    if (heapDoc.length === k && s <= (heapScore[0] as number)) continue;
    if (filter && !filter(d)) continue;
    if (heapDoc.length < k) {
      heapDoc.push(d);
      heapScore.push(s);
      let i = heapDoc.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((heapScore[parent] as number) <= (heapScore[i] as number)) break;
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
        if (l < k && (heapScore[l] as number) < (heapScore[m] as number)) m = l;
        if (r < k && (heapScore[r] as number) < (heapScore[m] as number)) m = r;
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

// A saved vocabulary kept as it is stored: the terms' UTF-8 bytes end to end, where each term
// starts, and the term ids in the byte order of their terms. A term's id is found by bisection
// and a term is decoded when asked for, so a restored index makes neither 124k strings nor a Map
// of them (measured: 60–180 ms of CPU and the garbage collection they feed, in every
// `newsbot ask`), for the few thousand terms a question meets.

/** A vocabulary given ids before (see `AnalyzerOptions.vocabulary`). */
export interface SavedVocabulary {
  /** Terms with ids `0 … size - 1`. */
  readonly size: number;
  term(id: number): string;
  /** The id of `term`, or undefined when it is not in the vocabulary. */
  id(term: string): number | undefined;
}

/** The stored form: `bytes[starts[id], starts[id + 1])` is term `id`; `order` sorts the ids by bytes. */
export interface PackedVocabulary {
  readonly bytes: Uint8Array;
  readonly starts: Int32Array;
  readonly order: Int32Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** `a[aFrom, aTo)` against `b[bFrom, bTo)` byte by byte (UTF-8 byte order is code point order). */
function compareBytes(a: Uint8Array, aFrom: number, aTo: number, b: Uint8Array, bFrom: number, bTo: number) {
  for (; aFrom < aTo && bFrom < bTo; aFrom++, bFrom++) {
    const d = (a[aFrom] as number) - (b[bFrom] as number);
    if (d !== 0) return d;
  }
  return aTo - aFrom - (bTo - bFrom);
}

/** Byte order of the terms with ids `x` and `y` in one packed vocabulary. */
const compareTerms = (bytes: Uint8Array, starts: Int32Array, x: number, y: number) =>
  compareBytes(
    bytes,
    starts[x] as number,
    starts[x + 1] as number,
    bytes,
    starts[y] as number,
    starts[y + 1] as number,
  );

/**
 * Pack terms given by id; a term given twice keeps its first id (as a Map filled in id order).
 * Terms without surrogate pairs sort as strings (UTF-16 order is then code point order, which
 * is UTF-8 byte order), several times faster than comparing bytes.
 */
export function packVocabulary(terms: readonly string[]): PackedVocabulary {
  const starts = new Int32Array(terms.length + 1);
  let all = new Uint8Array(1 << 16);
  let at = 0;
  terms.forEach((t, id) => {
    if (at + t.length * 3 > all.length) {
      const grown = new Uint8Array(Math.max(all.length * 2, at + t.length * 3));
      grown.set(all.subarray(0, at));
      all = grown;
    }
    at += encoder.encodeInto(t, all.subarray(at)).written;
    starts[id + 1] = at;
  });
  const bytes = all.slice(0, at);
  const ids = Array.from(terms, (_, id) => id);
  if (terms.some((t) => /[\ud800-\udfff]/.test(t))) {
    ids.sort((x, y) => compareTerms(bytes, starts, x, y) || x - y);
  } else {
    ids.sort((x, y) => {
      const a = terms[x] as string;
      const b = terms[y] as string;
      return a < b ? -1 : a > b ? 1 : x - y;
    });
  }
  return { bytes, starts, order: Int32Array.from(ids) };
}

/**
 * The vocabulary over its packed form, or undefined when the parts do not fit together (lengths,
 * offsets, ids out of range or out of order): never searched when it could answer wrongly.
 */
export function unpackVocabulary(packed: PackedVocabulary): SavedVocabulary | undefined {
  const { bytes, starts, order } = packed;
  const size = order.length;
  if (starts.length !== size + 1 || starts[0] !== 0 || starts[size] !== bytes.length) return undefined;
  for (let id = 0; id < size; id++) if ((starts[id + 1] as number) < (starts[id] as number)) return undefined;
  for (let i = 0; i < size; i++) {
    const id = order[i] as number;
    if (!(id >= 0 && id < size)) return undefined;
    if (i > 0) {
      const prev = order[i - 1] as number;
      const c = compareTerms(bytes, starts, prev, id);
      if (c > 0 || (c === 0 && prev >= id)) return undefined;
    }
  }
  let key = new Uint8Array(64);
  // a term is asked for again and again (each time a sentence holds it): decoded once
  const decoded = new Map<number, string>();
  return {
    size,
    term(id) {
      let t = decoded.get(id);
      if (t === undefined) {
        t = decoder.decode(bytes.subarray(starts[id] as number, starts[id + 1] as number));
        decoded.set(id, t);
      }
      return t;
    },
    id(term) {
      if (term.length * 3 > key.length) key = new Uint8Array(term.length * 3);
      const length = encoder.encodeInto(term, key).written;
      let lo = 0;
      let hi = size;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const id = order[mid] as number;
        if (compareBytes(bytes, starts[id] as number, starts[id + 1] as number, key, 0, length) < 0)
          lo = mid + 1;
        else hi = mid;
      }
      const id = order[lo];
      if (id === undefined) return undefined;
      const c = compareBytes(bytes, starts[id] as number, starts[id + 1] as number, key, 0, length);
      return c === 0 ? id : undefined;
    },
  };
}

// Loads OrangeSum (../shared/datasets/orangesum-dedup.jsonl.gz) for benchmarks, and draws the
// known-item query sample. The data is read in place and never copied into the project.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

export const ORANGESUM_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../../../shared/datasets/orangesum-dedup.jsonl.gz",
);

export interface OrangeSumDoc {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  /** The author's short abstract: used as the query, never indexed. */
  readonly heading: string;
  readonly article: string;
}

/** The first `limit` records of the file, in file order. */
export function loadOrangeSum(limit = Number.POSITIVE_INFINITY, path = ORANGESUM_PATH): OrangeSumDoc[] {
  const text = gunzipSync(readFileSync(path)).toString("utf8");
  const out: OrangeSumDoc[] = [];
  let at = 0;
  while (at < text.length && out.length < limit) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    if (end > at) {
      const o = JSON.parse(text.slice(at, end)) as Partial<OrangeSumDoc>;
      out.push({
        id: String(o.id ?? out.length),
        title: o.title ?? "",
        date: o.date ?? "",
        heading: o.heading ?? "",
        article: o.article ?? "",
      });
    }
    at = end + 1;
  }
  return out;
}

/** mulberry32: a small, fast, seedable PRNG (the same sequence on every machine). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sampling rule, stated once so the bench output and README can print it. */
export const MIN_QUERY_WORDS = 8;
export const SAMPLE_SEED = 20_240_611;
export const SAMPLE_RULE =
  `headings with >= ${MIN_QUERY_WORDS} words of 4+ letters (regex \\p{L}{4,}, engine-independent), ` +
  `drawn without replacement with mulberry32(seed ${SAMPLE_SEED})`;

const LONG_WORD = /\p{L}{4,}/gu;

/** Whether a heading is a usable known-item query (not empty, not a bare date like `6 septembre`). */
export function isUsableQuery(heading: string): boolean {
  return (heading.match(LONG_WORD)?.length ?? 0) >= MIN_QUERY_WORDS;
}

/** Indices (into `docs`) of `n` articles whose heading is a usable query. */
export function sampleQueries(docs: readonly OrangeSumDoc[], n: number, seed = SAMPLE_SEED): number[] {
  const eligible: number[] = [];
  for (let i = 0; i < docs.length; i++)
    if (isUsableQuery((docs[i] as OrangeSumDoc).heading)) eligible.push(i);
  const random = rng(seed);
  // partial Fisher-Yates
  const k = Math.min(n, eligible.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (eligible.length - i));
    const tmp = eligible[i] as number;
    eligible[i] = eligible[j] as number;
    eligible[j] = tmp;
  }
  return eligible.slice(0, k);
}

// Content deduplication: the same story republished under another GUID or URL (by the same feed
// or another one) must not enter the corpus twice. Two checks:
// - exact: a fingerprint of the normalised text (accents, case, punctuation and spacing ignored);
// - near: word 4-gram shingles compared by Jaccard similarity, against the articles the live index
//   ranks first for the newcomer's title and lead (so the whole corpus is covered without keeping
//   shingles for 34k articles) and against the articles accepted recently (not yet indexed).
import { createHash } from "node:crypto";
import type { Article } from "../core/corpus/article.ts";
import { type NewsIndex, stemLanguage } from "../core/search/news-index.ts";
import { foldText } from "../core/text/fold.ts";

/** Words of a text, folded: lower case, no accents, letters and digits only. */
export function normalizedWords(text: string): string[] {
  return foldText(text.normalize("NFKC")).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Fingerprint of an article's body: the same text, however spaced, accented or punctuated. */
export function contentFingerprint(body: string): string {
  return createHash("sha256").update(normalizedWords(body).join(" ")).digest("hex").slice(0, 32);
}

/** Hashed word shingles (`size` consecutive words, FNV-1a 32-bit). */
export function shingles(text: string, size = 4): Set<number> {
  const words = normalizedWords(text);
  const out = new Set<number>();
  if (words.length < size) {
    if (words.length > 0) out.add(fnv(words.join(" ")));
    return out;
  }
  for (let i = 0; i + size <= words.length; i++) out.add(fnv(words.slice(i, i + size).join(" ")));
  return out;
}

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

export interface Duplicate {
  /** Id of the article already in the corpus. */
  readonly of: string;
  readonly kind: "exact" | "near";
  readonly similarity: number;
}

export interface ContentDeduper {
  /** The article this one repeats, if any. */
  check(article: Article): Duplicate | undefined;
  /** Remember an accepted article (until the index has it). */
  remember(article: Article): void;
}

export interface DeduperOptions {
  /** Jaccard similarity of shingles from which two texts are the same story. Default 0.6. */
  threshold?: number;
  /** Index candidates compared per article. Default 5. */
  candidates?: number;
  /** Accepted articles kept for comparison before the index has them. Default 1,000. */
  recent?: number;
}

export function createContentDeduper(news: NewsIndex, options: DeduperOptions = {}): ContentDeduper {
  const threshold = options.threshold ?? 0.6;
  const candidates = options.candidates ?? 5;
  const recentLimit = options.recent ?? 1000;
  const fingerprints = new Map<string, string>();
  const recent = new Map<string, Set<number>>();

  function fromIndex(article: Article, own: Set<number>): Duplicate | undefined {
    const lead = `${article.title} ${article.body.slice(0, 400)}`;
    const terms = [...new Set(news.analyzer.terms(lead, stemLanguage(article.lang)))].slice(0, 40);
    if (terms.length === 0) return undefined;
    const fingerprint = contentFingerprint(article.body);
    let best: Duplicate | undefined;
    for (const hit of news.rank(
      terms.map((t) => [t]),
      candidates,
    )) {
      const other = news.articles[hit.doc];
      if (!other || other.id === article.id) continue;
      if (contentFingerprint(other.body) === fingerprint)
        return { of: other.id, kind: "exact", similarity: 1 };
      const sim = jaccard(own, shingles(other.body));
      if (sim >= threshold && (!best || sim > best.similarity))
        best = { of: other.id, kind: "near", similarity: sim };
    }
    return best;
  }

  return {
    check(article) {
      const fp = contentFingerprint(article.body);
      const exact = fingerprints.get(fp);
      if (exact !== undefined && exact !== article.id) return { of: exact, kind: "exact", similarity: 1 };
      const own = shingles(article.body);
      let best: Duplicate | undefined;
      for (const [id, sh] of recent) {
        if (id === article.id) continue;
        const sim = jaccard(own, sh);
        if (sim >= threshold && (!best || sim > best.similarity))
          best = { of: id, kind: "near", similarity: sim };
      }
      return best ?? fromIndex(article, own);
    },
    remember(article) {
      fingerprints.set(contentFingerprint(article.body), article.id);
      recent.set(article.id, shingles(article.body));
      if (recent.size > recentLimit) {
        const oldest = recent.keys().next().value;
        if (oldest !== undefined) recent.delete(oldest);
      }
    },
  };
}

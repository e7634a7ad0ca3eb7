// Near-duplicate stories: articles from several sources reporting the same event. Each article
// gets a signature — the rarest terms of its title and lead — and two articles published within
// a few days of each other whose signatures share most of their weight are one story. Pairs are
// only compared when they share a signature term, so a day or a month of articles groups quickly.
import type { NewsIndex } from "../search/news-index.ts";
import { isQuotable } from "../text/sentence-quality.ts";

export interface DuplicateOptions {
  /** Share of the smaller signature's weight two articles must have in common. Default 0.5. */
  threshold?: number;
  /** Articles further apart than this many days are different stories. Default 3. */
  maxDays?: number;
  /** Signature size. Default 16 terms. */
  signatureTerms?: number;
}

const dayNumber = (date: string | undefined) => {
  if (!date) return undefined;
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 15) / 86_400_000;
};

/** Signature of an article: its title and first lead sentences' rarest terms, with their idf. */
export function signature(news: NewsIndex, doc: number, size = 16): Map<string, number> {
  const terms = new Set(news.titleTerms(doc));
  let taken = 0;
  for (const s of news.sentencesOf(doc)) {
    if (taken >= 3) break;
    if (!isQuotable(s.text)) continue;
    for (const t of s.terms) terms.add(t);
    taken++;
  }
  return new Map(
    [...terms]
      .filter((t) => news.index.docFreq(t) >= 2) // a term no other article has cannot match
      .map((t) => [t, news.index.idf(t)] as [string, number])
      .sort((a, b) => b[1] - a[1])
      .slice(0, size),
  );
}

/** Groups of near-duplicate articles (each group in input order; singletons included). */
export function groupDuplicates(
  news: NewsIndex,
  docs: readonly number[],
  options: DuplicateOptions = {},
): number[][] {
  const threshold = options.threshold ?? 0.5;
  const maxDays = options.maxDays ?? 3;
  const sigs = docs.map((d) => signature(news, d, options.signatureTerms));
  const totals = sigs.map((s) => [...s.values()].reduce((a, b) => a + b, 0));
  const days = docs.map((d) => dayNumber(news.articles[d]?.date));
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const byTerm = new Map<string, number[]>();
  sigs.forEach((s, i) => {
    for (const t of s.keys()) {
      const list = byTerm.get(t);
      if (list) list.push(i);
      else byTerm.set(t, [i]);
    }
  });
  const shared = new Map<number, number>();
  sigs.forEach((s, i) => {
    shared.clear();
    for (const [t, w] of s)
      for (const j of byTerm.get(t) ?? []) if (j > i) shared.set(j, (shared.get(j) ?? 0) + w);
    for (const [j, w] of shared) {
      const di = days[i];
      const dj = days[j];
      if (di !== undefined && dj !== undefined && Math.abs(di - dj) > maxDays) continue;
      if (w / Math.max(1e-9, Math.min(totals[i] as number, totals[j] as number)) >= threshold)
        parent[find(j)] = find(i);
    }
  });
  const groups = new Map<number, number[]>();
  docs.forEach((d, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(d);
    else groups.set(r, [d]);
  });
  return [...groups.values()];
}

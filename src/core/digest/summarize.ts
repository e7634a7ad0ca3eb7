// Extractive summaries: two or three whole sentences copied from the article. A news story puts
// its essentials first, so lead sentences are favoured; but a lead can be a hook ("Les réseaux
// sociaux ont le don…"), so each sentence is also weighed by how central it is to the article —
// how much of the article's weighted vocabulary (and its title's) it carries. Sentences are never
// cut: one that cannot be quoted whole (a caption, a teaser, a fragment) is skipped.
import type { NewsIndex, Sentence } from "../search/news-index.ts";
import { isQuotable, tidySentence } from "../text/sentence-quality.ts";

export interface SummaryOptions {
  /** Default 3. */
  maxSentences?: number;
  /** Default 2 (when the article has that many quotable sentences). */
  minSentences?: number;
  /** Stop adding sentences past this many characters (the minimum still applies). Default 550. */
  maxChars?: number;
}

export interface ScoredSentence {
  readonly sentence: Sentence;
  readonly text: string;
  /** 0–1: share of the article's weighted vocabulary, normalised to the best sentence. */
  readonly centrality: number;
  readonly score: number;
}

/** Share of the smaller set found in the other: a short quote repeated inside a longer sentence is redundant. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const t of small) if (big.has(t)) inter++;
  return inter / small.size;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const t of small) if (big.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}

/** The quotable sentences of an article, each with its centrality and summary score. */
export function scoreSentences(news: NewsIndex, doc: number): ScoredSentence[] {
  const all = news.sentencesOf(doc);
  const title = news.titleTerms(doc);
  // article vocabulary: how many sentences use each term, weighted by rarity in the corpus
  const df = new Map<string, number>();
  for (const s of all) for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const weight = (t: string) => {
    const inArticle = (df.get(t) ?? 0) + (title.has(t) ? 2 : 0);
    return inArticle <= 1 ? 0 : Math.log(1 + inArticle) * news.index.idf(t);
  };
  const quotable = all.filter((s) => isQuotable(s.text));
  const raw = quotable.map((s) => {
    let w = 0;
    for (const t of s.terms) w += weight(t);
    return w / Math.sqrt(Math.max(8, s.terms.size));
  });
  const max = Math.max(1e-9, ...raw);
  return quotable.map((s, i) => {
    const centrality = (raw[i] as number) / max;
    const lead = 1 / (1 + 0.5 * i); // rank among quotable sentences: the lead first
    return { sentence: s, text: tidySentence(s.text), centrality, score: 0.45 * lead + 0.55 * centrality };
  });
}

/** Two or three whole sentences of the article, in article order. */
export function summarizeArticle(news: NewsIndex, doc: number, options: SummaryOptions = {}): string[] {
  const maxSentences = options.maxSentences ?? 3;
  const minSentences = options.minSentences ?? 2;
  const maxChars = options.maxChars ?? 550;
  const scored = scoreSentences(news, doc);
  if (scored.length === 0) return [];
  const chosen: ScoredSentence[] = [];
  // the lead opens the summary unless it says little of what the article is about
  const lead = scored.slice(0, 2).find((s) => s.centrality >= 0.3);
  if (lead) chosen.push(lead);
  let chars = chosen.reduce((n, s) => n + s.text.length, 0);
  for (const s of [...scored].sort((a, b) => b.score - a.score)) {
    if (chosen.length >= maxSentences) break;
    if (chosen.includes(s)) continue;
    if (chosen.some((c) => overlap(c.sentence.terms, s.sentence.terms) > 0.6)) continue;
    if (chosen.length >= minSentences && chars + s.text.length > maxChars) continue;
    chosen.push(s);
    chars += s.text.length;
  }
  return chosen.sort((a, b) => a.sentence.position - b.sentence.position).map((s) => s.text);
}

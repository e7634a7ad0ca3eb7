// The passages a writer is sent for a question: the articles whose best sentence the scorer ranks
// highest, fused (reciprocal rank) with the articles nearest the question's embedding when there
// is one, one passage per article — its best sentence with the sentences on either side, as long
// as they fit — so the writer sees the paraphrases the lexical scorer misses.
import type { ScoredSentence } from "../answer/decide.ts";
import { TITLE_INDEX } from "../answer/features.ts";
import { reciprocalRankFusion } from "../answer/fuse-candidates.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { type Passage, passageText } from "./prompts.ts";

export interface PassageOptions {
  /** Passages sent. Default 5. */
  readonly count?: number;
  /** Longest passage, in characters (a sentence alone may exceed it). Default 700. */
  readonly maxChars?: number;
}

/** The sentences around `index` that fit in `maxChars`, the sentence itself always. */
function window(texts: readonly string[], index: number, maxChars: number): string {
  let from = index;
  let to = index;
  let length = texts[index]?.length ?? 0;
  for (const next of [index + 1, index - 1]) {
    const extra = texts[next]?.length;
    if (extra === undefined || length + extra + 1 > maxChars) continue;
    length += extra + 1;
    if (next > to) to = next;
    else from = next;
  }
  return texts.slice(from, to + 1).join(" ");
}

export function selectPassages(
  news: NewsIndex,
  scored: readonly ScoredSentence[],
  semantic: readonly number[] | undefined,
  options: PassageOptions = {},
): Passage[] {
  const count = options.count ?? 5;
  const maxChars = options.maxChars ?? 700;
  const bestOf = new Map<number, ScoredSentence>();
  // the passage is centred on the best sentence of the body: the title, also a candidate, heads
  // every passage anyway, and centring on it would send the opening instead of that sentence
  const bodyBest = new Map<number, ScoredSentence>();
  for (const s of scored) {
    const seen = bestOf.get(s.doc);
    if (!seen || s.score > seen.score) bestOf.set(s.doc, s);
    const body = bodyBest.get(s.doc);
    if (s.index !== TITLE_INDEX && (!body || s.score > body.score)) bodyBest.set(s.doc, s);
  }
  const lexical = [...bestOf.values()].sort((a, b) => b.score - a.score).map((s) => s.doc);
  const docs = reciprocalRankFusion([lexical, semantic ?? []])
    .slice(0, count)
    .map((f) => f.doc);
  const out: Passage[] = [];
  for (const doc of docs) {
    const article = news.articles[doc];
    const texts = news.sentencesOf(doc).map((s) => s.text);
    if (!article || texts.length === 0) continue;
    // an article found by its embedding only, or by its title alone: its opening sentences
    const quote = window(texts, bodyBest.get(doc)?.index ?? 0, maxChars);
    out.push({ doc, quote, sent: passageText(article.title, article.date, quote) });
  }
  return out;
}

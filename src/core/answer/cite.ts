// Step 6, quoting: the chosen sentence verbatim with its source, completed by its neighbour when
// the sentence alone is not the answer (it opens on a pronoun, or the neighbour holds the asked
// figure or date) and both fit; never more than `MAX_QUOTE` characters. Other articles whose best
// sentence scored close are cited after it.
import type { Article } from "../corpus/article.ts";
import type { NewsIndex } from "../news-index.ts";
import type { ScoredSentence } from "./decide.ts";
import { FEATURE_INDEX } from "./features.ts";
import type { Reading } from "./read-question.ts";
import { newKindSpans } from "./refined-features.ts";

export interface Citation {
  readonly id: string;
  readonly title: string;
  readonly date?: string;
  readonly quote: string;
  readonly url?: string;
  readonly source?: string;
}

export const MAX_QUOTE = 400;

// A sentence opening on a pronoun or an anaphora names its subject in the sentence before.
const ANAPHORA_START =
  /^(il|elle|ils|elles|ce|cet|cette|ces|celui-ci|celle-ci|ceux-ci|lui|leur|son|sa|ses|on|he|she|they|this|these|it|his|her|their)\b/iu;

export function quoteFor(news: NewsIndex, q: Reading, best: ScoredSentence): string {
  const around = news.sentencesOf(best.doc);
  const text = best.sentence.text;
  const prev = around[best.index - 1]?.text;
  const next = around[best.index + 1]?.text;
  const kindMissing = best.features[FEATURE_INDEX.kindMissing] === 1;
  const fits = (a: string, b: string) => a.length + b.length + 1 <= MAX_QUOTE;
  if (kindMissing) {
    if (next && fits(text, next) && newKindSpans(news, q, next).length > 0) return `${text} ${next}`;
    if (prev && fits(prev, text) && newKindSpans(news, q, prev).length > 0) return `${prev} ${text}`;
  }
  if (prev && ANAPHORA_START.test(text) && best.sentence.length < 25 && fits(prev, text))
    return `${prev} ${text}`;
  return clip(text, q, news);
}

// A sentence over MAX_QUOTE characters is cut around the answer it holds.
function clip(text: string, q: Reading, news: NewsIndex): string {
  if (text.length <= MAX_QUOTE) return text;
  const span = newKindSpans(news, q, text)[0];
  const centre = span ? span.start : 0;
  const from = Math.max(0, Math.min(text.length - (MAX_QUOTE - 2), centre - 150));
  const cut = text.slice(from, from + MAX_QUOTE - 2);
  return `${from > 0 ? "…" : ""}${cut}${from + cut.length < text.length ? "…" : ""}`;
}

export function cite(article: Article, quote: string): Citation {
  return {
    id: article.id,
    title: article.title,
    ...(article.date ? { date: article.date } : {}),
    quote,
    ...(article.url ? { url: article.url } : {}),
    ...(article.source ? { source: article.source } : {}),
  };
}

/** The quoted source first, then other articles whose best sentence scored within `within`. */
export function citationsFor(
  news: NewsIndex,
  best: ScoredSentence,
  quote: string,
  ranked: readonly ScoredSentence[],
  extra: number,
  within: number,
): Citation[] {
  const citations = [cite(news.articles[best.doc] as Article, quote)];
  const cited = new Set([best.doc]);
  for (const s of ranked) {
    if (citations.length > extra) break;
    if (cited.has(s.doc) || s.score < best.score - within) continue;
    cited.add(s.doc);
    citations.push(cite(news.articles[s.doc] as Article, s.sentence.text));
  }
  return citations;
}

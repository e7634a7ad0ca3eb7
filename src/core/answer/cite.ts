// Step 6, quoting: the chosen sentence verbatim with its source, completed by its neighbour when
// the sentence alone is not the answer (it opens on a pronoun, or the neighbour holds the asked
// figure or date) and both fit; never more than `MAX_QUOTE` characters. Other articles whose best
// sentence scored close are cited after it.
import type { Article } from "../corpus/article.ts";
import type { NewsIndex } from "../search/news-index.ts";
import type { TextRange } from "../text/text-range.ts";
import type { KindSpan } from "./answer-kinds.ts";
import type { ScoredSentence } from "./decide.ts";
import { FEATURE_INDEX, TITLE_INDEX } from "./features.ts";
import { questionWindow } from "./question-window.ts";
import { concise, markSpan } from "./quote.ts";
import type { Reading } from "./read-question.ts";
import { nameReferent } from "./referent.ts";
import { newKindSpans } from "./refined-features.ts";
import { relativeDays, stateDay } from "./stated-day.ts";

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

export interface Quote {
  readonly text: string;
  /** Where the answer (a name, a date, a figure, a place) stands in `text`, when the kind is known. */
  readonly emphasis: readonly TextRange[];
}

/**
 * The quote for the chosen sentence: the sentence (and the neighbour holding the asked figure or
 * date when it lacks one, or the one before a short sentence opening on a pronoun, when both fit),
 * cut around the answer when too long, its opening pronoun replaced by the person it stands for.
 */
export function quoteFor(
  news: NewsIndex,
  q: Reading,
  best: ScoredSentence,
  scored: readonly ScoredSentence[] = [],
  neighbourMargin = Number.NEGATIVE_INFINITY,
): Quote {
  const text = best.sentence.text;
  // a title is quoted alone: a headline and a sentence of the body do not read as one
  const isTitle = best.index === TITLE_INDEX;
  const around = isTitle ? [text] : news.sentencesOf(best.doc).map((s) => s.text);
  const index = isTitle ? 0 : best.index;
  const kindMissing = best.features[FEATURE_INDEX.kindMissing] === 1;
  const holds = (i: number) =>
    around[i] !== undefined && newKindSpans(news, q, around[i] as string).length > 0;
  let second: number | undefined;
  if (isTitle) second = undefined;
  else if (kindMissing && holds(index + 1)) second = index + 1;
  else if (kindMissing && holds(index - 1)) second = index - 1;
  else if (ANAPHORA_START.test(text) && best.sentence.length < 25 && index > 0) second = index - 1;
  else second = scoredNeighbour(best, scored, neighbourMargin);
  const found = newKindSpans(news, q, text)[0];
  // a sentence too long to quote whole is cut around the answer of the asked kind, or without one
  // around the question's words (the answer stands next to them); only the first is emphasised
  const lang = news.articles[best.doc]?.lang === "en" ? "en" : "fr";
  const span = found
    ? { start: found.start, end: found.start + found.text.length }
    : questionWindow(news, q, text, lang);
  const quote = concise(around, index, {
    maxChars: MAX_QUOTE,
    ...(second === undefined ? {} : { second }),
    ...(span ? { span } : {}),
  });
  const first = quote.sentences[0] ?? index;
  const article = news.articles[best.doc] as Article;
  const referent = nameReferent(quote.text, around.slice(0, first), article.title);
  // a name put in for the pronoun must not take the quote over the limit
  const named = referent.text.length <= MAX_QUOTE ? referent : { text: quote.text, shift: 0 };
  const at =
    found && quote.span
      ? { start: quote.span.start + named.shift, end: quote.span.end + named.shift }
      : undefined;
  // the referent shifts only what follows the pronoun; a span starting at 0 is the pronoun itself
  const marked = markSpan(named.text, at && (quote.span?.start ?? 0) > 0 ? at : found?.text);
  const shown = { text: named.text, emphasis: marked.emphasis };
  return q.kind === "date" ? withStatedDay(shown, text, article.date, lang, found, at) : shown;
}

// A when-question's answer written as a relative day (`mercredi`, `jeudi dernier`) gets its date
// stated (./stated-day.ts). Only the answer's own span is looked at: the guards (./guards.ts) let a
// when-question be answered only by a sentence holding a date span, and `hier` is none
// (./answer-kinds.ts), so it never stands alone as the answer.
function withStatedDay(
  quote: Quote,
  sentence: string,
  reference: string | undefined,
  lang: "fr" | "en",
  found: KindSpan | undefined,
  at: TextRange | undefined,
): Quote {
  // `mercredi 15`: the day of the month is written, the answer is a date already
  if (!found || /\d/.test(found.text)) return quote;
  const days = relativeDays(sentence, reference, lang);
  const end = found.start + found.text.length;
  const day = days.find((d) => d.start < end && d.end > found.start);
  if (!day) return quote;
  // the day's place in the quote, from the span's when the quote kept it
  const place = at
    ? { start: at.start + day.start - found.start, end: at.start + day.end - found.start }
    : undefined;
  return stateDay(quote, day, place);
}

// The sentence next to the chosen one that the scorer also rates close to it (within `margin`
// log-odds): the answer is often split over two sentences (a name in one, the office in the next).
// `concise` keeps it only when both fit in MAX_QUOTE.
function scoredNeighbour(
  best: ScoredSentence,
  scored: readonly ScoredSentence[],
  margin: number,
): number | undefined {
  let pick: ScoredSentence | undefined;
  for (const s of scored)
    if (
      s.doc === best.doc &&
      s.index !== TITLE_INDEX &&
      Math.abs(s.index - best.index) === 1 &&
      s.score >= best.score - margin
    )
      if (!pick || s.score > pick.score) pick = s;
  return pick?.index;
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

// Sentences that back a briefing up when its events alone leave it thin (a small corpus, a topic
// with few articles): the quotable sentences of the events' central articles, with how much of the
// topic they carry. Those that carry it add key points after the events' own and dated sentences
// to the timeline; any of them may hold a figure.
import type { Article } from "../corpus/article.ts";
import { type ResolvedDate, resolveDatesIn } from "../dates/index.ts";
import type { QueryGroup } from "../search/inverted-index.ts";
import type { NewsIndex, Sentence } from "../search/news-index.ts";
import { isQuotable, tidySentence } from "../text/sentence-quality.ts";
import { coverage } from "./topic-articles.ts";

export interface Supporting {
  readonly doc: number;
  readonly sentence: Sentence;
  readonly text: string;
  /** Share of the topic's weight the sentence carries (0–1). */
  readonly topic: number;
}

/** The quotable sentences of `docs`, most on-topic first, earlier in the article first on ties. */
export function supportingSentences(
  news: NewsIndex,
  docs: readonly number[],
  groups: readonly QueryGroup[],
): Supporting[] {
  const out: Supporting[] = [];
  for (const doc of docs) {
    for (const sentence of news.sentencesOf(doc)) {
      if (!isQuotable(sentence.text)) continue;
      const topic = coverage(news, groups, (t) => sentence.terms.has(t));
      out.push({ doc, sentence, text: tidySentence(sentence.text), topic });
    }
  }
  return out.sort((a, b) => b.topic - a.topic || a.sentence.position - b.sentence.position);
}

/** Share of `a`'s terms that `b` holds. */
export function termOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 0;
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n / a.size;
}

/** The clearest date of a sentence: a precise day, then any resolved date, then an unresolved one (flagged). */
export function sentenceDate(news: NewsIndex, s: Supporting): ResolvedDate | undefined {
  const article = news.articles[s.doc] as Article;
  // `aujourd'hui` is rarely an event's date (`les retraités d'aujourd'hui`)
  const resolved = resolveDatesIn(s.text, article.date).filter((r) => r.mention.offset?.days !== 0);
  return (
    resolved.find((r) => r.resolved && r.precision === "day" && !r.approximate) ??
    resolved.find((r) => r.resolved && !r.approximate) ??
    resolved.find((r) => !r.resolved && r.problem === "no-reference") ??
    resolved.find((r) => r.resolved)
  );
}

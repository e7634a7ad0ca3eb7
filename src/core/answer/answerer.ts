// Cited answers. The question's words retrieve candidate articles from the index; every sentence
// of those articles is scored by how much of the question it covers (each word weighted by its
// rarity in the corpus), whether it holds the kind of answer asked for (a name, a date, a number,
// a place) and how well its article ranked. The best sentence is quoted verbatim with its source.
// Abstaining is part of the contract: when no sentence covers enough of the question, the answer
// says so instead of guessing.
import type { Article } from "../corpus/article.ts";
import { compareDatesDesc } from "../corpus/article.ts";
import { type Messages, messages } from "../i18n/messages.ts";
import type { NewsIndex, Sentence } from "../news-index.ts";
import type { QueryGroup } from "../search/inverted-index.ts";
import { findDates, findNames, findNumbers, findPlaces, type KindSpan } from "./answer-kinds.ts";
import { type AnswerKind, type ParsedQuestion, parseQuestion } from "./question.ts";

export interface Citation {
  readonly id: string;
  readonly title: string;
  readonly date?: string;
  readonly quote: string;
  readonly url?: string;
  readonly source?: string;
}

export interface Answer {
  readonly found: boolean;
  /** The quoted sentence(s) when found; otherwise a message saying the corpus does not answer. */
  readonly answer: string;
  /** Best first; empty when not found. */
  readonly citations: Citation[];
  /** Share of the question's weight the quoted sentence covers (0–1). */
  readonly confidence: number;
  readonly kind: AnswerKind;
}

export interface AnswererOptions {
  /** Articles retrieved before sentences are scored. Default 30. */
  candidates?: number;
  /** Least confidence to answer; below it the answer abstains. Default 0.5. */
  minConfidence?: number;
  /** Sentences within this score of the best compete on recency (newest wins). Default 0.05. */
  recencyMargin?: number;
  /** Extra sources cited besides the quoted one. Default 2. */
  extraCitations?: number;
  locale?: "fr" | "en";
}

interface Scored {
  doc: number;
  index: number;
  sentence: Sentence;
  coverage: number;
  kindFound: boolean;
  score: number;
}

const PRONOUN_START = /^(il|elle|ils|elles|ce|cette|ces|celui-ci|celle-ci|he|she|they|this|it)\b/i;

export interface Answerer {
  answer(question: string): Answer;
}

export function createAnswerer(news: NewsIndex, options: AnswererOptions = {}): Answerer {
  const candidates = options.candidates ?? 30;
  const minConfidence = options.minConfidence ?? 0.5;
  const recencyMargin = options.recencyMargin ?? 0.05;
  const extraCitations = options.extraCitations ?? 2;
  const text: Messages = messages(options.locale ?? "fr");

  const has = (terms: ReadonlySet<string>, group: QueryGroup) => group.some((t) => terms.has(t));

  function kindSpans(kind: AnswerKind, sentence: string): KindSpan[] {
    switch (kind) {
      case "date":
        return findDates(sentence);
      case "number":
        return findNumbers(sentence);
      case "person":
        return findNames(sentence);
      case "place":
        return findPlaces(sentence);
      default:
        return [];
    }
  }

  // The answer must bring something the question does not already say.
  function holdsNewKind(q: ParsedQuestion, sentence: string): boolean {
    if (q.kind === "other") return false;
    const questionTerms = new Set(q.groups.flat());
    return kindSpans(q.kind, sentence).some((span) => {
      const terms = news.analyzer.terms(span.text);
      return terms.length === 0 ? /\d/.test(span.text) : terms.some((t) => !questionTerms.has(t));
    });
  }

  function answer(question: string): Answer {
    const parsed = parseQuestion(question, news.analyzer);
    const q: ParsedQuestion = { ...parsed, groups: news.expandUnknown(parsed.groups) };
    if (q.groups.length === 0) {
      return { found: false, answer: text.emptyQuestion, citations: [], confidence: 0, kind: q.kind };
    }
    const weights = q.groups.map((g) => Math.max(...g.map((t) => news.index.idf(t))));
    const total = weights.reduce((a, b) => a + b, 0);
    const hits = news.rank(q.groups, candidates);
    const topScore = hits[0]?.score ?? 1;

    const scored: Scored[] = [];
    for (const hit of hits) {
      const sentences = news.sentencesOf(hit.doc);
      const title = news.titleTerms(hit.doc);
      sentences.forEach((sentence, index) => {
        if (sentence.length < 3) return;
        const prev = sentences[index - 1];
        let matched = 0;
        let context = 0;
        q.groups.forEach((g, gi) => {
          const w = weights[gi] as number;
          if (has(sentence.terms, g)) matched += w;
          else if (has(title, g) || (prev && has(prev.terms, g))) context += w;
        });
        if (matched === 0) return;
        // Context (the title, the previous sentence) counts for a little: a sentence often answers
        // about a subject named just before it.
        const coverage = Math.min(1, (matched + 0.3 * context) / total);
        const kindFound = holdsNewKind(q, sentence.text);
        const needsKind = q.kind !== "other" && !(q.kind === "person" && q.asksIdentity);
        let score = coverage + 0.12 * (hit.score / topScore);
        if (needsKind) score += kindFound ? 0.12 : -0.12;
        if (sentence.length < 5) score -= 0.08;
        if (sentence.length > 60) score -= 0.05;
        scored.push({
          doc: hit.doc,
          index,
          sentence,
          coverage: needsKind && !kindFound ? coverage - 0.15 : coverage,
          kindFound,
          score,
        });
      });
    }
    scored.sort((a, b) => b.score - a.score);
    let best = scored[0];
    if (!best || best.coverage < minConfidence) {
      return {
        found: false,
        answer: text.noAnswer,
        citations: [],
        confidence: best?.coverage ?? 0,
        kind: q.kind,
      };
    }
    // Several articles answering about as well: the most recent one is the one to quote.
    const bestScore = best.score;
    for (const s of scored) {
      if (s.score < bestScore - recencyMargin) break;
      if (s.coverage >= minConfidence && compareDatesDesc(article(s.doc), article(best.doc)) < 0) best = s;
    }

    const quote = quoteAround(best, q);
    const citations: Citation[] = [cite(best.doc, quote)];
    const cited = new Set([best.doc]);
    for (const s of scored) {
      if (citations.length > extraCitations) break;
      if (cited.has(s.doc) || s.coverage < minConfidence || s.score < bestScore - 0.25) continue;
      cited.add(s.doc);
      citations.push(cite(s.doc, s.sentence.text));
    }
    return { found: true, answer: quote, citations, confidence: round(best.coverage), kind: q.kind };
  }

  // One sentence, or two when the neighbour is needed: the subject of a sentence opening with a
  // pronoun is in the sentence before; a short sentence is often completed by the next one.
  function quoteAround(best: Scored, q: ParsedQuestion): string {
    const sentences = news.sentencesOf(best.doc);
    const prev = sentences[best.index - 1];
    const next = sentences[best.index + 1];
    if (prev && PRONOUN_START.test(best.sentence.text) && best.sentence.length < 25) {
      return `${prev.text} ${best.sentence.text}`;
    }
    if (next && best.sentence.length < 10) return `${best.sentence.text} ${next.text}`;
    if (next && q.kind !== "other" && !best.kindFound && holdsNewKind(q, next.text)) {
      return `${best.sentence.text} ${next.text}`;
    }
    return best.sentence.text;
  }

  function article(doc: number): Article {
    return news.articles[doc] as Article;
  }

  function cite(doc: number, quote: string): Citation {
    const a = article(doc);
    return {
      id: a.id,
      title: a.title,
      ...(a.date ? { date: a.date } : {}),
      quote,
      ...(a.url ? { url: a.url } : {}),
      ...(a.source ? { source: a.source } : {}),
    };
  }

  return { answer };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

// Cited answers, as a pipeline of small steps, each in its own module:
//   read-question → retrieve → sentence-features (+ refined-features) → scorer → decide → cite.
// The scorer is a logistic model trained by `npm run train` (no hand-set weights); its confidence
// is the calibrated probability that the answer is right, and the answerer abstains below the
// threshold chosen for precision: a wrong answer with a citation costs more than "not found".

import { type Messages, messages } from "../i18n/messages.ts";
import type { NewsIndex } from "../search/news-index.ts";
import type { TextRange } from "../text/text-range.ts";
import { addVoteFeatures } from "./answer-votes.ts";
import { type Citation, citationsFor, quoteFor } from "./cite.ts";
import { decide, type ScoredSentence } from "./decide.ts";
import { fuseCandidates } from "./fuse-candidates.ts";
import type { AnswerKind } from "./question.ts";
import { type Reading, readQuestion } from "./read-question.ts";
import { retrieveCandidates } from "./retrieve.ts";
import { createScorer, type ScorerModel } from "./scorer.ts";
import { candidateSentences } from "./sentence-features.ts";
import { roleAnswer } from "./who-is-answer.ts";

export type { Citation } from "./cite.ts";

export interface Answer {
  readonly found: boolean;
  /** The quoted sentence(s) when found; otherwise a message saying the corpus does not answer. */
  readonly answer: string;
  /** Best first; empty when not found. */
  readonly citations: Citation[];
  /** Calibrated probability that the answer is right (0–1). */
  readonly confidence: number;
  readonly kind: AnswerKind;
  /** Where the answer stands in `answer` (a name, a date, a figure, a place), for bold rendering. */
  readonly emphasis?: readonly TextRange[];
  /** Why there is no answer (the decision's reason), when the pipeline abstained. */
  readonly why?: "unknown" | "outside" | "unsure" | "unfit";
  /** Set when a model wrote the answer from the cited passages (see ../grounded). */
  readonly writtenBy?: string;
}

export interface AnswererOptions {
  /** Articles retrieved before sentences are scored. Default 15. */
  candidates?: number;
  /** Sentences that get the costly features and are scored. Default 60. */
  refined?: number;
  /** Least confidence to answer; default: the trained model's threshold. */
  minConfidence?: number;
  /** Sentences within this score (log-odds) of the best compete on recency (newest wins). Default 0.25. */
  recencyMargin?: number;
  /**
   * A sentence within this score (log-odds) of the chosen one giving its rounded figure precisely is
   * quoted instead (`près de 600` → `588`). Default: PRECISE_MARGIN.
   */
  preciseMargin?: number;
  /**
   * For the latest figure asked (`dernier bilan`), the newest sentence within this score (log-odds)
   * giving a figure of the same unit is quoted. Default: LATEST_MARGIN.
   */
  latestMargin?: number;
  /**
   * For a question asking which one (`sur quelle plage`, `which pond`), a sentence within this score
   * (log-odds) of the chosen one that names the asked thing is quoted instead when the chosen one
   * tells it generically (`une plage des Landes`). Default: NAMED_MARGIN.
   */
  namedMargin?: number;
  /**
   * When the chosen sentence fails a guard of meaning (a when-question's sentence with no date), the
   * best sentence within this score (log-odds) of it that passes them is quoted instead of
   * abstaining. Default: FIT_MARGIN.
   */
  fitMargin?: number;
  /**
   * A neighbour of the quoted sentence scoring within this much (log-odds) of it is quoted too,
   * when both fit in 400 characters. Default: NEIGHBOUR_MARGIN.
   */
  neighbourMargin?: number;
  /** Extra sources cited besides the quoted one. Default 2. */
  extraCitations?: number;
  locale?: "fr" | "en";
  /** A scorer model other than the committed one (cross-validation, experiments). */
  model?: ScorerModel;
}

export interface AskOptions {
  /** The day the question is asked (`YYYY-MM-DD`): later articles do not exist yet, `hier` is the day before. */
  now?: string;
  /** Articles nearest the question's embedding, best first (hybrid retrieval, see ../grounded). */
  semantic?: readonly number[];
  /**
   * Articles another retrieval already ranked for the question, best first (see
   * article-retriever.ts): used instead of the index's ranking; the sentence scoring is the same.
   */
  retrieved?: readonly { readonly doc: number; readonly score: number }[];
}

export interface Answerer {
  answer(question: string, options?: AskOptions): Answer;
  /** The question as read and every scored candidate sentence (for training and evaluation). */
  candidates(question: string, options?: AskOptions): { reading: Reading; scored: ScoredSentence[] };
}

/** See `AnswererOptions.neighbourMargin`. PIAF 5-fold CV answer-contains 30.6 % without, 31.0 % at 1.5, 31.7 % at 3 (wrong of answered 25.0 → 22.1 %). */
export const NEIGHBOUR_MARGIN = 3;

/**
 * See `AnswererOptions.preciseMargin`. News batches 1–27 (committed model): 0.5 puts 3 wrong answers
 * right, 1 six, 1.5 six and one right wrong, 2 six and four right wrong plus one abstained.
 */
export const PRECISE_MARGIN = 1;

/**
 * See `AnswererOptions.latestMargin`. News batches 1–27 (committed model): 2 changes nothing, 3 puts
 * 2 wrong answers right, 4 to 100 three, none lost.
 */
export const LATEST_MARGIN = 4;

/**
 * See `AnswererOptions.namedMargin`. News batches 1–28 (committed model), wrong → right / right →
 * wrong: 0.5 5 / 2, 1 13 / 4, 1.5 16 / 6, 2 17 / 7; unanswerable questions unchanged (the confidence
 * is the question's, whichever sentence is quoted).
 */
export const NAMED_MARGIN = 1;

/**
 * See `AnswererOptions.fitMargin`. Chosen on news batches 1–23 (committed model), abstained → right
 * / abstained → wrong: 1 11 / 4, 2 14 / 6, 3 15 / 12; held out on 24–29 at 1: 4 / 1. Unanswerable
 * questions unchanged.
 */
export const FIT_MARGIN = 1;

export function createAnswerer(news: NewsIndex, options: AnswererOptions = {}): Answerer {
  const text: Messages = messages(options.locale ?? "fr");
  const scorer = createScorer(options.model);
  const extra = options.extraCitations ?? 2;
  let span = { first: "", last: "", count: -1 };
  const archiveSpan = () => {
    if (span.count !== news.articles.length) span = dateSpan(news);
    return span;
  };

  function scoreReading(reading: Reading, ask: AskOptions): ScoredSentence[] {
    const limit = options.candidates ?? 15;
    const lexical = ask.retrieved
      ? ask.retrieved.map((h, position, all) => ({
          doc: h.doc,
          rank: h.score / (all[0]?.score || 1),
          position,
        }))
      : reading.groups.length === 0
        ? []
        : retrieveCandidates(news, reading, limit);
    const docs = ask.semantic ? fuseCandidates(news, reading, lexical, ask.semantic, limit) : lexical;
    const found = candidateSentences(news, reading, docs, options.refined ?? 60);
    if (scorer.votes)
      addVoteFeatures(
        found.map((s) => ({ doc: s.doc, keys: s.keys ?? [], features: s.features })),
        found.map((s) => scorer.firstScore(s.features)),
      );
    return found.map((s) => ({ ...s, score: scorer.score(s.features) }));
  }

  function candidates(question: string, ask: AskOptions = {}) {
    const reading = readQuestion(news, question, ask.now);
    return { reading, scored: scoreReading(reading, ask) };
  }

  function answer(question: string, ask: AskOptions = {}): Answer {
    const reading = readQuestion(news, question, ask.now);
    const kind = reading.kind;
    if (reading.groups.length === 0)
      return { found: false, answer: text.emptyQuestion, citations: [], confidence: 0, kind };
    if (reading.asksIdentity && reading.identityOf && !reading.unknownName) {
      const byRole = roleAnswer(news, reading.identityOf, extra);
      if (byRole)
        return { found: true, answer: byRole.quote, citations: byRole.citations, confidence: 1, kind };
    }
    const scored = scoreReading(reading, ask);
    const decision = decide(news, reading, scored, scorer, {
      recencyMargin: options.recencyMargin ?? 0.25,
      preciseMargin: options.preciseMargin ?? PRECISE_MARGIN,
      latestMargin: options.latestMargin ?? LATEST_MARGIN,
      namedMargin: options.namedMargin ?? NAMED_MARGIN,
      fitMargin: options.fitMargin ?? FIT_MARGIN,
      ...(options.minConfidence === undefined ? {} : { minConfidence: options.minConfidence }),
      span: archiveSpan(),
    });
    const confidence = round(decision.confidence);
    if (!decision.found)
      return { found: false, answer: text.noAnswer, citations: [], confidence, kind, why: decision.why };
    const quote = quoteFor(news, reading, decision.best, scored, options.neighbourMargin ?? NEIGHBOUR_MARGIN);
    const ranked = [...scored].sort((a, b) => b.score - a.score);
    const citations = citationsFor(news, decision.best, quote.text, ranked, extra, 0.5);
    const emphasis = quote.emphasis.length > 0 ? { emphasis: quote.emphasis } : {};
    return { found: true, answer: quote.text, citations, confidence, kind, ...emphasis };
  }

  return { answer, candidates };
}

function dateSpan(news: NewsIndex): { first: string; last: string; count: number } {
  let first = "";
  let last = "";
  for (const a of news.articles) {
    const d = a.date;
    if (!d) continue;
    if (first === "" || d < first) first = d;
    if (d > last) last = d;
  }
  return { first, last, count: news.articles.length };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

// The answer pipeline with its two optional model steps: the question embedded once for hybrid
// retrieval, and a writer that drafts the answer from the top passages. The extractive answer is
// always computed first; it is what is shown when the draft fails verification, the model fails
// or is too slow, and when no model is configured (then this is exactly the offline answer).
import type { Answer, Answerer, AskOptions } from "../answer/answerer.ts";
import { cite } from "../answer/cite.ts";
import type { Article } from "../corpus/article.ts";
import { type Messages, messages } from "../i18n/messages.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { type DraftWriter, type Embedder, failureReason, type ModelEvent, withDeadline } from "./ports.ts";
import { answerMessages, type Passage } from "./prompts.ts";
import { selectPassages } from "./select-passages.ts";
import type { VectorIndex } from "./vector-index.ts";
import { verifyDraft } from "./verify-draft.ts";

export interface GroundedOptions {
  readonly writer?: DraftWriter;
  readonly embedder?: Embedder;
  /** The passage vectors (hybrid retrieval needs both the embedder and these). */
  readonly vectors?: VectorIndex;
  /** Time allowed for the model steps of one answer, in ms. Default 8,000. */
  readonly deadlineMs?: number;
  /** Passages sent to the writer. Default 5. */
  readonly passages?: number;
  /** Articles taken from the nearest vectors. Default 15. */
  readonly nearest?: number;
  readonly locale?: "fr" | "en";
  readonly onEvent?: (event: ModelEvent) => void;
}

export interface GroundedAnswerer {
  answer(question: string, ask?: AskOptions): Promise<Answer>;
}

/** What one grounded answerer holds: its ports, settings and wording. */
interface GroundedContext {
  readonly news: NewsIndex;
  readonly answerer: Answerer;
  readonly options: GroundedOptions;
  readonly text: Messages;
  readonly deadline: number;
  readonly emit: (event: ModelEvent) => void;
}

/** Without a writer or an embedder, the answers are the offline ones, and nothing is sent. */
export function createGroundedAnswerer(
  news: NewsIndex,
  answerer: Answerer,
  options: GroundedOptions,
): GroundedAnswerer {
  const cx: GroundedContext = {
    news,
    answerer,
    options,
    text: messages(options.locale ?? "fr"),
    deadline: options.deadlineMs ?? 8000,
    emit: options.onEvent ?? (() => {}),
  };
  return { answer: (question, ask = {}) => answer(cx, question, ask) };
}

async function answer(cx: GroundedContext, question: string, ask: AskOptions): Promise<Answer> {
  // let the platform's acknowledgement (sent just before) leave before the local pipeline runs
  await new Promise((resolve) => setTimeout(resolve, 0));
  const embedding = Date.now();
  const semantic = await nearestArticles(cx, question, ask);
  const spent = Date.now() - embedding;
  const withVectors: AskOptions = semantic ? { ...ask, semantic } : ask;
  const extractive = cx.answerer.answer(question, withVectors);
  const writer = cx.options.writer;
  if (!writer) return extractive;
  // nothing to ask a model about: an empty question, a name or a period the archive lacks
  if (!extractive.found && extractive.why !== "unsure" && extractive.why !== "unfit") return extractive;
  const { reading, scored } = cx.answerer.candidates(question, withVectors);
  const passages = selectPassages(cx.news, scored, semantic, { count: cx.options.passages ?? 5 });
  if (passages.length === 0) return extractive;
  // the deadline counts the model's time only: the local pipeline is the same with or without it
  const started = Date.now() - spent;
  let draft: string;
  try {
    draft = await draftFor(cx, writer, question, reading.lang, passages, spent);
  } catch (error) {
    cx.emit({
      type: "draft",
      purpose: "answer",
      outcome: "failed",
      reason: failureReason(error),
      ms: Date.now() - started,
    });
    return extractive;
  }
  return verifiedAnswer(cx, writer, draft, passages, extractive, started);
}

async function nearestArticles(
  cx: GroundedContext,
  question: string,
  ask: AskOptions,
): Promise<number[] | undefined> {
  const { embedder, vectors } = cx.options;
  if (!embedder || !vectors || vectors.size === 0 || question.trim() === "") return undefined;
  const started = Date.now();
  try {
    const [vector] = await withDeadline((signal) => embedder.embed([question], signal), cx.deadline);
    cx.emit({ type: "embed-question", outcome: "ok", ms: Date.now() - started });
    const now = ask.now;
    const exists = now ? (doc: number) => (cx.news.articles[doc]?.date ?? "") <= now : undefined;
    return vector ? vectors.nearest(vector, cx.options.nearest ?? 15, exists) : undefined;
  } catch (error) {
    cx.emit({
      type: "embed-question",
      outcome: "failed",
      reason: failureReason(error),
      ms: Date.now() - started,
    });
    return undefined;
  }
}

/** `spent`: what the question's embedding already took of the deadline, in ms. */
async function draftFor(
  cx: GroundedContext,
  writer: DraftWriter,
  question: string,
  lang: "fr" | "en",
  passages: readonly Passage[],
  spent: number,
) {
  const left = Math.max(1, cx.deadline - spent);
  const messagesSent = answerMessages(question, lang, passages);
  return withDeadline(
    (signal) => writer.write({ messages: messagesSent, maxTokens: 300, purpose: "answer", signal }),
    left,
  );
}

/** The draft if verification accepts it; an abstention if the model abstained; else the extractive answer. */
function verifiedAnswer(
  cx: GroundedContext,
  writer: DraftWriter,
  draft: string,
  passages: readonly Passage[],
  extractive: Answer,
  started: number,
): Answer {
  const verdict = verifyDraft(
    draft,
    passages.map((p) => p.sent),
  );
  const ms = Date.now() - started;
  if (verdict.status === "abstained") {
    cx.emit({ type: "draft", purpose: "answer", outcome: "abstained", ms });
    return {
      found: false,
      answer: cx.text.noAnswer,
      citations: [],
      confidence: 0,
      kind: extractive.kind,
      why: "unsure",
    };
  }
  if (verdict.status === "rejected") {
    cx.emit({
      type: "draft",
      purpose: "answer",
      outcome: "rejected",
      reason: verdict.reason,
      detail: verdict.detail,
      ms,
    });
    return extractive;
  }
  cx.emit({ type: "draft", purpose: "answer", outcome: "verified", ms });
  const citations = verdict.cited.map((i) => {
    const p = passages[i] as Passage;
    return cite(cx.news.articles[p.doc] as Article, p.quote);
  });
  return {
    found: true,
    answer: verdict.text,
    citations,
    confidence: extractive.confidence,
    kind: extractive.kind,
    writtenBy: writer.model,
  };
}

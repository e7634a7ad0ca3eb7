// The ports through which the core reaches an optional model: a writer that turns messages into a
// draft, and an embedder that turns texts into vectors. Implemented outside the core (src/model/,
// over an OpenAI-compatible HTTP API); the core never knows where they run, and without them it
// answers exactly as it does offline.

export interface ChatMessage {
  readonly role: "system" | "user";
  readonly content: string;
}

export interface DraftRequest {
  readonly messages: readonly ChatMessage[];
  /** Most tokens the draft may take. */
  readonly maxTokens: number;
  readonly purpose: "answer" | "summary";
  /** Aborted when the caller's deadline passes. */
  readonly signal?: AbortSignal;
}

export interface DraftWriter {
  /** The model's name, shown under a written answer. */
  readonly model: string;
  /** The draft's text; throws when no draft could be had (timeout, budget, HTTP error, bad reply). */
  write(request: DraftRequest): Promise<string>;
}

export interface Embedder {
  /** The model's name: cached vectors are keyed by it and recomputed when it changes. */
  readonly model: string;
  /** One vector per text, in order; throws when the endpoint fails. */
  embed(texts: readonly string[], signal?: AbortSignal): Promise<number[][]>;
}

/** What the model steps report, for logs and counters. */
export type ModelEvent =
  | {
      readonly type: "draft";
      readonly purpose: "answer" | "summary";
      /** verified: shown; abstained: "the passages do not say"; rejected / failed: the extractive text is shown. */
      readonly outcome: "verified" | "abstained" | "rejected" | "failed";
      /** Why a draft was rejected (`number`, `name`…) or failed (`timeout`, `budget`…). */
      readonly reason?: string;
      readonly detail?: string;
      readonly ms: number;
    }
  | {
      readonly type: "embed-question";
      readonly outcome: "ok" | "failed";
      readonly reason?: string;
      readonly ms: number;
    };

export class DeadlineError extends Error {
  override name = "DeadlineError";
}

/** Run `task` with a signal aborted after `ms`; rejects with a DeadlineError then, whatever the task does. */
export function withDeadline<T>(task: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = new DeadlineError(`no reply within ${ms} ms`);
      controller.abort(error);
      reject(error);
    }, ms);
    task(controller.signal).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** A short reason for a failure, for logs and counters (never the article text). */
export function failureReason(error: unknown): string {
  if (error instanceof DeadlineError) return "timeout";
  const e = error as { code?: unknown; name?: unknown };
  if (typeof e.code === "string") return e.code;
  return typeof e.name === "string" ? e.name : "error";
}

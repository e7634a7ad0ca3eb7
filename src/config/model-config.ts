// The model variables (all optional): an OpenAI-compatible chat endpoint for written answers and
// summaries, an embeddings endpoint for hybrid retrieval, one API key for both, a daily token
// budget and a timeout. With neither URL set, no model step runs and no article text leaves the
// machine. A URL without its model (or a model without its URL) is a configuration error.
import { z } from "zod";
import type { Locale } from "../core/i18n/messages.ts";
import type { ConfigMessages } from "./config-messages.ts";

export interface ModelEndpoint {
  /** The API base (`http://localhost:11434/v1`) or the endpoint itself. */
  readonly url: string;
  readonly model: string;
  readonly apiKey?: string;
}

export interface ModelConfig {
  readonly llm?: ModelEndpoint;
  readonly embed?: ModelEndpoint;
  /** Chat tokens per day (UTC); undefined = no limit. */
  readonly dailyTokens?: number;
  /** Time allowed for the model steps of one answer (retries included), in ms. */
  readonly timeoutMs: number;
}

export const MODEL_ENV_DOC: readonly { name: string; doc: string; example?: string }[] = [
  {
    name: "NEWSBOT_LLM_URL",
    doc: "Optional: an OpenAI-compatible chat API base (e.g. http://localhost:11434/v1 for Ollama) that writes answers and story summaries from the cited passages, checked before they are shown; unset, no article text leaves the machine",
  },
  { name: "NEWSBOT_LLM_MODEL", doc: "The chat model's name, required with NEWSBOT_LLM_URL" },
  {
    name: "NEWSBOT_LLM_API_KEY",
    doc: "API key sent as a bearer token to both model endpoints, if they need one",
  },
  {
    name: "NEWSBOT_EMBED_URL",
    doc: "Optional: an OpenAI-compatible embeddings API base, for retrieval that also finds paraphrases (passage vectors cached in the database)",
  },
  { name: "NEWSBOT_EMBED_MODEL", doc: "The embedding model's name, required with NEWSBOT_EMBED_URL" },
  {
    name: "NEWSBOT_LLM_DAILY_TOKENS",
    doc: "Most chat tokens spent per day (UTC); past it, answers are the offline ones until midnight (default 0: no limit)",
    example: "0",
  },
  {
    name: "NEWSBOT_LLM_TIMEOUT_MS",
    doc: "Time allowed for the model steps of one answer, retries included, 500 to 60000 ms; past it the offline answer is shown (default 8000)",
    example: "8000",
  },
];

/** A whole number from `min` to `max`, written in digits (every count variable reads this way). */
export function envCount(t: ConfigMessages, min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, t.expectCount(min, max))
    .transform(Number)
    .refine((n) => n >= min && n <= max, t.expectCount(min, max));
}

export function modelEnvShape(t: ConfigMessages) {
  const url = z
    .string()
    .trim()
    .regex(/^https?:\/\/\S+$/, t.expectUrl);
  const text = z.string().trim().min(1, t.expectText);
  const count = (min: number, max: number) => envCount(t, min, max);
  return {
    NEWSBOT_LLM_URL: url.optional(),
    NEWSBOT_LLM_MODEL: text.optional(),
    NEWSBOT_LLM_API_KEY: text.optional(),
    NEWSBOT_EMBED_URL: url.optional(),
    NEWSBOT_EMBED_MODEL: text.optional(),
    NEWSBOT_LLM_DAILY_TOKENS: count(0, 1_000_000_000).default(0),
    NEWSBOT_LLM_TIMEOUT_MS: count(500, 60_000).default(8000),
  };
}

type ModelEnv = z.output<z.ZodObject<ReturnType<typeof modelEnvShape>>>;

const WHY = {
  fr: (other: string) => `avec ${other}`,
  en: (other: string) => `with ${other}`,
};

/** The model configuration, or the problems (each naming its variable) pushed onto `problems`. */
export function modelConfigOf(
  e: ModelEnv,
  t: ConfigMessages,
  locale: Locale,
  problems: string[],
): ModelConfig | undefined {
  const pair = (urlName: string, url?: string, modelName?: string, model?: string) => {
    if (url && !model) problems.push(t.configMissing(modelName ?? "", WHY[locale](urlName)));
    if (model && !url) problems.push(t.configMissing(urlName, WHY[locale](modelName ?? "")));
    return url && model
      ? { url, model, ...(e.NEWSBOT_LLM_API_KEY ? { apiKey: e.NEWSBOT_LLM_API_KEY } : {}) }
      : undefined;
  };
  const llm = pair("NEWSBOT_LLM_URL", e.NEWSBOT_LLM_URL, "NEWSBOT_LLM_MODEL", e.NEWSBOT_LLM_MODEL);
  const embed = pair("NEWSBOT_EMBED_URL", e.NEWSBOT_EMBED_URL, "NEWSBOT_EMBED_MODEL", e.NEWSBOT_EMBED_MODEL);
  if (!llm && !embed) return undefined;
  return {
    ...(llm ? { llm } : {}),
    ...(embed ? { embed } : {}),
    ...(e.NEWSBOT_LLM_DAILY_TOKENS > 0 ? { dailyTokens: e.NEWSBOT_LLM_DAILY_TOKENS } : {}),
    timeoutMs: e.NEWSBOT_LLM_TIMEOUT_MS,
  };
}

// POSTing JSON to an OpenAI-compatible endpoint with the global fetch: the API key as a bearer
// token, each attempt bounded by the time left, 429 and 5xx answers and network failures retried
// with exponential backoff (p-retry; a Retry-After under the time left is honoured), any other
// status or an unreadable body reported as a ModelError with a short reason — never a hang.
import pRetry, { AbortError } from "p-retry";

export class ModelError extends Error {
  override name = "ModelError";
  constructor(
    /** `http-429`, `http-500`, `http-401`, `malformed`, `network`, `timeout`… (counters, logs). */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface HttpClientOptions {
  /** The endpoint's full URL (`…/v1/chat/completions`). */
  readonly url: string;
  readonly apiKey?: string;
  /** Longest time for one call, retries included, in ms. */
  readonly timeoutMs: number;
  /** Retries after a 429, a 5xx or a network failure. Default 2. */
  readonly retries?: number;
  /** First backoff, in ms (doubled at each retry). Default 250. */
  readonly backoffMs?: number;
  /** Told of each failed attempt (for the logs). */
  readonly onRetry?: (code: string, attempt: number) => void;
}

export interface HttpClient {
  readonly url: string;
  postJson(body: unknown, signal?: AbortSignal): Promise<unknown>;
}

const retryable = (status: number) => status === 429 || status >= 500;

async function attempt(options: HttpClientOptions, body: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(options.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      },
      body,
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw new AbortError(new ModelError("timeout", `no reply from ${options.url}`));
    throw new ModelError("network", `${options.url}: ${(error as Error).message}`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    const error = new ModelError(
      `http-${response.status}`,
      `${options.url} answered HTTP ${response.status}`,
    );
    if (!retryable(response.status)) throw new AbortError(error);
    (error as ModelError & { retryAfter?: string | null }).retryAfter = response.headers.get("retry-after");
    throw error;
  }
  try {
    return await response.json();
  } catch {
    throw new AbortError(new ModelError("malformed", `${options.url} answered with a body that is not JSON`));
  }
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  return {
    url: options.url,
    async postJson(payload, outer) {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
      const body = JSON.stringify(payload);
      try {
        return await pRetry(() => attempt(options, body, signal), {
          retries: options.retries ?? 2,
          minTimeout: options.backoffMs ?? 250,
          factor: 2,
          maxRetryTime: options.timeoutMs,
          signal,
          onFailedAttempt: async ({ error, attemptNumber }) => {
            options.onRetry?.((error as ModelError).code ?? "error", attemptNumber);
            const after = Number((error as { retryAfter?: string | null }).retryAfter);
            // a Retry-After within the time allowed is waited for on top of the backoff; a longer one ends the call
            if (!Number.isFinite(after) || after <= 0) return;
            if (after * 1000 >= options.timeoutMs) throw error;
            await new Promise((resolve) => setTimeout(resolve, after * 1000));
          },
        });
      } catch (error) {
        if (signal.aborted && !(error instanceof ModelError && error.code !== "network"))
          throw new ModelError("timeout", `no reply from ${options.url} within ${options.timeoutMs} ms`);
        throw error;
      }
    },
  };
}

/** `http://host/v1` or the endpoint itself → the endpoint (`…/v1/chat/completions`). */
export function endpointUrl(base: string, path: "chat/completions" | "embeddings"): string {
  const trimmed = base.replace(/\/+$/, "");
  return trimmed.endsWith(`/${path}`) ? trimmed : `${trimmed}/${path}`;
}

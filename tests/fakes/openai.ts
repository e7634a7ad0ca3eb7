// A local fake of an OpenAI-compatible API (`/v1/chat/completions`, `/v1/embeddings`), a network
// edge like the Slack and Discord fakes: chat replies come from a script (one entry per request,
// the last one repeated), each a JSON reply, an HTTP status, a body that is not JSON, or a delay;
// embeddings are bag-of-words vectors of the folded words, so texts sharing words are near. Every
// request is recorded (path, body, authorization).
import type { Server } from "node:http";
import { close, listen, readBody, sendJson } from "./http.ts";

export interface ChatRequestBody {
  readonly model: string;
  readonly messages: readonly { role: string; content: string }[];
  readonly max_tokens?: number;
}

export type ScriptStep =
  | { readonly reply: string | ((body: ChatRequestBody) => string); readonly tokens?: number }
  | { readonly status: number; readonly retryAfter?: number }
  | { readonly raw: string }
  | { readonly json: unknown }
  | { readonly delayMs: number; readonly next?: ScriptStep };

export interface RecordedRequest {
  readonly path: string;
  readonly body: unknown;
  readonly authorization?: string;
}

export interface FakeOpenAi {
  /** The API base (`http://127.0.0.1:port/v1`). */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Replace the chat script (the last step repeats). */
  script(steps: readonly ScriptStep[]): void;
  chatRequests(): ChatRequestBody[];
  embeddingInputs(): string[][];
  close(): Promise<void>;
}

const DIMENSION = 64;

/** A bag of folded words hashed into 64 dimensions: texts sharing words get near vectors. */
export function bagOfWords(text: string): number[] {
  const v = new Array<number>(DIMENSION).fill(0);
  const words = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .match(/\p{L}{4,}/gu);
  for (const w of words ?? []) {
    let h = 2166136261;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
    const slot = (h >>> 0) % DIMENSION;
    v[slot] = (v[slot] ?? 0) + 1;
  }
  v[0] = (v[0] ?? 0) + 0.01; // never the zero vector
  return v;
}

/** The passage number `[n]` whose text contains `needle`, in a chat request's user message. */
export function passageWith(body: ChatRequestBody, needle: string): number {
  const user = body.messages.find((m) => m.role === "user")?.content ?? "";
  for (const block of user.split(/\n\n(?=\[\d+\] )/)) {
    const passage = block.replace(/^[\s\S]*?Passages:\n/, "");
    const m = /^\[(\d+)\] /.exec(passage);
    if (m && passage.includes(needle)) return Number(m[1]);
  }
  throw new Error(`no passage sent contains ${needle}`);
}

export const chatReply = (content: string, tokens = 120) => ({
  id: "chatcmpl-fake",
  object: "chat.completion",
  choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
  usage: { prompt_tokens: tokens - 20, completion_tokens: 20, total_tokens: tokens },
});

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  let steps: readonly ScriptStep[] = [{ reply: "Les passages ne le disent pas." }];
  let served = 0;
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  async function play(step: ScriptStep, body: ChatRequestBody, res: import("node:http").ServerResponse) {
    if ("delayMs" in step) {
      await wait(step.delayMs);
      if (res.destroyed || res.writableEnded) return;
      return play(step.next ?? { reply: "trop tard" }, body, res);
    }
    if ("status" in step) {
      res.writeHead(step.status, {
        "content-type": "application/json",
        ...(step.retryAfter !== undefined ? { "retry-after": String(step.retryAfter) } : {}),
      });
      res.end(JSON.stringify({ error: { message: "scripted failure" } }));
      return;
    }
    if ("raw" in step) {
      res.writeHead(200, { "content-type": "application/json" }).end(step.raw);
      return;
    }
    if ("json" in step) return sendJson(res, 200, step.json);
    const text = typeof step.reply === "function" ? step.reply(body) : step.reply;
    sendJson(res, 200, chatReply(text, step.tokens));
  }

  const { server, url } = await listen(async (req, res) => {
    const raw = await readBody(req);
    const body = JSON.parse(raw || "{}") as unknown;
    const path = req.url ?? "";
    requests.push({
      path,
      body,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    if (path === "/v1/embeddings") {
      const input = (body as { input: string[] }).input;
      sendJson(res, 200, {
        object: "list",
        data: input.map((text, index) => ({ object: "embedding", index, embedding: bagOfWords(text) })),
        usage: { total_tokens: input.length * 10 },
      });
      return;
    }
    if (path !== "/v1/chat/completions") return sendJson(res, 404, { error: "not found" });
    const step = steps[Math.min(served, steps.length - 1)] as ScriptStep;
    served++;
    await play(step, body as ChatRequestBody, res);
  });

  return {
    url: `${url}/v1`,
    requests,
    script(next) {
      steps = next;
      served = 0;
    },
    chatRequests: () =>
      requests.filter((r) => r.path === "/v1/chat/completions").map((r) => r.body as ChatRequestBody),
    embeddingInputs: () =>
      requests.filter((r) => r.path === "/v1/embeddings").map((r) => (r.body as { input: string[] }).input),
    async close() {
      for (const t of timers) clearTimeout(t);
      await close(server as Server);
    },
  };
}

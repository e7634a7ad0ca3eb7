// The DraftWriter over an OpenAI-compatible `/v1/chat/completions`: temperature 0, the token
// budget checked before the call and charged after it, the reply validated with zod (a reply
// without a message text is `malformed`), every call counted with its latency.
import { z } from "zod";
import type { DraftRequest, DraftWriter } from "../core/grounded/ports.ts";
import { type HttpClient, ModelError } from "./http-client.ts";
import type { ModelStats } from "./model-stats.ts";
import type { TokenBudget } from "./token-budget.ts";

const ChatReply = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
  usage: z.object({ total_tokens: z.number().nonnegative() }).partial().optional(),
});

export interface ChatWriterOptions {
  readonly client: HttpClient;
  readonly model: string;
  readonly budget: TokenBudget;
  readonly stats: ModelStats;
}

/** About four characters a token: what a call is charged when the endpoint reports no usage. */
const estimateTokens = (request: DraftRequest, reply: string) =>
  Math.ceil((request.messages.reduce((n, m) => n + m.content.length, 0) + reply.length) / 4);

export function createChatWriter(options: ChatWriterOptions): DraftWriter {
  const { client, model, budget, stats } = options;
  return {
    model,
    async write(request) {
      if (budget.left() < request.maxTokens) {
        stats.call("chat", "budget", 0);
        throw new ModelError("budget", "the daily token budget (NEWSBOT_LLM_DAILY_TOKENS) is spent");
      }
      const started = Date.now();
      try {
        const raw = await client.postJson(
          {
            model,
            messages: request.messages,
            max_tokens: request.maxTokens,
            temperature: 0,
            stream: false,
          },
          request.signal,
        );
        const parsed = ChatReply.safeParse(raw);
        if (!parsed.success) throw new ModelError("malformed", `${client.url}: no message in the reply`);
        const text = parsed.data.choices[0]?.message.content ?? "";
        budget.spend(parsed.data.usage?.total_tokens ?? estimateTokens(request, text));
        stats.call("chat", "ok", Date.now() - started);
        return text;
      } catch (error) {
        stats.call("chat", error instanceof ModelError ? error.code : "error", Date.now() - started);
        throw error;
      }
    },
  };
}

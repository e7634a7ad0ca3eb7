// The reply for an answer a model wrote from the passages: the written text with its `[n]`, then
// each cited passage quoted verbatim with its source — the same quotes and numbered sources as an
// extractive answer — and a line saying which model wrote it and that it was checked.
import type { Answer } from "../answer/answerer.ts";
import type { Locale } from "../i18n/messages.ts";
import { messages } from "../i18n/messages.ts";
import { type Block, type Reply, reply, type SourceRef } from "./reply.ts";

export function writtenAnswerReply(answer: Answer, locale: Locale = "fr"): Reply {
  const m = messages(locale);
  const sources: SourceRef[] = answer.citations.map((c) => ({
    id: c.id,
    title: c.title,
    ...(c.date ? { date: c.date } : {}),
    ...(c.url ? { url: c.url } : {}),
    ...(c.source ? { source: c.source } : {}),
  }));
  const blocks: Block[] = [{ type: "paragraph", text: answer.answer }];
  answer.citations.forEach((c, i) => {
    blocks.push({ type: "quote", text: c.quote, ...(sources[i] ? { cite: sources[i] } : {}) });
  });
  if (sources.length > 0) blocks.push({ type: "sources", items: sources });
  blocks.push({ type: "context", text: m.writtenBy(answer.writtenBy ?? "?") });
  return reply(blocks, { title: messages(locale).answerTitle });
}

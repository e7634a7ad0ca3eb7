// Neutral replies for the lookups: a cited answer, a list of search results, one article, and
// the error reply every command falls back on. Plain text only (see reply.ts); the adapters escape
// and format it for their platform and split it to fit their limits.
import type { Answer, Citation } from "../answer/answerer.ts";
import type { Article, ArticleLookup } from "../corpus/article.ts";
import { formatArticleDate } from "../i18n/format-date.ts";
import { type Locale, messages } from "../i18n/messages.ts";
import type { SearchResult } from "../search/article-search.ts";
import type { TextRange } from "../text/text-range.ts";
import { type Block, type Reply, reply, type SourceRef } from "./reply.ts";
import { writtenAnswerReply } from "./written-answer-reply.ts";

const sourceOf = (c: Citation | Article): SourceRef => ({
  id: c.id,
  title: c.title,
  ...(c.date ? { date: c.date } : {}),
  ...(c.url ? { url: c.url } : {}),
  ...(c.source ? { source: c.source } : {}),
});

/** `15 janvier 2026 · VNA · id : 003_…` — the small print under an article. */
function articleMeta(a: { id: string; date?: string; source?: string }, locale: Locale): string {
  const t = messages(locale);
  return [formatArticleDate(a.date, locale) ?? messages(locale).undated, a.source, t.articleId(a.id)]
    .filter(Boolean)
    .join(" · ");
}

/**
 * The reply for an answer. `emphasis` (the answer's place in `answer.answer`) is read when the
 * answer carries it: `Answer` gains that optional property in the answer pipeline.
 */
export function answerReply(
  answer: Answer & { readonly emphasis?: readonly TextRange[] },
  locale: Locale = "fr",
): Reply {
  const t = messages(locale);
  if (answer.found && answer.writtenBy) return writtenAnswerReply(answer, locale);
  if (!answer.found) {
    return reply([{ type: "paragraph", text: answer.answer }], { title: t.noAnswerTitle, isError: true });
  }
  const [first] = answer.citations;
  const blocks: Block[] = [
    {
      type: "quote",
      text: answer.answer,
      ...(first ? { cite: sourceOf(first) } : {}),
      ...(answer.emphasis && answer.emphasis.length > 0 ? { emphasis: answer.emphasis } : {}),
    },
  ];
  if (answer.citations.length > 0) blocks.push({ type: "sources", items: answer.citations.map(sourceOf) });
  blocks.push({ type: "context", text: t.confidence(Math.round(answer.confidence * 100)) });
  return reply(blocks, { title: t.answerTitle });
}

/** `offset`: how many results came before these (a later page numbers on from there). */
export function searchReply(
  results: readonly SearchResult[],
  query: string,
  locale: Locale = "fr",
  offset = 0,
): Reply {
  const t = messages(locale);
  const title = t.searchTitle(query.length > 80 ? `${query.slice(0, 79)}…` : query);
  if (results.length === 0) {
    return reply([{ type: "paragraph", text: messages(locale).noResults }], { title, isError: true });
  }
  return reply(
    [
      {
        type: "fields",
        fields: results.map((r, i) => ({
          label: `${offset + i + 1}. ${r.title}`,
          value: [r.snippet, articleMeta(r, locale), r.url].filter(Boolean).join("\n"),
        })),
      },
      { type: "context", text: t.resultCount(results.length) },
    ],
    { title },
  );
}

export function articleReply(lookup: ArticleLookup, locale: Locale = "fr"): Reply {
  const m = messages(locale);
  if (lookup.status !== "found") {
    const text = lookup.status === "ambiguous" ? m.ambiguousArticle(lookup.id) : m.articleNotFound(lookup.id);
    return errorReply(text, locale);
  }
  const a = lookup.article;
  const paragraphs = a.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return reply(
    [
      { type: "context", text: articleMeta(a, locale) },
      ...paragraphs.map((text): Block => ({ type: "paragraph", text })),
      { type: "sources", items: [sourceOf(a)] },
    ],
    { title: a.title },
  );
}

/** A friendly, private error reply: what went wrong, and optionally what to type instead. */
export function errorReply(text: string, locale: Locale = "fr", hint?: string): Reply {
  const blocks: Block[] = [{ type: "paragraph", text }];
  if (hint) blocks.push({ type: "context", text: hint });
  return reply(blocks, { title: messages(locale).errorTitle, isError: true, visibility: "private" });
}

// Plain-text rendering of core results for the terminal.
import type { Answer } from "../core/answer/answerer.ts";
import type { Article } from "../core/corpus/article.ts";
import { formatArticleDate } from "../core/i18n/format-date.ts";
import { messages } from "../core/i18n/messages.ts";
import type { SearchResult } from "../core/search/article-search.ts";

export function answerText(a: Answer): string {
  if (!a.found) return a.answer;
  const t = messages("fr");
  const lines = [`« ${a.answer} »`];
  a.citations.forEach((c, i) => {
    const date = formatArticleDate(c.date) ?? t.undated;
    const head = i === 0 ? "—" : `  [${i + 1}]`;
    lines.push(`${head} ${c.title} (${date}) · ${c.id}${c.url ? ` · ${c.url}` : ""}`);
  });
  return lines.join("\n");
}

export function searchText(results: readonly SearchResult[]): string {
  if (results.length === 0) return messages("fr").noResults;
  return results
    .map(
      (r, i) =>
        `${i + 1}. ${r.title} (${formatArticleDate(r.date) ?? messages("fr").undated}) · ${r.id}\n   ${r.snippet}`,
    )
    .join("\n");
}

export function articleText(a: Article): string {
  const meta = [formatArticleDate(a.date), a.source, a.url].filter(Boolean).join(" · ");
  return `${a.title}\n${meta ? `${meta}\n` : ""}id: ${a.id}\n\n${a.body}`;
}

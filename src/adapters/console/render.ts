// Neutral reply → readable terminal text: the title underlined, quotes in « », numbered sources,
// fields as indented label/value pairs. Nothing to escape (nobody is pinged in a terminal), but
// control characters from article text are stripped so they cannot drive the terminal. A quote's
// `emphasis` (the answer span) is not marked: the text stays plain for pipes, logs and tests.
import { formatArticleDate } from "../../core/i18n/format-date.ts";
import { type Locale, messages } from "../../core/i18n/messages.ts";
import type { Block, Reply, SourceRef } from "../../core/reply/reply.ts";

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const clean = (text: string) => text.replace(CONTROL, "");

function sourceLine(s: SourceRef, locale: Locale): string {
  const date = formatArticleDate(s.date, locale) ?? messages(locale).undated;
  return [s.title, date, s.source, s.id, s.url].filter(Boolean).join(" · ");
}

function block(b: Block, locale: Locale): string {
  switch (b.type) {
    case "heading":
      return clean(b.text).toUpperCase();
    case "paragraph":
      return clean(b.text);
    case "quote": {
      const cite = b.cite
        ? `\n  — ${clean(b.cite.title)} (${formatArticleDate(b.cite.date, locale) ?? messages(locale).undated})`
        : "";
      return `« ${clean(b.text)} »${cite}`;
    }
    case "list":
      return b.items
        .map(
          (item, i) =>
            `${b.ordered ? `${i + 1}.` : "•"} ${clean(item.text)}${item.url ? ` <${item.url}>` : ""}`,
        )
        .join("\n");
    case "fields":
      return b.fields.map((f) => `${clean(f.label)}\n${clean(f.value).replace(/^/gm, "    ")}`).join("\n");
    case "sources": {
      const head = b.items.length > 1 ? messages(locale).sources : messages(locale).source;
      return [
        `${head}${locale === "fr" ? " :" : ":"}`,
        ...b.items.map((s, i) => `  [${i + 1}] ${clean(sourceLine(s, locale))}`),
      ].join("\n");
    }
    case "context":
      return `(${clean(b.text)})`;
    case "divider":
      return "—".repeat(20);
  }
}

export function renderText(reply: Reply, locale: Locale = "fr"): string {
  const parts: string[] = [];
  if (reply.title) {
    const title = clean(reply.title);
    parts.push(`${title}\n${"─".repeat(Math.min(60, [...title].length))}`);
  }
  for (const b of reply.blocks) parts.push(block(b, locale));
  return parts.join("\n\n");
}

// A feed item as a channel sees it: its title, where and when it was published, its link and, in
// the `full` format, its opening lines — a neutral reply the adapters render and escape like any
// other (an item's text never pings anyone). Items kept with the feed's own text say so.
import type { Article } from "../src/core/corpus/article.ts";
import { formatArticleDate } from "../src/core/i18n/format-date.ts";
import type { Locale } from "../src/core/i18n/messages.ts";
import type { Block, Reply } from "../src/core/reply/reply.ts";
import type { FeedPostFormat } from "../src/storage/feed-channel-store.ts";

/** The opening of a `full` item, in characters (cut at a sentence or word end). */
const OPENING_MAX = 500;

function opening(body: string): string {
  const first = body.split(/\n\s*\n/)[0]?.trim() ?? "";
  if (first.length <= OPENING_MAX) return first;
  const cut = first.slice(0, OPENING_MAX);
  const sentence = cut.lastIndexOf(". ");
  return sentence > OPENING_MAX / 2 ? cut.slice(0, sentence + 1) : `${cut.replace(/\s+\S*$/, "")}…`;
}

export function feedItemReply(article: Article, format: FeedPostFormat, locale: Locale): Reply {
  const when = formatArticleDate(article.date, locale);
  const meta = [
    article.source,
    when,
    article.summary ? (locale === "en" ? "feed summary" : "résumé du flux") : undefined,
  ]
    .filter(Boolean)
    .join(" · ");
  const blocks: Block[] = [];
  if (meta) blocks.push({ type: "context", text: meta });
  if (format === "full" && article.body.trim())
    blocks.push({ type: "paragraph", text: opening(article.body) });
  blocks.push({
    type: "list",
    items: [{ text: article.url ?? article.id, ...(article.url ? { url: article.url } : {}) }],
  });
  return { title: article.title, blocks, visibility: "public" };
}

const words = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** Whether an item is for a channel: it names one of `filter` (if any) and none of `exclude` (word prefixes, accents ignored). */
export function itemMatches(
  article: Article,
  filter: readonly string[],
  exclude: readonly string[],
): boolean {
  const tokens = words(`${article.title} ${article.body}`);
  const names = (w: string) => {
    const [first, ...rest] = words(w);
    if (!first) return false;
    // a phrase ("banque centrale") is its words in a row
    return tokens.some(
      (t, i) => t.startsWith(first) && rest.every((r, j) => tokens[i + j + 1]?.startsWith(r)),
    );
  };
  if (filter.length > 0 && !filter.some(names)) return false;
  return !exclude.some(names);
}

// A feed item becomes an Article: from the feed's own full content when it carries enough text,
// otherwise from the linked page (fetched within limits, its main text extracted by Readability),
// then cleaned by the same rules as `newsbot import` (`importScrapedText`). When the page cannot be
// fetched or read, the feed's own text is kept, the article marked `summary` — never dropped. The id is derived from
// the item's identity, so the same item always gets the same id (`feed_<16 hex>`).
import { createHash } from "node:crypto";
import type { Article } from "../core/corpus/article.ts";
import { importScrapedText } from "../core/corpus/importer.ts";
import type { FeedItem, ParsedFeed } from "./feed-parser.ts";
import { extractArticle, htmlToLine, htmlToParagraphs } from "./html-text.ts";
import { type FetchLimits, type FetchText, fetchText, isHtmlContentType } from "./http.ts";

export interface ItemArticleOptions {
  /** Fewer words than this in the feed's content means "a summary": the page is fetched. Default 120. */
  minFullTextWords?: number;
  /** Limits for fetching article pages. Default 10 s, 2 MiB, 5 redirects. */
  page?: FetchLimits;
  fetchText?: FetchText;
}

/** The article id for a feed item: stable across polls, restarts and feeds. */
export function itemArticleId(item: Pick<FeedItem, "key" | "link">): string {
  return `feed_${createHash("sha256")
    .update(item.link ?? item.key)
    .digest("hex")
    .slice(0, 16)}`;
}

const wordCount = (paras: readonly string[]): number =>
  paras.reduce((n, p) => n + (p.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, "") : undefined;
  } catch {
    return undefined;
  }
}

/** Build the article for `item` of `feed` (fetching its page when needed). Throws on failure. */
export async function itemToArticle(
  item: FeedItem,
  feed: Pick<ParsedFeed, "title" | "lang" | "link"> & { url: string },
  options: ItemArticleOptions = {},
): Promise<{ article: Article; fromPage: boolean; summaryOnly: boolean; pageError?: string }> {
  const minWords = options.minFullTextWords ?? 120;
  const fetcher = options.fetchText ?? fetchText;
  let title = htmlToLine(item.title);
  let paragraphs = item.contentHtml ? htmlToParagraphs(item.contentHtml) : [];
  let date = item.date;
  let lang = item.lang ?? feed.lang;
  let fromPage = false;
  let summaryOnly = false;
  let pageError: string | undefined;
  if (wordCount(paragraphs) < minWords) {
    if (!item.link) {
      const summary = item.summaryHtml ? htmlToParagraphs(item.summaryHtml) : [];
      if (wordCount(paragraphs) === 0 && wordCount(summary) === 0)
        throw new Error("the item has no text and no link to fetch");
      if (wordCount(summary) > wordCount(paragraphs)) paragraphs = summary;
    } else {
      // what the feed itself gave: kept, marked as a summary, when the page cannot be had
      const summary = item.summaryHtml ? htmlToParagraphs(item.summaryHtml) : [];
      const feedText = wordCount(summary) > wordCount(paragraphs) ? summary : paragraphs;
      let extracted: ReturnType<typeof extractArticle> | undefined;
      try {
        const page = await fetcher(item.link, {
          timeoutMs: options.page?.timeoutMs ?? 10_000,
          maxBytes: options.page?.maxBytes ?? 2 * 1024 * 1024,
          maxRedirects: options.page?.maxRedirects ?? 5,
          accept: (type) => type === "" || isHtmlContentType(type),
          expected: "an HTML page",
          headers: { accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1" },
        });
        extracted = extractArticle(page.text);
      } catch (error) {
        if (wordCount(feedText) === 0) throw error;
        pageError = error instanceof Error ? error.message : String(error);
      }
      if (extracted && wordCount(extracted.paragraphs) > 0) {
        paragraphs = extracted.paragraphs;
        if (!title && extracted.title) title = extracted.title;
        date ??= extracted.date;
        lang ??= extracted.lang;
        fromPage = true;
      } else if (wordCount(feedText) > 0) {
        paragraphs = feedText;
        summaryOnly = true;
      } else {
        throw new Error("the item's page has no readable text and the feed gave none");
      }
    }
  }
  if (!title) throw new Error("the item has no title");
  const id = itemArticleId(item);
  const source = feed.title ? htmlToLine(feed.title) : hostOf(item.link ?? feed.link ?? feed.url);
  const { article } = importScrapedText([title, ...paragraphs].join("\n\n"), {
    fileName: id,
    lang: lang ?? "fr",
    ...(source ? { source } : {}),
  });
  let url: string | undefined;
  try {
    url = item.link ? new URL(item.link).href : undefined;
  } catch {
    url = undefined;
  }
  return {
    article: {
      ...article,
      ...(date ? { date } : {}),
      ...(url ? { url } : {}),
      ...(summaryOnly ? { summary: true as const } : {}),
    },
    fromPage,
    summaryOnly,
    ...(pageError ? { pageError } : {}),
  };
}

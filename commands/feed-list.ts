// A feed's health as `/news feeds` shows it, in one place: last success and counts, the last error
// (current, or the previous one when the feed has recovered since) and the items waiting for a retry.

import { formatArticleDate } from "../src/core/i18n/format-date.ts";
import type { Locale } from "../src/core/i18n/messages.ts";
import { commandMessages } from "./messages.ts";
import type { FeedView } from "./ports.ts";

const when = (iso: string | undefined, never: string, locale: Locale) =>
  iso ? `${formatArticleDate(iso.slice(0, 10), locale) ?? iso} ${iso.slice(11, 16)} UTC` : never;

/** The status lines of one feed, most important first. */
export function feedStatusLines(f: FeedView, locale: Locale): string[] {
  const t = commandMessages(locale);
  const lines = [t.feedStatus(when(f.lastSuccessAt, t.feedNever, locale), f.articlesAdded, f.duplicates)];
  if (f.lastError && (!f.lastSuccessAt || (f.lastErrorAt ?? "") > f.lastSuccessAt))
    lines.push(t.feedLastError(when(f.lastErrorAt, t.feedNever, locale), f.failures, f.lastError));
  else if (f.lastError)
    lines.push(t.feedPreviousError(when(f.lastErrorAt, t.feedNever, locale), f.lastError));
  if (f.failedItems > 0) lines.push(t.feedFailedItems(f.failedItems));
  return lines;
}

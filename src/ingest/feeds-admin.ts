// What `/news feeds` and `/news feeds add <url>` need, as plain data and plain text: the list of
// feeds with their health and counts, and adding a feed after validating its URL (http(s), no
// credentials, no literal internal address or local name — judged by the one outbound guard,
// which judges resolved names again when the feed is fetched) and, when a probe is given,
// checking that the URL really serves an RSS or Atom feed.

import type { AddFeedResult, FeedView } from "../../commands/ports.ts";
import type { Locale } from "../core/i18n/messages.ts";
import type { Feed, FeedStore } from "../storage/feed-store.ts";
import { parseFeed } from "./feed-parser.ts";
import { type FetchText, fetchText, isFeedContentType } from "./http.ts";
import { ingestMessages } from "./ingest-messages.ts";
import { blockedHost } from "./outbound-guard.ts";

export async function listFeeds(store: FeedStore): Promise<FeedView[]> {
  const failures = new Map<number, number>();
  for (const f of await store.listFailures()) failures.set(f.feedId, (failures.get(f.feedId) ?? 0) + 1);
  return (await store.listFeeds()).map((f: Feed) => ({
    id: f.id,
    url: f.url,
    failures: f.failures,
    articlesAdded: f.articlesAdded,
    duplicates: f.duplicates,
    failedItems: failures.get(f.id) ?? 0,
    ...(f.title ? { title: f.title } : {}),
    ...(f.lastSuccessAt ? { lastSuccessAt: f.lastSuccessAt } : {}),
    ...(f.lastError ? { lastError: f.lastError } : {}),
    ...(f.lastErrorAt ? { lastErrorAt: f.lastErrorAt } : {}),
    ...(f.nextAttemptAt ? { nextAttemptAt: f.nextAttemptAt } : {}),
  }));
}

export type UrlCheck = { ok: true; url: string } | { ok: false; error: string };

/** A feed URL a channel manager may add: absolute http(s), no credentials, a public host. */
export function validateFeedUrl(
  input: string,
  options: { allowPrivateHosts?: boolean; locale?: Locale } = {},
): UrlCheck {
  const p = ingestMessages(options.locale ?? "fr").feedProblem;
  const raw = input.trim().replace(/^<|>$/g, ""); // Slack wraps links in <…>
  if (raw.length === 0) return { ok: false, error: p.empty() };
  if (raw.length > 2048) return { ok: false, error: p.tooLong() };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: p.invalid(raw) };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, error: p.scheme() };
  if (url.username || url.password) return { ok: false, error: p.credentials() };
  if (!options.allowPrivateHosts && blockedHost(url.hostname) !== undefined)
    return { ok: false, error: p.privateHost(url.hostname) };
  url.hash = "";
  return { ok: true, url: url.href };
}

export interface AddFeedOptions {
  addedBy: string;
  now?: () => Date;
  allowPrivateHosts?: boolean;
  /** Language of the messages. Default French. */
  locale?: Locale;
  /** Fetch the URL and check it is a feed before adding it. Default true. */
  probe?: boolean;
  fetchText?: FetchText;
}

/** `/news feeds add <url>`: validate, optionally probe, then store (an existing URL is not added twice). */
export async function addFeed(
  store: FeedStore,
  input: string,
  options: AddFeedOptions,
): Promise<AddFeedResult> {
  const locale = options.locale ?? "fr";
  const check = validateFeedUrl(input, {
    locale,
    ...(options.allowPrivateHosts ? { allowPrivateHosts: true } : {}),
  });
  if (!check.ok) return { ok: false, message: check.error };
  let title: string | undefined;
  if (options.probe ?? true) {
    try {
      const fetched = await (options.fetchText ?? fetchText)(check.url, {
        timeoutMs: 10_000,
        maxBytes: 5 * 1024 * 1024,
        accept: isFeedContentType,
        expected: "an RSS or Atom feed",
        allowPrivateHosts: options.allowPrivateHosts === true,
      });
      const parsed = parseFeed(fetched.text);
      title = parsed.title;
    } catch (error) {
      return { ok: false, message: ingestMessages(locale).feedProblem.probe((error as Error).message) };
    }
  }
  const { feed, created } = await store.addFeed(
    check.url,
    options.addedBy,
    (options.now?.() ?? new Date()).toISOString(),
  );
  const name = title ?? feed.title ?? feed.url;
  return {
    ok: true,
    feed,
    created,
    message: created ? ingestMessages(locale).feedAdded(name) : ingestMessages(locale).feedExists(name),
  };
}

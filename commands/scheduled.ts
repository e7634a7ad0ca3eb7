// What a scheduled post says, built at the command layer like every other reply: a digest of what
// is new in a channel since its last one (articles already sent there excluded), or a team
// briefing when its topic has new sources. With nothing new, a one-line "nothing new" post: a
// silent bot cannot be told from a broken one, and one line a day costs the channel little.
import { buildBriefing } from "../src/core/briefing/briefing.ts";
import { briefingReply } from "../src/core/briefing/briefing-reply.ts";
import { buildDigest, digestReply } from "../src/core/digest/digest.ts";
import { botMessages } from "../src/core/i18n/bot-messages.ts";
import { chatMessages } from "../src/core/i18n/chat-messages.ts";
import { formatArticleDate } from "../src/core/i18n/format-date.ts";
import type { Locale } from "../src/core/i18n/messages.ts";
import type { NewsCore } from "../src/core/news-core.ts";
import { type Reply, reply } from "../src/core/reply/reply.ts";
import type { DigestFormat } from "../src/storage/subscription-store.ts";
import { COMPACT_STORIES, compactNote, THREAD_STORIES, threadDigest } from "./digest-layout.ts";

export interface ScheduledContent {
  readonly reply: Reply;
  /** Posted in the thread of the reply's first message (a threaded digest's other stories). */
  readonly thread?: Reply;
  /** The articles the post carries (digest: every story shown and its grouped sources). */
  readonly articleIds: readonly string[];
  /** Digests: the last day fully covered — where the next digest starts. */
  readonly coveredTo?: string;
  /** Nothing new: the reply is the one-line "nothing new". */
  readonly empty: boolean;
}

export interface ScheduledDigestOptions {
  readonly from: string;
  readonly to: string;
  readonly topic?: string;
  readonly excludeIds: ReadonlySet<string>;
  readonly maxItems?: number;
  /** Default: one reply, as long as it needs (the `digest` command's layout). */
  readonly format?: DigestFormat;
  /** The subscription's first digest (nothing was posted before). */
  readonly first?: boolean;
  /** The root command, named in a compact digest's note. Default `news`. */
  readonly root?: string;
}

export function scheduledDigest(core: NewsCore, locale: Locale, o: ScheduledDigestOptions): ScheduledContent {
  const digest = buildDigest(core.news, {
    from: o.from,
    to: o.to,
    excludeIds: o.excludeIds,
    ...(o.topic ? { topic: o.topic } : {}),
    ...(o.format === "compact"
      ? { maxItems: Math.min(o.maxItems ?? COMPACT_STORIES, COMPACT_STORIES) }
      : { maxItems: o.maxItems ?? (o.format === "thread" ? THREAD_STORIES : undefined) }),
  });
  if (digest.items.length === 0) {
    const t = botMessages(locale);
    // a channel's first digest says what it looked at: there was no "last digest" to compare with
    const day = (d: string) => formatArticleDate(d, locale) ?? d;
    const text = o.first
      ? chatMessages(locale).firstDigestEmpty(day(o.from), day(o.to), o.topic)
      : o.topic
        ? t.scheduledNothingNewTopic(o.topic)
        : t.scheduledNothingNew;
    return {
      reply: reply([{ type: "paragraph", text }], { visibility: "public" }),
      articleIds: [],
      coveredTo: o.to,
      empty: true,
    };
  }
  // More stories than one digest shows: the rest stay due, so the next digest starts where this
  // one did (the ones shown are excluded there) instead of skipping them.
  const complete = digest.items.length >= digest.storyCount;
  const full = digestReply(digest, locale);
  const more = digest.storyCount - digest.items.length - digest.minor.length;
  const layout =
    o.format === "thread"
      ? threadDigest(full, locale)
      : { head: o.format === "compact" ? compactNote(full, locale, more, o.root ?? "news") : full };
  return {
    reply: layout.head,
    ...(layout.thread ? { thread: layout.thread } : {}),
    articleIds: digest.coveredIds,
    coveredTo: complete ? o.to : o.from,
    empty: false,
  };
}

export function scheduledBrief(
  core: NewsCore,
  locale: Locale,
  o: { readonly topic: string; readonly knownIds: ReadonlySet<string> },
): ScheduledContent {
  const briefing = buildBriefing(core.news, o.topic);
  const ids = briefing.sources.map((s) => s.id);
  if (ids.length === 0 || ids.every((id) => o.knownIds.has(id))) {
    const text = botMessages(locale).scheduledBriefNothingNew(o.topic);
    return {
      reply: reply([{ type: "paragraph", text }], { visibility: "public" }),
      articleIds: [],
      empty: true,
    };
  }
  return {
    reply: { ...briefingReply(briefing, locale), visibility: "public" },
    articleIds: ids,
    empty: false,
  };
}

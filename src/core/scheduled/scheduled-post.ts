// What a scheduled post says and covers: a digest of what is new in a channel since its last one
// (articles already sent there excluded), or a team briefing when its topic has new sources. It
// sits in the core, below both the commands and the scheduler, so what a digest covers (its first
// and last day) is decided here alone. With nothing new, a one-line "nothing new" post: a
// silent bot cannot be told from a broken one, and one line a day costs the channel little.
import { buildBriefing } from "../briefing/briefing.ts";
import { briefingReply } from "../briefing/briefing-reply.ts";
import { buildDigest, digestReply } from "../digest/digest.ts";
import {
  COMPACT_STORIES,
  compactNote,
  type DigestFormat,
  THREAD_STORIES,
  threadDigest,
} from "../digest/digest-layout.ts";
import { writeBriefingKeyPoints, writeDigestSummaries } from "../grounded/story-summaries.ts";
import { formatArticleDate } from "../i18n/format-date.ts";
import type { Locale } from "../i18n/messages.ts";
import { messages } from "../i18n/messages.ts";
import type { NewsCore } from "../news-core.ts";
import { type Reply, reply } from "../reply/reply.ts";
import { addDays } from "../time/zone.ts";

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

export interface DigestWindowOptions {
  /** The run's local day: the digest's last day. */
  readonly period: string;
  /** Where the channel's last digest stopped (`coveredTo`), when it had one. */
  readonly lastCoveredTo?: string;
  /** A first digest looks this many days back. */
  readonly firstDigestDays: number;
  /** No digest reaches further back than this, however long the channel went without one. */
  readonly maxLookbackDays: number;
}

/** The days a digest covers: from where the last one stopped (bounded) to the run's day. */
export function digestWindow(o: DigestWindowOptions): { readonly from: string; readonly to: string } {
  const floor = addDays(o.period, -o.maxLookbackDays);
  let from = o.lastCoveredTo ?? addDays(o.period, -o.firstDigestDays);
  if (from < floor) from = floor;
  if (from > o.period) from = o.period;
  return { from, to: o.period };
}

export interface ScheduledDigestOptions extends DigestWindowOptions {
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

export async function scheduledDigest(
  core: NewsCore,
  locale: Locale,
  options: ScheduledDigestOptions,
): Promise<ScheduledContent> {
  const o = { ...options, ...digestWindow(options) };
  const read = await core.source.period({
    from: o.from,
    to: o.to,
    excludeIds: o.excludeIds,
    ...(o.topic ? { topic: o.topic } : {}),
  });
  const digest = buildDigest(read.news, {
    from: o.from,
    to: o.to,
    excludeIds: o.excludeIds,
    ...(read.notLoaded ? { notLoaded: read.notLoaded } : {}),
    ...(o.topic ? { topic: o.topic } : {}),
    ...(o.format === "compact"
      ? { maxItems: Math.min(o.maxItems ?? COMPACT_STORIES, COMPACT_STORIES) }
      : { maxItems: o.maxItems ?? (o.format === "thread" ? THREAD_STORIES : undefined) }),
  });
  if (digest.items.length === 0) {
    const t = messages(locale);
    // a channel's first digest says what it looked at: there was no "last digest" to compare with
    const day = (d: string) => formatArticleDate(d, locale) ?? d;
    const text = o.first
      ? t.firstDigestEmpty(day(o.from), day(o.to), o.topic)
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
  const full = digestReply(
    core.model?.writer ? await writeDigestSummaries(read.news, digest, locale, core.model) : digest,
    locale,
  );
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

export async function scheduledBrief(
  core: NewsCore,
  locale: Locale,
  o: { readonly topic: string; readonly knownIds: ReadonlySet<string> },
): Promise<ScheduledContent> {
  const read = await core.source.topic(o.topic);
  const briefing = buildBriefing(read.news, o.topic, read.weekTotals ? { weekTotals: read.weekTotals } : {});
  const ids = briefing.sources.map((s) => s.id);
  if (ids.length === 0 || ids.every((id) => o.knownIds.has(id))) {
    const text = messages(locale).scheduledBriefNothingNew(o.topic);
    return {
      reply: reply([{ type: "paragraph", text }], { visibility: "public" }),
      articleIds: [],
      empty: true,
    };
  }
  return {
    reply: {
      ...briefingReply(
        core.model?.writer ? await writeBriefingKeyPoints(read.news, briefing, locale, core.model) : briefing,
        locale,
      ),
      visibility: "public",
    },
    articleIds: ids,
    empty: false,
  };
}

// What a scheduled post says and covers: a digest of what is new in a channel since its last one
// (articles already sent there excluded), or a team briefing when its topic has new sources. It
// sits in the core, below both the commands and the scheduler, so what a digest covers (its first
// and last day) is decided here alone. With nothing new, a one-line "nothing new" post: a
// silent bot cannot be told from a broken one, and one line a day costs the channel little.
import { buildBriefing } from "../briefing/briefing.ts";
import { briefingReply } from "../briefing/briefing-reply.ts";
import { buildDigest, digestReply } from "../digest/digest.ts";
import { writeBriefingKeyPoints, writeDigestSummaries } from "../grounded/story-summaries.ts";
import type { Locale } from "../i18n/messages.ts";
import { messages } from "../i18n/messages.ts";
import type { NewsCore } from "../news-core.ts";
import { type Reply, reply } from "../reply/reply.ts";
import { addDays } from "../time/zone.ts";

export interface ScheduledContent {
  readonly reply: Reply;
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
}

export async function scheduledDigest(
  core: NewsCore,
  locale: Locale,
  options: ScheduledDigestOptions,
): Promise<ScheduledContent> {
  const o = { ...options, ...digestWindow(options) };
  const digest = buildDigest(core.news, {
    from: o.from,
    to: o.to,
    excludeIds: o.excludeIds,
    ...(o.topic ? { topic: o.topic } : {}),
    ...(o.maxItems ? { maxItems: o.maxItems } : {}),
  });
  if (digest.items.length === 0) {
    const t = messages(locale);
    const text = o.topic ? t.scheduledNothingNewTopic(o.topic) : t.scheduledNothingNew;
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
  return {
    reply: digestReply(
      core.model?.writer ? await writeDigestSummaries(core.news, digest, locale, core.model) : digest,
      locale,
    ),
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
  const briefing = buildBriefing(core.news, o.topic);
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
        core.model?.writer ? await writeBriefingKeyPoints(core.news, briefing, locale, core.model) : briefing,
        locale,
      ),
      visibility: "public",
    },
    articleIds: ids,
    empty: false,
  };
}

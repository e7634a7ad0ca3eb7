// `/news subscribe [--kind digest|brief] [topic] [--time 08:00] [--timezone Europe/Paris] [--days mon-fri]`:
// this channel gets a news digest (what is new since the last one) or a team briefing on a topic,
// at that time in that zone on those days. Every field is checked before anything is stored: the
// time (`8h`, `08:30`), the zone (a real IANA zone, canonicalised), the days (`lun-ven`,
// `mon,wed,fri`, `weekend`, `daily`), a topic for briefings. On Discord it needs Manage Channels;
// on Slack it is the channel the command is typed in, so only its members can; the change is
// written to the audit log with its author. The confirmation is public: the channel sees who did it.
import { z } from "zod";
import { errorReply } from "../src/core/reply/lookup-replies.ts";
import { reply } from "../src/core/reply/reply.ts";
import { parseDays, parseTime } from "../src/core/time/schedule-days.ts";
import { canonicalTimeZone } from "../src/core/time/zone.ts";
import { defineCommand, option } from "./define.ts";
import { commandMessages } from "./messages.ts";
import { SubscriptionLimitError } from "./ports.ts";
import { access, actorOf, formatRun, summary } from "./subscription-replies.ts";

const DEFAULT_TIME = "08:00";
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

export const subscribe = defineCommand({
  name: "subscribe",
  description: {
    fr: "Programmer dans ce canal une revue de presse ou une note de synthèse",
    en: "Schedule a news digest or a briefing in this channel",
  },
  visibility: "public",
  options: z
    .object({
      topic: option
        .text(
          {
            fr: "Sujet (obligatoire pour une note de synthèse), ex. défense",
            en: "Topic (required for a briefing), e.g. défense",
          },
          { max: 100, rest: true },
        )
        .optional(),
      kind: option
        .choice(
          {
            fr: "digest (revue de presse, par défaut) ou brief (note de synthèse)",
            en: "digest (news digest, the default) or brief (briefing)",
          },
          ["digest", "brief"],
        )
        .optional(),
      time: option
        .checked(
          {
            fr: "Heure, ex. 08:00 ou 8h30 (08:00 par défaut)",
            en: "Time, e.g. 08:00 or 8:30 (default 08:00)",
          },
          "time",
          parseTime,
          10,
        )
        .optional(),
      timezone: option
        .checked(
          { fr: "Fuseau horaire, ex. Europe/Paris", en: "Time zone, e.g. Europe/Paris" },
          "timezone",
          canonicalTimeZone,
          64,
        )
        .optional(),
      days: option
        .checked(
          {
            fr: "Jours, ex. lun-ven, mon,wed,fri, weekend (tous les jours par défaut)",
            en: "Days, e.g. mon-fri, mon,wed,fri, weekend (every day by default)",
          },
          "days",
          parseDays,
          60,
        )
        .optional(),
      format: option
        .choice(
          {
            fr: "thread (un message, la suite en fil ; par défaut) ou compact (un message, les principaux sujets)",
            en: "thread (one message, the rest in a thread; the default) or compact (one message, the top stories)",
          },
          ["thread", "compact"],
        )
        .optional(),
    })
    .superRefine((o, ctx) => {
      if (o.kind === "brief" && !o.topic)
        ctx.addIssue({ code: "custom", path: ["topic"], message: "briefTopic" });
    }),
  run: async (args, ctx) => {
    const allowed = access(ctx, true);
    if (!allowed.ok) return allowed.reply;
    const { service, caller } = allowed;
    const t = commandMessages(ctx.locale);
    const input = {
      platform: caller.platform,
      channelId: caller.channelId,
      kind: args.kind ?? "digest",
      ...(args.topic ? { topic: args.topic } : {}),
      time: args.time ?? DEFAULT_TIME,
      timezone: args.timezone ?? service.defaultTimezone,
      days: args.days && args.days.length > 0 ? args.days : EVERY_DAY,
      createdBy: actorOf(caller),
      ...(args.format ? { format: args.format } : {}),
    };
    let result: Awaited<ReturnType<typeof service.subscribe>>;
    try {
      result = await service.subscribe(input, actorOf(caller));
    } catch (error) {
      if (error instanceof SubscriptionLimitError)
        return errorReply(t.subscriptionLimit(error.max), ctx.locale);
      throw error;
    }
    const { subscription: s, status, nextRun } = result;
    const text =
      status === "created"
        ? t.subscribed(s.id, summary(s, ctx.locale))
        : status === "exists"
          ? t.subscribedExists(s.id, summary(s, ctx.locale))
          : t.subscribedReenabled(s.id, summary(s, ctx.locale));
    return reply(
      [
        { type: "paragraph", text },
        ...(nextRun
          ? [{ type: "context" as const, text: t.nextRun(formatRun(nextRun, s.timezone, ctx.locale)) }]
          : []),
      ],
      { title: t.subscribedTitle, visibility: "public" },
    );
  },
});

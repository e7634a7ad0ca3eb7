// Shared by the subscription commands: who may run them (a channel, the right to manage it, a
// database behind them), and how a subscription reads in a reply — its kind and topic, its time in
// its zone and days, its next run, its last delivery, why it was disabled.

import type { Locale } from "../src/core/i18n/messages.ts";
import { errorReply } from "../src/core/reply/lookup-replies.ts";
import type { Reply } from "../src/core/reply/reply.ts";
import { formatDays } from "../src/core/time/schedule-days.ts";
import type { Subscription } from "../src/storage/subscription-store.ts";
import type { Caller, CommandContext } from "./define.ts";
import { commandMessages } from "./messages.ts";
import type { SubscriptionService, SubscriptionView } from "./ports.ts";

export type Access =
  | { readonly ok: true; readonly service: SubscriptionService; readonly caller: Caller }
  | { readonly ok: false; readonly reply: Reply };

/** The service and the caller, or the reason the caller cannot manage (or see) this channel's posts. */
export function access(ctx: CommandContext, manage: boolean): Access {
  const t = commandMessages(ctx.locale);
  if (!ctx.subscriptions) return { ok: false, reply: errorReply(t.subscriptionsUnavailable, ctx.locale) };
  if (!ctx.caller) return { ok: false, reply: errorReply(t.subscriptionsNoChannel, ctx.locale) };
  if (manage && !ctx.caller.canManageChannel) {
    return { ok: false, reply: errorReply(t.subscriptionsForbidden(ctx.caller.platform), ctx.locale) };
  }
  return { ok: true, service: ctx.subscriptions, caller: ctx.caller };
}

export const actorOf = (caller: Caller) => `${caller.platform}:${caller.userId}`;

export function summary(s: Subscription, locale: Locale): string {
  const t = commandMessages(locale);
  return t.subscriptionSummary(
    s.kind === "brief" ? t.kindBrief : t.kindDigest,
    s.topic,
    t.subscriptionWhen(s.time, formatDays(s.days, locale), s.timezone),
  );
}

/** `lun. 30 mars, 08:00` in the subscription's time zone. */
export function formatRun(date: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

export function reasonText(reason: string, locale: Locale): string {
  const known = commandMessages(locale).reasonText[reason];
  return known ? `${known} (${reason})` : reason;
}

/** The lines under a subscription in `/news subscriptions`. */
export function statusLines(view: SubscriptionView, locale: Locale): string[] {
  const t = commandMessages(locale);
  const s = view.subscription;
  const lines: string[] = [];
  if (!s.enabled) lines.push(t.disabled(reasonText(s.disabledReason ?? "?", locale)));
  else if (view.nextRun) lines.push(t.nextRun(formatRun(view.nextRun, s.timezone, locale)));
  if (view.last) {
    const status = t.deliveryStatus[view.last.status] ?? view.last.status;
    const error =
      view.last.error && view.last.status !== "done" ? ` — ${t.deliveryError(view.last.error)}` : "";
    lines.push(`${t.lastDelivery(view.last.period, status)}${error}`);
  } else lines.push(t.noDeliveryYet);
  if (s.enabled && s.failures > 0) lines.push(t.failingSince(s.failures));
  if (view.uncertain.length > 0)
    lines.push(t.uncertainDeliveries(view.uncertain.map((d) => d.period).join(", ")));
  return lines;
}

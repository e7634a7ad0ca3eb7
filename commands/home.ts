// A user's home (Slack's App Home tab): for each channel the user is in, the scheduled posts and
// feeds posted there, with the commands to manage them typed in that channel; then every command
// with its usage, in the user's language. A neutral reply the adapter renders as its own view.
import type { Locale } from "../src/core/i18n/messages.ts";
import { type Block, type Reply, reply } from "../src/core/reply/reply.ts";
import { type CommandContext, usageOf } from "./define.ts";
import { commandMessages } from "./messages.ts";
import { statusLines, summary } from "./subscription-replies.ts";

export interface HomeChannel {
  readonly id: string;
  /** Its name without `#`, when the platform gave it. */
  readonly name?: string;
}

/** At most this many channels are looked at (a home view holds 100 blocks). */
export const HOME_MAX_CHANNELS = 40;

async function channelField(ctx: CommandContext, channel: HomeChannel, locale: Locale) {
  const t = commandMessages(locale);
  const views = ctx.subscriptions ? await ctx.subscriptions.list(ctx.platform, channel.id) : [];
  const feeds = ctx.feeds?.followed ? await ctx.feeds.followed(ctx.platform, channel.id) : [];
  if (views.length === 0 && feeds.length === 0) return undefined;
  const lines = [
    ...views.map(
      (v) =>
        `${t.subscriptionLabel(v.subscription.id, summary(v.subscription, locale))} — ${statusLines(v, locale)[0] ?? ""}`,
    ),
    ...feeds.map((f) => t.feedChannelLine(f)),
  ];
  return { label: `#${channel.name ?? channel.id}`, value: lines.join("\n") };
}

/** `channels`: those the user is in (undefined when the platform would not say). */
export async function homeReply(
  ctx: CommandContext,
  channels: readonly HomeChannel[] | undefined,
): Promise<Reply> {
  const locale = ctx.userLocale ?? ctx.locale;
  const t = commandMessages(locale);
  const blocks: Block[] = [{ type: "heading", text: t.homeChannelsTitle }];
  if (!channels) blocks.push({ type: "paragraph", text: t.homeChannelsUnknown });
  else {
    const fields = [];
    for (const channel of channels.slice(0, HOME_MAX_CHANNELS)) {
      const field = await channelField(ctx, channel, locale);
      if (field) fields.push(field);
    }
    if (fields.length === 0) blocks.push({ type: "paragraph", text: t.homeNothing(ctx.root) });
    else blocks.push({ type: "fields", fields }, { type: "context", text: t.homeManage(ctx.root) });
  }
  blocks.push(
    { type: "divider" },
    { type: "heading", text: t.helpTitle },
    {
      type: "fields",
      fields: ctx.commands.map((c) => ({
        label: usageOf(c, ctx.root, ctx.platform, locale),
        value: c.description[locale],
      })),
    },
  );
  return reply(blocks, { title: t.homeTitle });
}

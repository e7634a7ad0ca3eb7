// `/news subscriptions`: this channel's scheduled posts, each with its number, what and when, its
// next run, its last delivery (and its error), an interrupted post that may not have gone out, and
// why a disabled one was disabled. Anyone in the channel may look; the reply is private.
import { z } from "zod";
import { reply } from "../src/core/reply/reply.ts";
import { defineCommand } from "./define.ts";
import { commandMessages } from "./messages.ts";
import { access, statusLines, summary } from "./subscription-replies.ts";

export const subscriptions = defineCommand({
  name: "subscriptions",
  description: {
    fr: "Les envois programmés de ce canal et leur état",
    en: "This channel's scheduled posts and their state",
  },
  options: z.object({}),
  run: async (_args, ctx) => {
    const allowed = access(ctx, false);
    if (!allowed.ok) return allowed.reply;
    const { service, caller } = allowed;
    const t = commandMessages(ctx.locale);
    const views = await service.list(caller.platform, caller.channelId);
    if (views.length === 0) {
      return reply([{ type: "paragraph", text: t.subscriptionsEmpty(ctx.root) }], {
        title: t.subscriptionsTitle,
      });
    }
    return reply(
      [
        {
          type: "fields",
          fields: views.map((v) => ({
            label: t.subscriptionLabel(v.subscription.id, summary(v.subscription, ctx.locale)),
            value: statusLines(v, ctx.locale).join("\n"),
          })),
        },
      ],
      { title: t.subscriptionsTitle },
    );
  },
});

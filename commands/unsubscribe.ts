// `/news unsubscribe [id]`: removes one of this channel's scheduled posts (the only one when no id
// is given). Same rights as subscribe; written to the audit log. Public, like the subscription.
import { z } from "zod";
import { errorReply } from "../src/core/reply/lookup-replies.ts";
import { reply } from "../src/core/reply/reply.ts";
import { defineCommand, option } from "./define.ts";
import { commandMessages } from "./messages.ts";
import { access, actorOf, summary } from "./subscription-replies.ts";

export const unsubscribe = defineCommand({
  name: "unsubscribe",
  description: {
    fr: "Supprimer un envoi programmé de ce canal",
    en: "Remove a scheduled post from this channel",
  },
  visibility: "public",
  options: z.object({
    id: option
      .integer(
        {
          fr: "Numéro de l'abonnement (voir subscriptions) ; facultatif s'il n'y en a qu'un",
          en: "Subscription number (see subscriptions); optional when there is only one",
        },
        { min: 1, max: 2_147_483_647, rest: true },
      )
      .optional(),
  }),
  run: async ({ id }, ctx) => {
    const allowed = access(ctx, true);
    if (!allowed.ok) return allowed.reply;
    const { service, caller } = allowed;
    const t = commandMessages(ctx.locale);
    let target = id;
    if (target === undefined) {
      const here = await service.list(caller.platform, caller.channelId);
      if (here.length === 0) return errorReply(t.unsubscribeNone, ctx.locale);
      if (here.length > 1) return errorReply(t.unsubscribeWhich(ctx.root), ctx.locale);
      target = here[0]?.subscription.id as number;
    }
    const removed = await service.unsubscribe(target, caller.platform, caller.channelId, actorOf(caller));
    if (!removed) return errorReply(t.unsubscribeNotFound(target, ctx.root), ctx.locale);
    return reply([{ type: "paragraph", text: t.unsubscribed(removed.id, summary(removed, ctx.locale)) }], {
      title: t.subscribedTitle,
      visibility: "public",
    });
  },
});

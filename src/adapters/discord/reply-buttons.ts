// The buttons under a reply on Discord (message components): 👍 / 👎 on an answer (the vote is
// stored with the channel and message ids) and "more results" (the next kept page). The answer to
// a click is ephemeral: only the clicker sees the thanks or the page. Both act on ids kept by the
// command layer (commands/reply-actions.ts); an expired id gets a line saying so.
import { type ButtonInteraction, MessageFlags } from "discord.js";
import type { Dispatcher } from "../../../commands/dispatch.ts";
import { actorOf } from "../../../commands/reply-actions.ts";
import { errorReply } from "../../core/reply/lookup-replies.ts";
import type { Reply } from "../../core/reply/reply.ts";
import { adapterMessages } from "../adapter-messages.ts";
import { parseButtonId, renderDiscord } from "./render.ts";

const NO_MENTIONS = { parse: [] as [] };

function answerTo(
  i: ButtonInteraction,
  dispatcher: Dispatcher,
  action: "up" | "down" | "more",
  id: string,
): Reply {
  const t = adapterMessages(dispatcher.locale);
  const actions = dispatcher.actions;
  if (!actions)
    return errorReply(action === "more" ? t.moreUnavailable : t.feedbackUnavailable, dispatcher.locale);
  const actor = actorOf({
    platform: "discord",
    caller: { platform: "discord", userId: i.user.id, channelId: i.channelId, canManageChannel: false },
  });
  if (action === "more") return actions.more(id, actor);
  return actions.vote({ ...actor, id, vote: action, channelId: i.channelId, messageId: i.message.id });
}

/** Answers a click on one of newsbot's buttons; returns false for a button that is not one of them. */
export async function onReplyButton(
  i: ButtonInteraction,
  dispatcher: Dispatcher,
  onError: (e: unknown) => void = () => {},
): Promise<boolean> {
  const parsed = parseButtonId(i.customId);
  if (!parsed) return false;
  let reply: Reply;
  try {
    reply = answerTo(i, dispatcher, parsed.action, parsed.id);
  } catch (error) {
    // a store that fails must not leave the clicker with "This interaction failed" and no reason
    onError(error);
    reply = errorReply(adapterMessages(dispatcher.locale).commandFailed, dispatcher.locale);
  }
  const [first, ...rest] = renderDiscord(reply, { locale: dispatcher.locale });
  const message = (page: typeof first) => ({
    embeds: page?.embeds ?? [],
    ...(page?.components ? { components: page.components } : {}),
    allowedMentions: NO_MENTIONS,
    flags: MessageFlags.Ephemeral as const,
  });
  await i.reply(message(first));
  for (const page of rest) await i.followUp(message(page));
  return true;
}

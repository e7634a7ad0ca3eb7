// The buttons under a reply on Slack, besides "post to channel": 👍 / 👎 on an answer (the vote
// is stored with the message's channel and `ts`; the voter alone sees the thanks) and "more
// results" (the next kept page, shown to the clicker alone). Both act on ids kept by the command
// layer (commands/reply-actions.ts); an expired id gets a line saying so.
import type { App, BlockAction, RespondFn } from "@slack/bolt";
import type { Dispatcher } from "../../../commands/dispatch.ts";
import { actorOf } from "../../../commands/reply-actions.ts";
import { errorReply } from "../../core/reply/lookup-replies.ts";
import type { Reply } from "../../core/reply/reply.ts";
import { adapterMessages } from "../adapter-messages.ts";
import { FEEDBACK_DOWN_ACTION, FEEDBACK_UP_ACTION, MORE_ACTION } from "./render.ts";

export interface SlackButtonHandlers {
  readonly dispatcher: Dispatcher;
  /** Sends a reply through the response URL (ephemeral unless public). */
  show(respond: RespondFn, reply: Reply): Promise<void>;
  failed(respond: RespondFn, error: unknown): Promise<void>;
}

function actorOfBody(body: BlockAction) {
  const channelId = body.channel?.id || undefined;
  const teamId = body.team?.id ?? body.user.team_id ?? "";
  return {
    // the key the slash command files the user under (slackWho in app.ts), with or without a channel
    actor: actorOf({ platform: "slack", user: `slack:${teamId}:${body.user.id}` }),
    channelId,
    // an ephemeral message's ts cannot be looked up later: the vote keeps the message it had
    messageId: body.container?.is_ephemeral ? undefined : (body.container?.message_ts ?? body.message?.ts),
  };
}

const buttonValue = (action: unknown) => {
  const v = (action as { value?: unknown }).value;
  return typeof v === "string" ? v : "";
};

/** A button from before the store was turned off (e.g. moved to Postgres): say so, never nothing. */
function unavailable(dispatcher: Dispatcher, what: "feedback" | "more"): Reply {
  const t = adapterMessages(dispatcher.locale);
  return errorReply(what === "more" ? t.moreUnavailable : t.feedbackUnavailable, dispatcher.locale);
}

export function handleSlackReplyButtons(app: App, h: SlackButtonHandlers): void {
  const { dispatcher } = h;
  const vote = (kind: "up" | "down") =>
    app.action<BlockAction>(kind === "up" ? FEEDBACK_UP_ACTION : FEEDBACK_DOWN_ACTION, async (args) => {
      const { ack, body, action, respond } = args;
      await ack();
      if (typeof respond !== "function") return;
      try {
        const actions = dispatcher.actions;
        if (!actions) return await h.show(respond, unavailable(dispatcher, "feedback"));
        const { actor, channelId, messageId } = actorOfBody(body);
        const reply = actions.vote({
          ...actor,
          id: buttonValue(action),
          vote: kind,
          ...(channelId ? { channelId } : {}),
          ...(messageId ? { messageId } : {}),
        });
        await h.show(respond, reply);
      } catch (error) {
        await h.failed(respond, error);
      }
    });
  vote("up");
  vote("down");
  app.action<BlockAction>(MORE_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    if (typeof respond !== "function") return;
    try {
      const actions = dispatcher.actions;
      if (!actions) return await h.show(respond, unavailable(dispatcher, "more"));
      await h.show(respond, actions.more(buttonValue(action), actorOfBody(body).actor));
    } catch (error) {
      await h.failed(respond, error);
    }
  });
}

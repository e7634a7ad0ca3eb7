// `/news feedback <up|down> [comment]`: 👍 or 👎 on the caller's latest answer, with an optional
// comment — what the buttons under an answer do on Slack and Discord, typed (the console's way).
// Stored once per user and answer (voting again changes it); see reply-actions.ts.
import { z } from "zod";
import { errorReply } from "../src/core/reply/lookup-replies.ts";
import { defineCommand, option } from "./define.ts";
import { commandMessages } from "./messages.ts";

export const feedback = defineCommand({
  name: "feedback",
  description: {
    fr: "Donner votre avis (up ou down) sur la dernière réponse",
    en: "Rate the latest answer (up or down)",
  },
  options: z.object({
    vote: option.choice({ fr: "up (👍) ou down (👎)", en: "up (👍) or down (👎)" }, ["up", "down"]),
    comment: option
      .text({ fr: "Un commentaire (facultatif)", en: "A comment (optional)" }, { max: 500, rest: true })
      .optional(),
  }),
  run: ({ vote, comment }, ctx) => {
    if (!ctx.replyActions || !ctx.actor)
      return errorReply(commandMessages(ctx.locale).feedbackUnavailable, ctx.locale);
    return ctx.replyActions.vote({
      ...ctx.actor,
      vote,
      ...(ctx.caller ? { channelId: ctx.caller.channelId } : {}),
      ...(comment ? { comment } : {}),
    });
  },
});

// `/news more`: the next page of the caller's latest list of results — what the "more results"
// button does, typed (the console's way). Pages are kept as they were computed, never re-run.
import { z } from "zod";
import { errorReply } from "../src/core/reply/lookup-replies.ts";
import { defineCommand } from "./define.ts";
import { commandMessages } from "./messages.ts";

export const more = defineCommand({
  name: "more",
  description: { fr: "La page suivante des derniers résultats", en: "The next page of the latest results" },
  options: z.object({}),
  run: (_args, ctx) => {
    if (!ctx.replyActions || !ctx.actor)
      return errorReply(commandMessages(ctx.locale).moreUnavailable, ctx.locale);
    return ctx.replyActions.more(undefined, ctx.actor);
  },
});

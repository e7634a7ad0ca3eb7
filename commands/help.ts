// `/news help`: generated from the declarations, so it can never list a command or an option
// that does not exist — each command with its usage on the current platform and its description.
import { z } from "zod";
import { reply } from "../src/core/reply/reply.ts";
import { defineCommand, usageOf } from "./define.ts";
import { commandMessages } from "./messages.ts";

export const help = defineCommand({
  name: "help",
  description: { fr: "Liste des commandes", en: "List the commands" },
  options: z.object({}),
  // in the user's own language when the platform tells it, else the bot's
  run: (_args, { commands, locale: botLocale, userLocale, root, platform }) => {
    const locale = userLocale ?? botLocale;
    const t = commandMessages(locale);
    return reply(
      [
        { type: "paragraph", text: t.helpIntro(root) },
        {
          type: "fields",
          fields: commands.map((c) => ({
            label: usageOf(c, root, platform, locale),
            value: c.description[locale],
          })),
        },
      ],
      { title: t.helpTitle },
    );
  },
});

// `/news digest [--from …] [--to …] [--topic …]`: the stories of a period (the latest day by
// default), most important first, each with one or two central sentences and its articles. Private on demand unless
// `public` is set; scheduled digests are posted by the scheduler, not through this command.
import { z } from "zod";
import { buildDigest, digestReply } from "../src/core/digest/digest.ts";
import { writeDigestSummaries } from "../src/core/grounded/story-summaries.ts";
import { errorReply } from "../src/core/reply/lookup-replies.ts";
import { defineCommand, option, publicOption } from "./define.ts";
import { commandMessages } from "./messages.ts";

export const digest = defineCommand({
  name: "digest",
  description: {
    fr: "Le résumé des articles d'une période (par défaut le dernier jour)",
    en: "A digest of a period's articles (the latest day by default)",
  },
  options: z.object({
    topic: option
      .text(
        { fr: "Sujet, ex. défense (facultatif)", en: "Topic, e.g. défense (optional)" },
        { max: 100, rest: true },
      )
      .optional(),
    from: option
      .date({
        fr: "Premier jour : AAAA-MM-JJ, hier, lundi, la semaine dernière…",
        en: "First day: YYYY-MM-DD, yesterday, monday, last week…",
      })
      .optional(),
    to: option
      .date(
        {
          fr: "Dernier jour : AAAA-MM-JJ, hier, aujourd'hui…",
          en: "Last day: YYYY-MM-DD, yesterday, today…",
        },
        "to",
      )
      .optional(),
    max: option
      .integer(
        { fr: "Nombre de sujets (1 à 20, 10 par défaut)", en: "How many stories (1 to 20, default 10)" },
        { min: 1, max: 20 },
      )
      .optional(),
    public: publicOption(),
  }),
  run: async ({ topic, from, to, max }, { core, locale }) => {
    if (from && to && from > to) return errorReply(commandMessages(locale).fromAfterTo(from, to), locale);
    const digest = buildDigest(core.news, {
      ...(topic ? { topic } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(max ? { maxItems: max } : {}),
    });
    // a configured model rewrites each story's summary, kept only when verified
    const shown = core.model?.writer
      ? await writeDigestSummaries(core.news, digest, locale, core.model)
      : digest;
    return digestReply(shown, locale);
  },
});

// `/news digest [--from …] [--to …] [--topic …]`: the stories of a period (the latest day by
// default), most important first, each with one or two central sentences and its articles, a page
// of `--max` stories at a time. Private on demand unless `public` is set; scheduled digests are
// posted by the scheduler, not through this command.
import { z } from "zod";
import { buildDigest, type DigestItem, digestReply } from "../src/core/digest/digest.ts";
import { writeDigestSummaries } from "../src/core/grounded/story-summaries.ts";
import { errorReply } from "../src/core/reply/lookup-replies.ts";
import { periodOf } from "../src/core/search/article-source.ts";
import { defineCommand, option, publicOption } from "./define.ts";
import { commandMessages } from "./messages.ts";
import { MAX_PAGES, paged } from "./pages.ts";

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
        { fr: "Sujets par page (1 à 20, 10 par défaut)", en: "Stories a page (1 to 20, default 10)" },
        { min: 1, max: 20 },
      )
      .optional(),
    public: publicOption(),
  }),
  // up to MAX_PAGES pages of `max` stories are built at once; a model (slow, per story) rewrites the
  // first page's summaries only, the kept pages show the extracted ones
  run: async ({ topic, from, to, max }, { core, locale, replyActions }) => {
    if (from && to && from > to) return errorReply(commandMessages(locale).fromAfterTo(from, to), locale);
    const size = max ?? 10;
    const canPage = replyActions !== undefined;
    const read = await core.source.period({
      ...(topic ? { topic } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
    const digest = buildDigest(read.news, {
      ...(topic ? { topic } : {}),
      ...periodOf(read, from, to),
      maxItems: canPage ? size * MAX_PAGES : size,
    });
    const first = { ...digest, items: digest.items.slice(0, size) };
    const written = core.model?.writer
      ? await writeDigestSummaries(read.news, first, locale, core.model)
      : first;
    const items = [...written.items, ...digest.items.slice(size)];
    // the one-line tail of lesser stories closes the last page only
    const render = (slice: readonly DigestItem[], offset: number) =>
      digestReply(
        { ...digest, items: slice, minor: offset + slice.length >= items.length ? digest.minor : [] },
        locale,
        offset,
      );
    return paged(items, size, render, locale, canPage);
  },
});

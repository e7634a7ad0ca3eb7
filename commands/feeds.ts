// `/news feeds` lists the news feeds the bot follows (last success, last error, articles added);
// `/news feeds add <url>` adds one, after checking it is a public http(s) address serving RSS or
// Atom. Adding needs the right to manage the channel, like subscriptions.
import { z } from "zod";
import { errorReply } from "../src/core/reply/lookup-replies.ts";
import { type Block, reply } from "../src/core/reply/reply.ts";
import { defineCommand, option } from "./define.ts";
import { feedStatusLines } from "./feed-list.ts";
import { commandMessages } from "./messages.ts";

export const feeds = defineCommand({
  name: "feeds",
  description: {
    fr: "Flux d'actualités suivis ; « add <url> » pour en ajouter un",
    en: "News feeds followed; “add <url>” to add one",
  },
  visibility: "private",
  options: z.object({
    add: option
      .text(
        { fr: "Adresse d'un flux RSS ou Atom à suivre", en: "Address of an RSS or Atom feed to follow" },
        { max: 2100, rest: true },
      )
      .optional(),
    channel: option
      .flag({
        fr: "Publier chaque nouvel article du flux dans ce canal",
        en: "Post each new item of the feed to this channel",
      })
      .optional(),
    filter: option
      .checked(
        {
          fr: "Seulement les articles contenant un de ces mots (séparés par des virgules)",
          en: "Only items containing one of these words (comma-separated)",
        },
        "words",
        parseWords,
        300,
      )
      .optional(),
    exclude: option
      .checked(
        {
          fr: "Jamais les articles contenant un de ces mots (séparés par des virgules)",
          en: "Never items containing one of these words (comma-separated)",
        },
        "words",
        parseWords,
        300,
      )
      .optional(),
    format: option
      .choice(
        {
          fr: "compact (titre et lien, par défaut) ou full (avec le début de l'article)",
          en: "compact (title and link, the default) or full (with the item's opening)",
        },
        ["compact", "full"],
      )
      .optional(),
  }),
  run: async ({ add, channel, filter, exclude, format }, ctx) => {
    const t = commandMessages(ctx.locale);
    if (!ctx.feeds) return errorReply(t.feedsUnavailable, ctx.locale);
    // In text (`/news feeds add https://…`) the verb arrives with the address.
    const url = add?.replace(/^add\s+/i, "").trim();
    if (url) {
      if (ctx.caller && !ctx.caller.canManageChannel) return errorReply(t.feedsForbidden, ctx.locale);
      const actor = ctx.caller ? `${ctx.caller.platform}:${ctx.caller.userId}` : "console";
      const result = await ctx.feeds.add(url, actor, ctx.locale);
      if (!result.ok) return errorReply(t.feedRejected(result.message), ctx.locale);
      const text = result.created ? t.feedAdded(result.feed.url) : t.feedExists(result.feed.url);
      const wantsChannel =
        channel === true || filter !== undefined || exclude !== undefined || format !== undefined;
      if (!wantsChannel) return reply([{ type: "paragraph", text }], { title: t.feedsTitle });
      if (!ctx.feeds.follow || !ctx.caller)
        return errorReply(commandMessages(ctx.locale).feedChannelsUnavailable, ctx.locale);
      const view = await ctx.feeds.follow(result.feed.id, ctx.caller, {
        filter: filter ?? [],
        exclude: exclude ?? [],
        format: format ?? "compact",
      });
      return reply(
        [
          { type: "paragraph", text },
          { type: "paragraph", text: commandMessages(ctx.locale).feedChannelFollowed(view) },
        ],
        { title: t.feedsTitle, visibility: "public" },
      );
    }
    const list = await ctx.feeds.list();
    if (list.length === 0)
      return reply([{ type: "paragraph", text: t.feedsNone(ctx.root) }], { title: t.feedsTitle });
    const blocks: Block[] = list.map((f) => ({
      type: "fields",
      fields: [
        {
          label: t.feedLine(f.id, f.title ?? f.url, f.url),
          value: feedStatusLines(f, ctx.locale).join("\n"),
        },
      ],
    }));
    const here =
      ctx.caller && ctx.feeds.followed
        ? await ctx.feeds.followed(ctx.caller.platform, ctx.caller.channelId)
        : [];
    if (here.length > 0)
      blocks.push({
        type: "fields",
        fields: [
          {
            label: t.feedChannelsHere,
            value: here.map((v) => t.feedChannelLine(v)).join("\n"),
          },
        ],
      });
    return reply(blocks, { title: t.feedsTitle });
  },
});

/** `élections, climat` → the words; undefined when a word is empty, too long, or there are too many. */
export function parseWords(text: string): string[] | undefined {
  const words = text
    .split(",")
    .map((w) => w.trim().replace(/\s+/g, " "))
    .filter((w) => w !== "");
  if (words.length === 0 || words.length > 10) return undefined;
  return words.every((w) => w.length >= 2 && w.length <= 50 && /[\p{L}\p{N}]/u.test(w)) ? words : undefined;
}

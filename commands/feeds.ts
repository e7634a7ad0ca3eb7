// `/news feeds` lists the news feeds the bot follows (last success, last error, articles added);
// `/news feeds add <url>` adds one, after checking it is a public http(s) address serving RSS or
// Atom. Adding needs the right to manage the channel, like subscriptions.
import { z } from "zod";
import { botMessages } from "../src/core/i18n/bot-messages.ts";
import { formatArticleDate } from "../src/core/i18n/format-date.ts";
import { errorReply } from "../src/core/reply/lookup-replies.ts";
import { type Block, reply } from "../src/core/reply/reply.ts";
import { defineCommand, option } from "./define.ts";

const when = (iso: string | undefined, never: string, locale: "fr" | "en") =>
  iso ? `${formatArticleDate(iso.slice(0, 10), locale) ?? iso} ${iso.slice(11, 16)} UTC` : never;

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
  }),
  run: async ({ add }, ctx) => {
    const t = botMessages(ctx.locale);
    if (!ctx.feeds) return errorReply(t.feedsUnavailable, ctx.locale);
    // In text (`/news feeds add https://…`) the verb arrives with the address.
    const url = add?.replace(/^add\s+/i, "").trim();
    if (url) {
      if (ctx.caller && !ctx.caller.canManageChannel) return errorReply(t.feedsForbidden, ctx.locale);
      const actor = ctx.caller ? `${ctx.caller.platform}:${ctx.caller.userId}` : "console";
      const result = await ctx.feeds.add(url, actor, ctx.locale);
      if (!result.ok) return errorReply(t.feedRejected(result.message), ctx.locale);
      const text = result.created ? t.feedAdded(result.feed.url) : t.feedExists(result.feed.url);
      return reply([{ type: "paragraph", text }], { title: t.feedsTitle });
    }
    const list = await ctx.feeds.list();
    if (list.length === 0)
      return reply([{ type: "paragraph", text: t.feedsNone(ctx.root) }], { title: t.feedsTitle });
    const blocks: Block[] = list.map((f) => {
      const lines = [
        t.feedStatus(when(f.lastSuccessAt, t.feedNever, ctx.locale), f.articlesAdded, f.duplicates),
      ];
      if (f.lastError && (!f.lastSuccessAt || (f.lastErrorAt ?? "") > f.lastSuccessAt))
        lines.push(t.feedLastError(when(f.lastErrorAt, t.feedNever, ctx.locale), f.failures, f.lastError));
      if (f.failedItems > 0) lines.push(t.feedFailedItems(f.failedItems));
      return {
        type: "fields",
        fields: [{ label: t.feedLine(f.id, f.title ?? f.url, f.url), value: lines.join("\n") }],
      };
    });
    return reply(blocks, { title: t.feedsTitle });
  },
});

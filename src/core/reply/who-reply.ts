// The neutral reply for `who "<name>"`.

import type { PersonProfile } from "../entities/who.ts";
import { formatArticleDate } from "../i18n/format-date.ts";
import type { Locale } from "../i18n/messages.ts";
import { messages } from "../i18n/messages.ts";
import { type Block, type Reply, reply } from "./reply.ts";

export function whoReply(profile: PersonProfile | undefined, name: string, locale: Locale = "fr"): Reply {
  const t = messages(locale);
  if (!profile) return reply([{ type: "paragraph", text: t.whoUnknown(name) }], { isError: true });
  const when = (d?: string) => formatArticleDate(d, locale) ?? t.undated;
  const span = (a?: string, b?: string) =>
    a && b && a !== b ? `${when(a)} – ${when(b)}` : a ? when(a) : undefined;
  const blocks: Block[] = [];
  blocks.push({
    type: "context",
    text: [
      t.articlesCount(profile.articleCount),
      ...(profile.otherMatches.length ? [t.alsoMatched(profile.otherMatches.join(", "))] : []),
    ].join(" · "),
  });
  if (profile.roles.length > 0) {
    blocks.push({ type: "heading", text: t.roles });
    blocks.push({
      type: "list",
      items: profile.roles.map((r) => {
        const period = span(r.firstDate, r.lastDate);
        return {
          text: `${r.role}${period ? ` (${period}${r.count > 1 ? `, ×${r.count}` : ""})` : r.count > 1 ? ` (×${r.count})` : ""} — « ${r.sentence} »`,
          ...(r.source.url ? { url: r.source.url } : {}),
        };
      }),
    });
  } else {
    blocks.push({ type: "paragraph", text: t.roleUnknown });
  }
  blocks.push({
    type: "fields",
    fields: [
      {
        label: t.firstMention,
        value: `${when(profile.firstMention.source.date)} — ${profile.firstMention.source.title}`,
      },
      {
        label: t.lastMention,
        value: `${when(profile.lastMention.source.date)} — ${profile.lastMention.source.title}`,
      },
    ],
  });
  blocks.push({ type: "sources", items: profile.articles.slice(0, 10) });
  return reply(blocks, { title: t.whoTitle(profile.name) });
}

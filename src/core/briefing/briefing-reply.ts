// The briefing as a neutral reply: key points, timeline, people, figures as lists citing [n],
// then the numbered sources.
import { formatResolvedDate } from "../dates/format.ts";
import type { ResolvedDate } from "../dates/resolve.ts";
import { formatArticleDate } from "../i18n/format-date.ts";
import type { Locale } from "../i18n/messages.ts";
import { messages } from "../i18n/messages.ts";
import { type Block, type Link, type Reply, reply } from "../reply/reply.ts";
import type { Briefing, TimelineEntry } from "./briefing.ts";

function entryDate(e: TimelineEntry, locale: Locale): string {
  const t = messages(locale);
  if (!e.resolved)
    return t.unresolvedDate(e.expression, e.problem === "invalid" ? t.invalidDate : t.noReference);
  const r: ResolvedDate = {
    mention: { text: e.expression, start: 0, end: 0, ...(e.part ? { part: e.part } : {}) },
    precision: e.precision,
    resolved: true,
    ...(e.date ? { value: e.date } : {}),
    ...(e.approximate ? { approximate: true } : {}),
  };
  return formatResolvedDate(r, locale);
}

export function briefingReply(b: Briefing, locale: Locale = "fr"): Reply {
  const t = messages(locale);
  const title = t.briefingTitle(b.topic);
  if (b.sources.length === 0)
    return reply([{ type: "paragraph", text: t.briefingEmpty(b.topic) }], {
      title,
      isError: true,
      visibility: "public",
    });
  const cite = (i: number) => `[${i + 1}]`;
  const link = (text: string, source: number): Link => {
    const url = b.sources[source]?.url;
    return { text: `${text} ${cite(source)}`, ...(url ? { url } : {}) };
  };
  const blocks: Block[] = [
    {
      type: "context",
      text:
        b.storyCount > 0
          ? t.briefingAbout(b.articleCount, b.since)
          : t.briefingCount(b.sources.length, b.since),
    },
  ];
  if (b.keyPoints.length) {
    blocks.push({ type: "heading", text: t.keyPoints });
    blocks.push({
      type: "list",
      items: b.keyPoints.map((k) =>
        link(k.articles > 1 ? `${k.text} (${t.storySize(k.articles)})` : k.text, k.source),
      ),
    });
  }
  if (b.timeline.length) {
    blocks.push({ type: "heading", text: t.timeline });
    blocks.push({
      type: "list",
      items: b.timeline.map((e) => link(`${entryDate(e, locale)} — ${e.text}`, e.source)),
    });
  }
  if (b.people.length) {
    blocks.push({ type: "heading", text: t.people });
    blocks.push({
      type: "list",
      items: b.people.map((p) => ({
        text: `${p.name} — ${p.roles.length ? p.roles.map((r) => `${r.role} ${cite(r.source)}`).join(" ; ") : `${t.roleUnknown} ${p.sources.map(cite).join("")}`}`,
      })),
    });
  }
  if (b.figures.length) {
    blocks.push({ type: "heading", text: t.figures });
    blocks.push({
      type: "list",
      items: b.figures.map((f) => {
        const date = f.date ? formatArticleDate(f.date, locale) : undefined;
        return link(date ? `${f.text} (${date})` : f.text, f.source);
      }),
    });
  }
  if (b.places.length || b.organisations.length) {
    blocks.push({
      type: "context",
      text: `${t.placesAndOrgs} : ${[...b.places, ...b.organisations].join(", ")}`,
    });
  }
  blocks.push({ type: "sources", items: b.sources });
  return reply(blocks, { title, visibility: "public" });
}

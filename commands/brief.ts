// `/news brief <topic>`: the team briefing on a topic — key points, a dated timeline, the people
// involved with their roles, key figures and the sources.
import { z } from "zod";
import { buildBriefing } from "../src/core/briefing/briefing.ts";
import { briefingReply } from "../src/core/briefing/briefing-reply.ts";
import { writeBriefingKeyPoints } from "../src/core/grounded/story-summaries.ts";
import { defineCommand, option, publicOption } from "./define.ts";

export const brief = defineCommand({
  name: "brief",
  description: {
    fr: "Note de synthèse sur un sujet : points clés, chronologie, personnes, chiffres",
    en: "Briefing on a topic: key points, timeline, people, figures",
  },
  options: z.object({
    topic: option.text(
      { fr: "Le sujet, ex. défense", en: "The topic, e.g. défense" },
      { max: 100, rest: true },
    ),
    since: option
      .date({ fr: "Articles depuis ce jour, AAAA-MM-JJ", en: "Articles since this day, YYYY-MM-DD" })
      .optional(),
    public: publicOption(),
  }),
  run: async ({ topic, since }, { core, locale }) => {
    const read = await core.source.topic(topic, since ? { since } : {});
    const briefing = buildBriefing(read.news, topic, {
      ...(since ? { since } : {}),
      ...(read.weekTotals ? { weekTotals: read.weekTotals } : {}),
    });
    // a configured model rewrites each key point from its story's article, kept only when verified
    const shown = core.model?.writer
      ? await writeBriefingKeyPoints(read.news, briefing, locale, core.model)
      : briefing;
    return briefingReply(shown, locale);
  },
});

// Team briefings built from stories: the articles about a topic (in their title or lead, or at
// length), the stories of the weeks the topic dominated (its main events), one key point per
// story, most covered first, the stories' dated events as a timeline, the people present across
// stories with the role the articles state most often, key figures with their unit, date and
// source — as a neutral reply. Part of the platform-free core: it must not import platform code
// (no @slack, discord.js, node-cron, better-sqlite3, storage, scheduling, nor any adapter).
export {
  type Briefing,
  type BriefingOptions,
  type BriefingPerson,
  buildBriefing,
  type Figure,
  type KeyPoint,
  type TimelineEntry,
} from "./briefing.ts";
export { briefingReply } from "./briefing-reply.ts";
export { type FigureMention, findFigures } from "./figures.ts";

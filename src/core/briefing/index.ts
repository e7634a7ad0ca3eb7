// Team briefings: everything the corpus says on a topic — ranked articles, key points (central,
// non-redundant sentences, each cited), a timeline of dated events (resolved against each
// article's date, flagged when unresolvable), people with their roles as stated, key figures
// with what they count, and the sources — as a neutral reply. Part of the platform-free core: it
// must not import platform code (no @slack, discord.js, node-cron, better-sqlite3, nor any adapter).
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

// Dates read from article text: French and English date expressions (`le 9 février`,
// `jeudi 15 janvier`, `en 2025`, `hier`, `jeudi dernier`, `la semaine prochaine`) found with their
// parts, then resolved against a reference date (the article's own) on the side of it that the
// text or the verb's tense says, with a precision, year-boundary handling, and a flag when they
// cannot be resolved. Part of the platform-free core: it must not import platform code (no @slack,
// discord.js, node-cron, better-sqlite3, nor any adapter).
export { type DateMention, type DatePrecision, findDateExpressions } from "./date-expressions.ts";
export { formatResolvedDate } from "./format.ts";
export { resolveDatesIn } from "./in-sentence.ts";
export {
  isIsoDay,
  isRealDay,
  parseReference,
  type ResolvedDate,
  type ResolveOptions,
  resolveDate,
} from "./resolve.ts";
export { type Tense, tenseAt } from "./tense.ts";

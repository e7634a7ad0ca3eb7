// Digests: the articles of a period (or since the last digest), newest first, each story summarised
// in two or three whole sentences copied from the article (lead weighed against centrality; no
// captions, credits or teasers), near-duplicate reports grouped with all their sources, as a
// neutral reply. Part of the platform-free core: it must not import platform code (no @slack,
// discord.js, node-cron, better-sqlite3, nor any adapter).

export { isQuotable, tidySentence } from "../text/sentence-quality.ts";
export {
  buildDigest,
  type Digest,
  type DigestItem,
  type DigestOptions,
  digestReply,
  inPeriod,
} from "./digest.ts";
export { type DuplicateOptions, groupDuplicates, signature } from "./duplicates.ts";
export {
  jaccard,
  overlap,
  type ScoredSentence,
  type SummaryOptions,
  scoreSentences,
  summarizeArticle,
} from "./summarize.ts";

// The platform-free core of newsbot: the article corpus (format, loader, importer), French and
// English text analysis, the inverted index, cited answers, and the neutral strings the replies are
// made of. It must not import anything platform-specific — no `@slack/*`, `discord.js`,
// `node-cron`, `better-sqlite3`, nor anything under `src/adapters/` — so the same core serves
// Slack, Discord, the console and the CLI (tests/architecture.test.ts enforces it).
export {
  type Answer,
  type AnswererOptions,
  type AskOptions,
  type Citation,
  createAnswerer,
} from "./answer/answerer.ts";
export type { Article, LoadProblem, LoadResult } from "./corpus/article.ts";
export { loadCorpus } from "./corpus/loader.ts";
export { formatArticleDate } from "./i18n/format-date.ts";
export { type Locale, type Messages, messages } from "./i18n/messages.ts";
export { type SearchResult, searchArticles } from "./search/article-search.ts";
export { createNewsIndex, type NewsIndex, type NewsIndexOptions } from "./search/news-index.ts";
export { createAnalyzer } from "./text/analyzer.ts";
export { sentences, splitSentences } from "./text/sentences.ts";

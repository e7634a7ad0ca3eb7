// The corpus: everything that turns files into Articles and back — the corpus file format
// (`corpus/<id>.md`: YAML front matter and clean paragraphs), the loader for corpus files,
// directories and JSON-lines dumps (with every bad file or line reported, never fatal), and the
// importer that cleans scraped article text by general rules, and the aliases a corpus teaches
// (acronyms and the names written with them, a surname and its person). This folder is part of the
// platform-free core: it must not import anything platform-specific (no @slack, discord.js,
// node-cron, nor any adapter); node:fs, node:zlib and the like are fine for reading files.
export { type AliasOptions, type AliasTable, learnAliases } from "./aliases.ts";
export type { Article, LoadProblem, LoadResult } from "./article.ts";
export { compareDatesDesc } from "./article.ts";
export { isValidDate, type ParseResult, parseArticleFile, serializeArticle } from "./front-matter.ts";
export {
  ImportError,
  type ImportOptions,
  type ImportResult,
  idFromFileName,
  importScrapedText,
} from "./importer.ts";
export { cleanDumpText, loadCorpus } from "./loader.ts";

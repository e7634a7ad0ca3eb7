// `--corpus PATH`: load the corpus the command works on (where it is: `config/corpus-paths.ts`) and
// report skipped files on stderr.
import { dirname, resolve } from "node:path";
import { resolveCorpusPaths } from "../config/corpus-paths.ts";
import type { Article, LoadProblem } from "../core/corpus/article.ts";
import type { NewsIndex } from "../core/search/news-index.ts";
import { loadNews } from "../snapshot/index.ts";
import type { CliIO } from "./io.ts";

export async function loadCorpusForCli(paths: readonly string[] | undefined, io: CliIO): Promise<Article[]> {
  // imported here: the loader and its schemas are not needed when the snapshot serves the corpus
  const { loadCorpus } = await import("../core/corpus/loader.ts");
  const where = resolveCorpusPaths(paths);
  const { articles, problems } = await loadCorpus(where);
  checkLoaded(articles.length, problems, where, io);
  return articles;
}

/**
 * Reports the skipped files; with none loaded, fails when files were refused and otherwise says
 * what a corpus holds, so a folder of files the loader does not read is never a silent "no result".
 */
function checkLoaded(count: number, problems: readonly LoadProblem[], where: readonly string[], io: CliIO) {
  reportProblems(problems, io);
  if (count > 0) return;
  if (problems.length > 0)
    throw new Error("no article could be loaded from the corpus (see the problems above)");
  io.err(
    `the corpus (${where.join(", ")}) holds no article: articles are .md files (front matter, then the text) or .jsonl / .jsonl.gz files; \`newsbot import <files…>\` turns plain text or HTML into articles`,
  );
}

function reportProblems(problems: readonly LoadProblem[], io: CliIO): void {
  for (const p of problems.slice(0, 20)) {
    const where = [p.file, p.line !== undefined ? `line ${p.line}` : undefined, p.field]
      .filter(Boolean)
      .join(", ");
    io.err(`skipped (${where}): ${p.message}`);
  }
  if (problems.length > 20) io.err(`… and ${problems.length - 20} more problems`);
}

/** Where the CLI keeps index snapshots: the bot's data folder (NEWSBOT_DB's), so both share them. */
export function snapshotDirFor(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  const db = env.NEWSBOT_DB?.trim() || "./data/newsbot.db";
  return db === ":memory:" ? undefined : dirname(resolve(db));
}

/**
 * The corpus's index, from its snapshot when the corpus is unchanged (see src/snapshot), with the
 * loader's problems reported as `loadCorpusForCli` does. `save()` writes the snapshot when it was
 * rebuilt: call it after the command's output, so the first run is not kept waiting for it.
 */
export async function loadNewsForCli(
  paths: readonly string[] | undefined,
  io: CliIO,
): Promise<{ news: NewsIndex; save(): Promise<void> }> {
  const snapshotDir = snapshotDirFor();
  const where = resolveCorpusPaths(paths);
  const loaded = await loadNews({
    paths: where,
    ...(snapshotDir ? { snapshotDir } : {}),
    // a one-off command searches a few terms: their postings are read, not the whole index
    lazyIndex: true,
  });
  checkLoaded(loaded.core.news.articles.length, loaded.problems, where, io);
  return { news: loaded.core.news, save: loaded.save };
}

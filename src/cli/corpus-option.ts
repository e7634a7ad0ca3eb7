// `--corpus PATH`: load the corpus the command works on (where it is: `config/corpus-paths.ts`) and
// report skipped files on stderr.
import { resolveCorpusPaths } from "../config/corpus-paths.ts";
import type { Article } from "../core/corpus/article.ts";
import { loadCorpus } from "../core/corpus/loader.ts";
import type { CliIO } from "./io.ts";

export async function loadCorpusForCli(paths: readonly string[] | undefined, io: CliIO): Promise<Article[]> {
  const { articles, problems } = await loadCorpus(resolveCorpusPaths(paths));
  for (const p of problems.slice(0, 20)) {
    const where = [p.file, p.line !== undefined ? `line ${p.line}` : undefined, p.field]
      .filter(Boolean)
      .join(", ");
    io.err(`skipped (${where}): ${p.message}`);
  }
  if (problems.length > 20) io.err(`… and ${problems.length - 20} more problems`);
  if (articles.length === 0 && problems.length > 0) {
    throw new Error("no article could be loaded from the corpus (see the problems above)");
  }
  return articles;
}

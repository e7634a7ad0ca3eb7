// `--corpus PATH`: load the corpus the command works on, report skipped files on stderr, and fall
// back to the corpus shipped with the package when the default `corpus/` is not in the cwd.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Article } from "../core/corpus/article.ts";
import { loadCorpus } from "../core/corpus/loader.ts";
import type { CliIO } from "./io.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The corpus shipped with the package, from the sources (`src/…`) or the build (`dist/src/…`). */
export const PACKAGE_CORPUS = resolve(HERE, existsSync(resolve(HERE, "../../package.json")) ? "../.." : "../../..", "corpus");

export function resolveCorpusPaths(paths: readonly string[] | undefined): string[] {
  if (paths && paths.length > 0) return paths.map((p) => resolve(p));
  const local = resolve("corpus");
  return [existsSync(local) ? local : PACKAGE_CORPUS];
}

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

// Where the corpus is, decided once for the bot and the CLI: the paths given (resolved against the
// working directory), else `./corpus` when there is one, else the corpus shipped with the package —
// so `npx newsbot` run from any folder still has articles to answer from.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The corpus shipped with the package, from the sources (`src/…`) or the build (`dist/src/…`). */
export const PACKAGE_CORPUS = resolve(
  HERE,
  existsSync(resolve(HERE, "../../package.json")) ? "../.." : "../../..",
  "corpus",
);

export function resolveCorpusPaths(paths: readonly string[] | undefined, cwd = process.cwd()): string[] {
  if (paths && paths.length > 0) return paths.map((p) => resolve(cwd, p));
  const local = resolve(cwd, "corpus");
  return [existsSync(local) ? local : PACKAGE_CORPUS];
}

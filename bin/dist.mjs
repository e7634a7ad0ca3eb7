// The compiled bot in dist/ and whether it is up to date: dist/ counts as fresh when its build stamp
// is newer than every file under src/ and commands/ (a few hundred stats, a few milliseconds), or
// when there are no sources at all (the container's runtime image ships dist/ alone).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const STAMP = join(ROOT, "dist", ".tsbuildinfo");
const SOURCES = ["src", "commands"].map((d) => join(ROOT, d));

function newestUnder(dir, newest = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = newestUnder(path, newest);
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function distIsFresh() {
  if (!existsSync(STAMP)) return false;
  const sources = SOURCES.filter((d) => existsSync(d));
  if (sources.length === 0) return true;
  const built = statSync(STAMP).mtimeMs;
  return sources.every((d) => newestUnder(d) <= built);
}

/**
 * Compile with tsc (tsconfig.build.json); returns tsc's exit status. The stamp is touched after a
 * success: an incremental build with nothing to do leaves it alone, and dist/ would look stale.
 */
export function build() {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });
  if (r.status === 0 && existsSync(STAMP)) utimesSync(STAMP, new Date(), new Date());
  return r.status ?? 1;
}

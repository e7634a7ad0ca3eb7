// The dependency rules of the architecture: the core imports nothing platform-specific, and an
// adapter never imports another adapter.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
// Platform libraries, and every layer that sits above the core (they import it, never the reverse).
const FORBIDDEN_IN_CORE = [
  /^@slack\//,
  /^discord\.js$/,
  /^node-cron$/,
  /^better-sqlite3$/,
  /(^|\/)(adapters|ingest|storage|scheduling|config|app|cli|model)(\/|$)/,
  /(^|\/)commands(\/|$)/,
];

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(sourceFiles(path));
    else if (/\.(ts|mts|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

/** Every module specifier a source file imports (static, dynamic, re-exports, require). */
function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) specs.push(m[1] as string);
  return specs;
}

function violations(files: string[], rule: (file: string, spec: string) => boolean): string[] {
  const out: string[] = [];
  for (const file of files) {
    for (const spec of importsOf(readFileSync(file, "utf8"))) {
      if (rule(file, spec)) out.push(`${relative(ROOT, file)} imports ${spec}`);
    }
  }
  return out;
}

describe("architecture", () => {
  it("finds every kind of import (the checker itself can fail)", () => {
    const src = `import a from "discord.js";\nimport type { B } from '@slack/bolt';\nconst c = await import("node-cron");\nexport * from "../adapters/slack/x.ts";`;
    expect(importsOf(src)).toEqual(["discord.js", "@slack/bolt", "node-cron", "../adapters/slack/x.ts"]);
    const forbidden = (spec: string) => FORBIDDEN_IN_CORE.some((re) => re.test(spec));
    expect(
      ["../../storage", "../scheduling/index.ts", "../../commands/ask.ts", "better-sqlite3"].every(forbidden),
    ).toBe(true);
    expect(["./text/fold.ts", "../corpus/article.ts", "node:fs", "zod"].some(forbidden)).toBe(false);
  });

  it("src/core imports no platform library and no adapter", () => {
    const files = sourceFiles(join(ROOT, "src/core"));
    expect(files.length).toBeGreaterThan(5);
    expect(violations(files, (_f, spec) => FORBIDDEN_IN_CORE.some((re) => re.test(spec)))).toEqual([]);
  });

  it("an adapter never imports another adapter", () => {
    const adaptersDir = join(ROOT, "src/adapters");
    const files = sourceFiles(adaptersDir);
    const bad = violations(files, (file, spec) => {
      if (!spec.startsWith(".")) return false;
      const own = relative(adaptersDir, file).split("/")[0];
      const target = relative(adaptersDir, resolve(file, "..", spec)).split("/");
      return !target[0]?.startsWith("..") && target.length > 1 && target[0] !== own;
    });
    expect(bad).toEqual([]);
  });
});

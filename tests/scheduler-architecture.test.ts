// The scheduling module's place: the platform-free core never imports it (nor the storage), and
// scheduling reaches the platforms only through the ChannelPoster port, never an adapter.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g;
  const source = readFileSync(file, "utf8");
  const out: string[] = [];
  for (let m = re.exec(source); m !== null; m = re.exec(source)) out.push(m[1] as string);
  return out;
}

const offending = (dir: string, bad: RegExp) =>
  files(join(ROOT, dir)).flatMap((f) =>
    imports(f)
      .filter((spec) => bad.test(spec))
      .map((spec) => `${relative(ROOT, f)} imports ${spec}`),
  );

describe("scheduling architecture", () => {
  it("src/core imports neither scheduling nor storage", () => {
    expect(offending("src/core", /\/(scheduling|storage)\/|^node-cron$|^better-sqlite3$/)).toEqual([]);
  });

  it("src/scheduling imports no adapter and no platform library", () => {
    expect(offending("src/scheduling", /\/adapters\/|^@slack\/|^discord\.js$|^better-sqlite3$/)).toEqual([]);
  });
});

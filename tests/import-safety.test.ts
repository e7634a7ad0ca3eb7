// `newsbot import` never destroys an article: an existing file or id is refused (exit 1, the
// original untouched) unless --force, README and the like are never targets, and a write leaves
// no temporary file behind. Run through the CLI's dispatcher, and once as a real process.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIO } from "../src/cli/io.ts";
import { main } from "../src/cli/main.ts";

const ROOT = resolve(import.meta.dirname, "..");
const SCRAPED = "Un autre titre\n\nLe texte d'un autre article, scrapé ailleurs.\n";

let dir: string;
let corpus: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "newsbot-import-safe-"));
  corpus = join(dir, "corpus");
  cpSync(join(ROOT, "corpus"), corpus, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await main(["import", ...argv], io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const seedName = () => readdirSync(corpus).find((f) => /^\d{3}_.*\.md$/.test(f)) as string;

describe("newsbot import never overwrites", () => {
  it("refuses a file name that is already an article, and keeps the original", async () => {
    const seed = seedName();
    const before = readFileSync(join(corpus, seed), "utf8");
    const input = join(dir, seed.replace(/\.md$/, ".txt"));
    writeFileSync(input, SCRAPED);
    const r = await run([input, "--out", corpus]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `${input}: not imported: ${join(corpus, seed)} already exists; --force replaces it`,
    );
    expect(readFileSync(join(corpus, seed), "utf8")).toBe(before);
  });

  it("replaces it with --force, atomically, leaving no temporary file", async () => {
    const seed = seedName();
    const input = join(dir, seed.replace(/\.md$/, ".txt"));
    writeFileSync(input, SCRAPED);
    const r = await run([input, "--out", corpus, "--force"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("replaced");
    expect(readFileSync(join(corpus, seed), "utf8")).toContain("Un autre titre");
    expect(readdirSync(corpus).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses an id another file of the corpus already holds, even with --force", async () => {
    const sub = join(corpus, "2025-01");
    cpSync(join(corpus, seedName()), join(sub, "kept.md"));
    const text = readFileSync(join(sub, "kept.md"), "utf8").replace(/^id: .*$/m, "id: shared-id");
    rmSync(join(sub, "kept.md"));
    writeFileSync(join(sub, "elsewhere.md"), text);
    const input = join(dir, "shared-id.txt");
    writeFileSync(input, SCRAPED);
    for (const extra of [[], ["--force"]]) {
      const r = await run([input, "--out", corpus, ...extra]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`id shared-id is already used by ${join(sub, "elsewhere.md")}`);
    }
    expect(readdirSync(corpus)).not.toContain("shared-id.md");
  });

  it("never writes README.md (or LICENSE.md…), even with --force", async () => {
    const readme = readFileSync(join(corpus, "README.md"), "utf8");
    for (const name of ["README.txt", "license.txt"]) {
      const input = join(dir, name);
      writeFileSync(input, SCRAPED);
      const r = await run([input, "--out", corpus, "--force"]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/is a documentation file name, never an article/);
    }
    expect(readFileSync(join(corpus, "README.md"), "utf8")).toBe(readme);
    expect(readdirSync(corpus).some((f) => /^license/i.test(f))).toBe(false);
  });

  it("a new id imports (exit 0); the same again is refused by the real process (exit 1)", async () => {
    const input = join(dir, "brand-new.txt");
    writeFileSync(input, SCRAPED);
    const first = await run([input, "--out", corpus]);
    expect(first.code).toBe(0);
    expect(first.out).toContain(join(corpus, "brand-new.md"));
    expect(readFileSync(join(corpus, "brand-new.md"), "utf8")).toContain("id: brand-new");
    const again = await promisify(execFile)(
      process.execPath,
      [join(ROOT, "bin/newsbot.mjs"), "import", input, "--out", corpus],
      { cwd: dir },
    ).catch((e: { code: number; stderr: string }) => e);
    expect("code" in again && again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; --force replaces it/);
  });
});

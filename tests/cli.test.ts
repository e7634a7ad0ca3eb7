// The CLI contract our own checks rely on: output shapes, batch mode, exit codes.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { CliIO } from "../src/cli/io.ts";
import { main } from "../src/cli/main.ts";

const ROOT = resolve(import.meta.dirname, "..");
const CORPUS = resolve(ROOT, "corpus");

function capture(stdin?: string[]): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
    ...(stdin
      ? {
          stdinLines: async function* () {
            yield* stdin;
          },
        }
      : {}),
  };
}

describe("newsbot CLI", () => {
  it("ask --json prints one object with found, answer and citations", async () => {
    const io = capture();
    expect(await main(["ask", "Qui est Hayashi Yoshimasa ?", "--corpus", CORPUS, "--json"], io)).toBe(0);
    const out = JSON.parse(io.stdout.join("\n"));
    expect(Object.keys(out).sort()).toEqual(["answer", "citations", "found"]);
    expect(out.found).toBe(true);
    expect(out.answer).toContain("Hayashi Yoshimasa");
    expect(out.citations[0]).toMatchObject({ id: expect.stringMatching(/^003/), date: "2026-01-15" });
    expect(out.citations[0].title).toMatch(/Vietnam/);
    expect(out.citations[0].quote).toBe(out.answer);
  });

  it("ask --json with no question answers stdin line by line, in order", async () => {
    const io = capture(["Qui est Hoàng Xuân Chiên ?", "", "Quel est le PIB de l'Argentine ?"]);
    expect(await main(["ask", "--json", "--corpus", CORPUS], io)).toBe(0);
    expect(io.stdout).toHaveLength(3);
    const [first, second, third] = io.stdout.map((l) => JSON.parse(l));
    expect(first.found).toBe(true);
    expect(first.citations[0].id).toMatch(/^004/);
    expect(second.error).toBeTruthy();
    expect(third).toEqual({ found: false, answer: expect.any(String), citations: [] });
  });

  it("search --json lists results with id, title, date, score and snippet", async () => {
    const io = capture();
    expect(await main(["search", "semi-conducteurs", "--corpus", CORPUS, "--json", "--limit", "3"], io)).toBe(
      0,
    );
    const { results } = JSON.parse(io.stdout.join("\n"));
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(3);
    expect(results[0].id).toMatch(/^000/);
    expect(results[0].snippet).toMatch(/semi-conducteurs/);
    for (const r of results) expect(typeof r.score).toBe("number");
  });

  it("article shows an article by id prefix and fails clearly on an unknown id", async () => {
    const ok = capture();
    expect(await main(["article", "003", "--corpus", CORPUS], ok)).toBe(0);
    expect(ok.stdout.join("\n")).toContain("Hayashi Yoshimasa");
    const missing = capture();
    expect(await main(["article", "nope", "--corpus", CORPUS], missing)).toBe(1);
    expect(missing.stdout.join("\n")).toContain("nope");
  });

  it("rejects bad usage with exit code 2 and a message", async () => {
    const unknown = capture();
    expect(await main(["frobnicate"], unknown)).toBe(2);
    expect(unknown.stderr.join("\n")).toMatch(/unknown command/);
    const badLimit = capture();
    expect(await main(["search", "x", "--limit", "zero", "--corpus", CORPUS], badLimit)).toBe(2);
    expect(badLimit.stderr.join("\n")).toMatch(/--limit/);
    const noQuestion = capture();
    expect(await main(["ask"], noQuestion)).toBe(2);
  });

  it("reports a missing corpus path instead of crashing", async () => {
    const io = capture();
    expect(await main(["ask", "Qui ?", "--corpus", resolve(ROOT, "no-such-folder")], io)).toBe(1);
    expect(io.stderr.join("\n")).toMatch(/no-such-folder/);
    expect(io.stderr.join("\n")).toMatch(/no article could be loaded/);
  });

  it("says what a corpus holds when a folder has no article file, instead of a silent no-result", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsbot-txt-corpus-"));
    writeFileSync(join(dir, "a.txt"), "Hayashi Yoshimasa a été reçu à Hanoi.");
    const io = capture();
    expect(await main(["search", "Hayashi", "--corpus", dir], io)).toBe(0);
    expect(io.stderr.join("\n")).toMatch(/holds no article: articles are \.md files/);
    expect(io.stderr.join("\n")).toContain(dir);
    const loaded = capture();
    expect(await main(["search", "Hayashi", "--corpus", CORPUS], loaded)).toBe(0);
    expect(loaded.stderr.join("\n")).not.toMatch(/holds no article/);
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs as the `newsbot` bin", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [resolve(ROOT, "bin/newsbot.mjs"), "ask", "Qui est Hayashi Yoshimasa ?", "--json"],
      { cwd: ROOT },
    );
    expect(JSON.parse(stdout).citations[0].id).toMatch(/^003/);
  });
});

describe("the bot's start-up", () => {
  it("stops with one message naming NEWSBOT_CORPUS when the corpus is not there", async () => {
    const { startApp } = await import("../src/app/main.ts");
    await expect(
      startApp({
        env: { NEWSBOT_CORPUS: resolve(ROOT, "no-such-folder"), NEWSBOT_DB: ":memory:" },
        cwd: ROOT,
      }),
    ).rejects.toThrow(/NEWSBOT_CORPUS/);
  });
});

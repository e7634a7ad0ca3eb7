// A bad corpus file never stops the bot: an alias bomb, a 50 MB file and a binary file sit in the
// corpus folder next to a good article; start-up, the CLI and the folder watcher each load the
// good article, answer from it, and name every skipped file.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startApp } from "../src/app/main.ts";
import type { CliIO } from "../src/cli/io.ts";
import { main } from "../src/cli/main.ts";
import { parseArticleFile } from "../src/core/corpus/front-matter.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { watchCorpusFolder } from "../src/ingest/folder-watcher.ts";
import { consoleStreams } from "./fakes/console-streams.ts";
import { waitFor } from "./fakes/http.ts";

const GOOD =
  "---\nid: 900_pont\ntitle: Un pont suspendu relie Da Lat à Nha Trang\ndate: 2026-03-02\nlang: fr\n---\n\nLe pont suspendu de Lang Biang, long de 1.240 mètres, a été inauguré lundi par le ministre des Transports Tran Hong Minh.\n";

/** The "billion laughs": nine levels of aliases, each referring nine times to the one before. */
function aliasBomb(): string {
  const lines = ['a0: &a0 ["lol"]'];
  for (let i = 1; i <= 9; i++)
    lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(", ")}]`);
  return `---\nid: bomb\ntitle: Bombe\n${lines.join("\n")}\nrefs: [${Array.from({ length: 200 }, () => "*a9").join(", ")}]\n---\n\nTexte.\n`;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "newsbot-badfiles-"));
  writeFileSync(join(dir, "900_pont.md"), GOOD);
  writeFileSync(join(dir, "bomb.md"), aliasBomb());
  const huge = join(dir, "huge.md");
  writeFileSync(huge, "---\nid: huge\ntitle: Énorme\n---\n\n");
  truncateSync(huge, 50 * 1024 * 1024); // 50 MB (a sparse file: cheap to make)
  writeFileSync(join(dir, "binary.md"), Buffer.concat([Buffer.from("---\n"), randomBytes(4096)]));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SKIPPED = ["bomb.md", "huge.md", "binary.md"];

describe("bad corpus files are skipped and named", () => {
  it("the loader keeps the good article and says why each bad one was skipped", async () => {
    const { articles, problems } = await loadCorpus(dir);
    expect(articles.map((a) => a.id)).toEqual(["900_pont"]);
    const why = (name: string) => problems.find((p) => p.file.endsWith(name))?.message;
    expect(why("bomb.md")).toMatch(/alias/);
    expect(why("huge.md")).toMatch(/too large for an article \(50\.0 MiB; the limit is 4\.0 MiB\)/);
    expect(why("binary.md")).toMatch(/not a text file/);
  });

  it("refuses deep nesting and oversized front matter without throwing", () => {
    const deep = `---\nid: d\ntitle: T\nx: ${"[".repeat(5000)}${"]".repeat(5000)}\n---\n\nTexte.\n`;
    expect(parseArticleFile(deep, "deep.md")).toMatchObject({
      ok: false,
      problems: [{ file: "deep.md", message: expect.stringMatching(/nested deeper/) }],
    });
    const long = `---\nid: l\ntitle: T\nx: "${"a".repeat(20_000)}"\n---\n\nTexte.\n`;
    expect(parseArticleFile(long, "long.md")).toMatchObject({ ok: false });
    const dup = "---\nid: a\nid: b\ntitle: T\n---\n\nTexte.\n";
    expect(parseArticleFile(dup, "dup.md")).toMatchObject({ ok: false });
  });

  it("the bot starts, answers from the good file, and names the skipped ones", async () => {
    const session = consoleStreams();
    const { input } = session;
    const env = { NEWSBOT_CORPUS: dir, NEWSBOT_DB: ":memory:", NEWSBOT_WATCH: "off" };
    const app = await startApp({ env, cwd: dir, ...session });
    input.end("/news ask Combien mesure le pont suspendu de Lang Biang ?\n");
    await app.done;
    expect(session.text()).toContain("1.240 mètres");
    for (const name of SKIPPED) expect(session.log()).toContain(join(dir, name));
  });

  it("the CLI answers and names the skipped files on stderr", async () => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io: CliIO = { out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
    const code = await main(["ask", "Combien mesure le pont suspendu de Lang Biang ?", "--corpus", dir], io);
    expect(code).toBe(0);
    expect(stdout.join("\n")).toContain("1.240 mètres");
    for (const name of SKIPPED) expect(stderr.join("\n")).toContain(join(dir, name));
  });

  it("the folder watcher reports a bad dropped file and still takes the next good one", async () => {
    const watched = join(dir, "watched");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(watched);
    const problems: string[] = [];
    const ids: string[] = [];
    const watcher = watchCorpusFolder(watched, {
      debounceMs: 20,
      onArticles: (found) => {
        ids.push(...found.map((a) => a.id));
      },
      onProblems: (found) => {
        problems.push(...found.map((p) => `${p.file} ${p.message}`));
      },
    });
    try {
      await watcher.ready;
      writeFileSync(join(watched, "bomb.md"), aliasBomb());
      await watcher.check(join(watched, "bomb.md"));
      writeFileSync(join(watched, "binary.md"), randomBytes(2048));
      await watcher.check(join(watched, "binary.md"));
      writeFileSync(join(watched, "900_pont.md"), GOOD);
      await waitFor(() => (ids.includes("900_pont") ? true : undefined), 4000, "the good file");
      expect(problems.some((p) => p.startsWith(join(watched, "bomb.md")) && /alias/.test(p))).toBe(true);
      expect(problems.some((p) => p.startsWith(join(watched, "binary.md")) && /not a text/.test(p))).toBe(
        true,
      );
    } finally {
      watcher.close();
    }
  });

  it("the folder watcher skips an over-long appended JSON line and reads the next one", async () => {
    const watched = join(dir, "lines");
    const { mkdirSync, appendFileSync } = await import("node:fs");
    mkdirSync(watched);
    const file = join(watched, "feed.jsonl");
    writeFileSync(file, "");
    const problems: string[] = [];
    const ids: string[] = [];
    const watcher = watchCorpusFolder(watched, {
      debounceMs: 10_000, // checked by hand below
      onArticles: (found) => {
        ids.push(...found.map((a) => a.id));
      },
      onProblems: (found) => {
        problems.push(...found.map((p) => p.message));
      },
    });
    try {
      await watcher.ready;
      appendFileSync(file, `${"x".repeat(9 * 1024 * 1024)}\n`);
      appendFileSync(file, `${JSON.stringify({ id: "ok-1", title: "T", text: "Un texte." })}\n`);
      await watcher.check(file);
      expect(problems.some((p) => /longer than/.test(p))).toBe(true);
      expect(ids).toEqual(["ok-1"]);
    } finally {
      watcher.close();
    }
  });
});

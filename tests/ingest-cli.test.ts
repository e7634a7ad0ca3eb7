// `newsbot ingest --once` against the local news site: report lines, exit codes, articles written
// where start-up loads them, and a usage error.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runIngest } from "../src/cli/ingest-command.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { type NewsSite, startNewsSite } from "./fixtures/feeds/site.ts";

let site: NewsSite;
let dir: string;
beforeEach(async () => {
  site = await startNewsSite();
  dir = mkdtempSync(join(tmpdir(), "newsbot-ingest-cli-"));
  cpSync(join(import.meta.dirname, "../corpus"), join(dir, "corpus"), { recursive: true });
});
afterEach(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe("newsbot ingest", () => {
  it("--once polls the feeds, writes corpus files under corpus/ingested, reports per feed", async () => {
    const args = [
      "--once",
      "--corpus",
      join(dir, "corpus"),
      "--out",
      join(dir, "corpus/ingested"),
      "--db",
      join(dir, "state.db"),
      "--allow-private-feeds", // the local site stands in for an intranet
    ];
    const first = io();
    const feeds = `${site.url}/rss.xml,${site.url}/atom.xml,${site.url}/broken.xml`;
    expect(await runIngest([...args, "--feeds", feeds], first.io)).toBe(1); // one feed is broken
    expect(first.out.join("\n")).toMatch(/ok +http:.*\/rss\.xml: 2 added/);
    expect(first.out.join("\n")).toMatch(/error +http:.*\/broken\.xml: .*malformed XML/);
    expect(first.out.at(-1)).toMatch(/^3 articles added \(corpus now 8\)$/);
    const { articles } = await loadCorpus(join(dir, "corpus"));
    expect(articles).toHaveLength(8);

    // the feeds are remembered in the database; the next run is conditional
    const second = io();
    expect(await runIngest(args, second.io)).toBe(1);
    expect(second.out.join("\n")).toMatch(/not modified +http:.*\/rss\.xml/);
    expect(second.out.at(-1)).toMatch(/^0 articles added \(corpus now 8\)$/);
  });

  it("rejects bad options", async () => {
    const r = io();
    expect(await runIngest(["--feeds", "ftp://x", "--once"], r.io)).toBe(2);
    expect(r.err.join("\n")).toMatch(/not an http\(s\) URL/);
    const h = io();
    expect(await runIngest(["--help"], h.io)).toBe(0);
    expect(h.out[0]).toMatch(/^usage: newsbot ingest/);
  });
});

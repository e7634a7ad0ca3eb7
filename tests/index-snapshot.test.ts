// The persisted index: reused when the corpus is unchanged (same answers as a fresh build),
// extended when only new article files appeared, rebuilt when a known file changed, and never
// trusted when damaged (a flipped byte fails the checksum, a cut file its length): rebuilt instead;
// the article texts, read when wanted, are each checked as they are read.
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LoadedNews, loadNews, type SnapshotEvent } from "../src/snapshot/index.ts";

let dir: string;
let corpus: string;
let data: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "newsbot-snapshot-"));
  corpus = join(dir, "corpus");
  data = join(dir, "data");
  cpSync(resolve(import.meta.dirname, "../corpus"), corpus, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function load(lazyIndex = false): Promise<{ loaded: LoadedNews; events: SnapshotEvent[] }> {
  const events: SnapshotEvent[] = [];
  const loaded = await loadNews({
    paths: [corpus],
    snapshotDir: data,
    onEvent: (e) => events.push(e),
    lazyIndex,
  });
  return { loaded, events };
}

/** Where the first lazily read array (the postings) lies in a snapshot file. */
function postingsAt(bytes: Buffer): number {
  const headerStart = bytes.indexOf(10) + 1;
  const headerEnd = bytes.indexOf(10, headerStart);
  const header = JSON.parse(bytes.toString("utf8", headerStart, headerEnd)) as { lazy: { offset: number }[] };
  const first = header.lazy[0];
  if (!first) throw new Error("no lazy section");
  return Math.ceil((headerEnd + 1) / 8) * 8 + first.offset;
}

const QUESTION = "Qui est Hayashi Yoshimasa ?";

describe("index snapshot", () => {
  it("is written once built, then reused with the same answers and people", async () => {
    const first = await load();
    expect(first.loaded.source).toBe("corpus");
    first.loaded.core.suggestPeople("", 1);
    await first.loaded.save();
    expect(first.events.map((e) => e.type)).toEqual(["rebuilt", "saved"]);

    const again = await load();
    expect(again.loaded.source).toBe("snapshot");
    const fresh = first.loaded.core;
    const restored = again.loaded.core;
    expect(restored.news.articles.map((a) => a.id)).toEqual(fresh.news.articles.map((a) => a.id));
    expect(restored.ask(QUESTION, "fr")).toEqual(fresh.ask(QUESTION, "fr"));
    expect(restored.search("Japon Vietnam")).toEqual(fresh.search("Japon Vietnam"));
    expect(restored.exportPeople()).toEqual(fresh.exportPeople());
    await again.loaded.save();
    expect(again.events.map((e) => e.type)).toEqual(["loaded"]); // nothing new: not written again
  });

  it("a damaged snapshot is detected and rebuilt, never trusted", async () => {
    const first = await load();
    await first.loaded.save();
    const path = first.loaded.snapshotPath as string;
    const bytes = readFileSync(path);
    const flip = (at: number) => {
      const flipped = Buffer.from(bytes);
      flipped[at] = (flipped[at] as number) ^ 0xff;
      writeFileSync(path, flipped);
    };
    // in the index (just after the header line): found at once, rebuilt from the corpus
    flip(bytes.indexOf(10, bytes.indexOf(10) + 1) + 16);
    const damaged = await load();
    expect(damaged.loaded.source).toBe("corpus");
    expect(damaged.events[0]?.detail).toMatch(/checksum/);
    expect(damaged.loaded.core.ask(QUESTION, "fr").found).toBe(true);
    await damaged.loaded.save();
    expect((await load()).loaded.source).toBe("snapshot");

    writeFileSync(path, bytes.subarray(0, bytes.length - 10));
    const cut = await load();
    expect(cut.loaded.source).toBe("corpus");
    expect(cut.events[0]?.detail).toMatch(/truncated/);

    // a lazy section of a type the reader does not know (the header still parses): rebuilt too
    const header = bytes.subarray(0, bytes.indexOf(10, bytes.indexOf(10) + 1)).toString("latin1");
    const at = header.indexOf('"type":"Int32Array"', header.indexOf('"lazy":'));
    expect(at).toBeGreaterThan(0);
    const unknownType = Buffer.from(bytes);
    unknownType.write('"type":"Int99Array"', at, "latin1");
    writeFileSync(path, unknownType);
    const unknown = await load();
    expect(unknown.loaded.source).toBe("corpus");
    expect(unknown.events[0]?.detail).toMatch(/checksum/);

    writeFileSync(path, "garbage");
    expect((await load()).events[0]?.detail).toMatch(/not a snapshot/);
  });

  it("reads the postings when a search wants them, with the same answers; a damaged part is refused", async () => {
    const first = await load();
    await first.loaded.save();
    const fresh = first.loaded.core;
    const lazy = await load(true);
    expect(lazy.loaded.source).toBe("snapshot");
    expect(lazy.loaded.core.ask(QUESTION, "fr")).toEqual(fresh.ask(QUESTION, "fr"));
    expect(lazy.loaded.core.search("Japon Vietnam")).toEqual(fresh.search("Japon Vietnam"));
    expect(lazy.loaded.core.news.index.exportState()).toEqual(fresh.news.index.exportState());

    const path = first.loaded.snapshotPath as string;
    const bytes = readFileSync(path);
    const flipped = Buffer.from(bytes);
    const at = postingsAt(bytes) + 4; // the second posting of the first term
    flipped[at] = (flipped[at] as number) ^ 0xff;
    // read when wanted (a one-off command): the search that needs it throws, the file goes
    writeFileSync(path, flipped);
    const oneOff = await load(true);
    expect(oneOff.loaded.source).toBe("snapshot");
    const title = fresh.news.articles[0]?.title ?? "";
    expect(() => oneOff.loaded.core.search(title)).toThrow(/damaged/);
    expect(oneOff.events.map((e) => e.type)).toEqual(["loaded", "damaged"]);
    expect(existsSync(path)).toBe(false);
    // read whole before use (the bot): rebuilt from the corpus
    writeFileSync(path, flipped);
    const bot = await load();
    expect(bot.loaded.source).toBe("corpus");
    expect(bot.events[0]?.detail).toMatch(/checksum/);
    expect(bot.loaded.core.search(title)).toEqual(fresh.search(title));
  });

  it("damaged article texts are never served: the file goes, the texts come from the corpus", async () => {
    const first = await load();
    await first.loaded.save();
    const path = first.loaded.snapshotPath as string;
    const bytes = readFileSync(path);
    const flipped = Buffer.from(bytes);
    const at = flipped.length - 100; // in the last article's text
    flipped[at] = (flipped[at] as number) ^ 0xff;
    const last = first.loaded.core.news.articles.length - 1;

    // read one by one (a one-off command): the damaged text is refused, never returned
    writeFileSync(path, flipped);
    const oneOff = await load();
    expect(oneOff.loaded.source).toBe("snapshot"); // the index checks out; the texts are read when wanted
    expect(() => oneOff.loaded.core.news.articles[last]?.body).toThrow(/damaged/);
    expect(oneOff.events.map((e) => e.type)).toEqual(["loaded", "damaged"]);
    expect(existsSync(path)).toBe(false); // removed: the next start rebuilds it
    await oneOff.loaded.completeTexts();
    expect(oneOff.loaded.core.news.articles[last]?.body).toBe(first.loaded.core.news.articles[last]?.body);

    // read whole in the background (the bot, once ready): the same, found by the blob's checksum
    writeFileSync(path, flipped);
    const bot = await load();
    await bot.loaded.completeTexts();
    expect(bot.events.map((e) => e.type)).toEqual(["loaded", "damaged"]);
    expect(bot.loaded.core.news.articles.map((a) => a.body)).toEqual(
      first.loaded.core.news.articles.map((a) => a.body),
    );
    expect(bot.loaded.core.ask(QUESTION, "fr")).toEqual(first.loaded.core.ask(QUESTION, "fr"));
    await bot.loaded.save();
    expect(bot.events.at(-1)?.type).toBe("saved");
    expect((await load()).loaded.source).toBe("snapshot");
  });

  it("adds new article files to the saved index, and rebuilds when a known file changed", async () => {
    const first = await load();
    await first.loaded.save();
    const count = first.loaded.core.news.articles.length;
    writeFileSync(
      join(corpus, "900_pont.md"),
      "---\nid: 900_pont\ntitle: Un pont suspendu relie Da Lat à Nha Trang\ndate: 2026-03-02\nlang: fr\n---\n\nLe pont suspendu de Lang Biang, long de 1.240 mètres, a été inauguré lundi par le ministre des Transports.\n",
    );
    const grown = await load();
    expect(grown.loaded.source).toBe("snapshot+new-files");
    expect(grown.loaded.core.news.articles).toHaveLength(count + 1);
    expect(grown.loaded.core.search("pont suspendu Lang Biang")[0]?.id).toBe("900_pont");
    await grown.loaded.save();
    expect((await load()).loaded.source).toBe("snapshot");

    const known = first.loaded.core.news.articles[0]?.origin as string;
    appendFileSync(known, "\nUne phrase ajoutée après coup.\n");
    const changed = await load();
    expect(changed.loaded.source).toBe("corpus");
    expect(changed.events[0]?.detail).toBe("the corpus changed");
  });
});

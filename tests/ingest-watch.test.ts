// The watched corpus folder: a dropped corpus file and lines appended to a JSON-lines file reach
// the live index without a restart; a line still being written waits; bad lines are reported.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LoadProblem } from "../src/core/corpus/article.ts";
import { serializeArticle } from "../src/core/corpus/front-matter.ts";
import { searchArticles } from "../src/core/search/article-search.ts";
import { createNewsIndex, type NewsIndex } from "../src/core/search/news-index.ts";
import { type FolderWatcher, watchCorpusFolder } from "../src/ingest/folder-watcher.ts";
import { addToLiveIndex } from "../src/ingest/live-index.ts";

let dir: string;
let watcher: FolderWatcher | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "newsbot-watch-"));
});
afterEach(() => {
  watcher?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const line = (id: string, title: string, text: string) =>
  `${JSON.stringify({ id, title, text, date: "2026-03-12" })}\n`;

function start(news: NewsIndex, problems: LoadProblem[]): FolderWatcher {
  return watchCorpusFolder(dir, {
    debounceMs: 30,
    onArticles: async (articles) => {
      await addToLiveIndex(news, articles);
    },
    onProblems: (p) => problems.push(...p),
  });
}

describe("watched corpus folder", () => {
  it("reads a file written while the bot was starting (after the load, before the watch)", async () => {
    const loadedAt = new Date(Date.now() - 1000);
    writeFileSync(
      join(dir, "early.md"),
      serializeArticle({
        id: "early1",
        title: "Arrivé au démarrage",
        lang: "fr",
        body: "Un pont suspendu inauguré.",
      }),
    );
    const found: string[] = [];
    watcher = watchCorpusFolder(dir, {
      debounceMs: 30,
      since: loadedAt,
      onArticles: (articles) => {
        found.push(...articles.map((x) => x.id));
      },
    });
    await watcher.ready;
    await until(() => found.includes("early1"));
    // without `since`, what was there when the watch began counts as already loaded
    watcher.close();
    const none: string[] = [];
    watcher = watchCorpusFolder(dir, {
      debounceMs: 30,
      onArticles: (a) => void none.push(...a.map((x) => x.id)),
    });
    await watcher.ready;
    await new Promise((r) => setTimeout(r, 200));
    expect(none).toEqual([]);
  });

  it("picks up a dropped corpus file and appended JSON lines, live", async () => {
    writeFileSync(join(dir, "old.jsonl"), line("old1", "Ancien", "Déjà chargé au démarrage."));
    const news = createNewsIndex([
      { id: "old1", title: "Ancien", lang: "fr", body: "Déjà chargé au démarrage." },
    ]);
    const problems: LoadProblem[] = [];
    watcher = start(news, problems);
    await watcher.ready;

    mkdirSync(join(dir, "2026"));
    writeFileSync(
      join(dir, "2026", "w1.md"),
      serializeArticle({
        id: "w1",
        title: "Les drones de Hai Phong",
        lang: "fr",
        body: "Une usine de drones agricoles ouvre à Hai Phong avec des capitaux japonais.",
      }),
    );
    await until(() => news.find("w1") !== undefined);
    expect(searchArticles(news, "drones agricoles", { limit: 3 })[0]?.id).toBe("w1");

    appendFileSync(
      join(dir, "old.jsonl"),
      line("j1", "Kimonos à Hoi An", "Un festival du kimono se tient à Hoi An ce week-end."),
    );
    appendFileSync(join(dir, "old.jsonl"), '{"id": "j2", "title": "Inachevé", "te'); // still being written
    await until(() => news.find("j1") !== undefined);
    expect(news.articles.map((a) => a.id)).toEqual(["old1", "w1", "j1"]);
    appendFileSync(
      join(dir, "old.jsonl"),
      'xt": "La ligne est maintenant complète et parle de thé vert."}\nnot json\n',
    );
    await until(() => news.find("j2") !== undefined && problems.length > 0);
    expect(problems[0]?.message).toMatch(/invalid JSON/);
    expect(news.articles.filter((a) => a.id === "old1")).toHaveLength(1);
  });

  it("reads a new JSON-lines file from its start", async () => {
    const news = createNewsIndex([]);
    watcher = start(news, []);
    await watcher.ready;
    writeFileSync(
      join(dir, "new.jsonl"),
      line("n1", "Premier", "Le premier article du fichier.") +
        line("n2", "Second", "Le second article du fichier."),
    );
    await until(() => news.articles.length === 2);
  });
});

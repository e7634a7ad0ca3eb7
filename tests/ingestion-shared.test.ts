// A replica on a shared database follows the articles every replica publishes, its own included.
// When a file dropped into its watched folder was published before being added to its own index,
// its follower could add it first (a poll or the NOTIFY landing between the commit and the local
// add), and the watcher then found nothing new: no "[corpus] 1 new" line (tests/replicas-
// articles.test.ts waited 30 s for it and failed under load). Here the follower always gets there
// first: publishing adds the articles to the index before it returns.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { startIngestion } from "../src/app/ingestion.ts";
import { createLogger } from "../src/app/logger.ts";
import { createAppMetrics } from "../src/app/metrics.ts";
import type { SharedCorpus } from "../src/app/shared-state.ts";
import { loadConfig } from "../src/config/config.ts";
import type { NewsCore } from "../src/core/news-core.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { addToLiveIndex } from "../src/ingest/live-index.ts";
import { openDatabase } from "../src/storage/database.ts";
import { createSqliteFeedStore } from "../src/storage/feed-store.ts";
import { waitFor } from "./fakes/http.ts";

let dir: string | undefined;
let stops: { run: () => Promise<unknown> }[] = [];
afterEach(async () => {
  for (const s of stops) await s.run();
  stops = [];
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ARTICLE =
  "---\nid: 902_depeche-shared\ntitle: Un pont suspendu relie Da Lat à Nha Trang\ndate: 2026-03-02\nlang: fr\n---\n\nLe pont suspendu de Lang Biang, long de 1.240 mètres, a été inauguré lundi.\n";

describe("a watched file on a replica that follows its own publications", () => {
  it("is reported as new even when the replica's follower adds it as soon as it is published", async () => {
    dir = mkdtempSync(join(tmpdir(), "newsbot-shared-ingest-"));
    const corpusDir = join(dir, "corpus");
    mkdirSync(corpusDir);
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const news = createNewsIndex([]);
    const published: string[] = [];
    const shared: SharedCorpus = {
      load: async () => [],
      writer: (local) => local,
      // the database's NOTIFY reaching this replica's own follower before publish() returns
      publish: async (articles) => {
        published.push(...articles.map((a) => a.id));
        await addToLiveIndex(news, articles);
      },
      follow: async () => async () => {},
    };
    stops = startIngestion({
      config: loadConfig({}),
      core: { news } as unknown as NewsCore, // ingestion only reaches the index
      feedStore: createSqliteFeedStore(openDatabase(join(dir, "state.db"))),
      corpusDir,
      ingestedDir: join(corpusDir, "ingested"),
      log: createLogger({ level: "info", stream }),
      metrics: createAppMetrics(),
      onGrow: () => {},
      shared,
      since: new Date(Date.now() - 1000),
    });
    writeFileSync(join(corpusDir, "902_depeche-shared.md"), ARTICLE);
    await waitFor(() => (published.length > 0 ? true : undefined), 10_000, "the publication");
    expect(lines.join("")).toContain("[corpus] 1 new");
    expect(published[0]).toBe("902_depeche-shared");
    expect(news.articles.map((a) => a.id)).toEqual(["902_depeche-shared"]);
  });
});

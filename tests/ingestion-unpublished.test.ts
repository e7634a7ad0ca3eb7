// A watched file's articles that the shared database refused are sent again on their own (a timer,
// no other file needed) and survive a restart: kept in a file beside the snapshot, published by the
// next start. The refusal is real: the articles table renamed away on a real Postgres, then back.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startIngestion } from "../src/app/ingestion.ts";
import { createAppMetrics } from "../src/app/metrics.ts";
import { sharedCorpus } from "../src/app/shared-state.ts";
import { loadConfig } from "../src/config/config.ts";
import type { NewsCore } from "../src/core/news-core.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { openStores, type Stores } from "../src/storage/backend.ts";
import { waitFor } from "./fakes/http.ts";
import { logLines } from "./fakes/log-lines.ts";
import { startPostgres, type TestPostgres } from "./fakes/postgres.ts";
import { startNewsSite } from "./fixtures/feeds/site.ts";

let server: TestPostgres;
let dir: string;
let stores: Stores | undefined;
let stops: { run: () => Promise<unknown> }[] = [];

beforeAll(async () => {
  server = await startPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** Stops the running replica's ingestion as the app's stop sequence does: last step first. */
async function stopIngestion() {
  for (const s of [...stops].reverse()) await s.run();
  stops = [];
}

afterEach(async () => {
  await stopIngestion();
  await stores?.close();
  stores = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const ID = "905_depeche-retry";
const ARTICLE = `---\nid: ${ID}\ntitle: Un pont suspendu relie Da Lat à Nha Trang\ndate: 2026-03-02\nlang: fr\n---\n\nLe pont suspendu de Lang Biang, long de 1.240 mètres, a été inauguré lundi.\n`;

async function openShared() {
  dir = mkdtempSync(join(tmpdir(), "newsbot-unpublished-"));
  mkdirSync(join(dir, "corpus"));
  stores = await openStores({ databaseUrl: await server.database(), sqlitePath: ":memory:" });
  const pg = stores.pg;
  if (!pg) throw new Error("no Postgres");
  return {
    refuse: () => pg.pool.query("ALTER TABLE articles RENAME TO articles_away"),
    accept: () => pg.pool.query("ALTER TABLE articles_away RENAME TO articles"),
    shared: async () =>
      (await pg.pool.query<{ id: string }>("SELECT id FROM articles")).rows.map((r) => r.id),
  };
}

/** One replica's ingestion of `<dir>/corpus`, its pending articles kept in `<dir>/data`. */
function startReplica(retryMs: number, since: Date, env: Record<string, string> = {}) {
  if (!stores) throw new Error("stores first");
  const logged = logLines();
  const news = createNewsIndex([]);
  const corpusDir = join(dir, "corpus");
  stops = startIngestion({
    config: loadConfig(env),
    core: { news } as unknown as NewsCore, // ingestion only reaches the index
    feedStore: stores.feeds,
    corpusDir,
    ingestedDir: join(corpusDir, "ingested"),
    log: logged.log,
    metrics: createAppMetrics(),
    onGrow: () => {},
    shared: sharedCorpus(stores),
    since,
    unpublished: { file: join(dir, "data", "unpublished-articles.json"), retryMs },
  });
  return { corpusDir, log: logged.text, news };
}

describe("watched-folder articles the shared database refused", () => {
  it("are sent again by a timer, with no other file arriving", async () => {
    const db = await openShared();
    await db.refuse();
    const replica = startReplica(200, new Date(Date.now() - 1000));
    writeFileSync(join(replica.corpusDir, `${ID}.md`), ARTICLE);
    await waitFor(() => (replica.log().includes("not shared") ? true : undefined), 10_000, "the warning");
    expect(replica.news.articles.map((a) => a.id)).toEqual([ID]); // answered here meanwhile
    await db.accept();
    await waitFor(() => (replica.log().includes("now shared") ? true : undefined), 10_000, "the retry");
    expect(replica.log()).toContain("[shared] retrying 1 article(s)");
    expect(await db.shared()).toEqual([ID]);
    expect(existsSync(join(dir, "data", "unpublished-articles.json"))).toBe(false);
  }, 60_000);

  it("survive a restart and are published by the next start", async () => {
    const db = await openShared();
    await db.refuse();
    // no retry before the restart: only what the first run recorded can publish it
    const first = startReplica(600_000, new Date(Date.now() - 1000));
    writeFileSync(join(first.corpusDir, `${ID}.md`), ARTICLE);
    await waitFor(() => (first.log().includes("not shared") ? true : undefined), 10_000, "the warning");
    await stopIngestion();
    expect(existsSync(join(dir, "data", "unpublished-articles.json"))).toBe(true);
    await db.accept();
    // the file is older than this start: the watcher does not read it again
    const second = startReplica(600_000, new Date());
    await waitFor(
      async () => ((await db.shared()).includes(ID) ? true : undefined),
      10_000,
      "the publication",
    );
    expect(second.log()).toContain("not shared before the last stop");
    await waitFor(() => (second.log().includes("now shared") ? true : undefined), 10_000, "the log line");
    expect(second.news.articles).toEqual([]); // published from the record, not read again
    expect(existsSync(join(dir, "data", "unpublished-articles.json"))).toBe(false);
  }, 60_000);

  it("from a feed are kept and sent again the same way", async () => {
    const db = await openShared();
    await db.refuse();
    const site = await startNewsSite();
    try {
      await stores?.feeds.addFeed(`${site.url}/atom.xml`, "config", new Date().toISOString());
      // the local site stands in for an intranet feed
      const replica = startReplica(200, new Date(), { NEWSBOT_ALLOW_PRIVATE_FEEDS: "on" });
      await waitFor(() => (replica.log().includes("not shared") ? true : undefined), 10_000, "the warning");
      expect(replica.log()).toMatch(/\[feeds\] [1-9]\d* new/); // added here, not recorded as failed
      const ingested = replica.news.articles.map((a) => a.id).sort();
      expect(ingested.length).toBeGreaterThan(0);
      await db.accept();
      await waitFor(() => (replica.log().includes("now shared") ? true : undefined), 10_000, "the retry");
      expect((await db.shared()).sort()).toEqual(ingested);
    } finally {
      await site.close();
    }
  }, 60_000);
});

// A replica on a shared database follows the articles every replica publishes, its own included.
// When a file dropped into its watched folder was published before being added to its own index,
// its follower could add it first (a poll or the NOTIFY landing between the commit and the local
// add), and the watcher then found nothing new: no "[corpus] 1 new" line (tests/replicas-
// articles.test.ts waited 30 s for it and failed under load). Here the follower always gets there
// first: publishing adds the articles to the index before it returns.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startIngestion } from "../src/app/ingestion.ts";
import { createAppMetrics } from "../src/app/metrics.ts";
import type { SharedCorpus } from "../src/app/shared-state.ts";
import { createUnpublished } from "../src/app/unpublished.ts";
import { loadConfig } from "../src/config/config.ts";
import type { Article } from "../src/core/corpus/article.ts";
import type { NewsCore } from "../src/core/news-core.ts";
import { createNewsIndex, type NewsIndex } from "../src/core/search/news-index.ts";
import { addToLiveIndex } from "../src/ingest/live-index.ts";
import { openDatabase } from "../src/storage/database.ts";
import { createSqliteFeedStore } from "../src/storage/feed-store.ts";
import { waitFor } from "./fakes/http.ts";
import { logLines } from "./fakes/log-lines.ts";

let dir: string | undefined;
let stops: { run: () => Promise<unknown> }[] = [];
afterEach(async () => {
  for (const s of [...stops].reverse()) await s.run(); // as the stop sequence: last step first
  stops = [];
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ARTICLE =
  "---\nid: 902_depeche-shared\ntitle: Un pont suspendu relie Da Lat à Nha Trang\ndate: 2026-03-02\nlang: fr\n---\n\nLe pont suspendu de Lang Biang, long de 1.240 mètres, a été inauguré lundi.\n";

/** Ingestion of a watched folder on a replica whose `publish` is given; the log lines and index. */
function startReplica(
  publish: (news: NewsIndex, articles: readonly Article[]) => Promise<void>,
  retryMs = 600_000, // no timer during a test unless asked for: the next file sends them
) {
  dir = mkdtempSync(join(tmpdir(), "newsbot-shared-ingest-"));
  const corpusDir = join(dir, "corpus");
  mkdirSync(corpusDir);
  const logged = logLines();
  const news = createNewsIndex([]);
  const shared: SharedCorpus = {
    load: async () => [],
    publish: (articles) => publish(news, articles),
    follow: async () => async () => {},
  };
  stops = startIngestion({
    config: loadConfig({}),
    core: { news } as unknown as NewsCore, // ingestion only reaches the index
    feedStore: createSqliteFeedStore(openDatabase(join(dir, "state.db"))),
    corpusDir,
    ingestedDir: join(corpusDir, "ingested"),
    log: logged.log,
    metrics: createAppMetrics(),
    onGrow: () => {},
    shared,
    since: new Date(Date.now() - 1000),
    unpublished: { file: undefined, retryMs },
  });
  return { corpusDir, log: logged.text, news };
}

describe("a watched file on a replica that follows its own publications", () => {
  it("is reported as new even when the replica's follower adds it as soon as it is published", async () => {
    const published: string[] = [];
    // the database's NOTIFY reaching this replica's own follower before publish() returns
    const { corpusDir, log, news } = startReplica(async (index, articles) => {
      published.push(...articles.map((a) => a.id));
      await addToLiveIndex(index, articles);
    });
    writeFileSync(join(corpusDir, "902_depeche-shared.md"), ARTICLE);
    await waitFor(() => (published.length > 0 ? true : undefined), 10_000, "the publication");
    expect(log()).toContain("[corpus] 1 new");
    expect(published[0]).toBe("902_depeche-shared");
    expect(news.articles.map((a) => a.id)).toEqual(["902_depeche-shared"]);
  });

  it("says when the database failed to share it, and sends it again with the next file", async () => {
    const calls: string[][] = [];
    const { corpusDir, log, news } = startReplica(async (_index, articles) => {
      calls.push(articles.map((a) => a.id));
      if (calls.length === 1) throw new Error("connection terminated");
    });
    writeFileSync(join(corpusDir, "902_depeche-shared.md"), ARTICLE);
    await waitFor(() => (calls.length > 0 ? true : undefined), 10_000, "the failed publication");
    await waitFor(() => (log().includes("not shared") ? true : undefined), 10_000, "the warning");
    expect(log()).toContain("connection terminated");
    expect(log()).not.toContain("cannot read");
    expect(news.articles.map((a) => a.id)).toEqual(["902_depeche-shared"]);
    writeFileSync(
      join(corpusDir, "903_depeche-next.md"),
      ARTICLE.replace("902_depeche-shared", "903_depeche-next"),
    );
    await waitFor(() => (calls.length > 1 ? true : undefined), 10_000, "the next publication");
    expect(calls[1]).toEqual(["902_depeche-shared", "903_depeche-next"]);
    writeFileSync(
      join(corpusDir, "904_depeche-last.md"),
      ARTICLE.replace("902_depeche-shared", "904_depeche-last"),
    );
    await waitFor(() => (calls.length > 2 ? true : undefined), 10_000, "the last publication");
    expect(calls[2]).toEqual(["904_depeche-last"]); // sent once shared, not again
  });
});

describe("the retries of articles not shared yet", () => {
  it("back off while the database refuses them, and stop with the app", async () => {
    const logged = logLines();
    const calls: number[] = [];
    const unpublished = createUnpublished({
      publish: async () => {
        calls.push(Date.now());
        throw new Error("connection terminated");
      },
      file: undefined,
      log: logged.log,
      retryMs: 100,
      maxRetryMs: 400,
    });
    await unpublished.publish([
      { id: "906_depeche-backoff", title: "Un pont", body: "Un pont.", lang: "fr" },
    ]);
    await new Promise((r) => setTimeout(r, 1700));
    // 100 + 200 + 400 + 400 ms: 4 retries after the first try (16 without backoff, 1 without a timer)
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.length).toBeLessThanOrEqual(6);
    const gaps = calls.slice(1).map((t, i) => t - (calls[i] ?? t));
    expect(gaps[1]).toBeGreaterThan(150); // doubled
    expect(Math.max(...gaps)).toBeLessThan(1000); // capped
    expect(unpublished.size).toBe(1);
    await unpublished.stop();
    const stoppedAt = calls.length;
    await new Promise((r) => setTimeout(r, 600));
    expect(calls.length).toBe(stoppedAt);
  });
});

describe("a record of unshared articles that cannot be used", () => {
  const start = (file: string) => {
    const logged = logLines();
    const sent: string[][] = [];
    const unpublished = createUnpublished({
      publish: async (articles) => void sent.push(articles.map((a) => a.id)),
      file,
      log: logged.log,
    });
    return { unpublished, sent, log: logged.text };
  };

  it("is ignored with a warning that says why, and the bot starts", async () => {
    dir = mkdtempSync(join(tmpdir(), "newsbot-unpublished-record-"));
    const corrupt = join(dir, "corrupt.json");
    writeFileSync(corrupt, '[{"id": "907_depeche-cut", "title": "Un po');
    const a = start(corrupt);
    expect(a.unpublished.size).toBe(0);
    expect(a.log()).toContain("is ignored: not JSON");
    await a.unpublished.stop();
    // a folder where the file should be: unreadable, not silently taken for "nothing pending"
    const folder = join(dir, "folder.json");
    mkdirSync(folder);
    const b = start(folder);
    expect(b.unpublished.size).toBe(0);
    expect(b.log()).toContain("is ignored: cannot read it");
    await b.unpublished.stop();
    // nothing at all is the usual case: no warning
    const c = start(join(dir, "missing.json"));
    expect(c.log()).toBe("");
    await c.unpublished.stop();
  });

  it("keeps its articles when only some entries are not articles", async () => {
    dir = mkdtempSync(join(tmpdir(), "newsbot-unpublished-record-"));
    const file = join(dir, "unpublished-articles.json");
    const kept = { id: "908_depeche-kept", title: "Un pont", body: "Un pont.", lang: "fr" };
    writeFileSync(file, JSON.stringify([kept, { id: "909_depeche-no-body", title: "Un pont" }, 3]));
    const r = start(file);
    expect(r.log()).toContain("2 of the 3 entries");
    await waitFor(() => (r.sent.length > 0 ? true : undefined), 5000, "the publication");
    expect(r.sent).toEqual([[kept.id]]);
    await r.unpublished.stop();
  });
});

describe("publishes of unshared articles issued together", () => {
  it("run one at a time, a refused one's articles going with the next", async () => {
    const logged = logLines();
    let inFlight = 0;
    let overlapped = false;
    const calls: string[][] = [];
    const unpublished = createUnpublished({
      publish: async (articles) => {
        inFlight++;
        overlapped ||= inFlight > 1;
        calls.push(articles.map((a) => a.id));
        await new Promise((r) => setTimeout(r, 30));
        inFlight--;
        if (calls.length === 1) throw new Error("connection terminated");
      },
      file: undefined,
      log: logged.log,
      retryMs: 600_000,
    });
    const one = { id: "910_depeche-one", title: "Un pont", body: "Un pont.", lang: "fr" };
    const two = { id: "911_depeche-two", title: "Un tunnel", body: "Un tunnel.", lang: "fr" };
    // not awaited in between, as the feed ingester calls it
    await Promise.all([unpublished.publish([one]), unpublished.publish([two])]);
    expect(overlapped).toBe(false);
    expect(calls).toEqual([[one.id], [one.id, two.id]]);
    expect(unpublished.size).toBe(0);
    expect(logged.text()).toContain("now shared");
    await unpublished.stop();
  });
});

describe("an article the shared database always refuses", () => {
  const articles = ["908_a", "908_bad", "908_c", "908_d"].map((id) => ({
    id,
    title: `Dépêche ${id}`,
    body: "Un pont suspendu a été inauguré lundi.",
    lang: "fr",
  }));

  it("does not hold back the others: they are shared one by one, it is kept and named", async () => {
    const logged = logLines();
    const shared: string[] = [];
    const unpublished = createUnpublished({
      // one transaction per call, as pg-articles: a batch holding the bad article is refused whole
      publish: async (batch) => {
        if (batch.some((a) => a.id === "908_bad")) throw new Error("invalid byte sequence");
        shared.push(...batch.map((a) => a.id));
      },
      file: undefined,
      log: logged.log,
      retryMs: 600_000,
    });
    await unpublished.publish(articles);
    expect(shared.sort()).toEqual(["908_a", "908_c", "908_d"]);
    expect(unpublished.size).toBe(1);
    expect(logged.text()).toContain("refuses 1 on their own (908_bad");
    await unpublished.stop();
  });

  it("knocks only a few times per retry when the database itself is down", async () => {
    const logged = logLines();
    let calls = 0;
    const unpublished = createUnpublished({
      publish: async () => {
        calls += 1;
        throw new Error("connection refused");
      },
      file: undefined,
      log: logged.log,
      retryMs: 600_000,
    });
    await unpublished.publish(articles);
    expect(calls).toBe(4); // the batch, then three articles alone: not one call per article
    expect(unpublished.size).toBe(4);
    expect(logged.text()).toContain("are not shared with the other replicas yet");
    await unpublished.stop();
  });
});

describe("the record of unshared articles", () => {
  const pont = { id: "912_depeche-pont", title: "Un pont", body: "Un pont.", lang: "fr" };
  const tunnel = { id: "913_depeche-tunnel", title: "Un tunnel", body: "Un tunnel.", lang: "fr" };
  const replica = (file: string, refuse: () => boolean) => {
    const logged = logLines();
    const sent: string[][] = [];
    const unpublished = createUnpublished({
      publish: async (articles) => {
        if (refuse()) throw new Error("connection refused");
        sent.push(articles.map((a) => a.id));
      },
      file,
      log: logged.log,
      retryMs: 600_000,
    });
    return { unpublished, sent };
  };

  it("is cleared once the database takes the articles", async () => {
    dir = mkdtempSync(join(tmpdir(), "newsbot-unpublished-quiet-"));
    // (written before each publish, so that a crash during it loses nothing: see the next test)
    const file = join(dir, "data", "unpublished-articles.json");
    const r = replica(file, () => false);
    await r.unpublished.publish([pont]);
    await r.unpublished.publish([tunnel]);
    expect(r.sent).toEqual([[pont.id], [tunnel.id]]);
    expect(existsSync(file)).toBe(false);
    await r.unpublished.stop();
  });

  it("holds, once stopped, the articles of a publish still in flight", async () => {
    dir = mkdtempSync(join(tmpdir(), "newsbot-unpublished-inflight-"));
    const file = join(dir, "unpublished-articles.json");
    // a database that does not answer: the publish hangs past the stop's budget
    let answer: (() => void) | undefined;
    const unpublished = createUnpublished({
      publish: () =>
        new Promise<void>((resolve) => {
          answer = resolve;
        }),
      file,
      log: logLines().log,
    });
    void unpublished.publish([pont]);
    await waitFor(() => answer, 5000, "the publication");
    // recorded before the publish started: a crash now would lose nothing either
    expect(existsSync(file)).toBe(true);
    const stopping = unpublished.stop();
    await waitFor(() => (existsSync(file) ? true : undefined), 5000, "the record");
    expect(JSON.parse(readFileSync(file, "utf8")).map((a: { id: string }) => a.id)).toEqual([pont.id]);
    // the database answers after all: the record goes
    answer?.();
    await stopping;
    expect(existsSync(file)).toBe(false);
  });

  it("counts, when it cannot be written, the articles it should hold (those waiting their turn too)", async () => {
    dir = mkdtempSync(join(tmpdir(), "newsbot-unpublished-unwritable-"));
    // its folder cannot be made: a file stands where it would be
    writeFileSync(join(dir, "data"), "");
    const logged = logLines();
    let answer: (() => void) | undefined;
    const unpublished = createUnpublished({
      publish: () =>
        new Promise<void>((resolve) => {
          answer = resolve;
        }),
      file: join(dir, "data", "unpublished-articles.json"),
      log: logged.log,
    });
    void unpublished.publish([pont]);
    await waitFor(() => answer, 5000, "the publication");
    // the tunnel waits behind the pont's publish: the record to write holds both
    void unpublished.publish([tunnel]);
    await waitFor(
      () => (logged.text().includes("cannot record the 2 article(s)") ? true : undefined),
      5000,
      "the warning",
    );
    expect(logged.text()).not.toContain("cannot record the 0 article(s)");
    const first = answer;
    answer = undefined;
    first?.();
    await waitFor(() => answer, 5000, "the second publication");
    (answer as (() => void) | undefined)?.(); // (narrowed to undefined by the line above `first?.()`)
    await unpublished.stop();
  });

  it("is rewritten only when it changes, and is enough for the next start to share its articles", async () => {
    dir = mkdtempSync(join(tmpdir(), "newsbot-unpublished-changes-"));
    const file = join(dir, "unpublished-articles.json");
    let down = true;
    const first = replica(file, () => down);
    await first.unpublished.publish([pont]);
    const written = statSync(file);
    // the same article again, then a retry refused again: the record is the same, the file too
    await first.unpublished.publish([pont]);
    await first.unpublished.publish([]);
    expect(statSync(file).ino).toBe(written.ino);
    expect(statSync(file).mtimeMs).toBe(written.mtimeMs);
    // a new article refused: the record changes, so does the file (written whole, then renamed)
    await first.unpublished.publish([tunnel]);
    expect(statSync(file).ino).not.toBe(written.ino);
    expect(JSON.parse(readFileSync(file, "utf8")).map((a: { id: string }) => a.id)).toEqual([
      pont.id,
      tunnel.id,
    ]);
    await first.unpublished.stop();
    // the next start, with the database back, shares them from the record alone
    down = false;
    const second = replica(file, () => down);
    await waitFor(() => (second.sent.length > 0 ? true : undefined), 5000, "the publication");
    await second.unpublished.stop();
    expect(second.sent).toEqual([[pont.id, tunnel.id]]);
    expect(existsSync(file)).toBe(false);
  });
});

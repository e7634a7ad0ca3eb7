// Articles shared through a database that hangs: what the record of unshared articles holds while a
// publish never answers. The hang is real: another connection holds the articles table locked on a
// real Postgres, so the INSERT waits; releasing the lock lets it through.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sharedCorpus } from "../src/app/shared-state.ts";
import { createUnpublished, type Unpublished } from "../src/app/unpublished.ts";
import type { Article } from "../src/core/corpus/article.ts";
import { openStores, type Stores } from "../src/storage/backend.ts";
import { waitFor } from "./fakes/http.ts";
import { logLines } from "./fakes/log-lines.ts";
import { startPostgres, type TestPostgres } from "./fakes/postgres.ts";

let server: TestPostgres;
let dir: string;
let stores: Stores | undefined;
let locker: pg.Client | undefined;
let unpublished: Unpublished | undefined;
let proxy: Server | undefined;

beforeAll(async () => {
  server = await startPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});
afterEach(async () => {
  await locker?.end().catch(() => {});
  locker = undefined;
  await unpublished?.stop();
  unpublished = undefined;
  await stores?.close();
  stores = undefined;
  await new Promise((r) => (proxy ? proxy.close(r) : r(undefined)));
  proxy = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A TCP relay in front of the server that can go silent: while `silent`, what either side sends is
 * dropped, as on a network that lost the server (it neither answers nor closes).
 */
async function silentRelay(url: string) {
  const target = new URL(url);
  const state = { silent: false };
  const sockets = new Set<Socket>();
  proxy = createServer((client) => {
    const server = connect(Number(target.port), target.hostname);
    for (const s of [client, server]) {
      sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => {
        sockets.delete(s);
        client.destroy();
        server.destroy();
      });
    }
    client.on("data", (d) => void (state.silent || server.write(d)));
    server.on("data", (d) => void (state.silent || client.write(d)));
  });
  await new Promise<void>((r) => proxy?.listen(0, "127.0.0.1", r));
  const address = proxy.address();
  const relayed = new URL(url);
  relayed.port = String(typeof address === "object" && address ? address.port : 0);
  return {
    url: relayed.toString(),
    state,
    close: () => {
      for (const s of sockets) s.destroy();
    },
  };
}

const article = (id: string): Article => ({
  id,
  title: `Un pont ${id}`,
  body: `Le pont ${id} a été inauguré lundi.`,
  lang: "fr",
});

async function open(statementTimeoutMs?: number, through?: (url: string) => Promise<string>) {
  dir = mkdtempSync(join(tmpdir(), "newsbot-hung-"));
  const url = await server.database();
  stores = await openStores({
    databaseUrl: through ? await through(url) : url,
    sqlitePath: ":memory:",
    ...(statementTimeoutMs ? { statementTimeoutMs } : {}),
  });
  const db = stores.pg;
  if (!db) throw new Error("no Postgres");
  const logged = logLines();
  const file = join(dir, "data", "unpublished-articles.json");
  const shared = sharedCorpus(stores);
  return {
    file,
    log: logged.text,
    start: (retryMs = 600_000) => {
      unpublished = createUnpublished({ publish: shared.publish, file, log: logged.log, retryMs });
      return unpublished;
    },
    /** The articles table locked by another connection: writes to it wait. */
    lock: async () => {
      locker = new pg.Client({ connectionString: url });
      await locker.connect();
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE");
    },
    unlock: async () => {
      await locker?.query("COMMIT");
    },
    /** Resolves once a statement of this database waits for the lock (a publish in flight). */
    waiting: () =>
      waitFor(
        async () => {
          const r = await db.pool.query<{ n: string }>(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
          );
          return Number(r.rows[0]?.n) > 0 ? true : undefined;
        },
        10_000,
        "a publish waiting for the lock",
      ),
    shared: async () =>
      (await db.pool.query<{ id: string }>("SELECT id FROM articles ORDER BY id")).rows.map((r) => r.id),
  };
}

const recordedIds = (file: string): string[] | undefined => {
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as Article[]).map((a) => a.id).sort();
  } catch {
    return undefined;
  }
};

describe("the record of unshared articles while a publish hangs", () => {
  it("holds the articles in flight before the publish ends, and is cleared once it succeeds", async () => {
    const db = await open();
    await db.lock();
    const u = db.start();
    const sending = u.publish([article("901_a")]);
    await db.waiting();
    // a crash now would lose nothing: the record is written before the publish starts
    expect(recordedIds(db.file)).toEqual(["901_a"]);
    await db.unlock();
    await sending;
    expect(await db.shared()).toEqual(["901_a"]);
    expect(existsSync(db.file)).toBe(false);
  }, 60_000);

  it("holds the articles queued behind it when the bot stops", async () => {
    const db = await open();
    await db.lock();
    const u = db.start();
    void u.publish([article("902_a")]);
    await db.waiting();
    void u.publish([article("902_b"), article("902_c")]); // waits behind the hung one
    const stopping = u.stop(); // cannot finish while the publish hangs: the stop sequence gives up
    await waitFor(
      () => (recordedIds(db.file)?.length === 3 ? true : undefined),
      5000,
      "the three articles in the record",
    );
    expect(recordedIds(db.file)).toEqual(["902_a", "902_b", "902_c"]);
    // the next start sends them (here: the hung publish ends, the queued one follows)
    await db.unlock();
    await stopping;
  }, 60_000);

  it("logs a record it cannot remove after a publish went through", async () => {
    const db = await open();
    await db.lock();
    const u = db.start();
    const sending = u.publish([article("903_a")]);
    await db.waiting();
    // the record's path becomes something unlink cannot remove
    rmSync(db.file, { force: true });
    mkdirSync(db.file, { recursive: true });
    await db.unlock();
    await sending;
    expect(await db.shared()).toEqual(["903_a"]);
    expect(db.log()).toContain(`cannot remove ${db.file}`);
  }, 60_000);
});

describe("a statement timeout on the shared database", () => {
  it("turns a publish that hangs into a recorded failure, sent again once the database answers", async () => {
    const db = await open(300);
    await db.lock();
    const u = db.start(200);
    void u.publish([article("904_a")]);
    await waitFor(() => (db.log().includes("not shared") ? true : undefined), 5000, "the failure");
    expect(db.log()).toContain("statement timeout");
    expect(recordedIds(db.file)).toEqual(["904_a"]);
    await db.unlock();
    await waitFor(() => (db.log().includes("now shared") ? true : undefined), 10_000, "the retry");
    expect(await db.shared()).toEqual(["904_a"]);
    expect(existsSync(db.file)).toBe(false);
  }, 60_000);

  it("gives up on a server that stops answering, and the publish is retried", async () => {
    let relay: Awaited<ReturnType<typeof silentRelay>> | undefined;
    const db = await open(300, async (url) => {
      relay = await silentRelay(url);
      return relay.url;
    });
    if (!relay) throw new Error("no relay");
    const u = db.start(200);
    await u.publish([article("905_a")]); // the connection is open and healthy
    if (relay) relay.state.silent = true;
    const began = Date.now();
    void u.publish([article("905_b")]);
    await waitFor(() => (db.log().includes("not shared") ? true : undefined), 5000, "the failure");
    expect(Date.now() - began).toBeLessThan(3000); // 300 ms, then the client's grace of as much
    expect(recordedIds(db.file)).toEqual(["905_b"]);
    relay.state.silent = false;
    relay.close(); // the dropped bytes left those connections unusable; new ones are made
    await waitFor(() => (db.log().includes("now shared") ? true : undefined), 10_000, "the retry");
    expect(await db.shared()).toEqual(["905_a", "905_b"]);
  }, 60_000);
});

// Several replicas on one Postgres: 100 subscriptions due at the same time are posted exactly
// once each, whether both replicas live or one is killed mid-post (the other takes its claims
// over and looks its interrupted post up instead of sending it again). One replica is a real
// child process (SIGKILL is a real death); the other runs here.
import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsCore } from "../src/core/news-core.ts";
import { createScheduler, type Scheduler } from "../src/scheduling/scheduler.ts";
import { openStores, type Stores } from "../src/storage/backend.ts";
import { type ChannelServer, startChannelServer } from "./fakes/channel-server.ts";
import { waitFor } from "./fakes/http.ts";
import { httpPoster } from "./fakes/http-poster.ts";
import { startPostgres, type TestPostgres } from "./fakes/postgres.ts";
import { CORPUS } from "./fakes/real-core.ts";
import { REPLICA_TIMINGS } from "./fakes/replica-timings.ts";

const ROOT = resolve(import.meta.dirname, "..");
let server: TestPostgres;
const cleanup: (() => Promise<unknown> | unknown)[] = [];

beforeAll(async () => {
  server = await startPostgres();
});
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});
afterAll(async () => {
  await server?.stop();
});

/** 100 daily digests at 00:00 UTC, created two days ago: all due now (caught up at start). */
async function hundredDue(url: string): Promise<Stores> {
  const stores = await openStores({ databaseUrl: url, sqlitePath: "" });
  cleanup.push(() => stores.close());
  const created = new Date(Date.now() - 2 * 86_400_000);
  for (let i = 0; i < 100; i++) {
    await stores.subscriptions.create(
      {
        platform: "slack",
        channelId: `C${i}`,
        kind: "digest",
        time: "00:00",
        timezone: "UTC",
        days: [0, 1, 2, 3, 4, 5, 6],
        createdBy: "slack:T1:U1",
      },
      created,
    );
  }
  return stores;
}

function spawnReplica(
  url: string,
  channels: ChannelServer,
  worker: string,
): { child: ChildProcess; started: Promise<void> } {
  const child = spawn(process.execPath, ["bin/run-ts.mjs", "tests/fakes/replica.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, CHANNELS_URL: channels.url, WORKER: worker },
    stdio: ["ignore", "pipe", "inherit"],
  });
  cleanup.push(() => child.kill("SIGKILL"));
  const started = new Promise<void>((ok, fail) => {
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes("started")) ok();
    });
    child.once("exit", (code) => fail(new Error(`replica ${worker} exited (${code})`)));
  });
  started.catch(() => {}); // a replica killed before it said so
  return { child, started };
}

async function localReplica(stores: Stores, channels: ChannelServer, worker: string): Promise<Scheduler> {
  const { articles } = await loadCorpus(CORPUS);
  const scheduler = createScheduler({
    core: createNewsCore(articles),
    locale: "fr",
    subscriptions: stores.subscriptions,
    deliveries: stores.deliveries,
    posters: [httpPoster(channels.url, worker)],
    worker,
    ...REPLICA_TIMINGS,
    ...(process.env.DEBUG_REPLICAS ? { log: (e: unknown) => console.log(JSON.stringify(e)) } : {}),
  });
  cleanup.push(() => scheduler.stop());
  return scheduler;
}

const perChannel = (channels: ChannelServer) => {
  const counts = new Map<string, number>();
  for (const m of channels.messages) counts.set(m.channel, (counts.get(m.channel) ?? 0) + 1);
  return counts;
};

async function allDone(stores: Stores): Promise<number> {
  const r = await stores.pg?.pool.query<{ status: string; n: number }>(
    "SELECT status, count(*)::int AS n FROM deliveries GROUP BY status",
  );
  if (process.env.DEBUG_REPLICAS) console.log(JSON.stringify(r?.rows));
  return r?.rows.find((x) => x.status === "done")?.n ?? 0;
}

describe("two replicas on one Postgres", () => {
  it("100 subscriptions due in the same minute: exactly 100 posts, one per channel", async () => {
    const url = await server.database();
    const stores = await hundredDue(url);
    const channels = await startChannelServer(5);
    cleanup.push(() => channels.close());
    const here = await localReplica(stores, channels, "here");
    await Promise.all([spawnReplica(url, channels, "there").started, here.start()]);
    await waitFor(
      async () => ((await allDone(stores)) === 100 ? true : undefined),
      30_000,
      "100 deliveries done",
    );
    await here.idle();
    expect(channels.messages).toHaveLength(100);
    expect([...perChannel(channels).values()].every((n) => n === 1)).toBe(true);
    expect(perChannel(channels).size).toBe(100);
  }, 90_000);

  it("one replica killed mid-post: the other finishes, still exactly 100", async () => {
    const url = await server.database();
    const stores = await hundredDue(url);
    const channels = await startChannelServer(10);
    cleanup.push(() => channels.close());
    // the doomed replica's 25th post reaches the channel, then the process dies before the reply
    let killed = false;
    const doomed = spawnReplica(url, channels, "doomed");
    channels.hold("doomed", 25, () => {
      doomed.child.kill("SIGKILL");
      killed = true;
    });
    await Promise.race([doomed.started, waitFor(() => (killed ? true : undefined), 20_000, "the kill")]);
    const survivor = await localReplica(stores, channels, "survivor");
    await survivor.start();
    await waitFor(() => (killed ? true : undefined), 20_000, "the kill");
    await waitFor(
      async () => ((await allDone(stores)) === 100 ? true : undefined),
      30_000,
      "100 deliveries done",
    );
    await survivor.idle();
    const byWorker = new Map<string, number>();
    for (const m of channels.messages) byWorker.set(m.worker, (byWorker.get(m.worker) ?? 0) + 1);
    expect(byWorker.get("doomed")).toBe(25);
    expect(byWorker.get("survivor")).toBe(75);
    expect(channels.messages).toHaveLength(100);
    expect(perChannel(channels).size).toBe(100);
    expect([...perChannel(channels).values()].every((n) => n === 1)).toBe(true);
  }, 90_000);
});

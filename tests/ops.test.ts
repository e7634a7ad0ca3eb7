// Running 24/7: /healthz and /readyz (unready once the database file is read-only), /metrics with
// the named series after a few commands, and SIGTERM during a scheduled delivery to Slack (the
// fake Web API answers late) leaving the delivery done, within the 10 s a supervisor grants.

import { EventEmitter } from "node:events";
import { chmodSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { startApp } from "../src/app/main.ts";
import { onStopSignals } from "../src/app/shutdown.ts";
import { createDeliveryLog, createSubscriptionStore, openDatabase } from "../src/storage/index.ts";
import { consoleStreams } from "./fakes/console-streams.ts";
import { waitFor } from "./fakes/http.ts";
import { startFakeSlack } from "./fakes/slack.ts";

let dir: string;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  rmSync(dir, { recursive: true, force: true });
});

function workDir(): string {
  dir = mkdtempSync(join(tmpdir(), "newsbot-ops-"));
  cpSync(resolve(import.meta.dirname, "../corpus"), join(dir, "corpus"), { recursive: true });
  return dir;
}

const get = async (port: number, path: string) => {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, text: await res.text() };
};

describe("health, readiness and metrics", () => {
  it("/healthz answers, /readyz turns unready when the database is read-only, /metrics counts", async () => {
    workDir();
    const db = join(dir, "data", "bot.db");
    const session = consoleStreams();
    const app = await startApp({
      env: { NEWSBOT_DB: db, NEWSBOT_HTTP: "on", PORT: "0", NEWSBOT_WATCH: "off" },
      cwd: dir,
      ...session,
    });
    cleanups.push(() => app.stop());
    const port = app.http?.port as number;
    expect(port).toBeGreaterThan(0);

    expect((await get(port, "/healthz")).status).toBe(200);
    const ready = await get(port, "/readyz");
    expect(ready.status, ready.text).toBe(200);
    expect(JSON.parse(ready.text).checks.map((c: { name: string }) => c.name)).toEqual([
      "index",
      "database",
      "console",
    ]);

    chmodSync(db, 0o444);
    cleanups.push(() => chmodSync(db, 0o644));
    const unready = await get(port, "/readyz");
    expect(unready.status).toBe(503);
    const database = JSON.parse(unready.text).checks.find((c: { name: string }) => c.name === "database");
    expect(database.ok).toBe(false);
    expect(database.detail).toMatch(/read-only; make it writable/);
    chmodSync(db, 0o644);
    expect((await get(port, "/readyz")).status).toBe(200);

    session.input.write("/news ask Qui est Hayashi Yoshimasa ?\n");
    session.input.write("/news ask Quel temps fera-t-il sur Mars en 2090 ?\n");
    session.input.write("/news nimportequoi\n");
    await waitFor(
      () =>
        session.text().split("news>").length > 0 && /nimportequoi/.test(session.text()) ? true : undefined,
      15_000,
      "three replies",
    );
    const metrics = (await get(port, "/metrics")).text;
    expect(metrics).toMatch(/^newsbot_commands_total\{command="ask",outcome="ok"\} 1$/m);
    expect(metrics).toMatch(/^newsbot_commands_total\{command="ask",outcome="error"\} 1$/m); // the abstention
    expect(metrics).toMatch(/^newsbot_commands_total\{command="nimportequoi",outcome="error"\} 1$/m);
    expect(metrics).toMatch(/^newsbot_answer_seconds_count 2$/m);
    expect(metrics).toMatch(/^newsbot_abstentions_total 1$/m);
    expect(metrics).toMatch(/^newsbot_index_articles 5$/m);
    expect(metrics).toMatch(/^newsbot_index_bytes [1-9]\d*$/m);
    for (const name of ["newsbot_deliveries_total", "newsbot_feed_polls_total", "newsbot_feed_errors_total"])
      expect(metrics).toContain(`# TYPE ${name} counter`);
    expect(metrics).toContain("newsbot_process_resident_memory_bytes");
  }, 60_000);
});

describe("graceful shutdown", () => {
  it("SIGTERM during a delivery: the post finishes, is recorded done, and the process exits within 10 s", async () => {
    workDir();
    const slack = await startFakeSlack();
    cleanups.push(() => slack.close());
    const dbPath = join(dir, "data", "bot.db");
    // a daily digest for a channel, as `/news subscribe` would have stored it
    const setup = openDatabase(dbPath);
    const sub = await createSubscriptionStore(setup).create({
      platform: "slack",
      channelId: "C0SHUTDOWN",
      kind: "digest",
      time: "08:00",
      timezone: "Europe/Paris",
      days: [0, 1, 2, 3, 4, 5, 6],
      createdBy: "T1:U1",
    });
    setup.close();

    const app = await startApp({
      env: {
        NEWSBOT_DB: dbPath,
        NEWSBOT_WATCH: "off",
        NEWSBOT_CATCH_UP: "off",
        SLACK_BOT_TOKEN: "xoxb-test-token",
        SLACK_SIGNING_SECRET: "test-signing-secret-123",
        SLACK_API_URL: slack.apiUrl,
        PORT: "0",
      },
      cwd: dir,
      input: new PassThrough(),
      output: new PassThrough(),
      errorOutput: new PassThrough(),
    });
    // Slack's HTTP receiver serves the health routes on its own port
    expect((await get(app.http?.port as number, "/healthz")).status).toBe(200);
    expect((await get(app.http?.port as number, "/readyz")).text).toMatch(/"name":"slack","ok":true/);
    slack.faults({ delayMs: 1500, record: true }); // Slack answers the post late
    const delivering = app.scheduler.deliver(sub.id, "2026-01-15", "manual");
    await waitFor(() => (slack.posts.length > 0 ? true : undefined), 10_000, "the post under way");

    const signals = new EventEmitter();
    const exited = new Promise<number>((done) => onStopSignals(app, { signals, exit: done }));
    const began = Date.now();
    signals.emit("SIGTERM");
    const code = await exited;
    expect(code).toBe(0);
    expect(Date.now() - began).toBeLessThan(10_000);
    expect(await delivering).toBe("delivered");

    const after = openDatabase(dbPath);
    const record = await createDeliveryLog(after).get(sub.id, "2026-01-15");
    after.close();
    expect(record?.status).toBe("done");
    expect(slack.posts).toHaveLength(1);
  }, 60_000);
});

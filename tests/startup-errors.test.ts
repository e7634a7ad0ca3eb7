// Start-up failures an operator meets, against a local fake or a closed port: one line naming
// what to fix, its own exit code (README: exit codes), no stack trace, and well within 15 s.
// Each case runs `startApp` in this process (the same code path, timed without module loading);
// the real process is spawned for a few of them to check what it prints and exits with.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeStartupError, EXIT_CODES } from "../src/app/exit-codes.ts";
import { startApp } from "../src/app/main.ts";
import { runIngest } from "../src/cli/ingest-command.ts";
import { close, listen, sendJson } from "./fakes/http.ts";

const ROOT = resolve(import.meta.dirname, "..");
const ARTICLE =
  "---\nid: one\ntitle: Un article\ndate: 2026-01-02\n---\n\nLe conseil municipal a voté le budget lundi.\n";

let dir: string;
const servers: Server[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "newsbot-startup-"));
  mkdirSync(join(dir, "corpus"));
  writeFileSync(join(dir, "corpus", "one.md"), ARTICLE);
});
afterAll(async () => {
  for (const s of servers) await close(s);
  rmSync(dir, { recursive: true, force: true });
});

interface Outcome {
  code: number | null;
  stderr: string;
  ms: number;
}

const BASE_ENV = { NEWSBOT_DB: ":memory:", NEWSBOT_WATCH: "off" };

/** Start the bot in this process with only `env` (and a corpus): the failure's line and code. */
async function startIn(env: Record<string, string>): Promise<Outcome> {
  const began = Date.now();
  const errors = new PassThrough();
  let log = "";
  errors.on("data", (c: Buffer) => {
    log += c.toString("utf8");
  });
  const input = new PassThrough();
  try {
    const app = await startApp({
      env: { NEWSBOT_CORPUS: join(dir, "corpus"), ...BASE_ENV, ...env },
      cwd: dir,
      input,
      output: new PassThrough(),
      errorOutput: errors,
    });
    input.end();
    await app.stop();
    return { code: 0, stderr: log, ms: Date.now() - began };
  } catch (error) {
    const { code, text } = describeStartupError(error);
    return { code, stderr: `${log}${text}\n`, ms: Date.now() - began };
  }
}

/** Start the bot as a real process with only `env` (and a corpus), until it exits. */
function spawnApp(env: Record<string, string>): Promise<Outcome> {
  const began = Date.now();
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [join(ROOT, "bin/run-ts.mjs"), join(ROOT, "src/app/main.ts")],
      {
        cwd: dir,
        timeout: 90_000, // loading the modules alone can take long on a busy machine
        env: {
          PATH: process.env.PATH ?? "",
          HOME: dir,
          NEWSBOT_CORPUS: join(dir, "corpus"),
          ...BASE_ENV,
          ...env,
        },
      },
      (_error, _stdout, stderr) => done({ code: child.exitCode, stderr, ms: Date.now() - began }),
    );
    child.stdin?.end();
  });
}

/** The failure's line: the only line that says `newsbot:`, with no stack trace anywhere. */
function expectOneLine(o: Outcome, code: number, pattern: RegExp): void {
  expect(o.stderr).not.toMatch(/^\s+at /m);
  const lines = o.stderr.split("\n").filter((l) => l.startsWith("newsbot:"));
  expect(lines, o.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(o.code, o.stderr).toBe(code);
  expect(o.ms).toBeLessThan(15_000);
}

async function closedPort(): Promise<number> {
  const { server, port } = await listen(() => {});
  await close(server);
  return port;
}

async function fakeApi(handler: (path: string) => { status: number; body: unknown }): Promise<string> {
  const { server, url } = await listen((req, res) => {
    const { status, body } = handler(new URL(req.url ?? "/", "http://x").pathname);
    sendJson(res, status, body);
  });
  servers.push(server);
  return url;
}

const SLACK = { SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "0123456789abcdef", PORT: "0" };
const DISCORD = { DISCORD_TOKEN: "a-test-token-of-24-chars" };

describe("start-up failures: one line, a distinct exit code", () => {
  it("a file that is not a database names the path and NEWSBOT_DB (exit 4)", async () => {
    const db = join(dir, "garbage.db");
    writeFileSync(db, "this is not a SQLite database, just text that is long enough to be read as a header");
    const o = await startIn({ NEWSBOT_DB: db });
    expectOneLine(
      o,
      EXIT_CODES.database,
      new RegExp(`cannot open the database ${db} \\(NEWSBOT_DB\\): it is not a usable SQLite database`),
    );
  });

  it("a database locked by another process says so (exit 4)", async () => {
    const path = join(dir, "locked.db");
    const holder = new BetterSqlite3(path);
    holder.pragma("journal_mode = DELETE");
    holder.exec("CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);");
    try {
      const o = await startIn({ NEWSBOT_DB: path });
      expectOneLine(
        o,
        EXIT_CODES.database,
        /locked\.db \(NEWSBOT_DB\): it is locked by another process .*; stop the other process using it, or point NEWSBOT_DB at another file/,
      );
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
  });

  it("Slack answering invalid_auth names SLACK_BOT_TOKEN (exit 5); xoxb-test passes the config check", async () => {
    const api = await fakeApi(() => ({ status: 200, body: { ok: false, error: "invalid_auth" } }));
    const o = await startIn({ ...SLACK, SLACK_API_URL: `${api}/api/` });
    expectOneLine(o, EXIT_CODES.token, /^newsbot: Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/);
  });

  it("Slack unreachable gives the URL tried and what to check, without minutes of retries (exit 6)", async () => {
    const port = await closedPort();
    const o = await startIn({ ...SLACK, SLACK_API_URL: `http://127.0.0.1:${port}/api/` });
    expectOneLine(
      o,
      EXIT_CODES.unreachable,
      new RegExp(
        `^newsbot: Slack: cannot reach http://127\\.0\\.0\\.1:${port}/api/auth\\.test \\(.*ECONNREFUSED.*\\); check the network, a proxy or firewall, and SLACK_API_URL`,
      ),
    );
  });

  it("a Slack API that accepts connections but never answers is given up within 15 s (exit 6)", async () => {
    const { server, url } = await listen(() => {}); // never responds
    servers.push(server);
    const o = await startIn({ ...SLACK, SLACK_API_URL: `${url}/api/` });
    expectOneLine(
      o,
      EXIT_CODES.unreachable,
      new RegExp(`^newsbot: Slack: cannot reach ${url}/api/auth\\.test`),
    );
  }, 20_000);

  it("Slack's port already in use names PORT (exit 7)", async () => {
    const api = await fakeApi(() => ({
      status: 200,
      body: { ok: true, team_id: "T1", user_id: "U1", bot_id: "B1" },
    }));
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, r));
    servers.push(busy);
    const port = String((busy.address() as AddressInfo).port);
    const o = await startIn({ ...SLACK, SLACK_API_URL: `${api}/api/`, PORT: port });
    expectOneLine(o, EXIT_CODES.port, new RegExp(`cannot listen on port ${port} \\(already in use\\).*PORT`));
  });

  it("Discord answering 401 names DISCORD_TOKEN (exit 5)", async () => {
    const api = await fakeApi(() => ({ status: 401, body: { message: "401: Unauthorized", code: 0 } }));
    const o = await startIn({ ...DISCORD, DISCORD_API_URL: `${api}/api` });
    expectOneLine(o, EXIT_CODES.token, /^newsbot: Discord refused DISCORD_TOKEN \(401 Unauthorized\)/);
  });

  it("a Discord API that never answers is given up within 15 s (exit 6)", async () => {
    const { server, url } = await listen(() => {}); // never responds
    servers.push(server);
    const o = await startIn({ ...DISCORD, DISCORD_API_URL: `${url}/api` });
    expectOneLine(
      o,
      EXIT_CODES.unreachable,
      new RegExp(
        `^newsbot: Discord: cannot reach ${url}/api/v10/gateway/bot \\(no gateway session within 12 s\\)`,
      ),
    );
  }, 20_000);

  it("Discord unreachable gives the URL tried (exit 6)", async () => {
    const port = await closedPort();
    const o = await startIn({ ...DISCORD, DISCORD_API_URL: `http://127.0.0.1:${port}/api` });
    expectOneLine(
      o,
      EXIT_CODES.unreachable,
      new RegExp(
        `^newsbot: Discord: cannot reach http://127\\.0\\.0\\.1:${port}/api/v10/gateway/bot \\(.*\\); check the network, a proxy or firewall, and DISCORD_API_URL`,
      ),
    );
  });

  it("token checks state the real rule (exit 3)", async () => {
    const o = await startIn({
      NEWSBOT_LOCALE: "en",
      DISCORD_TOKEN: "too-short",
      SLACK_BOT_TOKEN: "xoxp-123",
      SLACK_SIGNING_SECRET: "x".repeat(16),
    });
    expect(o.code).toBe(EXIT_CODES.config);
    expect(o.stderr).toMatch(/DISCORD_TOKEN is invalid: expected at least 20 characters/);
    expect(o.stderr).toMatch(
      /SLACK_BOT_TOKEN is invalid: expected a token starting with xoxb- followed by at least one character/,
    );
    expect(o.stderr).not.toMatch(/^\s+at /m);
  });
});

describe.concurrent("the real process prints that one line and exits with its code", {
  timeout: 90_000,
}, () => {
  it("a file that is not a database: exit 4", async () => {
    const db = join(dir, "garbage-2.db");
    writeFileSync(db, "this is not a SQLite database, just text that is long enough to be read as a header");
    const o = await spawnApp({ NEWSBOT_DB: db });
    expect(o.code, o.stderr).toBe(EXIT_CODES.database);
    expect(o.stderr.trim()).toMatch(new RegExp(`^newsbot: cannot open the database ${db} \\(NEWSBOT_DB\\)`));
  });

  it("Slack unreachable: exit 6, one line", async () => {
    const port = await closedPort();
    const o = await spawnApp({ ...SLACK, SLACK_API_URL: `http://127.0.0.1:${port}/api/` });
    expect(o.code, o.stderr).toBe(EXIT_CODES.unreachable);
    expect(o.stderr).not.toMatch(/^\s+at /m);
    expect(o.stderr.trim().split("\n").at(-1)).toMatch(
      /^newsbot: Slack: cannot reach http:\/\/127\.0\.0\.1:/,
    );
  });

  it("`newsbot start` exits with the same code and line", async () => {
    const db = join(dir, "garbage-3.db");
    writeFileSync(db, "this is not a SQLite database, just text that is long enough to be read as a header");
    const o = await new Promise<Outcome>((done) => {
      const child = execFile(
        process.execPath,
        [join(ROOT, "bin/newsbot.mjs"), "start"],
        {
          cwd: dir,
          timeout: 90_000,
          env: { PATH: process.env.PATH ?? "", HOME: dir, ...BASE_ENV, NEWSBOT_DB: db },
        },
        (_error, _stdout, stderr) => done({ code: child.exitCode, stderr, ms: 0 }),
      );
      child.stdin?.end();
    });
    expect(o.code, o.stderr).toBe(EXIT_CODES.database);
    expect(o.stderr.trim()).toMatch(new RegExp(`^newsbot: cannot open the database ${db} \\(NEWSBOT_DB\\)`));
  });
});

describe("newsbot ingest with a bad --db", () => {
  it("names the file and --db, exit 4", async () => {
    const db = join(dir, "garbage-4.db");
    writeFileSync(db, "this is not a SQLite database, just text that is long enough to be read as a header");
    const err: string[] = [];
    const code = await runIngest(
      ["--once", "--corpus", join(dir, "corpus"), "--db", db, "--feeds", "https://news.example/rss"],
      {
        out: () => {},
        err: (l) => err.push(l),
      },
    );
    expect(code).toBe(EXIT_CODES.database);
    expect(err).toEqual([
      expect.stringMatching(
        new RegExp(
          `^newsbot ingest: cannot open the database ${db} \\(--db\\): it is not a usable SQLite database`,
        ),
      ),
    ]);
  });
});

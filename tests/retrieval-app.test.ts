// The app with NEWSBOT_RETRIEVAL=postgres: its local corpus is added to the shared table at start,
// and a question asked in its console is answered through Postgres full-text search (the GIN index
// is scanned for it), citing the article that states the fact. Without DATABASE_URL the setting is
// refused with a message naming what is missing.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app/main.ts";
import { ConfigError, loadConfig } from "../src/config/index.ts";
import { consoleStreams } from "./fakes/console-streams.ts";
import { waitFor } from "./fakes/http.ts";
import { startPostgres, type TestPostgres } from "./fakes/postgres.ts";

let server: TestPostgres;
let dir: string;
let app: RunningApp | undefined;

beforeAll(async () => {
  server = await startPostgres();
  dir = mkdtempSync(join(tmpdir(), "newsbot-retrieval-app-"));
}, 60_000);
afterAll(async () => {
  await app?.stop();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const ARTICLE =
  "---\nid: 902_depeche-barrage\ntitle: Un barrage hydroélectrique mis en service sur la rivière Sê San\ndate: 2026-03-04\nlang: fr\n---\n\nLe barrage de Plei Krông, d'une puissance de 420 mégawatts, a été mis en service mercredi par la compagnie nationale d'électricité.\n";

async function searchScans(client: pg.Client): Promise<number> {
  const r = await client.query<{ n: string }>(
    "SELECT idx_scan AS n FROM pg_stat_user_indexes WHERE indexrelname = 'articles_search'",
  );
  return Number(r.rows[0]?.n ?? 0);
}

describe("answers retrieved by Postgres full-text search in the app", () => {
  it("adds the local corpus to the shared table and answers through the full-text index", async () => {
    const url = await server.database();
    const cwd = join(dir, "a");
    cpSync(resolve(import.meta.dirname, "../corpus"), join(cwd, "corpus"), { recursive: true });
    writeFileSync(join(cwd, "corpus", "902_depeche-barrage.md"), ARTICLE);
    // six articles: the planner would read the table rather than the index, which shows nothing
    const stats = new pg.Client({ connectionString: url });
    await stats.connect();
    await stats.query(`ALTER DATABASE ${new URL(url).pathname.slice(1)} SET enable_seqscan = off`);
    const session = consoleStreams();
    app = await startApp({ env: { DATABASE_URL: url, NEWSBOT_RETRIEVAL: "postgres" }, cwd, ...session });
    expect(app.config.retrieval).toBe("postgres");
    await waitFor(
      () => (session.log().includes("[retrieval] 6 local articles added") ? true : undefined),
      10_000,
      "the local corpus in Postgres",
    );
    const before = await searchScans(stats);
    session.input.write("/news ask Quelle est la puissance du barrage de Plei Krông ?\n");
    await waitFor(() => (session.text().includes("420 mégawatts") ? true : undefined), 5000, "the answer");
    expect(session.text()).toContain("Un barrage hydroélectrique mis en service");
    // statistics reach pg_stat a moment after the query's transaction
    await waitFor(
      async () => ((await searchScans(stats)) > before ? true : undefined),
      5000,
      "a GIN index scan",
    ).finally(() => stats.end());
  }, 60_000);

  it("refuses NEWSBOT_RETRIEVAL=postgres without DATABASE_URL, and an unknown retrieval, naming the variable", () => {
    const message = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      return "no error";
    };
    expect(message({ NEWSBOT_RETRIEVAL: "postgres", NEWSBOT_LOCALE: "en" })).toContain(
      "DATABASE_URL is required with NEWSBOT_RETRIEVAL=postgres",
    );
    expect(message({ NEWSBOT_RETRIEVAL: "elastic" })).toMatch(/NEWSBOT_RETRIEVAL.*memory or postgres/);
    expect(loadConfig({ NEWSBOT_RETRIEVAL: "memory" }).retrieval).toBeUndefined();
    expect(loadConfig({ NEWSBOT_RETRIEVAL: "Postgres", DATABASE_URL: "postgres://u@h/db" }).retrieval).toBe(
      "postgres",
    );
  });
});

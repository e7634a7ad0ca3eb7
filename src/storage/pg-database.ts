// Opening the shared Postgres database (`DATABASE_URL`): a connection pool, the schema migrated to
// the current version under an advisory lock (two replicas starting together migrate once), and
// a `tx` helper for the few writes that must be atomic. Failures are `DatabaseOpenError`s naming
// the server (never the password) and saying what is wrong.
import pg from "pg";
import { DatabaseOpenError } from "./database.ts";
import { PG_MIGRATIONS } from "./pg-schema.ts";

export interface PgDatabase {
  readonly pool: pg.Pool;
  /** Runs `body` in one transaction on one connection: committed when it returns, rolled back when it throws. */
  tx<T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(an unparsable DATABASE_URL)";
  }
}

// Any constant shared by every replica: the key of the advisory lock held while migrating.
const MIGRATION_LOCK = 7_173_001;

/** The longest a statement may run by default (NEWSBOT_DB_STATEMENT_TIMEOUT_MS), in ms. */
export const STATEMENT_TIMEOUT_MS = 15_000;

export interface PgOptions {
  /** Connections in the pool. Default 10. */
  readonly max?: number;
  /**
   * The longest a statement may run (ms; default STATEMENT_TIMEOUT_MS): the server cancels it
   * (`statement_timeout`: a lock never released, a query that never ends), and the client gives up
   * a little later when the server itself does not answer, as it does waiting for a connection.
   * A write that hangs then fails like any refused write (published articles are kept and sent
   * again: app/unpublished.ts) instead of holding its caller forever. The migration at start-up
   * is not bounded (an index over every article may take long, and a second replica waits for it).
   */
  readonly statementTimeoutMs?: number;
}

// what the client waits beyond the server's own timeout before it gives up on the server
const clientGraceMs = (ms: number) => Math.min(ms, 5000);

export async function openPostgres(url: string, options: PgOptions = {}): Promise<PgDatabase> {
  const timeout = options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS;
  try {
    await migrate(url, timeout);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new DatabaseOpenError(redactUrl(url), (error as Error).message || String(error), code);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    statement_timeout: timeout,
    query_timeout: timeout + clientGraceMs(timeout),
    connectionTimeoutMillis: timeout,
  });
  // an idle connection dropped by the server must not crash the process
  pool.on("error", () => {});
  const tx = async <T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query("BEGIN");
      const out = await body(client);
      await client.query("COMMIT");
      return out;
    } catch (error) {
      // a server that did not answer in time: the connection is dropped, not rolled back (the
      // rollback would wait behind the statement that hangs)
      broken = (error as Error).message === "Query read timeout";
      if (!broken) await client.query("ROLLBACK").catch(() => (broken = true));
      throw error;
    } finally {
      client.release(broken);
    }
  };
  return { pool, tx, close: () => pool.end() };
}

/** The schema brought to the current version, on a connection of its own without a statement timeout. */
async function migrate(url: string, connectTimeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("BEGIN");
    try {
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await client.query("CREATE TABLE IF NOT EXISTS newsbot_schema (version INTEGER NOT NULL)");
      const row = (await client.query<{ version: number }>("SELECT version FROM newsbot_schema")).rows[0];
      let current = row?.version ?? 0;
      if (!row) await client.query("INSERT INTO newsbot_schema (version) VALUES (0)");
      if (current > PG_MIGRATIONS.length)
        throw new Error(
          `the database schema (version ${current}) is newer than this newsbot (${PG_MIGRATIONS.length}); upgrade newsbot`,
        );
      for (const m of PG_MIGRATIONS.slice(current)) {
        await client.query(m.sql);
        current = m.version;
      }
      await client.query("UPDATE newsbot_schema SET version = $1", [current]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    await client.end().catch(() => {});
  }
}

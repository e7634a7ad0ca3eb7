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

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<PgDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // an idle connection dropped by the server must not crash the process
  pool.on("error", () => {});
  const tx = async <T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const out = await body(client);
      await client.query("COMMIT");
      return out;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  try {
    await tx(async (client) => {
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
    });
  } catch (error) {
    await pool.end().catch(() => {});
    const code = (error as { code?: string }).code;
    throw new DatabaseOpenError(redactUrl(url), (error as Error).message || String(error), code);
  }
  return { pool, tx, close: () => pool.end() };
}

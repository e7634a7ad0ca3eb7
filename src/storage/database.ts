// Opening the embedded database: WAL mode so a second bot process can read while one writes, a
// busy timeout so two processes claiming the same delivery wait for each other instead of failing,
// and the schema migrated to the current version.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { migrate } from "./migrations.ts";
import { MIGRATIONS } from "./schema.ts";

export type Database = BetterSqlite3.Database;

export function openDatabase(path: string): Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  let db: Database;
  try {
    db = new BetterSqlite3(path);
  } catch (e) {
    throw new Error(`cannot open the database at ${path}: ${(e as Error).message}`);
  }
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  migrate(db, MIGRATIONS);
  return db;
}

// Opening the embedded database: WAL mode so a second bot process can read while one writes, a
// busy timeout so two processes claiming the same delivery wait for each other instead of failing,
// and the schema migrated to the current version. Any failure to open, lock or migrate it is a
// `DatabaseOpenError` that names the file and says what is wrong with it.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { migrate } from "./migrations.ts";
import { MIGRATIONS } from "./schema.ts";

export type Database = BetterSqlite3.Database;

export class DatabaseOpenError extends Error {
  override name = "DatabaseOpenError";
  constructor(
    readonly path: string,
    /** What is wrong, in a few words (`it is locked by another process`). */
    readonly reason: string,
    readonly code: string | undefined,
  ) {
    super(`cannot open the database ${path}: ${reason}`);
  }
}

function reasonFor(error: unknown): string {
  const code = (error as { code?: string }).code ?? "";
  const detail = (error as Error).message;
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))
    return `it is locked by another process (${detail})`;
  if (code.startsWith("SQLITE_NOTADB") || code.startsWith("SQLITE_CORRUPT"))
    return `it is not a usable SQLite database (${detail})`;
  if (code.startsWith("SQLITE_READONLY") || code === "EACCES" || code === "EROFS")
    return `it cannot be written (${detail})`;
  if (code.startsWith("SQLITE_CANTOPEN")) return `the file cannot be opened or created (${detail})`;
  return detail;
}

export function openDatabase(path: string): Database {
  let db: Database | undefined;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new BetterSqlite3(path);
    db.pragma("busy_timeout = 5000"); // first, so the pragmas below wait for a busy file too
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    migrate(db, MIGRATIONS);
    return db;
  } catch (error) {
    db?.close();
    throw new DatabaseOpenError(path, reasonFor(error), (error as { code?: string }).code);
  }
}

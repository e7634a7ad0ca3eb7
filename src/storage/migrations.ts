// Schema migrations, applied in order inside one transaction each and recorded in SQLite's
// `user_version`, so a database is upgraded in place and never half-migrated.
import type BetterSqlite3 from "better-sqlite3";

export interface Migration {
  /** 1, 2, 3…: applied in this order, each once. */
  readonly version: number;
  readonly description: string;
  readonly up: (db: BetterSqlite3.Database) => void;
}

export function migrate(db: BetterSqlite3.Database, migrations: readonly Migration[]): number {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migrations must be numbered 1, 2, 3…; found ${m.version} at ${i + 1}`);
  });
  let current = db.pragma("user_version", { simple: true }) as number;
  if (current > sorted.length) {
    throw new Error(
      `the database schema (version ${current}) is newer than this newsbot (${sorted.length}); upgrade newsbot`,
    );
  }
  for (const m of sorted.slice(current)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    current = m.version;
  }
  return current;
}

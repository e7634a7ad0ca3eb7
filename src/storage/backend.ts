// Which engine holds the state: Postgres when a `DATABASE_URL` is given (several replicas share
// it), else the embedded SQLite file. Both give the same stores, so nothing above this module
// knows which one it runs on.
import { type Database, openDatabase } from "./database.ts";
import { createSqliteFeedStore, type FeedStore } from "./feed-store.ts";
import type { PgDatabase } from "./pg-database.ts";
import {
  type AuditLog,
  createAuditLog,
  createDeliveryLog,
  createSubscriptionStore,
  type DeliveryLog,
  type SubscriptionStore,
} from "./subscription-store.ts";

export interface Stores {
  readonly backend: "sqlite" | "postgres";
  readonly subscriptions: SubscriptionStore;
  readonly deliveries: DeliveryLog;
  readonly audit: AuditLog;
  readonly feeds: FeedStore;
  /** The Postgres database when that is the backend (articles are shared through it too). */
  readonly pg?: PgDatabase;
  /** The SQLite database when that is the backend. */
  readonly sqlite?: Database;
  close(): Promise<void>;
}

export function sqliteStores(db: Database): Stores {
  return {
    backend: "sqlite",
    subscriptions: createSubscriptionStore(db),
    deliveries: createDeliveryLog(db),
    audit: createAuditLog(db),
    feeds: createSqliteFeedStore(db),
    sqlite: db,
    close: async () => {
      if (db.open) db.close();
    },
  };
}

/** The stores over Postgres (its modules and `pg` are loaded only when Postgres is used). */
export async function pgStores(pg: PgDatabase): Promise<Stores> {
  const { createPgFeedStore } = await import("./pg-feed-store.ts");
  const { createPgAuditLog, createPgDeliveryLog, createPgSubscriptionStore } = await import(
    "./pg-subscription-store.ts"
  );
  return {
    backend: "postgres",
    subscriptions: createPgSubscriptionStore(pg),
    deliveries: createPgDeliveryLog(pg),
    audit: createPgAuditLog(pg),
    feeds: createPgFeedStore(pg),
    pg,
    close: () => pg.close(),
  };
}

/**
 * Postgres when `databaseUrl` is set (`statementTimeoutMs`: see pg-database.ts), else the SQLite
 * file at `sqlitePath` (`:memory:` allowed).
 */
export async function openStores(options: {
  databaseUrl?: string;
  sqlitePath: string;
  statementTimeoutMs?: number;
}): Promise<Stores> {
  if (options.databaseUrl) {
    const { openPostgres } = await import("./pg-database.ts");
    const timeout = options.statementTimeoutMs;
    return pgStores(
      await openPostgres(options.databaseUrl, timeout === undefined ? {} : { statementTimeoutMs: timeout }),
    );
  }
  return sqliteStores(openDatabase(options.sqlitePath));
}

// The stores are ports whose methods return promises, so that a networked engine (Postgres) and
// the embedded one (SQLite, synchronous through better-sqlite3) sit behind the same interface. The
// SQLite implementations are written synchronously — their transactions never yield — and wrapped
// here, method by method, into the asynchronous port.

/** The synchronous twin of a port: each method returns what the port's promise resolves to. */
export type SyncOf<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K];
};

/** The port over a synchronous implementation: a throw becomes a rejected promise. */
export function asyncPort<T extends object>(sync: SyncOf<T>): T {
  const port: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(sync)) {
    port[name] =
      typeof value === "function"
        ? async (...args: unknown[]) => (value as (...a: unknown[]) => unknown)(...args)
        : value;
  }
  return port as T;
}

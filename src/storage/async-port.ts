// The stores are ports whose methods return promises, so that a networked engine (Postgres) and
// the embedded one (SQLite, synchronous through better-sqlite3) sit behind the same interface. The
// SQLite implementations are written synchronously — their transactions never yield — and wrapped
// here, method by method, into the asynchronous port.

/** The synchronous twin of a port: each method returns what the port's promise resolves to. */
export type SyncOf<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K];
};

/**
 * The public members of an implementation (a plain object or a class instance: its own and its
 * class's methods, `#private` ones excluded), methods bound to it, as a plain object — so a port's
 * method can be passed around or destructured like a closure's.
 */
export function boundMethods<T extends object>(impl: T): T {
  const out: Record<string, unknown> = {};
  for (let o: object | null = impl; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (name === "constructor" || name in out) continue;
      const value: unknown = (impl as Record<string, unknown>)[name];
      out[name] = typeof value === "function" ? value.bind(impl) : value;
    }
  }
  return out as T;
}

/** The port over a synchronous implementation: a throw becomes a rejected promise. */
export function asyncPort<T extends object>(sync: SyncOf<T>): T {
  const port: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(boundMethods(sync))) {
    port[name] =
      typeof value === "function"
        ? async (...args: unknown[]) => (value as (...a: unknown[]) => unknown)(...args)
        : value;
  }
  return port as T;
}

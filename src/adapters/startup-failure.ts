// Why an adapter could not start, in a form the app turns into one line and an exit code: the
// platform refused the token, could not be reached, or the local port is taken. Kept apart from
// any one adapter so each can throw it without importing another.

export type StartupFailureKind = "database" | "token" | "unreachable" | "port";

export class StartupFailure extends Error {
  override name = "StartupFailure";
  constructor(
    readonly kind: StartupFailureKind,
    message: string,
  ) {
    super(message);
  }
}

/** `promise`, or `onTimeout()`'s error after `ms`: start-up never waits for minutes. */
export async function withDeadline<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The reason inside a network error (`ECONNREFUSED`, `ENOTFOUND host`…), for a one-line message. */
export function networkReason(error: unknown): string {
  let e = error as (Error & { cause?: unknown; code?: string; original?: unknown }) | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === "string" && /^E[A-Z]+$/.test(e.code)) return `${e.code}: ${e.message}`;
    e = (e.original ?? e.cause) as typeof e;
  }
  return (error as Error)?.message ?? String(error);
}

// Per-user rate limit: at most `max` commands in any sliding window of `windowMs` for one key
// (`slack:T1:U1`, `discord:1234`). Memory stays bounded: a key's old timestamps are dropped when
// it is checked, and idle keys are swept now and then.

export interface RateLimiter {
  /** Count one use; `retryAfterMs` > 0 when the key is over its limit (the use is then not counted). */
  take(key: string): { readonly ok: boolean; readonly retryAfterMs: number };
}

export function createRateLimiter(options: {
  max: number;
  windowMs?: number;
  now?: () => number;
}): RateLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const uses = new Map<string, number[]>();
  let lastSweep = now();
  return {
    take(key) {
      const t = now();
      if (t - lastSweep > windowMs * 10) {
        for (const [k, list] of uses) if ((list.at(-1) ?? 0) <= t - windowMs) uses.delete(k);
        lastSweep = t;
      }
      const list = (uses.get(key) ?? []).filter((u) => u > t - windowMs);
      if (list.length >= options.max) {
        uses.set(key, list);
        return { ok: false, retryAfterMs: (list[0] ?? t) + windowMs - t };
      }
      list.push(t);
      uses.set(key, list);
      return { ok: true, retryAfterMs: 0 };
    },
  };
}

// The daily token budget of the chat model, kept in SQLite so a restart does not reset it: each
// call adds the tokens the endpoint reports (or an estimate from the text when it reports none)
// to the day's row (UTC), and no call is made once the day's budget is spent.
import type { Database } from "../storage/database.ts";

export interface TokenBudget {
  /** Tokens left today; Infinity without a limit. */
  left(now?: Date): number;
  spend(tokens: number, now?: Date): void;
  used(now?: Date): number;
}

const day = (now: Date) => now.toISOString().slice(0, 10);

export function createTokenBudget(db: Database, dailyTokens: number | undefined): TokenBudget {
  db.exec(`CREATE TABLE IF NOT EXISTS model_token_usage (
    day TEXT PRIMARY KEY,
    tokens INTEGER NOT NULL DEFAULT 0,
    calls INTEGER NOT NULL DEFAULT 0
  )`);
  const read = db.prepare<[string], { tokens: number }>("SELECT tokens FROM model_token_usage WHERE day = ?");
  const add = db.prepare<[string, number]>(
    `INSERT INTO model_token_usage (day, tokens, calls) VALUES (?, ?, 1)
     ON CONFLICT(day) DO UPDATE SET tokens = tokens + excluded.tokens, calls = calls + 1`,
  );
  const used = (now = new Date()) => read.get(day(now))?.tokens ?? 0;
  return {
    used,
    left: (now = new Date()) =>
      dailyTokens ? Math.max(0, dailyTokens - used(now)) : Number.POSITIVE_INFINITY,
    spend: (tokens, now = new Date()) => {
      add.run(day(now), Math.max(0, Math.round(tokens)));
    },
  };
}

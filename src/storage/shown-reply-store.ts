// Replies kept server-side by id for a while, so a "post to channel" button posts exactly the reply
// that was shown (not a re-run of its command, whose answer may have changed meanwhile) and its
// button carries only a short id. A small port with its SQLite implementation (schema version 5);
// an expired or unknown id gives nothing.
import { randomBytes } from "node:crypto";
import type { Reply } from "../core/reply/reply.ts";
import type { Database } from "./database.ts";

export interface ShownReplyStore {
  /** Keeps `reply` until `now + ttlMs`; returns its id. */
  save(
    input: { platform: string; userId: string; command: string; reply: Reply; question?: string },
    now: Date,
    ttlMs: number,
  ): string;
  get(id: string, now: Date): { reply: Reply; userId: string; command: string } | undefined;
  /** The id of the latest unexpired reply kept with a question (an answer) for this user. */
  latestAnswer(platform: string, userId: string, now: Date): string | undefined;
}

export function createSqliteShownReplyStore(db: Database): ShownReplyStore {
  const insert = db.prepare(
    `INSERT INTO shown_replies (id, platform, user_id, command, question, reply, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const latest = db.prepare<[string, string, string], { id: string }>(
    `SELECT id FROM shown_replies
     WHERE platform = ? AND user_id = ? AND question IS NOT NULL AND expires_at > ?
     ORDER BY created_at DESC, rowid DESC LIMIT 1`,
  );
  const select = db.prepare<[string, string], { reply: string; user_id: string; command: string }>(
    "SELECT reply, user_id, command FROM shown_replies WHERE id = ? AND expires_at > ?",
  );
  const purge = db.prepare<[string]>("DELETE FROM shown_replies WHERE expires_at <= ?");
  return {
    save(input, now, ttlMs) {
      purge.run(now.toISOString());
      const id = randomBytes(9).toString("base64url");
      insert.run(
        id,
        input.platform,
        input.userId,
        input.command,
        input.question ?? null,
        JSON.stringify(input.reply),
        now.toISOString(),
        new Date(now.getTime() + ttlMs).toISOString(),
      );
      return id;
    },
    get(id, now) {
      const row = select.get(id, now.toISOString());
      return row
        ? { reply: JSON.parse(row.reply) as Reply, userId: row.user_id, command: row.command }
        : undefined;
    },
    latestAnswer(platform, userId, now) {
      return latest.get(platform, userId, now.toISOString())?.id;
    },
  };
}

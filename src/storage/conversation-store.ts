// The last turn of each conversation thread (Slack thread, Discord thread or DM, the console),
// so a follow-up in it is read in context. A small port (`ConversationStore`) with the SQLite
// implementation and an in-memory one (the console, tests); a turn older than `maxAgeMs` is
// forgotten: a thread picked up days later starts afresh.
import type { Database } from "./database.ts";

export interface ThreadKey {
  readonly platform: string;
  readonly channelId: string;
  /** The thread's id (Slack `thread_ts`, Discord thread or DM channel id). */
  readonly threadId: string;
}

export interface ConversationTurn {
  readonly question: string;
  readonly referent?: string;
  readonly updatedAt: string;
}

export interface ConversationStore {
  get(key: ThreadKey, now: Date, maxAgeMs: number): ConversationTurn | undefined;
  save(key: ThreadKey, turn: ConversationTurn): void;
}

const fresh = (turn: ConversationTurn | undefined, now: Date, maxAgeMs: number) =>
  turn && now.getTime() - Date.parse(turn.updatedAt) <= maxAgeMs ? turn : undefined;

export function createSqliteConversationStore(db: Database): ConversationStore {
  const select = db.prepare<
    [string, string, string],
    { question: string; referent: string | null; updated_at: string }
  >(
    "SELECT question, referent, updated_at FROM conversations WHERE platform = ? AND channel_id = ? AND thread_id = ?",
  );
  const upsert = db.prepare(
    `INSERT INTO conversations (platform, channel_id, thread_id, question, referent, updated_at)
     VALUES (@platform, @channelId, @threadId, @question, @referent, @updatedAt)
     ON CONFLICT (platform, channel_id, thread_id) DO UPDATE SET
       question = excluded.question, referent = excluded.referent, updated_at = excluded.updated_at`,
  );
  return {
    get(key, now, maxAgeMs) {
      const row = select.get(key.platform, key.channelId, key.threadId);
      const turn = row
        ? {
            question: row.question,
            updatedAt: row.updated_at,
            ...(row.referent ? { referent: row.referent } : {}),
          }
        : undefined;
      return fresh(turn, now, maxAgeMs);
    },
    save(key, turn) {
      upsert.run({
        ...key,
        question: turn.question,
        referent: turn.referent ?? null,
        updatedAt: turn.updatedAt,
      });
    },
  };
}

export function createMemoryConversationStore(): ConversationStore {
  const turns = new Map<string, ConversationTurn>();
  const id = (k: ThreadKey) => JSON.stringify([k.platform, k.channelId, k.threadId]);
  return {
    get: (key, now, maxAgeMs) => fresh(turns.get(id(key)), now, maxAgeMs),
    save: (key, turn) => void turns.set(id(key), turn),
  };
}

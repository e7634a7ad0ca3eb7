// The 👍/👎 votes given on answers, for evaluation: each row names the answer (the id it was kept
// under), who voted where, the vote, an optional comment, and a copy of what was judged — the
// question, the answer's text, the cited article ids and the confidence shown — so the export
// stays readable after the kept answer has expired. One vote per user per answer: voting again
// changes it. A small port with its SQLite implementation (schema versions 5 and 7).
import type { Database } from "./database.ts";

export type Vote = "up" | "down";

export interface FeedbackInput {
  /** The id the answer was kept under (shown_replies). */
  readonly replyId: string;
  readonly platform: string;
  /** `slack:T…:U…`, `discord:…`, `console:console`. */
  readonly userId: string;
  readonly channelId?: string;
  /** The message the buttons were on (Slack `ts`, Discord message id). */
  readonly messageId?: string;
  readonly vote: Vote;
  readonly comment?: string;
  readonly question?: string;
  readonly answer: string;
  readonly citations: readonly string[];
  readonly confidence?: number;
}

export interface FeedbackRecord extends FeedbackInput {
  readonly id: number;
  /** When the vote was last given or changed (ISO 8601). */
  readonly at: string;
}

/** `stored`: a first vote; `changed`: the user's earlier vote on this answer was replaced. */
export type FeedbackOutcome = "stored" | "changed";

export interface FeedbackStore {
  record(input: FeedbackInput, now: Date): FeedbackOutcome;
  /** Every vote, oldest first; from `since` on when given. */
  list(options?: { since?: Date }): FeedbackRecord[];
}

interface Row {
  id: number;
  reply_id: string;
  platform: string;
  user_id: string;
  channel_id: string | null;
  message_id: string | null;
  vote: Vote;
  comment: string | null;
  question: string | null;
  answer: string;
  citations: string;
  confidence: number | null;
  at: string;
}

function fromRow(r: Row): FeedbackRecord {
  return {
    id: r.id,
    replyId: r.reply_id,
    platform: r.platform,
    userId: r.user_id,
    ...(r.channel_id !== null ? { channelId: r.channel_id } : {}),
    ...(r.message_id !== null ? { messageId: r.message_id } : {}),
    vote: r.vote,
    ...(r.comment !== null ? { comment: r.comment } : {}),
    ...(r.question !== null ? { question: r.question } : {}),
    answer: r.answer,
    citations: JSON.parse(r.citations) as string[],
    ...(r.confidence !== null ? { confidence: r.confidence } : {}),
    at: r.at,
  };
}

export function createSqliteFeedbackStore(db: Database): FeedbackStore {
  const existing = db.prepare<[string, string], { id: number }>(
    "SELECT id FROM feedback WHERE reply_id = ? AND user_id = ?",
  );
  // a second vote replaces the first; a comment given before is kept unless a new one is given
  const upsert = db.prepare(
    `INSERT INTO feedback (reply_id, platform, user_id, channel_id, message_id, vote, comment,
       question, answer, citations, confidence, at)
     VALUES (@replyId, @platform, @userId, @channelId, @messageId, @vote, @comment,
       @question, @answer, @citations, @confidence, @at)
     ON CONFLICT (reply_id, user_id) DO UPDATE SET
       vote = excluded.vote, at = excluded.at,
       comment = COALESCE(excluded.comment, feedback.comment),
       channel_id = COALESCE(excluded.channel_id, feedback.channel_id),
       message_id = COALESCE(excluded.message_id, feedback.message_id)`,
  );
  const all = db.prepare<[string], Row>("SELECT * FROM feedback WHERE at >= ? ORDER BY at, id");
  return {
    record(input, now) {
      return db.transaction((): FeedbackOutcome => {
        const before = existing.get(input.replyId, input.userId);
        upsert.run({
          replyId: input.replyId,
          platform: input.platform,
          userId: input.userId,
          channelId: input.channelId ?? null,
          messageId: input.messageId ?? null,
          vote: input.vote,
          comment: input.comment ?? null,
          question: input.question ?? null,
          answer: input.answer,
          citations: JSON.stringify(input.citations),
          confidence: input.confidence ?? null,
          at: now.toISOString(),
        });
        return before ? "changed" : "stored";
      })();
    },
    list(options = {}) {
      return all.all(options.since?.toISOString() ?? "").map(fromRow);
    },
  };
}

// The chat tables (migration 5), kept apart from schema.ts so the chat stores can be ported to
// another backend as one unit: the last turn of each conversation thread (follow-ups), the
// feedback given on answers (👍/👎), replies kept by id for the "post to channel" button, and
// the per-subscription digest format, and feed channels (a feed's new items posted to a channel,
// each once: `feed_posts` is their claim and delivery log).
import type { Migration } from "./migrations.ts";

export const CHAT_MIGRATION: Migration = {
  version: 5,
  description: "chat: conversation threads, answer feedback, shown replies, digest format, feed channels",
  up: (db) => {
    db.exec(`
      CREATE TABLE conversations (
        platform    TEXT NOT NULL,
        channel_id  TEXT NOT NULL,
        thread_id   TEXT NOT NULL,
        question    TEXT NOT NULL,
        referent    TEXT,
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (platform, channel_id, thread_id)
      );
      CREATE TABLE shown_replies (
        id          TEXT PRIMARY KEY,
        platform    TEXT NOT NULL,
        user_id     TEXT NOT NULL,
        command     TEXT NOT NULL,
        question    TEXT,
        reply       TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        expires_at  TEXT NOT NULL
      );
      CREATE INDEX shown_replies_expiry ON shown_replies (expires_at);
      CREATE TABLE feedback (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        reply_id    TEXT NOT NULL,
        platform    TEXT NOT NULL,
        user_id     TEXT NOT NULL,
        channel_id  TEXT,
        message_id  TEXT,
        vote        TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        question    TEXT,
        answer      TEXT NOT NULL,
        citations   TEXT NOT NULL DEFAULT '[]',
        at          TEXT NOT NULL,
        UNIQUE (reply_id, user_id)
      );
      CREATE TABLE feed_channels (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        feed_id         INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        platform        TEXT NOT NULL,
        channel_id      TEXT NOT NULL,
        filter          TEXT NOT NULL DEFAULT '[]',
        exclude         TEXT NOT NULL DEFAULT '[]',
        format          TEXT NOT NULL DEFAULT 'compact' CHECK (format IN ('compact', 'full')),
        created_by      TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        primed_at       TEXT,
        enabled         INTEGER NOT NULL DEFAULT 1,
        failures        INTEGER NOT NULL DEFAULT 0,
        disabled_reason TEXT,
        UNIQUE (feed_id, platform, channel_id)
      );
      CREATE TABLE feed_posts (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        feed_channel_id INTEGER NOT NULL REFERENCES feed_channels (id) ON DELETE CASCADE,
        article_id      TEXT NOT NULL,
        status          TEXT NOT NULL
          CHECK (status IN ('pending', 'posting', 'done', 'failed', 'uncertain', 'skipped')),
        claimed_by      TEXT,
        claimed_at      TEXT,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        message_ref     TEXT,
        error           TEXT,
        created_at      TEXT NOT NULL,
        UNIQUE (feed_channel_id, article_id)
      );
      CREATE INDEX feed_posts_status ON feed_posts (status);
      ALTER TABLE subscriptions ADD COLUMN format TEXT NOT NULL DEFAULT 'thread'
        CHECK (format IN ('thread', 'compact'));
    `);
  },
};

/** Feedback keeps the confidence the answer was shown with and the voter's optional comment. */
export const FEEDBACK_MIGRATION: Migration = {
  version: 7,
  description: "chat: confidence and comment of answer feedback",
  up: (db) => {
    db.exec(`
      ALTER TABLE feedback ADD COLUMN confidence REAL;
      ALTER TABLE feedback ADD COLUMN comment TEXT;
      CREATE INDEX feedback_at ON feedback (at);
    `);
  },
};

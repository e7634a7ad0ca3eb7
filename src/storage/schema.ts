// The schema, as migrations. Append new migrations; never edit one that has shipped.
import { CHAT_MIGRATION, FEEDBACK_MIGRATION } from "./chat-schema.ts";
import type { Migration } from "./migrations.ts";

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "subscriptions, delivery log, audit log",
    up: (db) => {
      db.exec(`
        CREATE TABLE subscriptions (
          id              INTEGER PRIMARY KEY AUTOINCREMENT,
          platform        TEXT NOT NULL,
          channel_id      TEXT NOT NULL,
          kind            TEXT NOT NULL CHECK (kind IN ('digest', 'brief')),
          topic           TEXT,
          time            TEXT NOT NULL,
          timezone        TEXT NOT NULL,
          days            TEXT NOT NULL,
          created_by      TEXT NOT NULL,
          created_at      TEXT NOT NULL,
          enabled         INTEGER NOT NULL DEFAULT 1,
          failures        INTEGER NOT NULL DEFAULT 0,
          disabled_reason TEXT
        );
        CREATE INDEX subscriptions_channel ON subscriptions (platform, channel_id);
        CREATE TABLE deliveries (
          id              INTEGER PRIMARY KEY AUTOINCREMENT,
          subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
          period          TEXT NOT NULL,
          status          TEXT NOT NULL CHECK (status IN ('claimed', 'posting', 'done', 'failed', 'uncertain')),
          claimed_by      TEXT NOT NULL,
          claimed_at      TEXT NOT NULL,
          finished_at     TEXT,
          attempts        INTEGER NOT NULL DEFAULT 0,
          article_ids     TEXT NOT NULL DEFAULT '[]',
          covered_to      TEXT,
          message_ref     TEXT,
          error           TEXT,
          UNIQUE (subscription_id, period)
        );
        CREATE TABLE audit_log (
          id      INTEGER PRIMARY KEY AUTOINCREMENT,
          at      TEXT NOT NULL,
          actor   TEXT NOT NULL,
          action  TEXT NOT NULL,
          details TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 2,
    description: "feeds, their state and counts, seen items, failed items (ingestion)",
    up: (db) => {
      db.exec(`
        CREATE TABLE feeds (
          id               INTEGER PRIMARY KEY AUTOINCREMENT,
          url              TEXT NOT NULL UNIQUE,
          title            TEXT,
          added_by         TEXT NOT NULL,
          added_at         TEXT NOT NULL,
          enabled          INTEGER NOT NULL DEFAULT 1,
          etag             TEXT,
          last_modified    TEXT,
          last_checked_at  TEXT,
          last_success_at  TEXT,
          last_error       TEXT,
          last_error_at    TEXT,
          failures         INTEGER NOT NULL DEFAULT 0,
          next_attempt_at  TEXT,
          articles_added   INTEGER NOT NULL DEFAULT 0,
          duplicates       INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE feed_items (
          feed_id       INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
          item_key      TEXT NOT NULL,
          url           TEXT,
          article_id    TEXT,
          fingerprint   TEXT,
          status        TEXT NOT NULL CHECK (status IN ('added', 'duplicate', 'skipped')),
          duplicate_of  TEXT,
          seen_at       TEXT NOT NULL,
          PRIMARY KEY (feed_id, item_key)
        );
        CREATE INDEX feed_items_url ON feed_items (url);
        CREATE INDEX feed_items_fingerprint ON feed_items (fingerprint);
        CREATE TABLE failed_items (
          feed_id          INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
          item_key         TEXT NOT NULL,
          item             TEXT NOT NULL,
          attempts         INTEGER NOT NULL DEFAULT 1,
          error            TEXT NOT NULL,
          first_failed_at  TEXT NOT NULL,
          last_failed_at   TEXT NOT NULL,
          next_attempt_at  TEXT,
          PRIMARY KEY (feed_id, item_key)
        );
      `);
    },
  },
  {
    version: 3,
    description: "scheduled deliveries: when posting started, what each channel was sent",
    up: (db) => {
      // `posting_at`: when the platform call started (a crash leaves it behind: `uncertain`);
      // `article_ids`/`covered_to` are written at `posting` time, so an interrupted post still says
      // what it carried. `channel_articles` remembers every article a channel was sent in a digest;
      // it outlives the subscription (unsubscribe and subscribe again: no repeats).
      db.exec(`
        ALTER TABLE deliveries ADD COLUMN posting_at TEXT;
        CREATE INDEX deliveries_status ON deliveries (status);
        CREATE TABLE channel_articles (
          platform     TEXT NOT NULL,
          channel_id   TEXT NOT NULL,
          article_id   TEXT NOT NULL,
          delivery_id  INTEGER NOT NULL,
          delivered_at TEXT NOT NULL,
          PRIMARY KEY (platform, channel_id, article_id)
        );
        CREATE INDEX channel_articles_delivery ON channel_articles (delivery_id);
      `);
    },
  },
  {
    version: 4,
    description: "scheduled deliveries: how many messages a post has",
    up: (db) => {
      // `parts`: the messages a delivery posts; with `message_ref` (the ids of those already out,
      // written as they go) it says, after a crash, which part's fate is unknown and whether the
      // rest was ever sent.
      db.exec("ALTER TABLE deliveries ADD COLUMN parts INTEGER");
    },
  },
  CHAT_MIGRATION,
  {
    version: 6,
    description: "feeds: the lease of the process polling each one",
    up: (db) => {
      // several processes on one database poll each feed once: the holder of an unexpired lease
      db.exec(`
        ALTER TABLE feeds ADD COLUMN lease_holder TEXT;
        ALTER TABLE feeds ADD COLUMN lease_until TEXT;
      `);
    },
  },
  FEEDBACK_MIGRATION,
];

// The chat stores on a real SQLite database: shown replies expire, conversation turns are kept per
// thread and forgotten when old, a feed post is claimed by one worker only.
import { describe, expect, it } from "vitest";
import { createSqliteConversationStore } from "../src/storage/conversation-store.ts";
import { openDatabase } from "../src/storage/database.ts";
import { createSqliteFeedChannelStore } from "../src/storage/feed-channel-store.ts";
import { createSqliteFeedStore } from "../src/storage/feed-store.ts";
import { createSqliteShownReplyStore } from "../src/storage/shown-reply-store.ts";

const at = (iso: string) => new Date(iso);

describe("chat stores", () => {
  it("keeps a shown reply until it expires", () => {
    const store = createSqliteShownReplyStore(openDatabase(":memory:"));
    const reply = {
      title: "Recherche",
      blocks: [{ type: "paragraph" as const, text: "x" }],
      visibility: "private" as const,
    };
    const id = store.save(
      { platform: "slack", userId: "U1", command: "search x", reply },
      at("2026-01-15T08:00:00Z"),
      60_000,
    );
    expect(store.get(id, at("2026-01-15T08:00:59Z"))?.reply).toEqual(reply);
    expect(store.get(id, at("2026-01-15T08:01:01Z"))).toBeUndefined();
    expect(store.get("unknown", at("2026-01-15T08:00:00Z"))).toBeUndefined();
  });

  it("keeps one turn per thread and forgets it when old", () => {
    const store = createSqliteConversationStore(openDatabase(":memory:"));
    const key = { platform: "slack", channelId: "C1", threadId: "1.1" };
    store.save(key, { question: "Qui est X ?", referent: "X", updatedAt: "2026-01-15T08:00:00.000Z" });
    store.save(key, { question: "Qui est Y ?", updatedAt: "2026-01-15T09:00:00.000Z" });
    expect(store.get(key, at("2026-01-15T09:30:00Z"), 3_600_000)).toEqual({
      question: "Qui est Y ?",
      updatedAt: "2026-01-15T09:00:00.000Z",
    });
    expect(store.get(key, at("2026-01-15T11:00:00Z"), 3_600_000)).toBeUndefined();
    expect(store.get({ ...key, threadId: "2.2" }, at("2026-01-15T09:30:00Z"), 3_600_000)).toBeUndefined();
  });

  it("lets one worker claim a feed post, once, and keeps an item once per channel", async () => {
    const db = openDatabase(":memory:");
    const { feed } = await createSqliteFeedStore(db).addFeed(
      "https://example.org/rss.xml",
      "config",
      "2026-01-15T08:00:00Z",
    );
    const store = createSqliteFeedChannelStore(db);
    const now = at("2026-01-15T08:00:00Z");
    const input = {
      feedId: feed.id,
      platform: "slack",
      channelId: "C1",
      filter: [],
      exclude: [],
      format: "compact" as const,
      createdBy: "t",
    };
    const { channel } = store.follow(input, now, true);
    expect(store.follow({ ...input, filter: ["climat"] }, now, true)).toMatchObject({
      created: false,
      channel: { filter: ["climat"] },
    });
    store.enqueue(channel.id, ["a1", "a2"], now);
    store.enqueue(channel.id, ["a1"], now);
    const due = store.due(now);
    expect(due.map((p) => p.articleId)).toEqual(["a1", "a2"]);
    const first = due[0]?.id ?? 0;
    expect(store.claim(first, "w1", now)).toBe(true);
    expect(store.claim(first, "w2", now)).toBe(false);
    store.complete(first, "1.2");
    expect(store.due(now).map((p) => p.articleId)).toEqual(["a2"]);
  });
});

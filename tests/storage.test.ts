// The embedded database: migrations applied in order and once, WAL on a file, a newer file refused,
// and a late confirmation of a post swept to `uncertain`. What every store must do (subscriptions,
// claims, fencing, the channel's memory, the audit log) is the store contract's, run on SQLite and
// Postgres alike (store-contract.test.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createDeliveryLog,
  createSubscriptionStore,
  type Database,
  openDatabase,
} from "../src/storage/index.ts";
import { MIGRATIONS } from "../src/storage/schema.ts";
import { paris } from "./fakes/scheduling.ts";

let dir: string;
const dbs: Database[] = [];
const open = (path: string) => {
  const db = openDatabase(path);
  dbs.push(db);
  return db;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "newsbot-storage-"));
});
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const plan = (articleIds: string[], channelId = "C1") => ({
  platform: "slack" as const,
  channelId,
  articleIds,
  rememberInChannel: true,
  coveredTo: "2026-01-15",
});

describe("database", () => {
  it("migrates a new file to the latest version, in WAL mode, and reopens it unchanged", async () => {
    const path = join(dir, "sub", "newsbot.db");
    const db = open(path);
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    await createSubscriptionStore(db).create(paris());
    db.close();
    const again = open(path);
    expect(again.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(await createSubscriptionStore(again).list()).toHaveLength(1);
  });

  it("refuses a database from a newer newsbot", () => {
    const path = join(dir, "newer.db");
    const db = open(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openDatabase(path)).toThrow(/newer than this newsbot/);
  });
});

describe("delivery log", () => {
  it("sweeps posts left `posting` too long to `uncertain`, keeping what they carried", async () => {
    const db = open(":memory:");
    const log = createDeliveryLog(db);
    const sub = await createSubscriptionStore(db).create(paris());
    const t = new Date("2026-01-15T07:00:00Z");
    const c = await log.claim(sub.id, "2026-01-15", "w", t);
    if (!c) throw new Error("no claim");
    await log.markPosting(c, plan(["a"]), t);
    expect(await log.sweepUncertain(new Date(t.getTime() + 60_000), 15 * 60_000)).toEqual([]);
    const swept = await log.sweepUncertain(new Date(t.getTime() + 16 * 60_000), 15 * 60_000);
    expect(swept.map((d) => [d.period, d.status, d.articleIds])).toEqual([
      ["2026-01-15", "uncertain", ["a"]],
    ]);
    expect(await log.uncertain(sub.id)).toHaveLength(1);
    expect(await log.subscriptionArticleIds(sub.id)).toEqual(new Set(["a"]));
    expect(await log.claim(sub.id, "2026-01-15", "v", new Date(t.getTime() + 3_600_000))).toBeUndefined();
    // a late confirmation from the original worker still counts
    expect(await log.complete(c, {}, t)).toBe(true);
    expect((await log.get(sub.id, "2026-01-15"))?.status).toBe("done");
  });
});

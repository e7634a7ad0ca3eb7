// The console's feedback and paging (`/news feedback`, `/news more`) through the real app, and the
// kept answers and pages over real SQLite: one vote per user and answer, expiry after the TTL,
// and the parsing and validation of the new options.
import { describe, expect, it } from "vitest";
import { createDispatcher } from "../commands/dispatch.ts";
import { allCommands } from "../commands/index.ts";
import { createReplyActions } from "../commands/reply-actions.ts";
import { startApp } from "../src/app/main.ts";
import { reply } from "../src/core/reply/reply.ts";
import { openDatabase } from "../src/storage/database.ts";
import { createSqliteFeedbackStore } from "../src/storage/feedback-store.ts";
import { createSqliteShownReplyStore } from "../src/storage/shown-reply-store.ts";
import { consoleStreams } from "./fakes/console-streams.ts";
import { realDispatcher } from "./fakes/real-core.ts";
import { testCore } from "./fakes/scheduling.ts";

async function session(lines: string): Promise<{ text: string }> {
  const streams = consoleStreams();
  const app = await startApp({ env: { NEWSBOT_DB: ":memory:" }, cwd: process.cwd(), ...streams });
  streams.input.end(lines);
  await app.done;
  return { text: streams.text() };
}

describe("console: feedback and more", () => {
  it("rates the last answer with /news feedback, changes the vote, and pages a search with /news more", async () => {
    const { text } = await session(
      [
        "/news ask Qui est Hayashi Yoshimasa ?",
        "/news feedback up précis et bien cité",
        "/news feedback down",
        "/news feedback sideways",
        "/news search --limit 2 Vietnam Japon",
        "/news more",
        "/news more",
        "/news more",
      ].join("\n"),
    );
    // the hint follows the answer's citations (any article id), not a reply without them
    const cited = text.search(/\d{3}_[0-9a-f]{16}/);
    expect(cited).toBeGreaterThanOrEqual(0);
    const hint = text.indexOf("Votre avis : /news feedback up|down [commentaire]");
    expect(hint).toBeGreaterThan(cited);
    expect(text.indexOf("Merci : avis 👍 enregistré.")).toBeGreaterThan(hint);
    expect(text).toContain("Avis modifié : 👎.");
    expect(text).toContain("« vote » doit être l'un de : up, down.");
    expect(text).toContain("/news feedback <up|down> [<commentaire>]");
    expect(text).toContain("Plus de résultats : /news more");
    const p1 = text.indexOf("Page 1/3");
    const p2 = text.indexOf("Page 2/3");
    const p3 = text.indexOf("Page 3/3");
    expect(p1).toBeGreaterThanOrEqual(0);
    expect(p2).toBeGreaterThan(p1);
    expect(p3).toBeGreaterThan(p2);
    expect(text.indexOf("Rien de plus à montrer")).toBeGreaterThan(p3);
  });

  it("says there is nothing to rate before any answer", async () => {
    const { text } = await session("/news feedback up\n");
    expect(text).toContain("Aucune réponse récente à évaluer");
  });
});

describe("kept answers and pages", () => {
  it("stores the vote through the dispatcher, once per user, and expires after the TTL", async () => {
    const db = openDatabase(":memory:");
    const keep = { replies: createSqliteShownReplyStore(db), feedback: createSqliteFeedbackStore(db) };
    let now = new Date("2026-01-15T08:00:00Z");
    const actions = createReplyActions({
      ...keep,
      locale: "en",
      root: "news",
      ttlMs: 60_000,
      now: () => now,
    });
    const alice = { platform: "slack" as const, user: "slack:T1:U1" };
    const answered = { question: "Who?", answer: "Him.", citations: ["a1"], confidence: 0.8 };
    const shown = actions.attach(
      { ...reply([{ type: "paragraph", text: "Him." }]), answered, more: [reply([])] },
      alice,
      "ask Who?",
    );
    const id = shown.actions?.feedbackId ?? "";
    expect(shown.more).toBeUndefined();
    expect(shown.actions?.moreId).toBeDefined();
    expect(JSON.stringify(actions.vote({ ...alice, id, vote: "up" }))).toContain("recorded");
    expect(JSON.stringify(actions.vote({ ...alice, vote: "down", comment: "wrong" }))).toContain("changed");
    expect(keep.feedback.list()).toMatchObject([
      { vote: "down", comment: "wrong", confidence: 0.8, citations: ["a1"], question: "Who?" },
    ]);
    now = new Date(now.getTime() + 61_000);
    expect(JSON.stringify(actions.vote({ ...alice, id, vote: "up" }))).toContain("expired");
    expect(JSON.stringify(actions.more(shown.actions?.moreId, alice))).toContain("expired");
    expect(keep.feedback.list()[0]?.vote).toBe("down");
    db.close();
  });

  it("drops further pages and offers no buttons without a store", async () => {
    const dispatcher = await realDispatcher();
    const r = await dispatcher.runText("search --limit 2 Vietnam Japon", { platform: "console" });
    expect(r.more).toBeUndefined();
    expect(r.actions).toBeUndefined();
    // the first page alone, as before paging: no "Page 1/3" with no way to the next
    expect(JSON.stringify(r.blocks)).not.toContain("Page 1/");
    expect(JSON.stringify(r.blocks).match(/\d{3}_[0-9a-f]{16}/g)).toHaveLength(2);
    const vote = await dispatcher.runText("feedback up", { platform: "console" });
    expect(JSON.stringify(vote)).toContain("pas encore avec DATABASE_URL");
  });
});

describe("who, a page at a time", () => {
  it("lists ten articles on the first page with the roles, the next ones on the kept pages", async () => {
    const dates = Array.from({ length: 24 }, (_, i) => `2025-12-${String(i + 1).padStart(2, "0")}`);
    const db = openDatabase(":memory:");
    const keep = { replies: createSqliteShownReplyStore(db), feedback: createSqliteFeedbackStore(db) };
    const dispatcher = createDispatcher({ core: await testCore(dates), commands: allCommands, keep });
    const who = { platform: "console" as const };
    const first = await dispatcher.runText("who Pham Minh Chinh", who);
    const firstText = JSON.stringify(first.blocks);
    expect(firstText).toMatch(/Page 1\/2 · résultats 1 à 10 sur 1[1-9]/);
    const sources = first.blocks.find((b) => b.type === "sources");
    expect(sources?.type === "sources" ? sources.items.length : 0).toBe(10);
    const second = await dispatcher.runText("more", who);
    const text = JSON.stringify(second.blocks);
    expect(text).toContain("11. ");
    expect(text).toMatch(/Page 2\/2/);
    expect(second.title).toBe(first.title);
    db.close();
  });
});

describe("digest, a page at a time", () => {
  const headings = (r: { blocks: readonly { type: string; text?: string }[] }) =>
    r.blocks.filter((b) => b.type === "heading").map((b) => b.text);

  it("shows --max stories a page and the rest on the kept pages, each story once, in the unpaged order", async () => {
    const core = await testCore();
    const period = "--from 2024-01-01 --to 2026-12-31";
    const whole = await createDispatcher({ core, commands: allCommands }).runText(
      `digest --max 20 ${period}`,
      { platform: "console" },
    );
    const all = headings(whole);
    expect(all.length).toBeGreaterThanOrEqual(2);

    const db = openDatabase(":memory:");
    const keep = { replies: createSqliteShownReplyStore(db), feedback: createSqliteFeedbackStore(db) };
    const dispatcher = createDispatcher({ core, commands: allCommands, keep });
    const who = { platform: "console" as const };
    const first = await dispatcher.runText(`digest --max 1 ${period}`, who);
    expect(JSON.stringify(first.blocks)).toContain(`Page 1/${all.length}`);
    const shown = [...headings(first)];
    for (let page = 2; page <= all.length; page++) {
      const next = await dispatcher.runText("more", who);
      expect(JSON.stringify(next.blocks)).toContain(`Page ${page}/${all.length}`);
      shown.push(...headings(next));
    }
    expect(shown).toEqual(all);
    db.close();
  });
});

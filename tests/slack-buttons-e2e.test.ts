// Buttons on Slack, end to end: the real Bolt app over the real core and a real SQLite file, its
// Web API and response URLs on the local fake Slack. 👍 / 👎 under an answer (slash command and
// @mention) are stored once per user and answer and exported by `newsbot feedback export`;
// "Plus de résultats" under a search shows the next kept page; an unknown or expired id says so.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConversations } from "../commands/conversation.ts";
import type { RunningSlackAdapter } from "../src/adapters/slack/index.ts";
import { FEEDBACK_DOWN_ACTION, FEEDBACK_UP_ACTION, MORE_ACTION } from "../src/adapters/slack/render.ts";
import { runFeedback } from "../src/cli/feedback-command.ts";
import { createSqliteConversationStore } from "../src/storage/conversation-store.ts";
import { type Database, openDatabase } from "../src/storage/database.ts";
import { createSqliteFeedbackStore } from "../src/storage/feedback-store.ts";
import { createSqliteShownReplyStore } from "../src/storage/shown-reply-store.ts";
import { startSlackBot } from "./fakes/bots.ts";
import { waitFor } from "./fakes/http.ts";
import { realDispatcher } from "./fakes/real-core.ts";
import {
  blockActionBody,
  eventBody,
  type FakeSlack,
  postSigned,
  slashCommandBody,
  startFakeSlack,
} from "./fakes/slack.ts";

const SECRET = "test-signing-secret-789";
let slack: FakeSlack;
let bot: RunningSlackAdapter;
let db: Database;
let dir: string;
let eventsUrl: string;
const errors: unknown[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "newsbot-buttons-"));
  slack = await startFakeSlack();
  db = openDatabase(join(dir, "newsbot.db"));
  const keep = { replies: createSqliteShownReplyStore(db), feedback: createSqliteFeedbackStore(db) };
  const dispatcher = await realDispatcher({ ratePerMinute: 100, keep });
  ({ adapter: bot, eventsUrl } = await startSlackBot(slack, {
    dispatcher,
    conversations: createConversations({ dispatcher, store: createSqliteConversationStore(db) }),
    shownReplies: keep.replies,
    signingSecret: SECRET,
    onError: (e) => errors.push(e),
  }));
});

afterAll(async () => {
  await bot?.stop();
  await slack?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Element = { action_id: string; value: string; text: { text: string } };
type SlackBlock = { type: string; elements?: Element[]; fields?: unknown; text?: { text: string } };

const responsesFor =
  (id: string, n = 1) =>
  () => {
    const rs = slack.responses.filter((r) => r.id === id);
    return rs.length >= n ? rs : undefined;
  };
const buttons = (blocks: unknown): Element[] =>
  ((blocks ?? []) as SlackBlock[]).flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
const button = (blocks: unknown, actionId: string) => buttons(blocks).find((e) => e.action_id === actionId);

async function slash(text: string, id: string) {
  const res = await postSigned(
    eventsUrl,
    slashCommandBody({ text, responseUrl: slack.responseUrl(id) }),
    SECRET,
  );
  expect(res.status).toBe(200);
  return (await waitFor(responsesFor(id), 5000, `the reply to ${text}`))[0]?.body ?? {};
}

async function click(
  actionId: string,
  value: string,
  id: string,
  extra: { user?: string; messageTs?: string } = {},
) {
  const body = blockActionBody({ actionId, value, responseUrl: slack.responseUrl(id), ...extra });
  expect((await postSigned(eventsUrl, body, SECRET)).status).toBe(200);
  return (await waitFor(responsesFor(id), 5000, `the answer to ${actionId}`))[0]?.body ?? {};
}

async function exportFeedback(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFeedback(
    ["export", ...args],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    {},
  );
  return { code, out, err };
}

/** The article ids a reply shows (its citations and sources). */
const shownIds = (blocks: unknown) => JSON.stringify(blocks).match(/\d{3}_[0-9a-f]{16}/g) ?? [];

describe("Slack: 👍 / 👎 on answers", () => {
  let answerId = "";
  let cited: string[] = [];

  it("puts 👍 and 👎 under an answer, carrying the kept answer's id", async () => {
    const shown = await slash("ask Qui est Hayashi Yoshimasa ?", "ask1");
    const up = button(shown.blocks, FEEDBACK_UP_ACTION);
    const down = button(shown.blocks, FEEDBACK_DOWN_ACTION);
    expect(up?.text.text).toBe("👍");
    expect(down?.text.text).toBe("👎");
    expect(up?.value).toMatch(/^[\w-]{8,}$/);
    expect(down?.value).toBe(up?.value);
    answerId = up?.value ?? "";
    cited = shownIds(shown.blocks);
    expect(cited.length).toBeGreaterThan(0);
  });

  it("stores a 👍 with the question, the answer, its citations and where it was given", async () => {
    const thanks = await click(FEEDBACK_UP_ACTION, answerId, "vote1", { messageTs: "1768600000.000100" });
    expect(thanks.response_type).toBe("ephemeral");
    expect(JSON.stringify(thanks.blocks)).toContain("avis 👍 enregistré");
    const [row, ...more] = createSqliteFeedbackStore(db).list();
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      replyId: answerId,
      platform: "slack",
      userId: "slack:T0FAKE:U0ALICE",
      channelId: "C0NEWS",
      messageId: "1768600000.000100",
      vote: "up",
      question: "Qui est Hayashi Yoshimasa ?",
    });
    // what was judged: the articles the answer cited, as shown
    expect(row?.citations.length).toBeGreaterThan(0);
    for (const id of row?.citations ?? []) expect(cited).toContain(id);
    expect(row?.answer).toContain("Hayashi Yoshimasa");
    expect(row?.confidence).toBeGreaterThan(0);
    expect(row?.confidence).toBeLessThanOrEqual(1);
  });

  it("keeps one vote per user and answer: a second click changes it, another user adds theirs", async () => {
    const changed = await click(FEEDBACK_DOWN_ACTION, answerId, "vote2");
    expect(JSON.stringify(changed.blocks)).toContain("Avis modifié : 👎");
    await click(FEEDBACK_UP_ACTION, answerId, "vote3", { user: "U0BOB" });
    const rows = createSqliteFeedbackStore(db).list();
    expect(rows.map((r) => [r.userId, r.vote])).toEqual([
      ["slack:T0FAKE:U0ALICE", "down"],
      ["slack:T0FAKE:U0BOB", "up"],
    ]);
    // the first click's message id stays when the second click came from an ephemeral message
    expect(rows[0]?.messageId).toBe("1768600000.000100");
  });

  it("puts the buttons under an answer in a thread too, and stores that vote", async () => {
    await postSigned(
      eventsUrl,
      eventBody({
        type: "app_mention",
        user: "U0ALICE",
        text: "<@U0BOT> Qui est Ito Naoki ?",
        ts: "1768600001.000200",
        channel: "C0NEWS",
      }),
      SECRET,
    );
    const [post] = await waitFor(
      () => {
        const p = slack.posts.filter((x) => x.thread_ts === "1768600001.000200");
        return p.length > 0 ? p : undefined;
      },
      5000,
      "the answer in the thread",
    );
    const up = button(post?.blocks, FEEDBACK_UP_ACTION);
    expect(up).toBeDefined();
    await click(FEEDBACK_UP_ACTION, up?.value ?? "", "vote4", { messageTs: post?.ts ?? "" });
    const row = createSqliteFeedbackStore(db)
      .list()
      .find((r) => r.replyId === up?.value);
    expect(row).toMatchObject({ vote: "up", question: "Qui est Ito Naoki ?", messageId: post?.ts });
    expect(row?.citations.length).toBeGreaterThan(0);
    for (const id of row?.citations ?? []) expect(shownIds(post?.blocks)).toContain(id);
  });

  it("exports every vote with `newsbot feedback export`, as JSON lines or an array", async () => {
    const path = join(dir, "newsbot.db");
    const lines = await exportFeedback("--db", path);
    expect(lines.code).toBe(0);
    const votes = lines.out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(votes).toHaveLength(3);
    expect(votes[0]).toMatchObject({
      vote: "down",
      question: "Qui est Hayashi Yoshimasa ?",
      platform: "slack",
      user: "slack:T0FAKE:U0ALICE",
      channel: "C0NEWS",
      answerId,
    });
    expect(votes[0]?.citations).toEqual(createSqliteFeedbackStore(db).list()[0]?.citations);
    const array = await exportFeedback("--json", "--db", path, "--vote", "up");
    expect(array.code).toBe(0);
    const ups = JSON.parse(array.out.join("\n")) as { vote: string }[];
    expect(ups.map((v) => v.vote)).toEqual(["up", "up"]);
  });

  it("refuses bad export options with a clear message", async () => {
    const path = join(dir, "newsbot.db");
    const bad = await exportFeedback("--db", path, "--vote", "sideways", "--since", "2026-02-30");
    expect(bad.code).toBe(2);
    expect(bad.err.join("\n")).toContain("--vote must be up or down");
    expect(bad.err.join("\n")).toContain("--since is not a real day");
    const missing = await exportFeedback("--db", join(dir, "nope.db"));
    expect(missing.code).toBe(4);
    expect(missing.err.join("\n")).toContain("no database at");
  });

  it("says so when the answer voted on has expired or is unknown", async () => {
    const r = await click(FEEDBACK_UP_ACTION, "unknown-answer-id", "vote5");
    expect(JSON.stringify(r.blocks)).toContain("n'est plus disponible pour un avis");
    expect(createSqliteFeedbackStore(db).list()).toHaveLength(3);
  });
});

describe("Slack: more results", () => {
  it("shows the next page of a search kept server-side, then the last one with no button", async () => {
    const first = await slash("search --limit 2 Vietnam Japon", "s1");
    const text = JSON.stringify(first.blocks);
    expect(text).toContain("Page 1/3");
    const more = button(first.blocks, MORE_ACTION);
    expect(more?.text.text).toBe("Plus de résultats");
    const second = await click(MORE_ACTION, more?.value ?? "", "s2");
    expect(second.response_type).toBe("ephemeral");
    expect(JSON.stringify(second.blocks)).toContain("Page 2/3");
    expect(JSON.stringify(second.blocks)).toContain("3. ");
    const third = await click(MORE_ACTION, button(second.blocks, MORE_ACTION)?.value ?? "", "s3");
    expect(JSON.stringify(third.blocks)).toContain("Page 3/3");
    expect(button(third.blocks, MORE_ACTION)).toBeUndefined();
    // every result once across the pages
    const ids = [first, second, third].flatMap(
      (r) => JSON.stringify(r.blocks).match(/\d{3}_[0-9a-f]{16}/g) ?? [],
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(5);
  });

  it("offers no button when everything fits in one page", async () => {
    const all = await slash("search --limit 10 Vietnam Japon", "s4");
    expect(button(all.blocks, MORE_ACTION)).toBeUndefined();
  });

  it("says so when the page has expired or is unknown", async () => {
    const r = await click(MORE_ACTION, "expired-page-id", "s5");
    expect(JSON.stringify(r.blocks)).toContain("ne sont plus disponibles");
    expect(errors).toEqual([]);
  });
});

// Chat on Slack, end to end: the real Bolt app (HTTP receiver, signed Events API bodies) over the
// real core and a real SQLite database; its Web API calls go to the local fake Slack. A mention and
// a DM are answered in a thread; a reply in that thread, without a mention, is read in context.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConversations } from "../commands/conversation.ts";
import type { RunningSlackAdapter } from "../src/adapters/slack/index.ts";
import { PUBLISH_ACTION } from "../src/adapters/slack/render.ts";
import { createSqliteConversationStore } from "../src/storage/conversation-store.ts";
import { type Database, openDatabase } from "../src/storage/database.ts";
import { createSqliteShownReplyStore } from "../src/storage/shown-reply-store.ts";
import { startSlackBot } from "./fakes/bots.ts";
import { waitFor } from "./fakes/http.ts";
import { realDispatcher } from "./fakes/real-core.ts";
import {
  blockActionBody,
  eventBody,
  type FakeSlack,
  postSigned,
  type SlackPost,
  slashCommandBody,
  startFakeSlack,
} from "./fakes/slack.ts";

const SECRET = "test-signing-secret-456";
let slack: FakeSlack;
let bot: RunningSlackAdapter;
let db: Database;
let eventsUrl: string;
const errors: unknown[] = [];

beforeAll(async () => {
  slack = await startFakeSlack();
  db = openDatabase(":memory:");
  const dispatcher = await realDispatcher({ ratePerMinute: 100 });
  ({ adapter: bot, eventsUrl } = await startSlackBot(slack, {
    dispatcher,
    conversations: createConversations({ dispatcher, store: createSqliteConversationStore(db) }),
    shownReplies: createSqliteShownReplyStore(db),
    signingSecret: SECRET,
    onError: (e) => errors.push(e),
  }));
});

afterAll(async () => {
  await bot?.stop();
  await slack?.close();
  db?.close();
});

const inThread = (channel: string, ts: string) => () => {
  const posts = slack.posts.filter((p) => p.channel === channel && p.thread_ts === ts);
  return posts.length > 0 ? posts : undefined;
};
const json = (posts: readonly SlackPost[]) => JSON.stringify(posts.map((p) => p.blocks));

async function send(event: Record<string, unknown>) {
  const res = await postSigned(eventsUrl, eventBody(event), SECRET);
  expect(res.status).toBe(200);
}

describe("Slack: questions by mention, DM and in threads", () => {
  it("answers an @mention in a thread of the asking message, with the cited answer", async () => {
    await send({
      type: "app_mention",
      user: "U0ALICE",
      text: "<@U0BOT> Qui est Hayashi Yoshimasa ?",
      ts: "1768500000.000100",
      channel: "C0NEWS",
    });
    const posts = await waitFor(inThread("C0NEWS", "1768500000.000100"), 5000, "the answer in the thread");
    expect(json(posts)).toContain("Hayashi Yoshimasa");
    expect(json(posts)).toContain("003_c39827b7e7865a61");
    expect(json(posts)).not.toContain("U0BOT");
    expect(slack.posts.filter((p) => p.channel === "C0NEWS" && !p.thread_ts)).toEqual([]);
  });

  it("reads a follow-up in that thread, without a mention, in the context of the previous question", async () => {
    await send({
      type: "message",
      channel_type: "channel",
      user: "U0ALICE",
      text: "et Ito Naoki ?",
      ts: "1768500001.000200",
      thread_ts: "1768500000.000100",
      channel: "C0NEWS",
    });
    const posts = await waitFor(
      () => {
        const all = inThread("C0NEWS", "1768500000.000100")() ?? [];
        return all.length >= 2 ? all : undefined;
      },
      5000,
      "the follow-up's answer",
    );
    const followUp = JSON.stringify(posts.at(-1)?.blocks);
    expect(followUp).toContain("Compris : « Qui est Ito Naoki ? »");
    expect(followUp).toContain("001_6012b32665340cea");
  });

  it("ignores a reply in a thread it never answered in", async () => {
    const before = slack.posts.length;
    await send({
      type: "message",
      channel_type: "channel",
      user: "U0BOB",
      text: "et en 2019 ?",
      ts: "1768500002.000300",
      thread_ts: "1768400000.000100",
      channel: "C0NEWS",
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.posts.length).toBe(before);
  });

  it("answers a DM in a thread of the message, and runs a command typed there", async () => {
    await send({
      type: "message",
      channel_type: "im",
      user: "U0ALICE",
      // answered from the article's own words for the person (who-is-answer), not by the learned
      // scorer, whose confidence on a given question moves with each retraining
      text: "Qui est Hayashi Yoshimasa ?",
      ts: "1768500003.000400",
      channel: "D0ALICE",
    });
    const [answer] = await waitFor(inThread("D0ALICE", "1768500003.000400"), 5000, "the DM answer");
    expect(JSON.stringify(answer?.blocks)).toContain("ministre japonais des Affaires intérieures");
    await send({
      type: "message",
      channel_type: "im",
      user: "U0ALICE",
      text: "search semi-conducteurs",
      ts: "1768500004.000500",
      channel: "D0ALICE",
    });
    const [found] = await waitFor(inThread("D0ALICE", "1768500004.000500"), 5000, "the search");
    expect(JSON.stringify(found?.blocks)).toContain("semi-conducteurs");
  });

  it("lets nothing in a question ping anyone", async () => {
    await send({
      type: "app_mention",
      user: "U0ALICE",
      text: "<@U0BOT> <!channel> @here qui est <@U0BOB> ?",
      ts: "1768500005.000600",
      channel: "C0NEWS",
    });
    const posts = await waitFor(inThread("C0NEWS", "1768500005.000600"), 5000, "the answer");
    const text = JSON.stringify(posts);
    expect(text).not.toMatch(/<!(channel|here|everyone)/);
    expect(text).not.toContain("<@U0BOB");
    expect(errors).toEqual([]);
  });
});

describe("Slack: post to channel posts the reply that was shown", () => {
  const responsesFor = (id: string) => {
    const rs = slack.responses.filter((r) => r.id === id);
    return rs.length > 0 ? rs : undefined;
  };

  it("keeps the shown reply by id and posts exactly it, never re-running the command", async () => {
    await postSigned(
      eventsUrl,
      slashCommandBody({ text: "search semi-conducteurs", responseUrl: slack.responseUrl("shown") }),
      SECRET,
    );
    const [shown] = await waitFor(() => responsesFor("shown"));
    const blocks = shown?.body.blocks as {
      type: string;
      elements?: { action_id: string; value: string }[];
    }[];
    const button = blocks
      .find((b) => b.type === "actions")
      ?.elements?.find((e) => e.action_id === PUBLISH_ACTION);
    const value = JSON.parse(button?.value ?? "{}") as { id?: string; t?: string };
    expect(value.id).toMatch(/^[\w-]{8,}$/);
    expect(value.t).toBeUndefined(); // the button carries an id, not a command to re-run
    await postSigned(
      eventsUrl,
      blockActionBody({
        actionId: PUBLISH_ACTION,
        value: button?.value ?? "",
        responseUrl: slack.responseUrl("pub"),
      }),
      SECRET,
    );
    const posted = await waitFor(() =>
      (responsesFor("pub")?.length ?? 0) >= 2 ? responsesFor("pub") : undefined,
    );
    expect(posted[0]?.body.response_type).toBe("in_channel");
    expect(posted[0]?.body.blocks).toEqual(blocks.filter((b) => b.type !== "actions"));
    expect(posted[1]?.body.delete_original).toBe(true);
  });

  it("says so when the kept reply has expired or is unknown", async () => {
    await postSigned(
      eventsUrl,
      blockActionBody({
        actionId: PUBLISH_ACTION,
        value: JSON.stringify({ id: "nope-nope-nope" }),
        responseUrl: slack.responseUrl("old"),
      }),
      SECRET,
    );
    const [r] = await waitFor(() => responsesFor("old"));
    expect(r?.body.response_type).toBe("ephemeral");
    expect(String(r?.body.text)).toContain("n'est plus disponible");
  });
});

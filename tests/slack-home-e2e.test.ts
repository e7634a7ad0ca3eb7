// Slack's App Home, end to end: the real Bolt app receives `app_home_opened` and publishes the
// user's view through views.publish on the local fake Slack, over the real subscription commands
// and SQLite: the posts of the channels the user is in (never of the others), and the commands.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSlackAdapter } from "../src/adapters/slack/index.ts";
import { startSlackBot, subscribingDispatcher } from "./fakes/bots.ts";
import { waitFor } from "./fakes/http.ts";
import { type TestBot, testBot, testCore } from "./fakes/scheduling.ts";
import { eventBody, type FakeSlack, postSigned, slashCommandBody, startFakeSlack } from "./fakes/slack.ts";

const SECRET = "test-signing-secret-home";
let slack: FakeSlack;
let slackBot: RunningSlackAdapter;
let bot: TestBot;
let eventsUrl: string;
const errors: unknown[] = [];

beforeAll(async () => {
  slack = await startFakeSlack();
  bot = testBot(":memory:", await testCore(), [], { catchUp: false });
  ({ adapter: slackBot, eventsUrl } = await startSlackBot(slack, {
    dispatcher: subscribingDispatcher(await testCore(), bot),
    signingSecret: SECRET,
    onError: (e) => errors.push(e),
  }));
  slack.userChannels.set("U0ALICE", [{ id: "C0NEWS", name: "actualites" }]);
  slack.userChannels.set("U0BOB", [{ id: "C0OTHER", name: "general" }]);
  slack.userLocales.set("U0BOB", "en-US");
});

afterAll(async () => {
  await bot?.close();
  await slackBot?.stop();
  await slack?.close();
});

async function openHome(user: string, tab = "home") {
  const before = slack.views.length;
  const res = await postSigned(
    eventsUrl,
    eventBody({ type: "app_home_opened", user, channel: "D0HOME", tab, ts: "1768700000.000100" }),
    SECRET,
  );
  expect(res.status).toBe(200);
  if (tab !== "home") return undefined;
  const published = await waitFor(
    () => slack.views.slice(before).find((v) => v.userId === user),
    5000,
    "the view",
  );
  return published;
}

describe("Slack App Home", () => {
  it("publishes the subscriptions of the channels the user is in, and the commands", async () => {
    const id = "sub";
    await postSigned(
      eventsUrl,
      slashCommandBody({ text: "subscribe --time 08:00 --days lun-ven", responseUrl: slack.responseUrl(id) }),
      SECRET,
    );
    await waitFor(() => slack.responses.find((r) => r.id === id), 5000, "the subscription");
    const home = await openHome("U0ALICE");
    expect(home?.view.type).toBe("home");
    const text = JSON.stringify(home?.view.blocks);
    expect(text).toContain("Vos canaux");
    expect(text).toContain("#actualites");
    expect(text).toContain("n° 1 — revue de presse — 08:00 (Europe/Paris), lun–ven");
    expect(text).toContain("/news unsubscribe");
    expect(text).toContain("/news search &lt;mots&gt;");
    expect((home?.view.blocks as unknown[] | undefined)?.length).toBeLessThanOrEqual(100);
  });

  it("never shows another channel's posts, and speaks the user's language", async () => {
    const home = await openHome("U0BOB");
    const text = JSON.stringify(home?.view.blocks);
    expect(text).not.toContain("#actualites");
    expect(text).not.toContain("n° 1");
    expect(text).toContain("Your channels");
    expect(text).toContain("No scheduled post or feed in your channels");
  });

  it("says so when Slack will not list the user's channels, and ignores the Messages tab", async () => {
    const home = await openHome("U0CARLA");
    expect(JSON.stringify(home?.view.blocks)).toContain("Impossible de savoir dans quels canaux");
    const count = slack.views.length;
    await openHome("U0ALICE", "messages");
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.views.length).toBe(count);
    expect(errors).toEqual([]);
  });
});

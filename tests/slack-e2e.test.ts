// End to end on Slack: the real Bolt app (HTTP receiver, signature verification) over the real
// core, driven with signed requests; its Web API client and the response URLs point at a local
// fake Slack. No network, no mocks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLISH_ACTION, type RunningSlackAdapter } from "../src/adapters/slack/index.ts";
import { startSlackBot } from "./fakes/bots.ts";
import { waitFor } from "./fakes/http.ts";
import { realDispatcher } from "./fakes/real-core.ts";
import {
  blockActionBody,
  type FakeSlack,
  postSigned,
  slashCommandBody,
  startFakeSlack,
} from "./fakes/slack.ts";

const SECRET = "test-signing-secret-123";
let slack: FakeSlack;
let bot: RunningSlackAdapter;
let eventsUrl: string;
const errors: unknown[] = [];

beforeAll(async () => {
  slack = await startFakeSlack();
  ({ adapter: bot, eventsUrl } = await startSlackBot(slack, {
    dispatcher: await realDispatcher({ ratePerMinute: 100 }),
    signingSecret: SECRET,
    onError: (e) => errors.push(e),
  }));
});

afterAll(async () => {
  await bot?.stop();
  await slack?.close();
});

const responsesFor = (id: string) => slack.responses.filter((r) => r.id === id);
const allText = (body: Record<string, unknown>) => JSON.stringify(body.blocks ?? []);

describe("Slack adapter, end to end", () => {
  it("verified its token against the fake Web API at start-up", () => {
    expect(slack.apiCalls.map((c) => c.method)).toContain("auth.test");
  });

  it("acks a signed /news ask at once, then answers through response_url with cited blocks", async () => {
    const started = Date.now();
    const res = await postSigned(
      eventsUrl,
      slashCommandBody({ text: "ask Qui est Hayashi Yoshimasa ?", responseUrl: slack.responseUrl("ask1") }),
      SECRET,
    );
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const [answer] = await waitFor(() =>
      responsesFor("ask1").length > 0 ? responsesFor("ask1") : undefined,
    );
    const body = answer?.body ?? {};
    expect(body.response_type).toBe("ephemeral");
    const blocks = body.blocks as { type: string; text?: { text: string } }[];
    expect(blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text", text: "Réponse" } });
    const quote = blocks.find((b) => b.type === "section" && b.text?.text.startsWith(">"));
    expect(quote?.text?.text).toContain("Hayashi Yoshimasa");
    expect(allText(body)).toContain("003_c39827b7e7865a61");
    expect(blocks.some((b) => b.type === "actions")).toBe(true);
    expect(typeof body.text).toBe("string");
  });

  it("rejects a bad signature with 401 and answers nothing", async () => {
    const before = slack.responses.length;
    const res = await postSigned(
      eventsUrl,
      slashCommandBody({ text: "ask Qui ?", responseUrl: slack.responseUrl("forged") }),
      SECRET,
      { signature: `v0=${"0".repeat(64)}` },
    );
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(slack.responses.length).toBe(before);
  });

  it("rejects a correctly signed but stale request (timestamp older than 5 minutes)", async () => {
    const res = await postSigned(
      eventsUrl,
      slashCommandBody({ text: "ask Qui ?", responseUrl: slack.responseUrl("stale") }),
      SECRET,
      { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 },
    );
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(responsesFor("stale")).toEqual([]);
  });

  it("answers invalid input with a friendly private error, never silence", async () => {
    const res = await postSigned(
      eventsUrl,
      slashCommandBody({ text: "search --limit 99 japon", responseUrl: slack.responseUrl("bad") }),
      SECRET,
    );
    expect(res.status).toBe(200);
    const [r] = await waitFor(() => (responsesFor("bad").length > 0 ? responsesFor("bad") : undefined));
    expect(r?.body.response_type).toBe("ephemeral");
    expect(allText(r?.body ?? {})).toContain("« limit » doit valoir au plus 10.");
  });

  it("lets no user input ping anyone", async () => {
    await postSigned(
      eventsUrl,
      slashCommandBody({
        text: "search <!channel> @everyone <@U0BOB> &lt;!here&gt;",
        responseUrl: slack.responseUrl("ping"),
      }),
      SECRET,
    );
    const [r] = await waitFor(() => (responsesFor("ping").length > 0 ? responsesFor("ping") : undefined));
    const json = JSON.stringify(r?.body);
    expect(json).not.toMatch(/<!(channel|here|everyone)/);
    expect(json).not.toContain("<@U0BOB");
    expect(json).not.toMatch(/@(everyone|channel|here)\b/);
  });

  it("posts a lookup to the channel when the button is pressed", async () => {
    const res = await postSigned(
      eventsUrl,
      blockActionBody({
        actionId: PUBLISH_ACTION,
        value: JSON.stringify({ t: "search semi-conducteurs" }),
        responseUrl: slack.responseUrl("pub"),
      }),
      SECRET,
    );
    expect(res.status).toBe(200);
    const rs = await waitFor(() => (responsesFor("pub").length >= 2 ? responsesFor("pub") : undefined));
    expect(rs[0]?.body.response_type).toBe("in_channel");
    expect(allText(rs[0]?.body ?? {})).toContain("semi-conducteurs");
    expect(allText(rs[0]?.body ?? {})).not.toContain(PUBLISH_ACTION);
    expect(rs[1]?.body.delete_original).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe("Slack manifest", () => {
  it("declares the root slash command and the request URLs, or Socket Mode", async () => {
    const { allCommands } = await import("../commands/index.ts");
    const { slackManifest } = await import("../src/adapters/slack/index.ts");
    const http = slackManifest({
      commands: allCommands,
      root: "actu",
      locale: "fr",
      baseUrl: "https://bot.example.org/",
    });
    expect(http).toMatchObject({
      features: {
        slash_commands: [{ command: "/actu", url: "https://bot.example.org/slack/events" }],
        app_home: { home_tab_enabled: true },
      },
      oauth_config: {
        scopes: {
          bot: [
            "commands",
            "chat:write",
            "channels:history",
            "groups:history",
            "app_mentions:read",
            "im:history",
            "users:read",
            "channels:read",
            "groups:read",
          ],
        },
      },
      settings: {
        event_subscriptions: {
          bot_events: ["app_mention", "message.im", "message.channels", "message.groups", "app_home_opened"],
          request_url: "https://bot.example.org/slack/events",
        },
        interactivity: { is_enabled: true, request_url: "https://bot.example.org/slack/events" },
        socket_mode_enabled: false,
      },
    });
    const hint = (http.features as { slash_commands: { usage_hint: string }[] }).slash_commands[0]
      ?.usage_hint;
    for (const c of allCommands) expect(hint).toContain(c.name);
    const socket = slackManifest({ commands: allCommands, root: "news", locale: "en" });
    expect(socket).toMatchObject({ settings: { socket_mode_enabled: true } });
    expect(JSON.stringify(socket)).not.toContain("request_url");
  });
});

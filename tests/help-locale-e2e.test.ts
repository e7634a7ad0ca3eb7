// Help in the user's language, end to end: on Slack the user's locale comes from users.info
// (include_locale), on Discord from the interaction's locale; French or English, else the bot's
// language. Placeholders are words of that language (`<mots>` / `<words>`), never option names
// of another. Through the real Bolt and discord.js against the local fakes, over the real core.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningDiscordAdapter } from "../src/adapters/discord/index.ts";
import type { RunningSlackAdapter } from "../src/adapters/slack/index.ts";
import { startDiscordBot, startSlackBot } from "./fakes/bots.ts";
import { commandInteraction, type FakeDiscord, startFakeDiscord } from "./fakes/discord.ts";
import { waitFor } from "./fakes/http.ts";
import { realDispatcher } from "./fakes/real-core.ts";
import { type FakeSlack, postSigned, slashCommandBody, startFakeSlack } from "./fakes/slack.ts";

const SECRET = "test-signing-secret-help";
let slack: FakeSlack;
let slackBot: RunningSlackAdapter;
let eventsUrl: string;
let discord: FakeDiscord;
let discordBot: RunningDiscordAdapter;
const errors: unknown[] = [];

beforeAll(async () => {
  const dispatcher = await realDispatcher();
  slack = await startFakeSlack();
  slack.userLocales.set("U0BOB", "en-US");
  slack.userLocales.set("U0ALICE", "fr-FR");
  slack.userLocales.set("U0CARLA", "es-ES");
  ({ adapter: slackBot, eventsUrl } = await startSlackBot(slack, {
    dispatcher,
    signingSecret: SECRET,
    onError: (e) => errors.push(e),
  }));
  discord = await startFakeDiscord();
  discordBot = await startDiscordBot(discord, { dispatcher, onError: (e) => errors.push(e) });
});

afterAll(async () => {
  await slackBot?.stop();
  await slack?.close();
  await discordBot?.stop();
  await discord?.close();
});

async function slackHelp(user: string): Promise<string> {
  const id = `help-${user}`;
  await postSigned(
    eventsUrl,
    slashCommandBody({ text: "help", user, responseUrl: slack.responseUrl(id) }),
    SECRET,
  );
  const [r] = await waitFor(() => {
    const rs = slack.responses.filter((x) => x.id === id);
    return rs.length > 0 ? rs : undefined;
  });
  return JSON.stringify(r?.body.blocks);
}

describe("help in the user's language", () => {
  it("on Slack, in English for an English-speaking user, with English placeholders", async () => {
    const text = await slackHelp("U0BOB");
    expect(text).toContain("newsbot commands");
    expect(text).toContain("/news search &lt;words&gt; [--limit &lt;N&gt;]");
    expect(text).toContain("/news feedback &lt;up|down&gt; [&lt;comment&gt;]");
    expect(text).not.toContain("&lt;mots&gt;");
    const calls = slack.apiCalls.filter((c) => c.method === "users.info");
    expect(calls.at(-1)?.body).toContain("include_locale=true");
  });

  it("on Slack, in French for a French-speaking user, and the bot's language for any other", async () => {
    const fr = await slackHelp("U0ALICE");
    expect(fr).toContain("Commandes de newsbot");
    expect(fr).toContain("/news search &lt;mots&gt;");
    expect(fr).toContain("/news digest [&lt;sujet&gt;] [--from &lt;date&gt;]");
    expect(fr).toContain("/news feeds [add &lt;url&gt;]");
    expect(fr).not.toContain("&lt;terms&gt;");
    expect(await slackHelp("U0CARLA")).toContain("Commandes de newsbot");
  });

  it("on Discord, in the language of the user's client", async () => {
    const { token, payload } = commandInteraction("news", "help", []);
    discord.dispatch("INTERACTION_CREATE", { ...payload, locale: "en-GB" });
    const body = await waitFor(
      () =>
        discord.calls.find((c) => c.method === "PATCH" && c.path.includes(`/${token}/messages/@original`))
          ?.body,
      5000,
      "the help",
    );
    const text = JSON.stringify(body);
    expect(text).toContain("newsbot commands");
    expect(text).toContain("/news search terms:…");
    expect(errors).toEqual([]);
  });
});

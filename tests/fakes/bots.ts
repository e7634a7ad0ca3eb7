// The real Slack and Discord adapters started against the local fakes with the tests' settings
// (a free port, quiet logs, the fake's API, a fixed token), and the real subscription commands over
// a test bot's stores and scheduler: the set-up the end-to-end tests share.
import { LogLevel } from "@slack/bolt";
import { createDispatcher, type Dispatcher } from "../../commands/dispatch.ts";
import { allCommands } from "../../commands/index.ts";
import {
  type DiscordAdapterOptions,
  type RunningDiscordAdapter,
  startDiscordAdapter,
} from "../../src/adapters/discord/index.ts";
import {
  type RunningSlackAdapter,
  type SlackAdapterOptions,
  startSlackAdapter,
} from "../../src/adapters/slack/index.ts";
import type { NewsCore } from "../../src/core/news-core.ts";
import { createSubscriptionService } from "../../src/scheduling/service.ts";
import type { FakeDiscord } from "./discord.ts";
import type { TestBot } from "./scheduling.ts";
import type { FakeSlack } from "./slack.ts";

/** The signing secret the Slack bots are started with. */
export const SLACK_SECRET = "test-signing-secret-123";

type SlackBotOptions = Omit<SlackAdapterOptions, "botToken" | "port" | "apiUrl" | "logLevel">;

/** The Bolt app in HTTP mode on a free port, its Web API on the fake; `eventsUrl` is where Slack posts. */
export async function startSlackBot(
  slack: FakeSlack,
  options: SlackBotOptions,
): Promise<{ adapter: RunningSlackAdapter; eventsUrl: string }> {
  const adapter = await startSlackAdapter({
    signingSecret: SLACK_SECRET,
    ...options,
    botToken: "xoxb-test-token",
    port: 0,
    apiUrl: slack.apiUrl,
    logLevel: LogLevel.ERROR,
  });
  return { adapter, eventsUrl: `http://127.0.0.1:${adapter.port}/slack/events` };
}

/** The discord.js adapter logged into the fake. */
export function startDiscordBot(
  discord: FakeDiscord,
  options: Omit<DiscordAdapterOptions, "token" | "apiUrl">,
): Promise<RunningDiscordAdapter> {
  return startDiscordAdapter({ ...options, token: "fake-bot-token", apiUrl: discord.apiUrl });
}

/** Every command, `/news subscribe` included, over the test bot's stores and scheduler (Paris time). */
export function subscribingDispatcher(core: NewsCore, bot: TestBot): Dispatcher {
  const subscriptions = createSubscriptionService({
    store: bot.store,
    deliveries: bot.deliveries,
    audit: bot.audit,
    scheduler: bot.scheduler,
    defaultTimezone: "Europe/Paris",
  });
  return createDispatcher({ core, commands: allCommands, subscriptions });
}

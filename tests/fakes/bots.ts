// The real Slack and Discord adapters started against the local fakes with the tests' settings
// (a free port, quiet logs, the fake's API, a fixed token), and the real subscription commands over
// a test bot's stores and scheduler: the set-up the end-to-end tests share.
import { LogLevel } from "@slack/bolt";
import { vi } from "vitest";
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
import { type TestBot, testBot, testCore } from "./scheduling.ts";
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

/**
 * The seed core and a test bot at `iso`, with only `Date` faked (running on in real time, so
 * sockets and node-cron work as usual); a channel that fails for good is retried after 200 ms and
 * disabled after two failures. Its scheduler starts once the platform's poster is added.
 */
export async function scheduledBotAt(iso: string): Promise<{ core: NewsCore; bot: TestBot }> {
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(iso));
  const core = await testCore();
  return { core, bot: testBot(":memory:", core, [], { permanentRetryMs: 200, disableAfter: 2 }) };
}

// Start-up: read the configuration (and `.env` when there is one), load the corpus, build the
// core and the dispatcher over `commands/`, then start the enabled adapters — the console when no
// Slack or Discord token is configured, which is what a new user meets with `npm start`. Runs
// directly (`node bin/run-ts.mjs src/app/main.ts`) or through `startApp()` in tests.
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { FeedsService } from "../../commands/define.ts";
import { createDispatcher, type Dispatcher } from "../../commands/dispatch.ts";
import { allCommands } from "../../commands/index.ts";
import { createConsolePoster, runConsoleSession } from "../adapters/console/index.ts";
import { type Config, ConfigError, loadConfig } from "../config/index.ts";
import { warmUpAnswerKinds } from "../core/answer/answer-kinds.ts";
import { loadCorpus } from "../core/corpus/loader.ts";
import { botMessages } from "../core/i18n/bot-messages.ts";
import { createNewsCore } from "../core/news-core.ts";
import { addFeed, listFeeds } from "../ingest/feeds-admin.ts";
import {
  addToLiveIndex,
  createCorpusFileWriter,
  createIngester,
  watchCorpusFolder,
} from "../ingest/index.ts";
import {
  createScheduler,
  createSubscriptionService,
  type Scheduler,
  type SchedulerEvent,
} from "../scheduling/index.ts";
import type { Stores } from "../storage/backend.ts";
import type { Database } from "../storage/index.ts";
import { describeStartupError } from "./exit-codes.ts";
import { openAppStores, sharedCorpus } from "./shared-state.ts";

export const PACKAGE_CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), "../../corpus");

export interface StartOptions {
  /** Default `process.env`, after loading `./.env` if it exists. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
  readonly errorOutput?: NodeJS.WritableStream;
}

export interface RunningApp {
  readonly config: Config;
  readonly dispatcher: Dispatcher;
  /** The SQLite database; undefined when the state is in Postgres (`DATABASE_URL`). */
  readonly db?: Database;
  readonly stores: Stores;
  readonly scheduler: Scheduler;
  /** Resolves when the app has stopped (the console session ended, or stop() was called). */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

function corpusPaths(config: Config, cwd: string): string[] {
  if (config.corpus) return config.corpus.map((p) => resolve(cwd, p));
  const local = resolve(cwd, "corpus");
  return [existsSync(local) ? local : PACKAGE_CORPUS];
}

export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const cwd = options.cwd ?? process.cwd();
  const out = options.output ?? process.stdout;
  const err = options.errorOutput ?? process.stderr;
  const say = (stream: NodeJS.WritableStream, line: string) => stream.write(`${line}\n`);
  if (!options.env && existsSync(resolve(cwd, ".env"))) process.loadEnvFile(resolve(cwd, ".env"));
  const config = loadConfig(options.env ?? process.env);
  const t = botMessages(config.locale);
  // the database first: a locked or broken file is reported before the corpus takes its time
  const stores = await openAppStores(config, config.db === ":memory:" ? ":memory:" : resolve(cwd, config.db));
  const db = stores.sqlite;
  const shared = sharedCorpus(stores);

  const { articles, problems } = await loadCorpus(corpusPaths(config, cwd)).catch(async (error: unknown) => {
    await stores.close();
    throw error;
  });
  // replicas: what others ingested (in the shared database) joins the local corpus
  const known = new Set(articles.map((a) => a.id));
  articles.push(...(await shared.load()).filter((a) => !known.has(a.id)));
  if (problems.length > 0) {
    say(err, t.corpusProblems(problems.length));
    for (const p of problems.slice(0, 10)) say(err, `  ${p.file}${p.line ? `:${p.line}` : ""} ${p.message}`);
  }
  if (articles.length === 0 && !corpusPaths(config, cwd).some((p) => existsSync(p))) {
    await stores.close();
    throw new ConfigError([t.corpusMissing(corpusPaths(config, cwd).join(", "))], config.locale);
  }
  const core = createNewsCore(articles);
  // The first questions would otherwise pay for loading the French word list, for bucketing the
  // vocabulary that typo matching searches, and for finding the people autocomplete offers.
  setImmediate(() => {
    warmUpAnswerKinds();
    core.news.expandUnknown([["warmupq"]]);
    // Discord's autocomplete must answer within 3 s: read the people out of the articles now.
    core.suggestPeople("", 1);
  }).unref();

  // Scheduled digests and briefings: the database, the scheduler (its posters come with the
  // adapters below), and the port the subscription commands use.
  const { subscriptions: store, deliveries } = stores;
  const logEvent = (e: SchedulerEvent) => {
    if (e.type === "delivery" && e.outcome !== "skipped" && e.outcome !== "no-poster") {
      say(
        err,
        `[schedule] #${e.subscriptionId} ${e.period} ${e.reason}: ${e.outcome}${e.error ? ` (${e.error})` : ""}`,
      );
    } else if (e.type === "retry") {
      say(
        err,
        `[schedule] #${e.subscriptionId} ${e.period}: retry in ${Math.round(e.inMs / 1000)} s (${e.error})`,
      );
    } else if (e.type === "verify") {
      // each check of a post whose outcome was unknown, and what was decided
      say(err, `[schedule] #${e.subscriptionId} ${e.period} part ${e.part + 1}: ${e.decision} — ${e.detail}`);
    } else if (e.type === "uncertain") {
      say(err, `[schedule] ${t.schedulerUncertain(e.delivery.subscriptionId, e.delivery.period)}`);
    } else if (e.type === "error") {
      say(err, `[schedule] ${(e.error as Error)?.stack ?? String(e.error)}`);
    }
  };
  const scheduler = createScheduler({
    core,
    locale: config.locale,
    subscriptions: store,
    deliveries,
    firstDigestDays: config.schedule.firstDigestDays,
    catchUp: config.schedule.catchUp,
    // replicas on one database: take over what a dead one left (its death is seen no other way)
    ...(stores.pg ? { recoverEveryMs: 60_000 } : {}),
    log: logEvent,
  });
  const subscriptions = createSubscriptionService({
    store,
    deliveries,
    audit: stores.audit,
    scheduler,
    defaultTimezone: config.schedule.timezone,
  });
  // A growing corpus: followed feeds, polled on a schedule, and the corpus folder watched for new
  // files; new articles go to the live index (answers and digests see them without a restart)
  // and, for feeds, to corpus files under `<corpus>/ingested/` so they are there after a restart.
  const feedStore = stores.feeds;
  for (const url of config.ingest.feeds)
    await feedStore.addFeed(new URL(url).href, "config", new Date().toISOString());
  const corpusDir = corpusPaths(config, cwd).find((p) => existsSync(p) && statSync(p).isDirectory());
  const ingestedDir = resolve(corpusDir ?? resolve(cwd, "corpus"), "ingested");
  const ingester = createIngester({
    store: feedStore,
    news: core.news,
    writer: shared.writer(createCorpusFileWriter(ingestedDir)),
    intervalMs: config.ingest.pollMinutes * 60_000,
    allowPrivateOperatorFeeds: config.ingest.allowPrivateFeeds,
    onArticles: (added, feed) => say(err, `[feeds] ${added.length} new from ${feed.url}`),
  });
  const feeds: FeedsService = {
    list: () => listFeeds(feedStore),
    add: (url, addedBy, locale) => addFeed(feedStore, url, { addedBy, locale }),
  };
  const dispatcher = createDispatcher({
    core,
    commands: allCommands,
    locale: config.locale,
    root: config.root,
    ratePerMinute: config.ratePerMinute,
    subscriptions,
    feeds,
    onError: (error, command) => say(err, `[${command}] ${(error as Error)?.stack ?? String(error)}`),
  });

  const stops: (() => Promise<void>)[] = [() => stores.close()];
  let finish: () => void = () => {};
  const done = new Promise<void>((r) => {
    finish = r;
  });
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch(() => {});
    finish();
  };

  try {
    if (config.slack && config.adapters.includes("slack")) {
      // platform libraries are loaded only when their adapter runs: a quicker start (and error)
      const { startSlackAdapter } = await import("../adapters/slack/index.ts");
      const slack = await startSlackAdapter({
        dispatcher,
        botToken: config.slack.botToken,
        ...(config.slack.signingSecret ? { signingSecret: config.slack.signingSecret } : {}),
        ...(config.slack.appToken ? { appToken: config.slack.appToken } : {}),
        ...(config.slack.apiUrl ? { apiUrl: config.slack.apiUrl } : {}),
        port: config.slack.port,
      });
      stops.push(slack.stop);
      scheduler.addPoster(slack.poster);
      say(out, slack.port === undefined ? t.startedSlackSocket : t.startedSlackHttp(slack.port));
    }
    if (config.discord && config.adapters.includes("discord")) {
      const { startDiscordAdapter } = await import("../adapters/discord/index.ts");
      const discord = await startDiscordAdapter({
        dispatcher,
        token: config.discord.token,
        ...(config.discord.apiUrl ? { apiUrl: config.discord.apiUrl } : {}),
        ...(config.discord.shards ? { shards: config.discord.shards } : {}),
      });
      stops.push(discord.stop);
      scheduler.addPoster(discord.poster);
      say(out, t.startedDiscord(discord.client.user?.tag ?? "?"));
    }
    if (config.adapters.includes("console")) scheduler.addPoster(createConsolePoster(out, config.locale));
    const polling = ingester.start();
    stops.push(() => polling.stop());
    if (config.ingest.watch && corpusDir) {
      const watcher = watchCorpusFolder(corpusDir, {
        onArticles: async (found) => {
          await shared.publish(found);
          const { added } = await addToLiveIndex(core.news, found);
          if (added > 0) say(err, `[corpus] ${added} new article(s) from ${corpusDir}`);
        },
        onProblems: (problems) => {
          for (const p of problems) say(err, `[corpus] ${p.file}${p.line ? `:${p.line}` : ""} ${p.message}`);
        },
        ignore: [ingestedDir],
      });
      stops.push(async () => watcher.close());
    }
    stops.push(() => scheduler.stop());
    stops.push(
      await shared.follow(
        core.news,
        (n) => say(err, `[shared] ${n} new article(s) from other replicas`),
        (error) => say(err, `[shared] ${(error as Error)?.message ?? String(error)}`),
      ),
    );
    const started = await scheduler.start();
    if (started.scheduled > 0 || started.caughtUp > 0)
      say(out, t.startedScheduler(started.scheduled, started.caughtUp));
  } catch (error) {
    await stop();
    throw error;
  }
  if (config.adapters.includes("console")) {
    runConsoleSession({
      dispatcher,
      input: options.input ?? process.stdin,
      output: out,
      articleCount: articles.length,
    })
      .catch((error: unknown) => say(err, String(error)))
      .finally(() => void stop());
  }
  return { config, dispatcher, ...(db ? { db } : {}), stores, scheduler, done, stop };
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  try {
    const app = await startApp();
    const quit = () => void app.stop();
    process.once("SIGINT", quit);
    process.once("SIGTERM", quit);
    await app.done;
    process.exit(0);
  } catch (error) {
    const { code, text } = describeStartupError(error);
    process.stderr.write(`${text}\n`, () => process.exit(code));
  }
}

// Start-up: read the configuration (and `.env` when there is one), load the corpus (from its
// snapshot when unchanged), build the core and the dispatcher over `commands/`, then start the
// configured adapters through the `Adapter` port — the console when no Slack or Discord token is
// configured, which is what a new user meets with `npm start` — and /healthz, /readyz, /metrics.
// Runs directly (`node dist/src/app/main.js`, `npm start`) or through `startApp()` in tests.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createConversations } from "../../commands/conversation.ts";
import { createDispatcher, type Dispatcher } from "../../commands/dispatch.ts";
import { allCommands } from "../../commands/index.ts";
import { splitCommandText } from "../../commands/parse-text.ts";
import type { FeedsService } from "../../commands/ports.ts";
import type { KeptStores } from "../../commands/reply-actions.ts";
import type { Adapter } from "../adapters/port.ts";
import { StartupFailure } from "../adapters/startup-failure.ts";
import { resolveCorpusPaths } from "../config/corpus-paths.ts";
import { type Config, ConfigError, loadConfig } from "../config/index.ts";
import { prepareAnswering, warmUpAnswers, warmUpQuestions } from "../core/answer/warm-up.ts";
import { createNewsCore, type NewsCore } from "../core/news-core.ts";
import { addToLiveIndex } from "../ingest/live-index.ts";
import type { ModelServices } from "../model/index.ts";
import type { FeedChannels } from "../scheduling/feed-channels.ts";
import {
  createScheduler,
  createSubscriptionService,
  type Scheduler,
  type SchedulerEvent,
} from "../scheduling/index.ts";
import { loadNews } from "../snapshot/index.ts";
import type { Stores } from "../storage/backend.ts";
import { createSqliteConversationStore } from "../storage/conversation-store.ts";
import { createSqliteFeedbackStore } from "../storage/feedback-store.ts";
import type { Database } from "../storage/index.ts";
import { createSqliteShownReplyStore } from "../storage/shown-reply-store.ts";
import { loadAdapter } from "./adapter-registry.ts";
import { type AppFeeds, createAppFeeds } from "./app-feeds.ts";
import { describeStartupError } from "./exit-codes.ts";
import { createLogger, type Logger } from "./logger.ts";
import { type AppMetrics, createAppMetrics } from "./metrics.ts";
import { databaseWritable, listenOps, opsRoutes, type ReadinessCheck } from "./ops-http.ts";
import type { PgCorpus } from "./retrieval.ts";
import { openAppStores, sharedCorpus } from "./shared-state.ts";
import { onStopSignals } from "./shutdown.ts";
import { type StartupMessages, startupMessages } from "./startup-messages.ts";
import { createStopSequence, type StopSequence } from "./stop-sequence.ts";

export interface StartOptions {
  /** Default `process.env`, after loading `./.env` if it exists. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
  readonly errorOutput?: NodeJS.WritableStream;
  /** Where log lines go instead of `errorOutput` (tests). */
  readonly logger?: Logger;
}

// The answer warm-up once ready (NEWSBOT_WARM_UP): on by default for the bot as run, off when
// `startApp` is given its own environment (the tests, which turn it on to test it) unless it says so.
const warmsUp = (config: Config, options: StartOptions) => config.warmUp ?? options.env === undefined;

export interface RunningApp {
  readonly config: Config;
  readonly dispatcher: Dispatcher;
  /** The SQLite database; undefined when the state is in Postgres (`DATABASE_URL`). */
  readonly db?: Database;
  readonly stores: Stores;
  readonly scheduler: Scheduler;
  readonly core: NewsCore;
  readonly metrics: AppMetrics;
  readonly log: Logger;
  /** Where /healthz, /readyz and /metrics are served (undefined when off). */
  readonly http?: { readonly port: number };
  /** The optional model steps' counters (and passage vectors when embeddings are configured). */
  readonly model?: ModelServices;
  /** Resolves when the app has stopped (the console session ended, or stop() was called). */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

const corpusPaths = (config: Config, cwd: string) => resolveCorpusPaths(config.corpus, cwd);

/** The folder of the database: snapshots and the console's log file go there. */
function dataDir(config: Config, cwd: string): string {
  return config.db === ":memory:" ? resolve(cwd, "data") : dirname(resolve(cwd, config.db));
}

/**
 * Logs to the error output, except when the console session owns a terminal: then to
 * `<data>/newsbot.log`, so that no log line lands in the middle of the session.
 */
function appLogger(config: Config, cwd: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream) {
  const terminal = (out as { isTTY?: boolean }).isTTY === true && config.adapters.includes("console");
  const file = terminal ? resolve(dataDir(config, cwd), "newsbot.log") : undefined;
  return { log: createLogger({ level: config.logLevel, stream: err, ...(file ? { file } : {}) }), file };
}

/** Answer latency and abstentions measured where the commands call the core. */
function measuredCore(core: NewsCore, metrics: AppMetrics): NewsCore {
  return {
    ...core,
    ask(question, locale, options) {
      const began = performance.now();
      const answer = core.ask(question, locale, options);
      metrics.answer((performance.now() - began) / 1000, !answer.found);
      return answer;
    },
  };
}

/** Commands counted by name and outcome. */
function measuredDispatcher(dispatcher: Dispatcher, metrics: AppMetrics): Dispatcher {
  return {
    ...dispatcher,
    find: dispatcher.find,
    autocomplete: dispatcher.autocomplete,
    async runText(text, who) {
      const reply = await dispatcher.runText(text, who);
      metrics.command(splitCommandText(text, dispatcher.root).name ?? "", reply.isError ? "error" : "ok");
      return reply;
    },
    async run(name, options, who) {
      const reply = await dispatcher.run(name, options, who);
      metrics.command(name, reply.isError ? "error" : "ok");
      return reply;
    },
  };
}

function schedulerLogger(log: Logger, metrics: AppMetrics, t: StartupMessages) {
  return (e: SchedulerEvent) => {
    if (e.type === "delivery" && e.outcome !== "skipped" && e.outcome !== "no-poster") {
      metrics.delivery(e.outcome);
      const fields = {
        subscription: e.subscriptionId,
        period: e.period,
        reason: e.reason,
        outcome: e.outcome,
      };
      const line = `[schedule] #${e.subscriptionId} ${e.period} ${e.reason}: ${e.outcome}`;
      if (e.error)
        log.warn(
          { ...fields, error: e.error },
          `${line} (${e.error}); see /news subscriptions in that channel, fix the channel or the bot's access`,
        );
      else log.info(fields, line);
    } else if (e.type === "retry") {
      log.warn(
        { subscription: e.subscriptionId, period: e.period, inMs: e.inMs, error: e.error },
        `[schedule] #${e.subscriptionId} ${e.period}: retry in ${Math.round(e.inMs / 1000)} s (${e.error}); nothing to do unless it keeps failing`,
      );
    } else if (e.type === "verify") {
      log.info(
        { subscription: e.subscriptionId, period: e.period, part: e.part + 1, decision: e.decision },
        `[schedule] #${e.subscriptionId} ${e.period} part ${e.part + 1}: ${e.decision} — ${e.detail}`,
      );
    } else if (e.type === "uncertain") {
      log.warn(
        { subscription: e.delivery.subscriptionId, period: e.delivery.period },
        `[schedule] ${t.schedulerUncertain(e.delivery.subscriptionId, e.delivery.period)}`,
      );
    } else if (e.type === "error") {
      log.error({ err: e.error }, "[schedule] unexpected error; please report it with this log line");
    }
  };
}

/** The corpus as loaded: in memory (from its snapshot or files), or its statistics with the texts in Postgres. */
type LoadedNews = Pick<
  Awaited<ReturnType<typeof loadNews>>,
  "core" | "problems" | "save" | "completeTexts"
> & {
  readonly source: string;
  /** NEWSBOT_RETRIEVAL=postgres: following the table counts new articles instead of indexing them. */
  readonly follow?: PgCorpus["follow"];
};
type SharedCorpus = ReturnType<typeof sharedCorpus>;
type Say = (stream: NodeJS.WritableStream, line: string) => void;

const say: Say = (stream, line) => void stream.write(`${line}\n`);

/** What every start-up step reads: the configuration, where to write, what to say. */
interface StartContext {
  readonly config: Config;
  readonly cwd: string;
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
  readonly t: StartupMessages;
  readonly log: Logger;
  /** The log file, when the console session owns the terminal. */
  readonly logFile: string | undefined;
  /** When start-up began: the watched folder reads what was written since. */
  readonly startedAt: Date;
}

function readStartContext(options: StartOptions): StartContext {
  const startedAt = new Date();
  const cwd = options.cwd ?? process.cwd();
  const out = options.output ?? process.stdout;
  const err = options.errorOutput ?? process.stderr;
  if (!options.env && existsSync(resolve(cwd, ".env"))) process.loadEnvFile(resolve(cwd, ".env"));
  const config = loadConfig(options.env ?? process.env);
  const t = startupMessages(config.locale);
  const logged = options.logger ? { log: options.logger, file: undefined } : appLogger(config, cwd, out, err);
  return { config, cwd, out, err, t, log: logged.log, logFile: logged.file, startedAt };
}

const databasePath = (config: Config, cwd: string) =>
  config.db === ":memory:" ? ":memory:" : resolve(cwd, config.db);

/** The corpus (from its snapshot when unchanged) plus what other replicas ingested. */
async function loadIndex(c: StartContext, stores: Stores, shared: SharedCorpus) {
  const { config, cwd, err, t } = c;
  const paths = corpusPaths(config, cwd);
  const loaded: LoadedNews = await loadCorpusOrIndex(c, stores, shared, paths).catch(
    async (error: unknown) => {
      await stores.close();
      throw error;
    },
  );
  const { problems } = loaded;
  const articleCount = loaded.core.source.size();
  if (problems.length > 0) {
    say(err, t.corpusProblems(problems.length));
    for (const p of problems.slice(0, 10)) say(err, `  ${p.file}${p.line ? `:${p.line}` : ""} ${p.message}`);
  }
  if (articleCount === 0 && !paths.some((p) => existsSync(p))) {
    await stores.close();
    throw new ConfigError([t.corpusMissing(paths.join(", "))], config.locale);
  }
  return { loaded, paths, articleCount };
}

/**
 * NEWSBOT_RETRIEVAL=postgres: the corpus's statistics, its texts staying in Postgres; otherwise
 * the in-memory index with what other replicas ingested.
 */
async function loadCorpusOrIndex(
  c: StartContext,
  stores: Stores,
  shared: SharedCorpus,
  paths: readonly string[],
): Promise<LoadedNews> {
  const { config, cwd, log } = c;
  if (config.retrieval === "postgres" && stores.pg) {
    const pgCorpus = await (await import("./retrieval.ts")).loadPgCorpus(stores.pg, paths, log);
    return {
      core: pgCorpus.core,
      problems: pgCorpus.problems,
      source: "postgres",
      save: async () => {},
      completeTexts: async () => {},
      follow: pgCorpus.follow,
    };
  }
  const loaded = await loadNews({
    paths,
    ...(config.db === ":memory:" ? {} : { snapshotDir: dataDir(config, cwd) }),
    onEvent: (e) => {
      if (e.type === "damaged")
        log.warn(
          e,
          `index snapshot damaged (${e.detail}); it was removed, the texts are read again from the corpus`,
        );
      else if (e.type === "save-failed")
        log.warn(
          e,
          `index snapshot not saved (${e.detail}); the next start reads the corpus again — check ${e.path}'s folder is writable`,
        );
      else log.info(e, `index snapshot ${e.type}${e.detail ? ` (${e.detail})` : ""} in ${e.ms} ms`);
    },
  });
  // replicas: what others ingested (in the shared database) joins the local corpus
  const fromReplicas = await shared.load();
  if (fromReplicas.length > 0) await addToLiveIndex(loaded.core.news, fromReplicas);
  return loaded;
}

/** The core, with the optional model steps when configured, measured where the commands call it. */
async function buildCore(c: StartContext, { sqlite: db }: Stores, loaded: LoadedNews, metrics: AppMetrics) {
  const { config, log } = c;
  // optional model endpoints: without NEWSBOT_LLM_URL / NEWSBOT_EMBED_URL nothing here sends anything
  // (loaded only when configured, as the platform libraries are)
  // (their token budget and vector cache are in the SQLite file: on Postgres they are not offered yet)
  if (config.model && !db)
    log.warn("model endpoints are not used with DATABASE_URL yet; answers stay offline");
  const model =
    config.model && db
      ? (await import("../model/index.ts")).createModelServices({
          config: config.model,
          db,
          news: loaded.core.news,
          log: (line) => log.info(line),
        })
      : undefined;
  const people = loaded.core.exportPeople();
  const withModel = model?.steps
    ? createNewsCore(loaded.core.news, { model: model.steps, ...(people ? { people } : {}) })
    : loaded.core;
  const core = measuredCore(withModel, metrics);
  metrics.index(core.source.size(), core.news.index.byteSize());
  const embedNew = () =>
    void model?.vectorSync
      ?.run()
      .catch((e: unknown) => log.warn({ error: String(e) }, `[model] ${String(e)}`));
  embedNew();
  return { core, model, embedNew };
}

/**
 * Scheduled digests and briefings: the scheduler (its posters come with the adapters) and the
 * port the subscription commands use.
 */
function createScheduling(c: StartContext, stores: Stores, core: NewsCore, metrics: AppMetrics) {
  const { config } = c;
  const { subscriptions: store, deliveries } = stores;
  const scheduler = createScheduler({
    core,
    locale: config.locale,
    root: config.root,
    subscriptions: store,
    deliveries,
    firstDigestDays: config.schedule.firstDigestDays,
    catchUp: config.schedule.catchUp,
    // replicas on one database: take over what a dead one left (its death is seen no other way)
    ...(stores.pg ? { recoverEveryMs: 60_000 } : {}),
    log: schedulerLogger(c.log, metrics, c.t),
  });
  const subscriptions = createSubscriptionService({
    store,
    deliveries,
    audit: stores.audit,
    scheduler,
    defaultTimezone: config.schedule.timezone,
  });
  return { scheduler, subscriptions };
}

function createAppDispatcher(
  c: StartContext,
  core: NewsCore,
  subscriptions: ReturnType<typeof createSubscriptionService>,
  feeds: FeedsService,
  metrics: AppMetrics,
  keep: KeptStores | undefined,
): Dispatcher {
  const { config, log } = c;
  return measuredDispatcher(
    createDispatcher({
      core,
      commands: allCommands,
      locale: config.locale,
      root: config.root,
      ratePerMinute: config.ratePerMinute,
      subscriptions,
      feeds,
      ...(keep ? { keep } : {}),
      onError: (error, command) =>
        log.error(
          { err: error, command },
          `[${command}] failed; the user got an error reply — please report it`,
        ),
    }),
    metrics,
  );
}

/** Answers kept for feedback and pages of results: in the SQLite file; not yet on Postgres. */
function keptStores(db: Database | undefined): KeptStores | undefined {
  return db
    ? { replies: createSqliteShownReplyStore(db), feedback: createSqliteFeedbackStore(db) }
    : undefined;
}

/** /readyz: the index once ready, the database, and each started adapter's health. */
function readinessChecks(
  state: { ready: boolean },
  core: NewsCore,
  db: Database | undefined,
  dbPath: string,
  adapters: readonly Adapter[],
) {
  return (): ReadinessCheck[] => [
    {
      name: "index",
      check: () => ({
        ok: state.ready,
        detail: state.ready ? `${core.source.size()} articles` : "starting",
      }),
    },
    {
      name: "database",
      check: () =>
        db
          ? db.open
            ? databaseWritable(dbPath)
            : { ok: false, detail: "closed" }
          : { ok: true, detail: "postgres" },
    },
    ...adapters.map((a) => ({ name: a.name, check: () => a.health() })),
  ];
}

/** What the adapters and the later steps share once the core and the commands are built. */
interface Wiring {
  readonly c: StartContext;
  readonly input: NodeJS.ReadableStream;
  readonly db: Database | undefined;
  readonly dispatcher: Dispatcher;
  readonly conversations: ReturnType<typeof createConversations> | undefined;
  readonly articleCount: number;
  readonly routes: ReturnType<typeof opsRoutes>;
  readonly scheduler: Scheduler;
  readonly feedChannels: FeedChannels | undefined;
  readonly adapters: Adapter[];
  readonly sequence: StopSequence;
}

/**
 * What the adapters and the later steps share: the conversations, /readyz and /metrics, and the
 * stop sequence (its last step saves the snapshot and closes the database).
 */
function wire(
  c: StartContext,
  o: {
    input: NodeJS.ReadableStream;
    stores: Stores;
    loaded: LoadedNews;
    core: NewsCore;
    dispatcher: Dispatcher;
    scheduler: Scheduler;
    feedChannels: FeedChannels | undefined;
    metrics: AppMetrics;
    articleCount: number;
  },
): { w: Wiring; state: { ready: boolean } } {
  const { stores, loaded, core, dispatcher } = o;
  const db = stores.sqlite;
  // follow-ups and kept replies live in the SQLite file; on Postgres they are not offered yet
  const conversations = db
    ? createConversations({ dispatcher, store: createSqliteConversationStore(db) })
    : undefined;
  const state = { ready: false };
  const adapters: Adapter[] = [];
  const dbPath = databasePath(c.config, c.cwd);
  const routes = opsRoutes(o.metrics.registry, readinessChecks(state, core, db, dbPath, adapters));
  const sequence = createStopSequence(c.log, () => {
    state.ready = false;
  });
  sequence.add({
    name: "database",
    run: async () => {
      await loaded.save(); // the snapshot, brought up to date with articles added while running
      await stores.close();
    },
  });
  const { input, scheduler, feedChannels, articleCount } = o;
  const w = {
    c,
    input,
    db,
    dispatcher,
    conversations,
    articleCount,
    routes,
    scheduler,
    feedChannels,
    adapters,
    sequence,
  };
  return { w, state };
}

/** Starts each configured adapter; returns the port its routes are served on, if one serves them. */
async function startAdapters(w: Wiring): Promise<number | undefined> {
  const { c, db } = w;
  const context = {
    config: c.config,
    dispatcher: w.dispatcher,
    input: w.input,
    output: c.out,
    articleCount: w.articleCount,
    routes: w.routes,
    log: c.log,
    ...(w.conversations ? { conversations: w.conversations } : {}),
    ...(db ? { shownReplies: createSqliteShownReplyStore(db) } : {}),
  };
  let routesOn: number | undefined;
  for (const name of c.config.adapters) {
    const adapter = await loadAdapter(name, context);
    const started = await adapter.start();
    w.sequence.addAdapter({ name: adapter.name, run: () => adapter.stop() });
    w.adapters.push(adapter);
    const poster = adapter.poster();
    if (poster) {
      w.scheduler.addPoster(poster);
      w.feedChannels?.addPoster(poster);
    }
    if (started.message) say(c.out, started.message);
    if (started.servesRoutesOn !== undefined) routesOn = started.servesRoutesOn;
  }
  return routesOn;
}

/** /healthz, /readyz and /metrics on their own port when no adapter serves them. */
async function serveOpsRoutes(
  w: Wiring,
  routesOn: number | undefined,
): Promise<{ port: number } | undefined> {
  const { config } = w.c;
  if (routesOn !== undefined) return { port: routesOn };
  if (!config.http.enabled) return undefined;
  const server = await listenOps(config.http.port, w.routes).catch((error: NodeJS.ErrnoException) => {
    throw new StartupFailure(
      "port",
      `cannot serve /healthz and /metrics on port ${config.http.port} (${error.code ?? error.message}); stop what uses it, set PORT to another port or NEWSBOT_HTTP=off`,
    );
  });
  w.sequence.add({ name: "http", run: () => server.close() });
  return { port: server.port };
}

/** The scheduler, the feed channels and the replicas' articles, each with its stop step. */
async function startBackground(
  w: Wiring,
  core: NewsCore,
  shared: SharedCorpus,
  loaded: LoadedNews,
): Promise<void> {
  const { log, out, t } = w.c;
  w.sequence.add({ name: "scheduler", run: () => w.scheduler.stop() });
  const feedChannels = w.feedChannels;
  if (feedChannels) {
    await feedChannels.start();
    w.sequence.add({ name: "feed channels", run: () => feedChannels.stop() });
  }
  const onAdded = (n: number) => log.info({ added: n }, `[shared] ${n} new article(s) from other replicas`);
  const onError = (error: unknown) =>
    log.warn(
      { error: String(error) },
      `[shared] ${(error as Error)?.message ?? String(error)}; check DATABASE_URL's server, new articles wait until it answers`,
    );
  const following = loaded.follow
    ? await loaded.follow(onAdded, onError)
    : await shared.follow(core.news, onAdded, onError);
  w.sequence.add({ name: "replicas", run: following });
  const started = await w.scheduler.start();
  if (started.scheduled > 0 || started.caughtUp > 0)
    say(out, t.startedScheduler(started.scheduled, started.caughtUp));
}

function logReady(c: StartContext, articleCount: number, loaded: LoadedNews): void {
  c.log.info(
    {
      articles: articleCount,
      source: loaded.source,
      ms: Math.round(performance.now()), // since the process started
      rssMB: Math.round(process.memoryUsage().rss / 1e6),
      // CPU time so far: the start-up cost on an idle core, whatever else shares the machine
      cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
    },
    "ready",
  );
  if (c.logFile) say(c.out, `(logs: ${c.logFile})`);
}

/**
 * Feeds and the watched folder start once ready: their libraries (HTML parsing, readability)
 * load meanwhile instead of delaying the first answer. New articles go to the live index (answers
 * and digests see them without a restart) and, for feeds, to corpus files under `<corpus>/ingested/`.
 */
function startIngestionWhenReady(
  w: Wiring,
  opts: { core: NewsCore; stores: Stores; shared: SharedCorpus; feeds: AppFeeds; metrics: AppMetrics },
  embedNew: () => void,
): void {
  const { core, feeds, metrics } = opts;
  const indexGrew = () => {
    metrics.index(core.source.size(), core.news.index.byteSize());
    embedNew();
  };
  const unpublishedFile = resolve(dataDir(w.c.config, w.c.cwd), "unpublished-articles.json");
  // a record left by a run on a shared database is only read with one: say so rather than leave
  // the operator believing those articles reached the other replicas
  if (!opts.stores.pg && existsSync(unpublishedFile))
    w.c.log.warn(
      { file: unpublishedFile },
      `[shared] ${unpublishedFile} holds articles a run with a shared database could not share; without DATABASE_URL they stay there and are sent when the bot starts with it again`,
    );
  const ingestion = import("./ingestion.ts")
    .then(({ startIngestion }) =>
      startIngestion({
        config: w.c.config,
        core,
        feedStore: opts.stores.feeds,
        corpusDir: feeds.corpusDir,
        ingestedDir: feeds.ingestedDir,
        log: w.c.log,
        metrics,
        onGrow: indexGrew,
        shared: opts.shared,
        since: w.c.startedAt,
        // kept beside the index snapshot: this replica's own, like its local corpus (without a
        // shared database nothing is published, so nothing is kept)
        unpublished: {
          file: opts.stores.pg ? unpublishedFile : undefined,
        },
        onFeedArticles: (added, feed) => void feeds.channels?.onArticles(added, feed),
      }),
    )
    .then((steps) => {
      if (w.sequence.stopping()) return Promise.all(steps.map((s) => s.run()));
      w.sequence.add(...steps);
    })
    .catch((error: unknown) =>
      w.c.log.error(
        { err: error },
        "feeds and folder watching could not start; answers still work — please report it",
      ),
    );
  w.sequence.add({ name: "ingestion", run: () => ingestion });
}

/**
 * Once ready: the first questions would otherwise pay for loading the French word list, for
 * bucketing the vocabulary that typo matching searches, and for finding the people autocomplete
 * offers (Discord's must answer within 3 s); the snapshot is then written or brought up to date.
 * With `warmUp`, a few questions made from the corpus are then answered (core/answer/warm-up.ts)
 * so that the first users' questions do not run in code the engine has not optimised yet.
 * Then a session (the console's) ending stops the app.
 */
function afterReady(w: Wiring, core: NewsCore, loaded: LoadedNews, warmUp: boolean): void {
  setImmediate(() => {
    prepareAnswering(core.news);
    core.suggestPeople("", 1);
    void loaded.completeTexts().then(() => loaded.save()); // the texts read whole in the background
    if (warmUp) void warmUpAnswering(w, loaded);
  }).unref();
  for (const adapter of w.adapters) {
    if (!adapter.session) continue;
    adapter
      .session()
      .catch((error: unknown) => w.c.log.error({ err: error }, `${adapter.name} session failed`))
      .finally(() => void w.sequence.stop());
  }
}

/**
 * The warm-up questions, through the offline core without the metrics (they are no user's), one at
 * a time with a pause between two so that a user's question never waits for more than one; it
 * stops when the app stops. A failure is logged: a user asking the same would meet it.
 */
function warmUpAnswering(w: Wiring, loaded: LoadedNews): Promise<void> {
  const { core } = loaded;
  return warmUpAnswers((q, locale) => core.ask(q, locale), warmUpQuestions(core.news), {
    going: () => !w.sequence.stopping(),
  })
    .then((r) =>
      w.c.log.info(
        { asked: r.asked, of: r.of, ms: Math.round(r.ms), cpuMs: Math.round(r.cpuMs) },
        `[answers] warmed up: ${r.asked} question(s) answered in ${Math.round(r.ms)} ms (${Math.round(r.cpuMs)} ms of CPU)`,
      ),
    )
    .catch((error: unknown) =>
      w.c.log.error({ err: error }, "[answers] a warm-up question failed; please report it"),
    );
}

export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const c = readStartContext(options);
  const { config, cwd } = c;
  // the database first: a locked or broken file is reported before the corpus takes its time
  const stores = await openAppStores(config, databasePath(config, cwd));
  const db = stores.sqlite;
  const shared = sharedCorpus(stores);
  const metrics = createAppMetrics();
  const { loaded, paths, articleCount } = await loadIndex(c, stores, shared);
  const { core, model, embedNew } = await buildCore(c, stores, loaded, metrics);
  const { scheduler, subscriptions } = createScheduling(c, stores, core, metrics);
  const feeds = await createAppFeeds({
    config,
    cwd,
    stores,
    core,
    corpusPaths: paths,
    say: (line) => say(c.err, line),
  });
  const dispatcher = createAppDispatcher(c, core, subscriptions, feeds.service, metrics, keptStores(db));
  const { w, state } = wire(c, {
    input: options.input ?? process.stdin,
    stores,
    loaded,
    core,
    dispatcher,
    scheduler,
    feedChannels: feeds.channels,
    metrics,
    articleCount,
  });
  const { sequence } = w;
  let http: { port: number } | undefined;
  try {
    http = await serveOpsRoutes(w, await startAdapters(w));
    await startBackground(w, core, shared, loaded);
  } catch (error) {
    await sequence.stop();
    throw error;
  }
  state.ready = true;
  logReady(c, articleCount, loaded);
  startIngestionWhenReady(w, { core, stores, shared, feeds, metrics }, embedNew);
  afterReady(w, core, loaded, warmsUp(config, options));
  return {
    config,
    dispatcher,
    ...(db ? { db } : {}),
    stores,
    scheduler,
    core,
    metrics,
    log: c.log,
    ...(http ? { http } : {}),
    ...(model ? { model } : {}),
    done: sequence.done,
    stop: sequence.stop,
  };
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  try {
    const app = await startApp();
    onStopSignals(app);
    await app.done;
    process.exit(0);
  } catch (error) {
    const { code, text } = describeStartupError(error);
    process.stderr.write(`${text}\n`, () => process.exit(code));
  }
}

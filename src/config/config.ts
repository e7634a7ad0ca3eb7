// The configuration, read from environment variables (a `.env` file is loaded by the app when
// present) and validated with zod. Which adapters run follows from what is configured: Slack when
// a Slack variable is set, Discord when a Discord token is set, the console when neither is (or
// as listed in NEWSBOT_ADAPTERS). Tokens are required only for the adapters that run, and every
// problem is reported in one message that names the variable — never its secret value.
import { z } from "zod";
import type { Locale } from "../core/i18n/messages.ts";
import { PLATFORMS, type Platform } from "../core/platform.ts";
import { canonicalTimeZone } from "../core/time/zone.ts";
import { type ConfigMessages, configMessages } from "./config-messages.ts";
import { envCount, MODEL_ENV_DOC, type ModelConfig, modelConfigOf, modelEnvShape } from "./model-config.ts";

export interface SlackConfig {
  readonly botToken: string;
  readonly signingSecret?: string;
  readonly appToken?: string;
  readonly port: number;
  readonly apiUrl?: string;
}

export interface DiscordConfig {
  readonly token: string;
  readonly applicationId?: string;
  readonly guildId?: string;
  readonly apiUrl?: string;
  /** The gateway shards this process runs: `ids` of `count` (unset: one shard). */
  readonly shards?: { readonly ids: readonly number[]; readonly count: number };
}

export interface ScheduleConfig {
  /** The time zone of a subscription that names none (IANA). */
  readonly timezone: string;
  /** Catch up at start-up a run missed earlier the same local day. */
  readonly catchUp: boolean;
  /** How many days back a new digest subscription's first digest reaches. */
  readonly firstDigestDays: number;
}

export interface IngestConfig {
  /** RSS/Atom feeds to follow (added to the database's list at start-up). */
  readonly feeds: readonly string[];
  /** Watch the corpus folder for new article files and appended JSON lines. */
  readonly watch: boolean;
  /** How often a healthy feed is polled, in minutes. */
  readonly pollMinutes: number;
  /** Operator feeds (configuration, CLI) may reach private addresses; chat-added ones never. */
  readonly allowPrivateFeeds: boolean;
}

export interface Config {
  readonly locale: Locale;
  /** Corpus paths; undefined = `corpus/` in the working directory, else the one shipped with the package. */
  readonly corpus?: readonly string[];
  readonly root: string;
  /** Commands per user per minute; 0 = no limit. */
  readonly ratePerMinute: number;
  readonly adapters: readonly Platform[];
  /** The SQLite database (subscriptions, deliveries, audit log); `:memory:` keeps nothing. */
  readonly db: string;
  /** Postgres (`postgres://…`) shared by several replicas; when set, it replaces `db`. */
  readonly databaseUrl?: string;
  /** The longest a Postgres statement may run (ms) before it fails (and a write is retried). */
  readonly databaseStatementTimeoutMs?: number;
  /** Set when answers retrieve their articles with Postgres full-text search; unset = the in-memory index. */
  readonly retrieval?: "postgres";
  readonly schedule: ScheduleConfig;
  readonly ingest: IngestConfig;
  readonly slack?: SlackConfig;
  readonly discord?: DiscordConfig;
  /** pino's level name (NEWSBOT_LOG_LEVEL). */
  readonly logLevel: LogLevel;
  /** /healthz, /readyz and /metrics on `port` (shared with Slack's HTTP receiver when it runs). */
  readonly http: { readonly enabled: boolean; readonly port: number };
  /** Optional model endpoints (written answers, hybrid retrieval); undefined = fully offline. */
  readonly model?: ModelConfig;
  /** NEWSBOT_WARM_UP: ask the answer pipeline a few questions once ready; undefined = not set. */
  readonly warmUp?: boolean;
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Every variable, with what it is for (the source of `.env.example`). */
export const ENV_DOC: readonly { name: string; doc: string; example?: string }[] = [
  { name: "NEWSBOT_LOCALE", doc: "Language of the bot's replies: fr (default) or en", example: "fr" },
  { name: "NEWSBOT_CORPUS", doc: "Corpus paths, comma-separated (default: ./corpus)", example: "corpus" },
  {
    name: "NEWSBOT_COMMAND",
    doc: "Name of the root slash command (default: news → /news ask …)",
    example: "news",
  },
  {
    name: "NEWSBOT_ADAPTERS",
    doc: "Which adapters to run, comma-separated among console, slack, discord (default: the configured ones, else console)",
  },
  {
    name: "NEWSBOT_FEEDS",
    doc: "RSS or Atom feeds to follow, comma-separated; more can be added with /news feeds add <url>",
  },
  {
    name: "NEWSBOT_ALLOW_PRIVATE_FEEDS",
    doc: "Let the feeds of NEWSBOT_FEEDS and `newsbot ingest --feeds` (never those added from chat) and their article pages reach private or local addresses, for intranet feeds: on or off (default)",
    example: "off",
  },
  {
    name: "NEWSBOT_WATCH",
    doc: "Pick up article files dropped into the corpus folder (and lines appended to .jsonl files) while running: on (default) or off",
    example: "on",
  },
  {
    name: "NEWSBOT_POLL_MINUTES",
    doc: "How often each feed is polled, in minutes, 1 to 1440 (default 15)",
    example: "15",
  },
  {
    name: "NEWSBOT_RATE_LIMIT",
    doc: "Commands per user per minute; 0 turns the limit off (default 10)",
    example: "10",
  },
  {
    name: "NEWSBOT_DB",
    doc: "SQLite database of subscriptions and deliveries (default ./data/newsbot.db; :memory: keeps nothing)",
    example: "./data/newsbot.db",
  },
  {
    name: "DATABASE_URL",
    doc: "Postgres shared by several replicas (state and ingested articles), e.g. postgres://newsbot:secret@db:5432/newsbot; unset = the SQLite file NEWSBOT_DB",
  },
  {
    name: "NEWSBOT_DB_STATEMENT_TIMEOUT_MS",
    doc: "With DATABASE_URL: the longest a statement may run, in milliseconds, 100 to 600000 (default 15000); past it the statement fails instead of hanging (articles not shared are kept and sent again)",
    example: "15000",
  },
  {
    name: "NEWSBOT_RETRIEVAL",
    doc: "Where the articles are read from: memory (default, the corpus indexed in memory) or postgres (the articles stay in DATABASE_URL — answers, search and briefings through its full-text search, digests by day — and only the corpus statistics in memory, for corpora larger than memory)",
    example: "memory",
  },
  {
    name: "NEWSBOT_TIMEZONE",
    doc: "Time zone of a subscription that names none, IANA (default Europe/Paris)",
    example: "Europe/Paris",
  },
  {
    name: "NEWSBOT_CATCH_UP",
    doc: "At start-up, post a scheduled run missed earlier the same day while the bot was down: on (default) or off",
    example: "on",
  },
  {
    name: "NEWSBOT_FIRST_DIGEST_DAYS",
    doc: "How many days back a new subscription's first digest reaches, 0 to 31 (default 1: yesterday and today)",
    example: "1",
  },
  {
    name: "NEWSBOT_LOG_LEVEL",
    doc: "Log detail: fatal, error, warn, info (default), debug, trace or silent; JSON lines unless on a terminal",
    example: "info",
  },
  {
    name: "NEWSBOT_WARM_UP",
    doc: "Once ready, answer a few questions made from the corpus (about 1 s in the background) so that the first users' questions are answered as fast as the next ones: on (default) or off",
    example: "on",
  },
  {
    name: "NEWSBOT_HTTP",
    doc: "Serve /healthz, /readyz and /metrics on PORT: on or off (default: on when Slack or Discord runs, off for the console alone)",
  },
  { name: "SLACK_BOT_TOKEN", doc: "Slack bot token (xoxb-…), required for Slack" },
  { name: "SLACK_SIGNING_SECRET", doc: "Slack signing secret, required for Slack in HTTP mode" },
  { name: "SLACK_APP_TOKEN", doc: "Slack app-level token (xapp-…): when set, Slack runs in Socket Mode" },
  {
    name: "PORT",
    doc: "HTTP port for Slack's request URL and for /healthz, /readyz, /metrics (default 3000)",
    example: "3000",
  },
  { name: "DISCORD_TOKEN", doc: "Discord bot token (at least 20 characters), required for Discord" },
  { name: "DISCORD_APPLICATION_ID", doc: "Discord application id, required by npm run discord:register" },
  {
    name: "DISCORD_GUILD_ID",
    doc: "Discord server id: register the commands there only (instant; for development)",
  },
  { name: "SLACK_API_URL", doc: "Advanced: another Slack Web API base URL (tests, proxies)" },
  { name: "DISCORD_API_URL", doc: "Advanced: another Discord REST base URL (tests, proxies)" },
  ...MODEL_ENV_DOC,
  {
    name: "DISCORD_SHARD_COUNT",
    doc: "Discord gateway shards in all (required above 2,500 servers; unset = 1)",
  },
  {
    name: "DISCORD_SHARD_IDS",
    doc: "The shards this process runs, comma-separated (default: all of DISCORD_SHARD_COUNT)",
  },
];

export class ConfigError extends Error {
  constructor(
    readonly problems: readonly string[],
    locale: Locale,
  ) {
    super([configMessages(locale).configInvalid, ...problems.map((p) => `  - ${p}`)].join("\n"));
    this.name = "ConfigError";
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Real Discord bot tokens are about 70 characters; anything under 20 is a paste gone wrong. */
const DISCORD_TOKEN_MIN = 20;

function schema(t: ConfigMessages) {
  const text = (expected: string) => z.string({ error: expected }).trim().min(1, expected);
  const prefixed = (prefix: string) =>
    z
      .string()
      .trim()
      .refine((s) => s.startsWith(prefix) && s.length > prefix.length, t.expectPrefix(prefix));
  const count = (min: number, max: number) => envCount(t, min, max);
  const snowflake = z
    .string()
    .trim()
    .regex(/^\d{17,20}$/, t.expectSnowflake);
  const url = z
    .string()
    .trim()
    .regex(/^https?:\/\/\S+$/, t.expectUrl);
  const onOffValue = () =>
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(["on", "off", "true", "false", "1", "0", "yes", "no"], { error: t.expectOnOff }))
      .transform((v) => ["on", "true", "1", "yes"].includes(v));
  const onOff = (fallback: boolean) => onOffValue().default(fallback);
  return z.object({
    NEWSBOT_LOCALE: z.enum(["fr", "en"], { error: t.expectLocale }).default("fr"),
    NEWSBOT_CORPUS: text(t.expectText).optional(),
    NEWSBOT_COMMAND: z
      .string()
      .trim()
      .regex(/^[a-z0-9_-]{1,32}$/, t.expectCommand)
      .default("news"),
    NEWSBOT_ADAPTERS: z
      .string()
      .trim()
      .transform((s) => s.split(/[\s,]+/).filter(Boolean))
      .pipe(z.array(z.enum(PLATFORMS), { error: t.expectAdapters }).min(1, t.expectAdapters))
      .optional(),
    NEWSBOT_RATE_LIMIT: count(0, 10_000).default(10),
    NEWSBOT_DB: z.string().trim().min(1, t.expectText).default("./data/newsbot.db"),
    DATABASE_URL: z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\/\S+$/, { error: "expected a postgres:// URL" })
      .optional(),
    // the default is storage/pg-database.ts's STATEMENT_TIMEOUT_MS (not imported: it loads `pg`)
    NEWSBOT_DB_STATEMENT_TIMEOUT_MS: count(100, 600_000).default(15_000),
    NEWSBOT_RETRIEVAL: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(["memory", "postgres"], { error: "expected memory or postgres" }))
      .default("memory"),
    NEWSBOT_TIMEZONE: z
      .string()
      .trim()
      .transform((tz, ctx) => {
        const canonical = canonicalTimeZone(tz);
        if (!canonical) {
          ctx.addIssue({ code: "custom", message: t.expectTimezone });
          return z.NEVER;
        }
        return canonical;
      })
      .default("Europe/Paris"),
    NEWSBOT_CATCH_UP: onOff(true),
    NEWSBOT_FIRST_DIGEST_DAYS: count(0, 31).default(1),
    NEWSBOT_FEEDS: z
      .string()
      .trim()
      .transform((v) =>
        v
          .split(",")
          .map((u) => u.trim())
          .filter(Boolean),
      )
      .pipe(z.array(url))
      .optional(),
    NEWSBOT_WATCH: onOff(true),
    NEWSBOT_ALLOW_PRIVATE_FEEDS: onOff(false),
    NEWSBOT_POLL_MINUTES: count(1, 1440).default(15),
    NEWSBOT_LOG_LEVEL: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(", ")}` }))
      .default("info"),
    NEWSBOT_WARM_UP: onOffValue().optional(),
    NEWSBOT_HTTP: onOffValue().optional(),
    SLACK_BOT_TOKEN: prefixed("xoxb-").optional(),
    SLACK_SIGNING_SECRET: z.string().trim().min(8, t.expectSecret(8)).optional(),
    SLACK_APP_TOKEN: prefixed("xapp-").optional(),
    SLACK_API_URL: url.optional(),
    PORT: count(0, 65_535).default(3000),
    DISCORD_TOKEN: z.string().trim().min(DISCORD_TOKEN_MIN, t.expectSecret(DISCORD_TOKEN_MIN)).optional(),
    DISCORD_APPLICATION_ID: snowflake.optional(),
    DISCORD_GUILD_ID: snowflake.optional(),
    DISCORD_API_URL: url.optional(),
    ...modelEnvShape(t),
    DISCORD_SHARD_COUNT: count(1, 100_000).optional(),
    DISCORD_SHARD_IDS: z
      .string()
      .trim()
      .regex(/^\d+(\s*,\s*\d+)*$/, { error: "expected shard numbers, e.g. 0,1" })
      .transform((s) => s.split(",").map((x) => Number(x.trim())))
      .optional(),
  });
}

const SECRET = /TOKEN|SECRET|API_KEY/;

/** Every variable the configuration reads. */
export const ENV_VARIABLES: readonly string[] = Object.keys(schema(configMessages("fr")).shape);

type ParsedEnv = z.infer<ReturnType<typeof schema>>;

/** The variables checked against the schema; a ConfigError lists every problem, each naming its variable. */
function parseEnv(env: Env): ParsedEnv {
  // Empty values (`FOO=` in a .env) mean "not set".
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const guessLocale: Locale = clean.NEWSBOT_LOCALE?.trim() === "en" ? "en" : "fr";
  const t = configMessages(guessLocale);
  const parsed = schema(t).safeParse(clean);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => {
    const name = String(i.path[0] ?? "?");
    const got = SECRET.test(name) ? "" : ` (${JSON.stringify(clean[name] ?? "")})`;
    return `${t.configBad(name, i.message)}${got}`;
  });
  throw new ConfigError([...new Set(problems)], guessLocale);
}

/** NEWSBOT_ADAPTERS, else the platforms whose tokens are set, else the console. */
function chooseAdapters(e: ParsedEnv, require: "discord-register" | undefined): Platform[] {
  const adapters: Platform[] = e.NEWSBOT_ADAPTERS
    ? [...new Set(e.NEWSBOT_ADAPTERS)]
    : [
        ...(e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN ? (["slack"] as const) : []),
        ...(e.DISCORD_TOKEN ? (["discord"] as const) : []),
      ];
  if (adapters.length === 0 && require !== "discord-register") adapters.push("console");
  return adapters;
}

/** What the chosen platforms (or the registration script) need and is not set. */
function missingVariables(
  e: ParsedEnv,
  adapters: readonly Platform[],
  require: "discord-register" | undefined,
  tl: ConfigMessages,
): string[] {
  const problems: string[] = [];
  if (adapters.includes("slack")) {
    if (!e.SLACK_BOT_TOKEN) problems.push(tl.configMissing("SLACK_BOT_TOKEN", tl.configWhySlack));
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      problems.push(tl.configMissing("SLACK_SIGNING_SECRET", tl.configWhySlackHttp));
    }
  }
  if (e.NEWSBOT_RETRIEVAL === "postgres" && !e.DATABASE_URL)
    problems.push(tl.configMissing("DATABASE_URL", tl.configWhyRetrieval));
  if (adapters.includes("discord") && !e.DISCORD_TOKEN) {
    problems.push(tl.configMissing("DISCORD_TOKEN", tl.configWhyDiscord));
  }
  if (require === "discord-register") {
    if (!e.DISCORD_TOKEN) problems.push(tl.configMissing("DISCORD_TOKEN", tl.configWhyRegister));
    if (!e.DISCORD_APPLICATION_ID)
      problems.push(tl.configMissing("DISCORD_APPLICATION_ID", tl.configWhyRegister));
  }
  return problems;
}

/** The Slack and Discord sections, present when their tokens are. */
function platformConfigs(e: ParsedEnv, adapters: readonly Platform[]) {
  return {
    ...(adapters.includes("slack") && e.SLACK_BOT_TOKEN
      ? {
          slack: {
            botToken: e.SLACK_BOT_TOKEN,
            ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
            ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
            port: e.PORT,
            ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
          },
        }
      : {}),
    ...(e.DISCORD_TOKEN
      ? {
          discord: {
            token: e.DISCORD_TOKEN,
            ...(e.DISCORD_APPLICATION_ID ? { applicationId: e.DISCORD_APPLICATION_ID } : {}),
            ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
            ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}),
            ...(e.DISCORD_SHARD_COUNT || e.DISCORD_SHARD_IDS
              ? { shards: discordShards(e.DISCORD_SHARD_COUNT, e.DISCORD_SHARD_IDS, e.NEWSBOT_LOCALE) }
              : {}),
          },
        }
      : {}),
  };
}

/**
 * Read the configuration from `env`. Throws a ConfigError listing every problem, each naming its
 * variable. `require: "discord-register"` also demands what the registration script needs.
 */
export function loadConfig(env: Env, options: { require?: "discord-register" } = {}): Config {
  const e = parseEnv(env);
  const tl = configMessages(e.NEWSBOT_LOCALE);
  const adapters = chooseAdapters(e, options.require);
  const problems = missingVariables(e, adapters, options.require, tl);
  const model = modelConfigOf(e, tl, e.NEWSBOT_LOCALE, problems);
  if (problems.length > 0) throw new ConfigError(problems, e.NEWSBOT_LOCALE);

  const corpus = e.NEWSBOT_CORPUS?.split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    locale: e.NEWSBOT_LOCALE,
    ...(corpus && corpus.length > 0 ? { corpus } : {}),
    root: e.NEWSBOT_COMMAND,
    ratePerMinute: e.NEWSBOT_RATE_LIMIT,
    adapters,
    db: e.NEWSBOT_DB,
    ...(e.DATABASE_URL
      ? { databaseUrl: e.DATABASE_URL, databaseStatementTimeoutMs: e.NEWSBOT_DB_STATEMENT_TIMEOUT_MS }
      : {}),
    ...(e.NEWSBOT_RETRIEVAL === "postgres" ? { retrieval: "postgres" as const } : {}),
    schedule: {
      timezone: e.NEWSBOT_TIMEZONE,
      catchUp: e.NEWSBOT_CATCH_UP,
      firstDigestDays: e.NEWSBOT_FIRST_DIGEST_DAYS,
    },
    ingest: {
      feeds: e.NEWSBOT_FEEDS ?? [],
      watch: e.NEWSBOT_WATCH,
      pollMinutes: e.NEWSBOT_POLL_MINUTES,
      allowPrivateFeeds: e.NEWSBOT_ALLOW_PRIVATE_FEEDS,
    },
    logLevel: e.NEWSBOT_LOG_LEVEL,
    http: { enabled: e.NEWSBOT_HTTP ?? adapters.some((a) => a !== "console"), port: e.PORT },
    ...(model ? { model } : {}),
    ...(e.NEWSBOT_WARM_UP === undefined ? {} : { warmUp: e.NEWSBOT_WARM_UP }),
    ...platformConfigs(e, adapters),
  };
}

/** The text of `.env.example`: every variable, documented, secrets left empty. */
export function envExample(): string {
  return `${ENV_DOC.map((v) => `# ${v.doc}\n${v.name}=${v.example ?? ""}`).join("\n\n")}\n`;
}

/** The shards of this process: every shard of the count by default; an id out of range is refused. */
function discordShards(
  count: number | undefined,
  ids: readonly number[] | undefined,
  locale: Locale,
): { ids: readonly number[]; count: number } {
  const total = count ?? 1;
  const mine = ids ?? Array.from({ length: total }, (_, i) => i);
  const bad = mine.filter((id) => id >= total);
  if (bad.length > 0)
    throw new ConfigError(
      [`DISCORD_SHARD_IDS: ${bad.join(", ")} not below DISCORD_SHARD_COUNT (${total})`],
      locale,
    );
  return { ids: [...new Set(mine)], count: total };
}

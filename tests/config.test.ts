// Configuration from the environment: defaults, which adapters run, tokens required only for
// them, and one clear message naming each bad variable (never echoing a secret).
import { describe, expect, it } from "vitest";
import { ConfigError, ENV_DOC, ENV_VARIABLES, envExample, loadConfig } from "../src/config/index.ts";

const problems = (env: Record<string, string>, options?: Parameters<typeof loadConfig>[1]): string => {
  try {
    loadConfig(env, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
};

describe("config", () => {
  it("defaults to the console, in French, /news, 10 commands a minute", () => {
    expect(loadConfig({})).toEqual({
      locale: "fr",
      root: "news",
      ratePerMinute: 10,
      adapters: ["console"],
      db: "./data/newsbot.db",
      ingest: { feeds: [], watch: true, pollMinutes: 15, allowPrivateFeeds: false },
      logLevel: "info",
      http: { enabled: false, port: 3000 },
      schedule: { timezone: "Europe/Paris", catchUp: true, firstDigestDays: 1 },
    });
  });

  it("treats empty values as unset (a .env copied from .env.example)", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "", DISCORD_TOKEN: "  ", NEWSBOT_LOCALE: "" }).adapters).toEqual([
      "console",
    ]);
  });

  it("enables Slack when a Slack variable is set, and requires its tokens", () => {
    const cfg = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1234-abcd",
      SLACK_SIGNING_SECRET: "s3cr3t-value",
      PORT: "0",
    });
    expect(cfg.adapters).toEqual(["slack"]);
    expect(cfg.slack).toEqual({ botToken: "xoxb-1234-abcd", signingSecret: "s3cr3t-value", port: 0 });
    expect(problems({ SLACK_SIGNING_SECRET: "s3cr3t-value" })).toContain(
      "SLACK_BOT_TOKEN est obligatoire quand l'adaptateur Slack est activé.",
    );
    expect(problems({ SLACK_BOT_TOKEN: "xoxb-1234-abcd" })).toContain("SLACK_SIGNING_SECRET est obligatoire");
    const socket = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1234-abcd", SLACK_APP_TOKEN: "xapp-1-abcdef" });
    expect(socket.slack?.appToken).toBe("xapp-1-abcdef");
  });

  it("enables Discord with a token; the register script also needs the application id", () => {
    const token = "x".repeat(30);
    expect(loadConfig({ DISCORD_TOKEN: token }).adapters).toEqual(["discord"]);
    expect(problems({ NEWSBOT_ADAPTERS: "discord,console" })).toContain("DISCORD_TOKEN est obligatoire");
    expect(problems({ DISCORD_TOKEN: token }, { require: "discord-register" })).toContain(
      "DISCORD_APPLICATION_ID est obligatoire pour enregistrer les commandes Discord.",
    );
    const reg = loadConfig(
      {
        DISCORD_TOKEN: token,
        DISCORD_APPLICATION_ID: "123456789012345678",
        DISCORD_GUILD_ID: "223456789012345678",
      },
      { require: "discord-register" },
    );
    expect(reg.discord).toMatchObject({ applicationId: "123456789012345678", guildId: "223456789012345678" });
  });

  it("names every malformed variable in one message, without echoing secrets", () => {
    const message = problems({
      NEWSBOT_LOCALE: "de",
      NEWSBOT_COMMAND: "News!",
      NEWSBOT_RATE_LIMIT: "lots",
      SLACK_BOT_TOKEN: "xoxp-user-token-secret",
      DISCORD_GUILD_ID: "abc",
    });
    expect(message.split("\n")[0]).toBe("Configuration invalide :");
    for (const name of [
      "NEWSBOT_LOCALE",
      "NEWSBOT_COMMAND",
      "NEWSBOT_RATE_LIMIT",
      "SLACK_BOT_TOKEN",
      "DISCORD_GUILD_ID",
    ]) {
      expect(message).toContain(`  - ${name} est invalide`);
    }
    expect(message).toContain('NEWSBOT_LOCALE est invalide : attendu fr ou en. ("de")');
    expect(message).not.toContain("xoxp-user-token-secret");
  });

  it("reports in English when NEWSBOT_LOCALE=en", () => {
    expect(problems({ NEWSBOT_LOCALE: "en", PORT: "99999" })).toContain(
      "PORT is invalid: expected a whole number from 0 to 65535.",
    );
  });

  it("reads the corpus list, adapters list and rate limit", () => {
    const cfg = loadConfig({
      NEWSBOT_CORPUS: "a, b/c.jsonl",
      NEWSBOT_ADAPTERS: "console",
      NEWSBOT_RATE_LIMIT: "0",
    });
    expect(cfg).toMatchObject({ corpus: ["a", "b/c.jsonl"], adapters: ["console"], ratePerMinute: 0 });
  });

  it("bounds the Postgres statement timeout, 15 s unless set", () => {
    const url = "postgres://u@db/newsbot";
    expect(loadConfig({ DATABASE_URL: url }).databaseStatementTimeoutMs).toBe(15_000);
    expect(
      loadConfig({ DATABASE_URL: url, NEWSBOT_DB_STATEMENT_TIMEOUT_MS: "2500" }).databaseStatementTimeoutMs,
    ).toBe(2500);
    for (const bad of ["0", "50", "2s", "9999999"])
      expect(() => loadConfig({ DATABASE_URL: url, NEWSBOT_DB_STATEMENT_TIMEOUT_MS: bad })).toThrow(
        /NEWSBOT_DB_STATEMENT_TIMEOUT_MS/,
      );
  });

  it("leaves the answer warm-up to the start-up unless NEWSBOT_WARM_UP says", () => {
    expect(loadConfig({}).warmUp).toBeUndefined();
    expect(loadConfig({ NEWSBOT_WARM_UP: "off" }).warmUp).toBe(false);
    expect(loadConfig({ NEWSBOT_WARM_UP: "on" }).warmUp).toBe(true);
    expect(() => loadConfig({ NEWSBOT_WARM_UP: "later" })).toThrow(/NEWSBOT_WARM_UP/);
  });

  it("documents every variable it reads in .env.example", () => {
    const example = envExample();
    for (const v of ENV_DOC) expect(example).toContain(`\n${v.name}=`);
    expect(ENV_DOC.map((v) => v.name).sort()).toEqual([...ENV_VARIABLES].sort());
  });
});

describe("Discord shards", () => {
  it("runs every shard of DISCORD_SHARD_COUNT, or the ids given; refuses an id out of range", () => {
    const base = { DISCORD_TOKEN: "x".repeat(30) };
    expect(loadConfig({ ...base, DISCORD_SHARD_COUNT: "2" }).discord?.shards).toEqual({
      ids: [0, 1],
      count: 2,
    });
    expect(
      loadConfig({ ...base, DISCORD_SHARD_COUNT: "4", DISCORD_SHARD_IDS: "1, 3" }).discord?.shards,
    ).toEqual({
      ids: [1, 3],
      count: 4,
    });
    expect(loadConfig(base).discord?.shards).toBeUndefined();
    expect(() => loadConfig({ ...base, DISCORD_SHARD_COUNT: "2", DISCORD_SHARD_IDS: "2" })).toThrow(
      /DISCORD_SHARD_IDS: 2 not below DISCORD_SHARD_COUNT \(2\)/,
    );
  });
});

describe(".env.example", () => {
  it("is the generated documentation of every variable (run envExample() to refresh it)", async () => {
    const { readFileSync } = await import("node:fs");
    const file = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
    expect(file).toContain(envExample());
  });
});

describe("feed configuration", () => {
  it("reads a comma-separated list of feed URLs and names a bad one", () => {
    expect(
      loadConfig({ NEWSBOT_FEEDS: "https://a.example/rss, http://b.example/atom.xml" }).ingest.feeds,
    ).toEqual(["https://a.example/rss", "http://b.example/atom.xml"]);
    expect(() => loadConfig({ NEWSBOT_FEEDS: "https://a.example/rss,ftp://nope" })).toThrow(/NEWSBOT_FEEDS/);
    expect(() => loadConfig({ NEWSBOT_POLL_MINUTES: "0" })).toThrow(/NEWSBOT_POLL_MINUTES/);
    expect(loadConfig({ NEWSBOT_WATCH: "off" }).ingest.watch).toBe(false);
  });
});

describe("operations settings", () => {
  it("validates NEWSBOT_LOG_LEVEL and serves health only where a platform runs, unless told", () => {
    expect(loadConfig({ NEWSBOT_LOG_LEVEL: "DEBUG" }).logLevel).toBe("debug");
    expect(() => loadConfig({ NEWSBOT_LOG_LEVEL: "loud" })).toThrow(/NEWSBOT_LOG_LEVEL.*fatal, error, warn/s);
    expect(loadConfig({ DISCORD_TOKEN: "x".repeat(30) }).http).toEqual({ enabled: true, port: 3000 });
    expect(loadConfig({ NEWSBOT_HTTP: "on", PORT: "0" }).http).toEqual({ enabled: true, port: 0 });
    expect(() => loadConfig({ NEWSBOT_HTTP: "maybe" })).toThrow(/NEWSBOT_HTTP/);
  });
});

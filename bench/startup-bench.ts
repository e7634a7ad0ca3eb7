// Start-up as an operator meets it, measured on real processes of the compiled bot (dist/, built
// first when stale): start-to-ready (spawn → the "ready" log line) and RSS at ready, the answer
// warm-up that follows ready (its own log line; the bot answers meanwhile), then
// `newsbot ask` end to end with its peak RSS, each without and with the index snapshot, side by
// side; and the console's start on the seed corpus. Usage:
//   npm run bench:startup -- [--corpus PATH] [--runs N]
// (default corpus: ../shared/datasets/orangesum-dedup.jsonl.gz when present, else corpus/).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
// @ts-expect-error: a plain ES module without types
import { build, distIsFresh } from "../bin/dist.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const ARCHIVE = resolve(ROOT, "../shared/datasets/orangesum-dedup.jsonl.gz");
const { values } = parseArgs({
  options: { corpus: { type: "string" }, runs: { type: "string", default: "1" } },
});
const corpus = resolve(values.corpus ?? (existsSync(ARCHIVE) ? ARCHIVE : join(ROOT, "corpus")));
const runs = Math.max(1, Number(values.runs) || 1);
const QUESTION = "Qui est le président de la République ?";

if (!(distIsFresh as () => boolean)()) {
  console.error("building dist/ first…");
  if ((await (build as () => Promise<number>)()) !== 0) process.exit(1);
}

interface Start {
  readyMs: number;
  /** CPU time (user + system) to ready: the wall time on an idle core. */
  cpuMs: number;
  rssMB: number;
  source: string;
  /** The answer warm-up after ready (NEWSBOT_WARM_UP): questions, wall and CPU time. */
  warmUp?: { asked: number; ms: number; cpuMs: number };
}

/**
 * Start the bot on the console with piped input; resolve at its "ready" line; wait for the answer
 * warm-up (and the snapshot when asked), quit.
 */
function startOnce(dataDir: string, corpusPath: string, waitForSave: boolean): Promise<Start> {
  const began = performance.now();
  const child = spawn(process.execPath, [join(ROOT, "dist/src/app/main.js")], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH ?? "",
      NEWSBOT_CORPUS: corpusPath,
      NEWSBOT_DB: join(dataDir, "data", "newsbot.db"),
      NEWSBOT_WATCH: "off",
    },
    stdio: ["pipe", "ignore", "pipe"],
  });
  return new Promise((done, fail) => {
    let buffered = "";
    let start: Start | undefined;
    let saved = !waitForSave;
    let warmUp: Start["warmUp"];
    // the warm-up over, done or failed (a failure is logged and leaves no figures): else no quit
    let warmedUp = false;
    const quitWhenDone = () => {
      if (start && saved && warmedUp) child.stdin.end("quit\n");
    };
    child.stderr.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      for (let nl = buffered.indexOf("\n"); nl >= 0; nl = buffered.indexOf("\n")) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        let o: {
          msg?: string;
          rssMB?: number;
          cpuMs?: number;
          source?: string;
          type?: string;
          asked?: number;
          ms?: number;
        };
        try {
          o = JSON.parse(line);
        } catch {
          continue;
        }
        if (o.msg === "ready") {
          start = {
            readyMs: performance.now() - began,
            cpuMs: o.cpuMs ?? 0,
            rssMB: o.rssMB ?? 0,
            source: o.source ?? "?",
          };
          if (o.source === "snapshot") saved = true;
        } else if (o.type === "saved" || o.type === "save-failed") {
          saved = true;
        } else if (o.msg?.startsWith("[answers] warmed up")) {
          warmUp = { asked: o.asked ?? 0, ms: o.ms ?? 0, cpuMs: o.cpuMs ?? 0 };
          warmedUp = true;
        } else if (o.msg?.startsWith("[answers] a warm-up question failed")) {
          warmedUp = true;
        }
        quitWhenDone();
      }
    });
    child.on("exit", (code) =>
      start
        ? done({ ...start, ...(warmUp ? { warmUp } : {}) })
        : fail(new Error(`the bot exited (${code}) before ready`)),
    );
  });
}

/** `newsbot ask` end to end (the bin, as a user types it), with its peak RSS from /usr/bin/time. */
function askOnce(dataDir: string): { ms: number; cpuMs: number; peakMB: number } {
  const began = performance.now();
  const r = spawnSync(
    "/usr/bin/time",
    ["-f", "%U %S %M", process.execPath, join(ROOT, "bin/newsbot.mjs"), "ask", QUESTION, "--corpus", corpus],
    {
      cwd: dataDir,
      env: { PATH: process.env.PATH ?? "", NEWSBOT_DB: join(dataDir, "data", "newsbot.db") },
      encoding: "utf8",
    },
  );
  const ms = performance.now() - began;
  if (r.status !== 0) console.error(`newsbot ask exited ${r.status}: ${r.stderr.slice(-500)}`);
  // /usr/bin/time prints user and system seconds and the peak RSS in KB as the last line of stderr
  const [user, system, peakKB] = (r.stderr.trim().split("\n").at(-1) ?? "").split(" ").map(Number);
  return { ms, cpuMs: ((user ?? 0) + (system ?? 0)) * 1000, peakMB: Math.round((peakKB ?? 0) / 1000) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  console.log(
    `corpus ${corpus}; ${runs} run(s) each; ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  const cold: Start[] = [];
  const warm: Start[] = [];
  const askCold: ReturnType<typeof askOnce>[] = [];
  const askWarm: ReturnType<typeof askOnce>[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), "newsbot-startup-"));
    try {
      askCold.push(askOnce(dir)); // no snapshot yet: reads and indexes the corpus (then saves one)
      rmSync(join(dir, "data"), { recursive: true, force: true });
      cold.push(await startOnce(dir, corpus, true)); // no snapshot: builds, saves after ready
      warm.push(await startOnce(dir, corpus, false));
      askWarm.push(askOnce(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const rows = [
    ["start-to-ready", fmt(median(cold.map((s) => s.readyMs))), fmt(median(warm.map((s) => s.readyMs)))],
    ["  CPU time to ready", fmt(median(cold.map((s) => s.cpuMs))), fmt(median(warm.map((s) => s.cpuMs)))],
    ["RSS at ready", `${median(cold.map((s) => s.rssMB))} MB`, `${median(warm.map((s) => s.rssMB))} MB`],
    ["newsbot ask, end to end", fmt(median(askCold.map((a) => a.ms))), fmt(median(askWarm.map((a) => a.ms)))],
    ["  CPU time", fmt(median(askCold.map((a) => a.cpuMs))), fmt(median(askWarm.map((a) => a.cpuMs)))],
    [
      "newsbot ask, peak RSS",
      `${median(askCold.map((a) => a.peakMB))} MB`,
      `${median(askWarm.map((a) => a.peakMB))} MB`,
    ],
  ];
  const warmed = (starts: Start[], f: (w: NonNullable<Start["warmUp"]>) => number) =>
    median(starts.map((s) => (s.warmUp ? f(s.warmUp) : Number.NaN)));
  rows.push(
    ["warm-up after ready", fmt(warmed(cold, (w) => w.ms)), fmt(warmed(warm, (w) => w.ms))],
    ["  CPU time", fmt(warmed(cold, (w) => w.cpuMs)), fmt(warmed(warm, (w) => w.cpuMs))],
    ["  questions", String(warmed(cold, (w) => w.asked)), String(warmed(warm, (w) => w.asked))],
  );
  console.log(`\n${"".padEnd(26)}${"no snapshot".padEnd(14)}snapshot`);
  for (const [label, a, b] of rows) console.log(`${(label ?? "").padEnd(26)}${(a ?? "").padEnd(14)}${b}`);
  console.log(`(sources: ${warm.map((s) => s.source).join(", ")})`);

  const seeds: Start[] = [];
  for (let i = 0; i < Math.max(3, runs); i++) {
    const dir = mkdtempSync(join(tmpdir(), "newsbot-seeds-"));
    try {
      seeds.push(await startOnce(dir, join(ROOT, "corpus"), false));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const wall = fmt(median(seeds.map((s) => s.readyMs)));
  const cpu = fmt(median(seeds.map((s) => s.cpuMs)));
  console.log(
    `\nconsole start on the seed corpus (dist/), to ready: ${wall}, CPU ${cpu} (median of ${seeds.length})`,
  );
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(", ")} (1, 5, 15 min)`,
  );
}

await main();

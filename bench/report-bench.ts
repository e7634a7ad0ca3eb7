// Latency of digests, briefings and `who` on the full OrangeSum archive (34k articles), after the
// load and index build (which are measured apart), and of placing a day's articles in stories as
// they arrive live. Not part of `npm test`:
//   node bin/run-ts.mjs bench/report-bench.ts [--show] [--no-warm-up-line]
// `--show` also prints the replies as text, to read them by eye.
// The `ask` lines measure the 300 questions after everything above them, without the bot's start-up
// warm-up; a line "after warm-up" then measures the same questions in a fresh process that, as the
// bot does once ready, only loads and indexes the archive and answers its warm-up questions
// (src/core/answer/warm-up.ts) first (`--no-warm-up-line` leaves it out; `--warm-up-child on|off`
// runs that process alone, with or without the warm-up).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { replyText } from "../src/cli/report-commands.ts";
import { warmUpAnswerKinds } from "../src/core/answer/answer-kinds.ts";
import { type Answer, createAnswerer } from "../src/core/answer/answerer.ts";
import { prepareAnswering, warmUpAnswers, warmUpQuestions } from "../src/core/answer/warm-up.ts";
import { briefingReply, buildBriefing } from "../src/core/briefing/index.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { buildDigest, digestReply } from "../src/core/digest/index.ts";
import { whoIs } from "../src/core/entities/index.ts";
import { createNewsCore } from "../src/core/news-core.ts";
import { whoReply } from "../src/core/reply/who-reply.ts";
import { createNewsIndex, type NewsIndex } from "../src/core/search/news-index.ts";
import { placeLiveArticles, startLiveStories } from "../src/core/stories/index.ts";
import { askQuestions } from "./lib/ask-questions.ts";

const PATH = resolve(fileURLToPath(import.meta.url), "../../../shared/datasets/orangesum-dedup.jsonl.gz");
const show = process.argv.includes("--show");
const childAt = process.argv.indexOf("--warm-up-child");
// the process that measures `ask` after the bot's warm-up (see above): "on" or "off"
const child = childAt >= 0 ? process.argv[childAt + 1] : undefined;

let t = performance.now();
const { articles } = await loadCorpus(PATH);
const loadMs = performance.now() - t;

// Days from 2020-06-01 on are kept for an independent check of the stories: the bench's days are
// chosen before it.
const HELD_OUT_FROM = "2020-06-01";
const perDay = new Map<string, number>();
for (const a of articles) if (a.date) perDay.set(a.date, (perDay.get(a.date) ?? 0) + 1);
const days = [...perDay.entries()].filter(([d]) => d < HELD_OUT_FROM).sort((a, b) => b[1] - a[1]);
const busiest = days[0]?.[0] ?? "2020-05-07";
const median = days[Math.floor(days.length / 2)]?.[0] ?? "2019-12-05";

// The busiest day arrives live: indexed last, one article at a time, each placed in a story.
t = performance.now();
const news = createNewsIndex(articles.filter((a) => a.date !== busiest));
const indexMs = performance.now() - t;
if (child) {
  // the same index as below (the busiest day added last, one article at a time), then the asks
  for (const a of articles.filter((x) => x.date === busiest)) news.add([a]);
  await askAfterWarmUp(child === "on");
  process.exit(0);
}
console.log(
  `corpus: ${articles.length} articles · load ${Math.round(loadMs)} ms · index ${Math.round(indexMs)} ms`,
);
{
  // the live path of ingestion (src/ingest/live-index.ts): the index's tracker starts from the
  // three days before (the archive goes on after the busiest day, so they are named), then each
  // new article is placed as it is added
  const dayNo = Date.parse(`${busiest}T00:00:00Z`);
  const before = new Date(dayNo - 3 * 86_400_000).toISOString().slice(0, 10);
  const seed = news.articles
    .map((a, d) => ({ date: a.date ?? "", d }))
    .filter((x) => x.date >= before && x.date < busiest)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.d - b.d))
    .map((x) => x.d);
  let t0 = performance.now();
  const tracker = startLiveStories(news, {}, seed);
  const seedMs = performance.now() - t0;
  const seeded = tracker.size();
  const placeMs: number[] = [];
  let addMs = 0;
  let joined = 0;
  for (const a of articles.filter((x) => x.date === busiest)) {
    t0 = performance.now();
    const first = news.articles.length;
    news.add([a]);
    addMs += performance.now() - t0;
    const t1 = performance.now();
    joined += placeLiveArticles(news, first);
    placeMs.push(performance.now() - t1);
  }
  placeMs.sort((a, b) => a - b);
  const mean = placeMs.reduce((x, y) => x + y, 0) / Math.max(1, placeMs.length);
  console.log(
    `live: ${placeMs.length} articles of ${busiest} placed one by one`.padEnd(44),
    `mean ${mean.toFixed(2)} ms · p50 ${(placeMs[Math.floor(placeMs.length / 2)] ?? 0).toFixed(2)} ms · max ${(placeMs.at(-1) ?? 0).toFixed(2)} ms per article (index add ${(addMs / Math.max(1, placeMs.length)).toFixed(2)} ms) · ${joined} joined a story · tracker started from ${seeded} articles in ${Math.round(seedMs)} ms, holds ${tracker.size()} in ${tracker.stories().length} stories`,
  );
}

/** Cold (first call, empty sentence cache for those articles) and warm (median of 5) latencies. */
function measure<T>(label: string, run: (n: NewsIndex) => T, render?: (x: T) => string): void {
  const t0 = performance.now();
  const first = run(news);
  const cold = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t1 = performance.now();
    run(news);
    warm.push(performance.now() - t1);
  }
  warm.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} cold ${cold.toFixed(1).padStart(7)} ms · warm ${(warm[2] as number).toFixed(1).padStart(7)} ms`,
  );
  if (show && render) console.log(`\n${render(first)}\n`);
}

// the busiest day, a quiet day, a week, and topics
for (const day of [busiest, median, "2019-12-05"]) {
  measure(
    `digest ${day} (${perDay.get(day) ?? 0} articles)`,
    (n) => buildDigest(n, { from: day, to: day }),
    (d) => replyText(digestReply(d)),
  );
}
measure("digest 2020-03-01..2020-03-31", (n) => buildDigest(n, { from: "2020-03-01", to: "2020-03-31" }));
measure("digest 2020-05-01..2020-05-07", (n) => buildDigest(n, { from: "2020-05-01", to: "2020-05-07" }));
measure("digest 2019-12-02..2019-12-08", (n) => buildDigest(n, { from: "2019-12-02", to: "2019-12-08" }));
measure("digest 2020 --topic retraites", (n) =>
  buildDigest(n, { from: "2020-01-01", to: "2020-12-31", topic: "retraites" }),
);
for (const topic of ["retraites", "Covid", "Brexit", "élections municipales"]) {
  measure(
    `brief ${topic}`,
    (n) => buildBriefing(n, topic),
    (b) => replyText(briefingReply(b)),
  );
}
measure("brief Covid --since 2020-06-01", (n) => buildBriefing(n, "Covid", { since: "2020-06-01" }));
for (const name of ["Olivier Véran", "Edouard Philippe", "Didier Raoult"]) {
  measure(
    `who ${name}`,
    (n) => whoIs(n, name),
    (p) => replyText(whoReply(p, name)),
  );
}

// `ask` end to end (question → cited answer), on the 300 questions of ./lib/ask-questions.ts (an
// article's title, "Qui est <name> ?", "Combien … ?", built from the corpus with a fixed stride).
// Wall time, and the process's CPU time (user + system) for each answer: on this shared machine a
// question during which the process waited for a core takes longer on the clock, not in CPU time,
// which is what an idle core would take. The answers' digest shows both processes answer alike.
function measureAsks(label: string): void {
  const answerer = createAnswerer(news);
  warmUpAnswerKinds();
  const questions = askQuestions(news, articles);
  const askMs: number[] = [];
  const askCpuMs: number[] = [];
  const answers: Answer[] = [];
  let found = 0;
  for (const q of questions) {
    const c1 = process.cpuUsage();
    const t1 = performance.now();
    const answer = answerer.answer(q);
    if (answer.found) found++;
    askMs.push(performance.now() - t1);
    const c = process.cpuUsage(c1);
    askCpuMs.push((c.user + c.system) / 1000);
    answers.push(answer); // hashed after the loop: nothing but the asks inside it
  }
  const digest = createHash("sha1");
  for (const a of answers) digest.update(JSON.stringify(a));
  const pct = (xs: number[], p: number) =>
    (xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0).toFixed(1);
  for (const [what, xs] of [
    ["", askMs],
    [", CPU time", askCpuMs],
  ] as const) {
    xs.sort((a, b) => a - b);
    console.log(
      `ask, ${questions.length} questions (titles, "Qui est …", "Combien de …")${label}${what}`.padEnd(44),
      `p50 ${pct(xs, 0.5)} ms · p99 ${pct(xs, 0.99)} ms · max ${(xs.at(-1) ?? 0).toFixed(1)} ms · answered ${found}`,
    );
  }
  console.log(`  (answers' SHA-1 ${digest.digest("hex").slice(0, 12)}${label})`);
}

/**
 * The warm-up process: the bot's once-ready steps (with or without its warm-up questions), then
 * the 300 questions.
 */
async function askAfterWarmUp(on: boolean): Promise<void> {
  prepareAnswering(news);
  if (on) {
    const core = createNewsCore(news);
    const prepared = warmUpQuestions(news);
    const taken = new Set(askQuestions(news, articles));
    const r = await warmUpAnswers((q, locale) => core.ask(q, locale), prepared);
    console.log(
      `warm-up: ${r.asked} of ${r.of} questions in ${r.ms.toFixed(0)} ms, ${r.cpuMs.toFixed(0)} ms of CPU; ${prepared.filter((q) => taken.has(q.question)).length} among the bench's questions`,
    );
  }
  measureAsks(on ? ", after warm-up" : ", fresh process, no warm-up");
}

measureAsks("");
if (!process.argv.includes("--no-warm-up-line")) {
  const script = fileURLToPath(import.meta.url);
  const runTs = resolve(script, "../../bin/run-ts.mjs");
  const warm = spawn(process.execPath, [...process.execArgv, runTs, script, "--warm-up-child", "on"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const code = await new Promise<number | null>((done) => warm.on("exit", done));
  if (code !== 0) {
    console.error(`the after-warm-up process exited ${code}`);
    process.exitCode = 1;
  }
}

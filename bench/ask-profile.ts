// Where the time of `ask` goes on the full archive, as `npm run bench:reports` measures it "after
// warm-up": the bench's index (the busiest day added last), the bot's start-up warm-up, then the 300
// bench questions once (each article's caches still empty, V8 warm), timed step by step; then the
// same questions `--passes N` times more (every cache full). With `--cpu-prof FILE` the first pass
// (or pass `--profile-pass K`) is also profiled (node:inspector) and the functions taking the most
// time are listed: self time, and total time (the function anywhere on the stack).
//   node [--expose-gc] bin/run-ts.mjs bench/ask-profile.ts [--passes 2] [--cpu-prof /tmp/ask.cpuprofile] [--profile-pass 1] [--top 40]
// Loads the archive: run it under the shared lock.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { addVoteFeatures } from "../src/core/answer/answer-votes.ts";
import { FIT_MARGIN, LATEST_MARGIN, NAMED_MARGIN, PRECISE_MARGIN } from "../src/core/answer/answerer.ts";
import { citationsFor, quoteFor } from "../src/core/answer/cite.ts";
import { decide } from "../src/core/answer/decide.ts";
import { readQuestion } from "../src/core/answer/read-question.ts";
import { retrieveCandidates } from "../src/core/answer/retrieve.ts";
import { createScorer } from "../src/core/answer/scorer.ts";
import { candidateSentences } from "../src/core/answer/sentence-features.ts";
import { prepareAnswering, warmUpAnswers, warmUpQuestions } from "../src/core/answer/warm-up.ts";
import { roleAnswer } from "../src/core/answer/who-is-answer.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsCore } from "../src/core/news-core.ts";
import { createNewsIndex, type NewsIndex } from "../src/core/search/news-index.ts";
import { askQuestions, busiestDay } from "./lib/ask-questions.ts";
import { createFlags } from "./lib/flags.ts";
import { ORANGESUM_PATH } from "./lib/orangesum.ts";

const flags = createFlags(process.argv.slice(2));
const passes = flags.number("passes") ?? 2;
const profileTo = flags.value("cpu-prof");
const top = flags.number("top") ?? 40;
const profiled = flags.number("profile-pass") ?? 1;

const { articles } = await loadCorpus(ORANGESUM_PATH);
const busiest = busiestDay(articles, "2020-06-01");
const news = createNewsIndex(articles.filter((a) => a.date !== busiest));
for (const a of articles.filter((x) => x.date === busiest)) news.add([a]);
const questions = askQuestions(news, articles);
prepareAnswering(news);
const core = createNewsCore(news);
const warm = await warmUpAnswers((q, locale) => core.ask(q, locale), warmUpQuestions(news));
console.log(`warm-up: ${warm.asked} questions, ${warm.cpuMs.toFixed(0)} ms of CPU`);

const STEPS = ["read", "role", "retrieve", "candidates", "votes+score", "decide", "quote+cite"] as const;
type Step = (typeof STEPS)[number];

// the steps of src/core/answer/answerer.ts's `answer`, with its default options, each timed
const scorer = createScorer();
function askTimed(news: NewsIndex, question: string, times: Map<Step, number[]>): number {
  let t = performance.now();
  const began = t;
  const lap = (step: Step) => {
    const now = performance.now();
    times.get(step)?.push(now - t);
    t = now;
  };
  const reading = readQuestion(news, question);
  lap("read");
  if (reading.groups.length === 0) return performance.now() - began;
  if (reading.asksIdentity && reading.identityOf && !reading.unknownName) {
    const byRole = roleAnswer(news, reading.identityOf, 2);
    lap("role");
    if (byRole) return performance.now() - began;
  }
  const docs = retrieveCandidates(news, reading, 15);
  lap("retrieve");
  const found = candidateSentences(news, reading, docs, 60);
  lap("candidates");
  if (scorer.votes)
    addVoteFeatures(
      found.map((s) => ({ doc: s.doc, keys: s.keys ?? [], features: s.features })),
      found.map((s) => scorer.firstScore(s.features)),
    );
  const scored = found.map((s) => ({ ...s, score: scorer.score(s.features) }));
  lap("votes+score");
  const decision = decide(news, reading, scored, scorer, {
    recencyMargin: 0.25,
    preciseMargin: PRECISE_MARGIN,
    latestMargin: LATEST_MARGIN,
    namedMargin: NAMED_MARGIN,
    fitMargin: FIT_MARGIN,
    span: { first: "2016-01-01", last: "2020-12-31" },
  });
  lap("decide");
  if (decision.found) {
    const quote = quoteFor(news, reading, decision.best, scored, 3);
    const ranked = [...scored].sort((a, b) => b.score - a.score);
    citationsFor(news, decision.best, quote.text, ranked, 2, 0.5);
    lap("quote+cite");
  }
  return performance.now() - began;
}

const pct = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
};

async function pass(label: string, profile: boolean): Promise<void> {
  const session = profile ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 100 });
    await session.post("Profiler.start");
  }
  const times = new Map<Step, number[]>(STEPS.map((s) => [s, []]));
  const total: number[] = [];
  const cpuMs: number[] = [];
  for (const q of questions) {
    const c = process.cpuUsage();
    total.push(askTimed(news, q, times));
    const used = process.cpuUsage(c);
    cpuMs.push((used.user + used.system) / 1000);
  }
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(
    `\n${label}: ${questions.length} questions, p50 ${pct(total, 0.5).toFixed(1)} ms · p99 ${pct(total, 0.99).toFixed(1)} ms · total ${sum(total).toFixed(0)} ms; CPU time p50 ${pct(cpuMs, 0.5).toFixed(1)} ms · p99 ${pct(cpuMs, 0.99).toFixed(1)} ms · total ${sum(cpuMs).toFixed(0)} ms`,
  );
  for (const [step, xs] of times)
    console.log(
      `  ${step.padEnd(12)} ${String(xs.length).padStart(4)} calls · total ${sum(xs).toFixed(0).padStart(5)} ms (${((100 * sum(xs)) / sum(total)).toFixed(0).padStart(2)} %) · p50 ${pct(xs, 0.5).toFixed(2)} ms · p99 ${pct(xs, 0.99).toFixed(2)} ms`,
    );
  if (!session) return;
  const { profile: cpu } = await session.post("Profiler.stop");
  session.disconnect();
  if (profileTo) writeFileSync(profileTo, JSON.stringify(cpu));
  summarise(cpu);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

// self and total (anywhere on the stack, counted once per sample) time per function
function summarise(cpu: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): void {
  const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of cpu.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) => {
    const file = n.callFrame.url.replace(/^.*\/(src|bench|node_modules)\//, "$1/");
    return `${n.callFrame.functionName || "(anonymous)"} ${file}:${n.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = cpu.samples ?? [];
  const deltas = cpu.timeDeltas ?? [];
  let all = 0;
  samples.forEach((id, i) => {
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    all += dt;
    const leaf = byId.get(id);
    if (!leaf) return;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      if (!n) break;
      const k = name(n);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  });
  const list = (m: Map<string, number>, title: string) => {
    console.log(`\n  ${title} (of ${all.toFixed(0)} ms sampled)`);
    for (const [k, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`  ${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / all).toFixed(1).padStart(5)} %  ${k}`);
  };
  list(self, "self time");
  list(total, "total time");
}

await pass("first pass after the warm-up", profileTo !== undefined && profiled === 1);
for (let i = 0; i < passes; i++)
  await pass(`pass ${i + 2} (caches full)`, profileTo !== undefined && profiled === i + 2);

// with `node --expose-gc`: the heap the answer caches hold after the passes (the index included)
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  gc();
  console.log(`\nheap used after the passes: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
}

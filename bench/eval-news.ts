// News question evaluation (`npm run eval:news`): asks every question of
// bench/data/news-questions/batch-*.json against the full OrangeSum archive (default
// `../shared/datasets/orangesum-dedup.jsonl.gz`, or `--corpus PATH`) as of the question's `asOf`
// day (or the archive's last date), and prints one line per question, then per batch and overall:
//   answerable:   right (found, the answer contains an accepted string), wrong-with-citation
//                 (found, not right), abstained; and how often the first citation is one of the
//                 question's `articles`
//   unanswerable: abstained (good) or answered (bad)
// Plain MiniSearch (default options, fields title + text; its top hit's sentence sharing the most
// words with the question, as in eval-piaf) runs on the same questions in the same run; it never
// abstains.
//
// Flags: `--batches 1,2` (default: all), `--dir DIR` (another batch folder), `--no-minisearch`, `--out FILE` (per-question JSON lines),
// `--quiet` (no per-question lines), `--threshold P` (least confidence to answer instead of the model's:
// `--threshold 0` shows what the top sentence would have been for every question).
import { writeFileSync } from "node:fs";
import { createAnswerer } from "../src/core/answer/answerer.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { createFlags } from "./lib/flags.ts";
import { createMiniSearchBaseline } from "./lib/minisearch-baseline.ts";
import { modelAnswersFromEnv } from "./lib/model-from-env.ts";
import {
  batchesOf,
  containsAccepted,
  listBatches,
  loadNewsQuestions,
  type NewsQuestion,
} from "./lib/news-questions.ts";
import { ORANGESUM_PATH } from "./lib/orangesum.ts";

const args = process.argv.slice(2);
// validated before minutes of loading: `--batches` without its value, or `--batches 1-19`, stops here
const flags = createFlags(args);
const flag = (name: string) => flags.value(name);
const corpus = flag("corpus") ?? ORANGESUM_PATH;
const dir = flag("dir");
const batchesFlag = flag("batches");
const batches = batchesFlag === undefined ? listBatches(dir) : batchesOf(batchesFlag);
const withMiniSearch = !args.includes("--no-minisearch");
const quiet = args.includes("--quiet");
const outFile = flag("out");
const threshold = flags.number("threshold");
if (threshold !== undefined && (threshold < 0 || threshold > 1)) {
  console.error(`--threshold: a probability between 0 and 1, not ${threshold}`);
  process.exit(2);
}

const questions = loadNewsQuestions(batches, dir);
if (questions.length === 0) {
  console.error("no questions: bench/data/news-questions/batch-*.json holds none for these batches");
  process.exit(1);
}
let t0 = performance.now();
const { articles, problems } = await loadCorpus(corpus);
if (problems.length > 0)
  console.error(`warning: ${problems.length} corpus problems (first: ${problems[0]?.message})`);
const news = createNewsIndex(articles);
const lastDate = articles.reduce((max, a) => ((a.date ?? "") > max ? (a.date ?? "") : max), "");
console.log(
  `${articles.length} articles (last ${lastDate}), loaded and indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
    `${questions.length} questions, batches ${batches.join(",")}`,
);
const answerer = createAnswerer(news, threshold === undefined ? {} : { minConfidence: threshold });
const withModel = await modelAnswersFromEnv(news); // undefined unless NEWSBOT_LLM_URL / NEWSBOT_EMBED_URL are set

type Verdict = "right" | "wrong" | "abstained" | "answered";
interface Outcome {
  verdict: Verdict;
  inArticles: boolean;
  ms: number;
}

function grade(q: NewsQuestion, found: boolean, text: string, cited: string | undefined): Outcome {
  const inArticles = cited !== undefined && q.articles.includes(cited);
  if (!q.answerable) return { verdict: found ? "answered" : "abstained", inArticles, ms: 0 };
  if (!found) return { verdict: "abstained", inArticles, ms: 0 };
  return { verdict: containsAccepted(text, q.answers) ? "right" : "wrong", inArticles, ms: 0 };
}

const ours: Outcome[] = [];
const lines: string[] = [];
for (const q of questions) {
  const now = q.asOf ?? lastDate;
  t0 = performance.now();
  const a = withModel
    ? await withModel.answer(answerer, q.question, { now })
    : answerer.answer(q.question, { now });
  const ms = performance.now() - t0;
  const cited = a.citations[0];
  const o = { ...grade(q, a.found, a.answer, cited?.id), ms };
  ours.push(o);
  if (!quiet) {
    const mark = {
      right: "ok   ",
      wrong: "WRONG",
      abstained: q.answerable ? "abst " : "ok   ",
      answered: "WRONG",
    }[o.verdict];
    console.log(
      `${mark} ${q.id} [${q.lang} ${a.kind.padEnd(6)} ${a.confidence.toFixed(2)} ${cited ? `${cited.id}${o.inArticles ? "*" : ""} ${cited.date ?? ""}` : "-"}] ${q.question}`,
    );
    if (o.verdict !== "abstained" && !(o.verdict === "right"))
      console.log(
        `      → ${a.answer.slice(0, 220).replace(/\s+/g, " ")}   [want: ${q.answers.join(" | ") || "abstain"}]`,
      );
  }
  if (outFile)
    lines.push(
      JSON.stringify({
        id: q.id,
        batch: q.batch,
        verdict: o.verdict,
        inArticles: o.inArticles,
        found: a.found,
        confidence: a.confidence,
        cited: cited?.id,
        answer: a.found ? a.answer : null,
      }),
    );
}
if (outFile) writeFileSync(outFile, `${lines.join("\n")}\n`);

const mini: Outcome[] = [];
if (withMiniSearch) {
  t0 = performance.now();
  const baseline = createMiniSearchBaseline(articles);
  console.log(`MiniSearch indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const q of questions) {
    t0 = performance.now();
    const { top, answer } = baseline.ask(q.question);
    mini.push({ ...grade(q, top !== undefined, answer, top), ms: performance.now() - t0 });
  }
}

const pct = (x: number, n: number) => (n === 0 ? "-" : `${((100 * x) / n).toFixed(1)} %`);
function row(
  name: string,
  engine: string,
  outcomes: Outcome[],
  pick: (q: NewsQuestion) => boolean,
): string[] {
  const ans: Outcome[] = [];
  const un: Outcome[] = [];
  questions.forEach((q, i) => {
    const o = outcomes[i];
    if (o && pick(q)) (q.answerable ? ans : un).push(o);
  });
  const count = (list: Outcome[], v: Verdict) => list.filter((o) => o.verdict === v).length;
  const lat = [...ans, ...un].map((o) => o.ms).sort((a, b) => a - b);
  const at = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0;
  return [
    name,
    engine,
    String(ans.length),
    `${count(ans, "right")} (${pct(count(ans, "right"), ans.length)})`,
    `${count(ans, "wrong")} (${pct(count(ans, "wrong"), ans.length)})`,
    `${count(ans, "abstained")} (${pct(count(ans, "abstained"), ans.length)})`,
    pct(ans.filter((o) => o.inArticles).length, ans.length),
    `${count(un, "abstained")}/${un.length} (${pct(count(un, "abstained"), un.length)})`,
    `${at(0.5).toFixed(1)} / ${at(0.99).toFixed(1)} ms`,
  ];
}

const rows: string[][] = [
  [
    "batch",
    "engine",
    "answerable",
    "right",
    "wrong-cited",
    "abstained",
    "cite∈articles",
    "unanswerable abstained",
    "p50/p99",
  ],
];
const sets: [string, (q: NewsQuestion) => boolean][] = [
  ...batches.map((b): [string, (q: NewsQuestion) => boolean] => [String(b), (q) => q.batch === b]),
  ["all", () => true],
];
for (const [name, pick] of sets) {
  rows.push(row(name, "newsbot", ours, pick));
  if (withMiniSearch) rows.push(row("", "MiniSearch", mini, pick));
}
const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
console.log("");
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  "));
if (withModel) console.log(`\nmodel counters: ${withModel.report()}`);

// PIAF evaluation (`npm run eval:piaf`): every PIAF paragraph is an article of the corpus (id
// `<articleIndex>-<paragraphIndex>`, its article's title, lang fr) and every question is asked
// through `createAnswerer`. The scorer is trained on PIAF too, so each question is answered by the
// fold model that never saw its article (bench/models/piaf-folds.json, written by `npm run train`;
// fold = articleIndex mod 5): every figure is cross-validated. `--committed` uses the committed
// model for all questions instead (a training-set figure). Reported per half of the PIAF articles
// and overall:
//   answer-contains  share of questions whose answer contains a gold answer text (case-, accent-
//                    and whitespace-insensitive); an abstention counts as wrong
//   paragraph@1      share whose first citation is the gold paragraph
//   abstained        share answered "not found"
//   latency          mean / p50 / p99 of one `answer()` call (index built once, beforehand)
// MiniSearch runs in the same process as the baseline, with its default options (fields title +
// text, default tokenizer, no stemming, OR combination): its top hit is its "citation", and its
// "answer" is the sentence of that paragraph (split with our sentence splitter) sharing the most
// distinct lower-cased words with the question (MiniSearch's default tokenizer on both; ties go to
// the earlier sentence). It never abstains.
//
// Flags: `--no-minisearch`, `--failures FILE` (writes the tuning half's misses as JSON lines).
import { readFileSync, writeFileSync } from "node:fs";
import { type Answerer, createAnswerer } from "../src/core/answer/answerer.ts";
import type { ScorerModel } from "../src/core/answer/scorer.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { createFlags } from "./lib/flags.ts";
import { createMiniSearchBaseline } from "./lib/minisearch-baseline.ts";
import { modelAnswersFromEnv } from "./lib/model-from-env.ts";
import { containsGold, loadPiaf, type PiafQuestion } from "./lib/piaf.ts";

const args = process.argv.slice(2);
const withMiniSearch = !args.includes("--no-minisearch");
// validated before the index is built: a flag without its value, or no number where one is needed, stops here
const flags = createFlags(args);
const failuresFile = flags.value("failures");

const piaf = loadPiaf();
const half = Math.ceil(piaf.articleCount / 2);
const inTuning = (q: PiafQuestion) => q.articleIndex < half;

interface Outcome {
  contains: boolean;
  /** Found and over 400 characters. */
  long: boolean;
  paragraph: boolean;
  abstained: boolean;
  ms: number;
}

let t0 = performance.now();
const news = createNewsIndex(piaf.articles);
const buildMs = performance.now() - t0;
const committed = args.includes("--committed");
const folds = committed
  ? []
  : (
      JSON.parse(readFileSync(new URL("./models/piaf-folds.json", import.meta.url), "utf8")) as {
        models: ScorerModel[];
      }
    ).models;
// `--neighbour-margin X`, `--candidates N`, `--refined N`, `--min-confidence P`: answerer options to compare
const numeric = (name: string) => flags.number(name);
const tried = Object.fromEntries(
  (["neighbourMargin", "candidates", "refined", "minConfidence"] as const)
    .map((k) => [k, numeric(k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))] as const)
    .filter(([, v]) => v !== undefined),
);
const foldAnswerers = folds.map((model) => createAnswerer(news, { model, ...tried }));
const plain = createAnswerer(news, tried);
const answererFor = (q: PiafQuestion): Answerer =>
  foldAnswerers[q.articleIndex % Math.max(1, foldAnswerers.length)] ?? plain;

const withModel = await modelAnswersFromEnv(news); // undefined unless NEWSBOT_LLM_URL / NEWSBOT_EMBED_URL are set
const ours: Outcome[] = [];
const failures: string[] = [];
for (const q of piaf.questions) {
  t0 = performance.now();
  const a = withModel
    ? await withModel.answer(answererFor(q), q.question)
    : answererFor(q).answer(q.question);
  const ms = performance.now() - t0;
  const o = {
    contains: a.found && containsGold(a.answer, q.answers),
    long: a.found && a.answer.length > 400,
    paragraph: a.citations[0]?.id === q.paragraph,
    abstained: !a.found,
    ms,
  };
  ours.push(o);
  if (failuresFile && inTuning(q) && !o.contains) {
    failures.push(
      JSON.stringify({
        q: q.question,
        gold: q.answers,
        para: q.paragraph,
        got: a.citations[0]?.id,
        kind: a.kind,
        conf: a.confidence,
        answer: a.found ? a.answer : null,
      }),
    );
  }
}
if (failuresFile) writeFileSync(failuresFile, `${failures.join("\n")}\n`);

const mini: Outcome[] = [];
if (withMiniSearch) {
  const baseline = createMiniSearchBaseline(piaf.articles);
  for (const q of piaf.questions) {
    t0 = performance.now();
    const { top, answer } = baseline.ask(q.question);
    const elapsed = performance.now() - t0;
    mini.push({
      contains: containsGold(answer, q.answers),
      long: answer.length > 400,
      paragraph: top === q.paragraph,
      abstained: top === undefined,
      ms: elapsed,
    });
  }
}

const pct = (x: number, n: number) => (n === 0 ? "-" : `${((100 * x) / n).toFixed(1)} %`);
function summary(outcomes: Outcome[], pick: (i: number) => boolean) {
  const sel = outcomes.filter((_, i) => pick(i));
  const lat = sel.map((o) => o.ms).sort((a, b) => a - b);
  const at = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0;
  return {
    n: sel.length,
    contains: pct(sel.filter((o) => o.contains).length, sel.length),
    paragraph: pct(sel.filter((o) => o.paragraph).length, sel.length),
    abstained: pct(sel.filter((o) => o.abstained).length, sel.length),
    wrongOfAnswered: pct(
      sel.filter((o) => !o.abstained && !o.contains).length,
      sel.filter((o) => !o.abstained).length,
    ),
    long: String(sel.filter((o) => o.long).length),
    latency: `${(lat.reduce((a, b) => a + b, 0) / Math.max(1, lat.length)).toFixed(2)} / ${at(0.5).toFixed(2)} / ${at(0.99).toFixed(2)} ms`,
  };
}

const qs = piaf.questions;
const sets: [string, (i: number) => boolean][] = [
  [`tuning (articles 0–${half - 1})`, (i) => inTuning(qs[i] as PiafQuestion)],
  [`held-out (articles ${half}–${piaf.articleCount - 1})`, (i) => !inTuning(qs[i] as PiafQuestion)],
  ["all", () => true],
];

console.log(
  `PIAF v1.0: ${piaf.articles.length} paragraphs as articles, ${qs.length} questions; index built in ${buildMs.toFixed(0)} ms`,
);
const rows: string[][] = [
  [
    "set",
    "engine",
    "questions",
    "answer-contains",
    "paragraph@1",
    "abstained",
    "wrong of answered",
    "answers > 400 chars",
    "latency mean/p50/p99",
  ],
];
for (const [name, pick] of sets) {
  const o = summary(ours, pick);
  rows.push([
    name,
    committed ? "newsbot (committed model)" : "newsbot (5-fold CV)",
    String(o.n),
    o.contains,
    o.paragraph,
    o.abstained,
    o.wrongOfAnswered,
    o.long,
    o.latency,
  ]);
  if (withMiniSearch) {
    const m = summary(mini, pick);
    rows.push([
      "",
      "MiniSearch (defaults)",
      String(m.n),
      m.contains,
      m.paragraph,
      m.abstained,
      m.wrongOfAnswered,
      m.long,
      m.latency,
    ]);
  }
}
const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  "));
if (withModel) console.log(`\nmodel counters: ${withModel.report()}`);

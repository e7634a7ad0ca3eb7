// The seed question set (`npm run eval:seeds`): asks every question of
// tests/fixtures/seed-questions.json against the corpus (default `corpus/`, or `--corpus PATH`)
// and prints one line per question, then the scores. An answerable question is correct when the
// first citation's id starts with the expected article prefix AND the answer contains the expected
// text (case- and accent-insensitive); an unanswerable one is correct when the answer abstains.
import { createAnswerer } from "../src/core/answer/answerer.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { checkSeedAnswer, lastDay, loadSeedQuestions } from "./lib/seeds.ts";

const args = process.argv.slice(2);
const at = args.indexOf("--corpus");
const corpus = at >= 0 ? (args[at + 1] ?? "corpus") : "corpus";
const verbose = args.includes("--verbose");

const { articles, problems } = await loadCorpus(corpus);
for (const p of problems) console.error(`warning: ${p.file}${p.line ? `:${p.line}` : ""}: ${p.message}`);
const answerer = createAnswerer(createNewsIndex(articles));
const last = lastDay(articles);
const questions = loadSeedQuestions();

// per batch (see the fixture's `about`): [answerable ok, answerable, abstained ok, unanswerable]
const byBatch = new Map<number, [number, number, number, number]>();
let answerableOk = 0;
let answerable = 0;
let abstainOk = 0;
let unanswerable = 0;
for (const q of questions) {
  const a = answerer.answer(q.q, last === "" ? {} : { now: last });
  const check = checkSeedAnswer(q, a);
  const batch = byBatch.get(q.batch ?? 1) ?? [0, 0, 0, 0];
  batch[q.answerable ? 1 : 3]++;
  if (check.ok) batch[q.answerable ? 0 : 2]++;
  byBatch.set(q.batch ?? 1, batch);
  if (q.answerable) {
    answerable++;
    if (check.ok) answerableOk++;
  } else {
    unanswerable++;
    if (check.ok) abstainOk++;
  }
  const cited = a.citations[0]?.id.slice(0, 3) ?? "---";
  console.log(
    `${check.ok ? "ok  " : "FAIL"} [${q.lang} ${a.kind.padEnd(6)} ${cited} ${a.confidence.toFixed(2)}] ${q.q}  — ${check.why}`,
  );
  if (verbose || !check.ok) console.log(`       ${a.found ? a.answer : "(abstained)"}`);
}
const pct = (x: number, n: number) => `${((100 * x) / Math.max(1, n)).toFixed(1)} %`;
console.log(
  `\nanswerable: ${answerableOk}/${answerable} correct (${pct(answerableOk, answerable)}); ` +
    `unanswerable: ${abstainOk}/${unanswerable} abstained (${pct(abstainOk, unanswerable)})`,
);
for (const [batch, [ok, n, abstained, m]] of [...byBatch].sort((x, y) => x[0] - y[0])) {
  console.log(`  batch ${batch}: ${ok}/${n} answered, ${abstained}/${m} abstained`);
}

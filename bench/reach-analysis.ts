// Where answerable news questions are lost before ranking (`node bin/run-ts.mjs bench/reach-analysis.ts`):
// for each question, the rank of its first gold article in a deep retrieval, whether the pool's
// articles hold the answer at all, and if so where the first sentence holding it stands among the
// candidates (a question word in it or not, inside the refined budget or not). Classes:
//   gold-unstated  a gold article is in the pool, but no pool article writes an accepted answer
//                  (a date given by the article's own date, `mardi`)
//   gold-deep      a gold article is retrieved, but below the pool cut (rank given)
//   gold-absent    no gold article among the first DEEP
//   no-qword       a pool article states the answer, but only in sentences holding no question word
//   below-budget   a sentence holding the answer is a candidate, but below the refined budget
//   title-dropped  only a title holds it, and titles are not candidates for this question
//   reached        some kept candidate holds the answer
// Flags: `--batches 1,2` (default: the training batches, TRAINING_BATCHES of bench/lib/news-questions.ts), `--candidates N --refined M` (the pool), `--verbose`.
import { afterArchive } from "../src/core/answer/decide.ts";
import { type Reading, readQuestion } from "../src/core/answer/read-question.ts";
import { type Candidate, retrieveCandidates } from "../src/core/answer/retrieve.ts";
import { candidateSentences } from "../src/core/answer/sentence-features.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { createFlags } from "./lib/flags.ts";
import { batchesOf, containsAccepted, loadNewsQuestions } from "./lib/news-questions.ts";
import { ORANGESUM_PATH } from "./lib/orangesum.ts";
import { containsGold, loadPiaf } from "./lib/piaf.ts";
import { lastDay } from "./lib/seeds.ts";

const args = process.argv.slice(2);
const flags = createFlags(args);
const flag = flags.value;
const batches = batchesOf(flag("batches"));
const POOL = flags.number("candidates") ?? 15;
const REFINED = flags.number("refined") ?? 60;
const DEEP = 300;
const verbose = args.includes("--verbose");

// `--piaf`: the PIAF questions over their paragraphs (each paragraph an article, one gold each)
const piaf = args.includes("--piaf") ? loadPiaf() : undefined;
const { articles } = piaf ?? (await loadCorpus(flag("corpus") ?? ORANGESUM_PATH));
const news = createNewsIndex(articles);
const last = lastDay(articles);
const counts = new Map<string, number>();
let total = 0;
const questions = piaf
  ? piaf.questions.map((q, i) => ({
      id: `piaf-${i}`,
      question: q.question,
      answers: q.answers,
      articles: [q.paragraph],
      answerable: true,
      asOf: undefined,
    }))
  : loadNewsQuestions(batches);
const contains = piaf ? containsGold : containsAccepted;
for (const q of questions) {
  if (!q.answerable) continue;
  const reading = readQuestion(news, q.question, q.asOf ?? (last || undefined));
  if (
    reading.unknownName ||
    afterArchive(reading, last) ||
    (reading.asksIdentity && reading.identityOf !== undefined)
  )
    continue;
  total++;
  const { cls, detail, goldRank, pool } = lossOf(q, reading);
  counts.set(cls, (counts.get(cls) ?? 0) + 1);
  if (verbose && cls !== "reached") {
    console.log(`\n[${cls}] ${q.id} ${q.question}  → ${q.answers.join(" | ")}  (asOf ${q.asOf ?? "-"})`);
    console.log(`  groups: ${reading.groups.map((g) => g.join("/")).join(" ; ")}`);
    if (reading.frame) console.log(`  frame: ${JSON.stringify(reading.frame)}`);
    console.log(`  gold rank ${goldRank}${detail ? `; ${detail}` : ""}`);
    for (const c of pool.slice(0, 3))
      console.log(`  pool ${c.position}: ${news.articles[c.doc]?.date} ${news.articles[c.doc]?.title}`);
    const g = q.articles.map((id) => news.find(id)).find((d) => d !== undefined);
    if (g !== undefined) console.log(`  gold: ${news.articles[g]?.date} ${news.articles[g]?.title}`);
  }
}
interface Loss {
  readonly cls: string;
  readonly detail: string;
  readonly goldRank: number;
  readonly pool: readonly Candidate[];
}

/** Where one question is lost before ranking (see the classes above). */
function lossOf(q: { answers: readonly string[]; articles: readonly string[] }, reading: Reading): Loss {
  const deep = retrieveCandidates(news, reading, DEEP);
  const pool = retrieveCandidates(news, reading, POOL);
  const gold = new Set(q.articles);
  const goldRank = deep.findIndex((c) => gold.has(news.articles[c.doc]?.id ?? ""));
  const holds = (text: string) => contains(text, q.answers);
  const out = (cls: string, detail = ""): Loss => ({ cls, detail, goldRank, pool });
  if (candidateSentences(news, reading, pool, REFINED).some((s) => holds(s.sentence.text)))
    return out("reached");
  const all = candidateSentences(news, reading, pool, 100_000);
  const at = all.findIndex((s) => holds(s.sentence.text));
  if (at >= 0) return out("below-budget", `at ${at}: ${all[at]?.sentence.text.slice(0, 160)}`);
  for (const c of pool) {
    const sentences = news.sentencesOf(c.doc);
    const i = sentences.findIndex((s) => holds(s.text));
    if (i >= 0)
      return out(
        "no-qword",
        `${sentences[i]?.text.slice(0, 200)}\n  before: ${sentences[i - 1]?.text.slice(0, 200) ?? "(none)"}`,
      );
  }
  if (pool.some((c) => holds(news.articles[c.doc]?.title ?? ""))) return out("title-dropped");
  if (goldRank >= 0 && goldRank < pool.length) return out("gold-unstated");
  if (goldRank < 0) return out("gold-absent");
  const title = news.articles[deep[goldRank]?.doc ?? 0]?.title;
  return out(goldRank < POOL + 10 ? "gold-deep" : "gold-deep-far", `gold at ${goldRank}: ${title}`);
}

console.log(`\n${total} answerable questions (not bypassed), pool ${POOL} / ${REFINED}:`);
for (const [cls, n] of [...counts].sort((a, b) => b[1] - a[1]))
  console.log(`  ${cls}: ${n} (${((100 * n) / total).toFixed(1)} %)`);

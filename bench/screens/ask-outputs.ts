// Screen (round 21, perf31): whether a change to the answer pipeline leaves every answer as it was.
// Asks the 300 questions of `npm run bench:reports` (on its index: the busiest day added last, one
// article at a time) and the questions of news batches (default 24,25, on the whole archive, as of
// their `asOf` day, as `npm run eval:news` asks them), and writes one line per question: the answer
// as the bot returns it (text, citations, rounded confidence, kind, emphasis, why) and a SHA-1 of
// every scored candidate (article, sentence, all features and the score, to the last bit) and of
// the decision's confidence before rounding. `--check FILE` compares with a file written before and
// prints the questions that differ (exit 1 if any).
//   node bin/run-ts.mjs bench/screens/ask-outputs.ts --write FILE [--batches 24,25]
//   node bin/run-ts.mjs bench/screens/ask-outputs.ts --check FILE [--batches 24,25]
// Loads the archive twice (a few minutes): a heavy job, run it under the shared lock.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import {
  createAnswerer,
  FIT_MARGIN,
  LATEST_MARGIN,
  NAMED_MARGIN,
  PRECISE_MARGIN,
} from "../../src/core/answer/answerer.ts";
import { decide } from "../../src/core/answer/decide.ts";
import { createScorer } from "../../src/core/answer/scorer.ts";
import type { Article } from "../../src/core/corpus/article.ts";
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { createNewsIndex, type NewsIndex } from "../../src/core/search/news-index.ts";
import { askQuestions, busiestDay } from "../lib/ask-questions.ts";
import { createFlags } from "../lib/flags.ts";
import { batchesOf, loadNewsQuestions } from "../lib/news-questions.ts";
import { ORANGESUM_PATH } from "../lib/orangesum.ts";

const flags = createFlags(process.argv.slice(2));
const writeTo = flags.value("write");
const checkAgainst = flags.value("check");
if ((writeTo === undefined) === (checkAgainst === undefined))
  throw new Error("usage: ask-outputs.ts --write FILE | --check FILE [--batches 24,25]");
const batches = batchesOf(flags.value("batches") ?? "24,25");

interface Asked {
  readonly question: string;
  readonly now?: string;
}

const { articles } = await loadCorpus(ORANGESUM_PATH);
const lines: string[] = [];

function askAll(set: string, news: NewsIndex, asked: readonly Asked[]): void {
  const answerer = createAnswerer(news);
  const scorer = createScorer();
  let first = "";
  let last = "";
  for (const a of news.articles) {
    if (!a.date) continue;
    if (first === "" || a.date < first) first = a.date;
    if (a.date > last) last = a.date;
  }
  for (const [i, { question, now }] of asked.entries()) {
    const options = now === undefined ? {} : { now };
    const answer = answerer.answer(question, options);
    const { reading, scored } = answerer.candidates(question, options);
    const hash = createHash("sha1");
    for (const s of scored)
      hash.update(
        `${s.doc} ${s.index} ${s.sentence.text} ${[...s.features].join(",")} ${s.score} ${(s.keys ?? []).join("|")}\n`,
      );
    const decision =
      reading.groups.length === 0
        ? undefined
        : decide(news, reading, scored, scorer, {
            recencyMargin: 0.25,
            preciseMargin: PRECISE_MARGIN,
            latestMargin: LATEST_MARGIN,
            namedMargin: NAMED_MARGIN,
            fitMargin: FIT_MARGIN,
            span: { first, last },
          });
    hash.update(
      `${decision?.confidence ?? "-"} ${decision?.found ? `${decision.best.doc} ${decision.best.index}` : "-"}`,
    );
    lines.push(JSON.stringify({ set, i, question, answer, scored: hash.digest("hex") }));
  }
}

{
  const busiest = busiestDay(articles, "2020-06-01");
  const news = createNewsIndex(articles.filter((a: Article) => a.date !== busiest));
  for (const a of articles.filter((x) => x.date === busiest)) news.add([a]);
  askAll(
    "bench:reports",
    news,
    askQuestions(news, articles).map((question) => ({ question })),
  );
}
{
  const news = createNewsIndex(articles);
  const lastDate = articles.reduce((max, a) => ((a.date ?? "") > max ? (a.date ?? "") : max), "");
  askAll(
    `news ${batches.join(",")}`,
    news,
    loadNewsQuestions(batches).map((q) => ({ question: q.question, now: q.asOf ?? lastDate })),
  );
}

if (writeTo !== undefined) {
  writeFileSync(writeTo, `${lines.join("\n")}\n`);
  console.log(`${lines.length} questions written to ${writeTo}`);
} else if (checkAgainst !== undefined) {
  const before = readFileSync(checkAgainst, "utf8").trimEnd().split("\n");
  let differ = 0;
  const n = Math.max(before.length, lines.length);
  for (let i = 0; i < n; i++) {
    if (before[i] === lines[i]) continue;
    differ++;
    if (differ <= 20)
      console.log(`differs:\n  before ${before[i]?.slice(0, 400)}\n  now    ${lines[i]?.slice(0, 400)}`);
  }
  console.log(`${n - differ} of ${n} questions answered alike (${differ} differ)`);
  if (differ > 0) process.exitCode = 1;
}

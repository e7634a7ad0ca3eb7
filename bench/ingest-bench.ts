// Live ingestion at scale: 1,000 held-out OrangeSum articles added to a live index of the other
// ~33k, in small batches with a turn of the event loop between them, while questions keep arriving
// (one every 50 ms, open loop: a question's latency counts the wait for a batch in progress).
// Prints the index work (time inside `news.add`), the longest batch, and answer latency p50/p99
// with and without ingestion running. Also the whole 1,000 in one `add`, for reference.
//   node --expose-gc bin/run-ts.mjs bench/ingest-bench.ts [--batch 25] [--held 1000]
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { warmUpAnswerKinds } from "../src/core/answer/answer-kinds.ts";
import { createAnswerer } from "../src/core/answer/answerer.ts";

// as the bot does at start-up: the word list is loaded before the first question
warmUpAnswerKinds();

import type { Article } from "../src/core/corpus/article.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsIndex, type NewsIndex } from "../src/core/search/news-index.ts";

const { values } = parseArgs({
  options: {
    batch: { type: "string", default: "25" },
    held: { type: "string", default: "1000" },
    data: {
      type: "string",
      default: resolve(import.meta.dirname, "../../shared/datasets/orangesum-dedup.jsonl.gz"),
    },
  },
});
const batchSize = Number(values.batch);
const heldOut = Number(values.held);

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const ms = (x: number): string => `${x.toFixed(1)} ms`;
const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));
const sleepUntil = (t: number): Promise<void> =>
  new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())));

let t = performance.now();
const { articles, problems } = await loadCorpus(values.data);
console.log(
  `loaded ${articles.length} articles (${problems.length} problems) in ${ms(performance.now() - t)}`,
);
const held = articles.slice(-heldOut);
const base = articles.slice(0, -heldOut);

function build(): NewsIndex {
  const t0 = performance.now();
  const news = createNewsIndex(base);
  console.log(`built the index of ${base.length} articles in ${ms(performance.now() - t0)}`);
  return news;
}

// questions: titles of articles already indexed (deterministic sample)
const questions = Array.from({ length: 200 }, (_, i) => base[(i * 7919) % base.length]?.title ?? "");

/** Ask questions arriving every `gapMs` until `done()`; returns latencies (arrival → answer). */
async function askWhile(news: NewsIndex, done: () => boolean, gapMs = 50, min = 60): Promise<number[]> {
  const answerer = createAnswerer(news);
  const latencies: number[] = [];
  const start = performance.now();
  for (let k = 0; !done() || latencies.length < min; k++) {
    const arrival = start + k * gapMs;
    await sleepUntil(arrival);
    answerer.answer(questions[k % questions.length] ?? "");
    latencies.push(performance.now() - arrival);
  }
  return latencies;
}

// 1. the 1,000 in one add
{
  const news = build();
  globalThis.gc?.();
  t = performance.now();
  news.add(held);
  console.log(
    `one add of ${held.length} articles: ${ms(performance.now() - t)} (index now ${news.articles.length})`,
  );
}

// 2. batches while answering
const news = build();
globalThis.gc?.();
const idle = await askWhile(news, () => true, 50, 200);
console.log(
  `answers, idle index:        p50 ${ms(pct(idle, 50))}  p99 ${ms(pct(idle, 99))}  (${idle.length} questions)`,
);

let finished = false;
const batchTimes: number[] = [];
const ingest = (async () => {
  const wall = performance.now();
  for (let i = 0; i < held.length; i += batchSize) {
    await nextTurn();
    const b = performance.now();
    news.add(held.slice(i, i + batchSize) as Article[]);
    batchTimes.push(performance.now() - b);
  }
  finished = true;
  return performance.now() - wall;
})();
const during = await askWhile(news, () => finished);
const wall = await ingest;
const work = batchTimes.reduce((a, b) => a + b, 0);
console.log(
  `ingestion: ${held.length} articles in ${batchTimes.length} batches of ${batchSize}: index work ${ms(work)} ` +
    `(longest batch ${ms(Math.max(...batchTimes))}, p50 batch ${ms(pct(batchTimes, 50))}), wall ${ms(wall)}`,
);
console.log(
  `answers during ingestion:    p50 ${ms(pct(during, 50))}  p99 ${ms(pct(during, 99))}  (${during.length} questions)`,
);
const probe = held[held.length - 1];
if (probe) {
  const hit = createAnswerer(news).answer(probe.title);
  console.log(
    `last held-out article findable: ${hit.citations.some((c) => c.id === probe.id)} (${news.articles.length} articles)`,
  );
}

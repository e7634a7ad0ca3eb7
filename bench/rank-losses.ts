// Lists the held-out questions whose right sentence is a candidate but not ranked first (from
// `npm run train -- --no-write --dump FILE`), with the question, the top sentence and the best-ranked
// right one, for counting why the ranking loses them. The candidates are extracted again in the
// order the training script stores them (the same code, deterministic), so `topAt` / `rightAt`
// index them. Usage: node bin/run-ts.mjs bench/rank-losses.ts --dump FILE --out FILE [--sets news,piaf]
import { writeFileSync } from "node:fs";
import { createAnswerer } from "../src/core/answer/answerer.ts";
import { FEATURES } from "../src/core/answer/features.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsIndex, type NewsIndex } from "../src/core/search/news-index.ts";
import { createFlags } from "./lib/flags.ts";
import { type GateDumpRow, readGateDump } from "./lib/gate-dump.ts";
import { loadNewsQuestions, TRAINING_BATCHES } from "./lib/news-questions.ts";
import { ORANGESUM_PATH } from "./lib/orangesum.ts";
import { loadPiaf } from "./lib/piaf.ts";
import { lastDay } from "./lib/seeds.ts";

type DumpRow = GateDumpRow;

const flags = createFlags(process.argv.slice(2));
const DUMP = flags.value("dump");
const OUT = flags.value("out");
if (!DUMP || !OUT) throw new Error("--dump FILE --out FILE");
const SETS = (flags.value("sets") ?? "news,piaf").split(",");
const rows: DumpRow[] = readGateDump(DUMP);
const lost = new Map(
  rows
    .filter((r) => r.answerable && !r.bypass && !r.right && r.rightAt !== undefined && r.topAt !== undefined)
    .map((r) => [r.id, r]),
);

type Scored = ReturnType<ReturnType<typeof createAnswerer>["candidates"]>["scored"][number];
const described = (news: NewsIndex, s: Scored | undefined) =>
  s && {
    doc: s.doc,
    index: s.index,
    text: s.sentence.text,
    title: news.articles[s.doc]?.title,
    f: Object.fromEntries(FEATURES.map((name, i) => [name, Math.round((s.features[i] ?? 0) * 1e4) / 1e4])),
  };

const out: unknown[] = [];
function collect(news: NewsIndex, id: string, set: string, question: string, scored: readonly Scored[]) {
  const r = lost.get(id);
  if (!r) return;
  out.push({
    set,
    id,
    question,
    rightRank: r.rightRank,
    top: described(news, scored[r.topAt as number]),
    right: described(news, scored[r.rightAt as number]),
  });
}

if (SETS.includes("piaf")) {
  const piaf = loadPiaf();
  const news = createNewsIndex(piaf.articles);
  const answerer = createAnswerer(news);
  piaf.questions.forEach((q, i) => {
    if (!lost.has(`piaf-${i}`)) return;
    collect(news, `piaf-${i}`, "piaf", q.question, answerer.candidates(q.question).scored);
  });
}
if (SETS.includes("news")) {
  const { articles } = await loadCorpus(ORANGESUM_PATH);
  const news = createNewsIndex(articles);
  const last = lastDay(articles);
  const answerer = createAnswerer(news);
  for (const q of loadNewsQuestions(TRAINING_BATCHES)) {
    if (!lost.has(q.id)) continue;
    collect(news, q.id, "news", q.question, answerer.candidates(q.question, { now: q.asOf ?? last }).scored);
  }
}
writeFileSync(OUT, JSON.stringify(out, null, 1));
console.log(`${out.length} questions lost with the right sentence among the candidates`);

// One engine of the retrieval benchmark (bench/retrieval-bench.ts), run in its own process: start
// it as the bot would (memory: load and index the corpus; postgres: count the corpus statistics
// while streaming the articles from the database), measure its memory, then ask every news
// question and the known-item headings through the retrieval port.
import { readFileSync } from "node:fs";
import { type ArticleRetriever, createMemoryRetriever } from "../../src/core/answer/article-retriever.ts";
import {
  createRetrievingAnswerer,
  type RetrievingAnswerer,
  type ScoringCorpus,
} from "../../src/core/answer/retrieving-answerer.ts";
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { createNewsIndex } from "../../src/core/search/news-index.ts";
import { createTermStats } from "../../src/core/search/term-stats.ts";
import { createPgArticleSearch } from "../../src/storage/pg-article-search.ts";
import { createSharedArticles } from "../../src/storage/pg-articles.ts";
import { openPostgres, type PgDatabase } from "../../src/storage/pg-database.ts";
import { containsAccepted, loadNewsQuestions } from "./news-questions.ts";
import { ORANGESUM_PATH } from "./orangesum.ts";

export interface EngineReport {
  readonly engine: "memory" | "postgres";
  readonly articles: number;
  readonly startS: number;
  readonly rssMiB: number;
  readonly heapMiB: number;
  readonly externalMiB: number;
  readonly rssAfterMiB?: number;
  readonly questions?: QuestionFigures;
  readonly headings?: { readonly n: number; readonly recall1: number; readonly recall10: number };
}

export interface QuestionFigures {
  readonly answerable: number;
  readonly unanswerable: number;
  readonly recall1: number;
  readonly recall10: number;
  readonly retrievalMs: readonly [number, number];
  readonly answerMs: readonly [number, number];
  readonly right: number;
  readonly wrong: number;
  readonly abstained: number;
  readonly citedGold: number;
  readonly unanswerableAbstained: number;
  /** Mean article text fetched per question (JSON characters), 0 in memory. */
  readonly fetchedKiB: number;
}

export interface EngineOptions {
  readonly limit: number;
  readonly databaseUrl?: string;
  readonly headingsFile?: string;
  readonly startOnly: boolean;
  readonly candidates: number;
  /** PgArticleSearchOptions.rankBudget (default its own). */
  readonly rankBudget?: number;
}

const MiB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
/** RSS, heap and external memory (MiB) after a forced GC (with `--expose-gc`). */
export function memory() {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss / MiB, heap: m.heapUsed / MiB, external: (m.external + m.arrayBuffers) / MiB };
}
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

interface Started {
  readonly corpus: ScoringCorpus;
  readonly retriever: ArticleRetriever;
  readonly articles: number;
  readonly lastDate: string;
  readonly db?: PgDatabase;
}

async function startMemory(limit: number): Promise<Started> {
  const { articles: all } = await loadCorpus(ORANGESUM_PATH);
  const articles = all.slice(0, limit);
  all.length = 0;
  const news = createNewsIndex(articles);
  const lastDate = articles.reduce((max, a) => ((a.date ?? "") > max ? (a.date ?? "") : max), "");
  return { corpus: { news }, retriever: createMemoryRetriever(news), articles: articles.length, lastDate };
}

async function startPostgresEngine(url: string, limit: number, rankBudget?: number): Promise<Started> {
  const db = await openPostgres(url);
  const shared = createSharedArticles(db);
  const stats = createTermStats();
  let seq = 0;
  let lastDate = "";
  while (stats.docCount < limit) {
    const batch = await shared.since(seq, 2000);
    if (batch.articles.length === 0) break;
    const take = batch.articles.slice(0, limit - stats.docCount);
    stats.add(take);
    for (const a of take) if ((a.date ?? "") > lastDate) lastDate = a.date ?? "";
    seq = batch.seq;
  }
  return {
    corpus: { stats },
    retriever: createPgArticleSearch(db, rankBudget === undefined ? {} : { rankBudget }),
    articles: stats.docCount,
    lastDate,
    db,
  };
}

export async function runEngine(
  engine: "memory" | "postgres",
  options: EngineOptions,
): Promise<EngineReport> {
  const t0 = performance.now();
  if (engine === "postgres" && !options.databaseUrl) throw new Error("postgres needs --database-url");
  const started =
    engine === "memory"
      ? await startMemory(options.limit)
      : await startPostgresEngine(options.databaseUrl as string, options.limit, options.rankBudget);
  const startS = (performance.now() - t0) / 1000;
  const m = memory();
  const base = {
    engine,
    articles: started.articles,
    startS,
    rssMiB: m.rss,
    heapMiB: m.heap,
    externalMiB: m.external,
  };
  if (options.startOnly) {
    await started.db?.close();
    return base;
  }
  const fetched = { chars: 0 };
  const retriever = counting(started.retriever, engine === "postgres" ? fetched : undefined);
  const answerer = createRetrievingAnswerer(retriever, started.corpus, { candidates: options.candidates });
  const questions = await askQuestions(answerer, started.lastDate, fetched);
  const headings = options.headingsFile
    ? await knownItems(retriever, options.headingsFile, started.lastDate)
    : undefined;
  const rssAfterMiB = memory().rss;
  await started.db?.close();
  return { ...base, rssAfterMiB, questions, ...(headings ? { headings } : {}) };
}

/** The retriever, counting the article text it brings (what crosses the network from Postgres). */
function counting(inner: ArticleRetriever, fetched: { chars: number } | undefined): ArticleRetriever {
  if (!fetched) return inner;
  return {
    kind: inner.kind,
    async retrieve(query, limit) {
      const hits = await inner.retrieve(query, limit);
      for (const h of hits) fetched.chars += JSON.stringify(h.article).length;
      return hits;
    },
  };
}

async function askQuestions(
  answerer: RetrievingAnswerer,
  lastDate: string,
  fetched: { chars: number },
): Promise<QuestionFigures> {
  const questions = loadNewsQuestions();
  // warm-up (JIT, caches, connections), not counted
  for (const q of questions.slice(0, 20)) await answerer.answer(q.question, { now: q.asOf ?? lastDate });
  fetched.chars = 0;
  const retrievalMs: number[] = [];
  const answerMs: number[] = [];
  const f = {
    recall1: 0,
    recall10: 0,
    right: 0,
    wrong: 0,
    abstained: 0,
    citedGold: 0,
    unanswerableAbstained: 0,
  };
  let answerable = 0;
  for (const q of questions) {
    const t = performance.now();
    const a = await answerer.answer(q.question, { now: q.asOf ?? lastDate });
    answerMs.push(performance.now() - t);
    retrievalMs.push(a.retrieval.ms);
    if (!q.answerable) {
      if (!a.found) f.unanswerableAbstained++;
      continue;
    }
    answerable++;
    const gold = new Set(q.articles);
    if (gold.has(a.retrieval.ids[0] ?? "")) f.recall1++;
    if (a.retrieval.ids.slice(0, 10).some((id) => gold.has(id))) f.recall10++;
    if (!a.found) f.abstained++;
    else if (containsAccepted(a.answer, q.answers)) f.right++;
    else f.wrong++;
    if (a.found && gold.has(a.citations[0]?.id ?? "")) f.citedGold++;
  }
  retrievalMs.sort((x, y) => x - y);
  answerMs.sort((x, y) => x - y);
  return {
    ...f,
    answerable,
    unanswerable: questions.length - answerable,
    retrievalMs: [percentile(retrievalMs, 0.5), percentile(retrievalMs, 0.99)],
    answerMs: [percentile(answerMs, 0.5), percentile(answerMs, 0.99)],
    fetchedKiB: fetched.chars / questions.length / 1024,
  };
}

/** Known-item recall: the article an OrangeSum heading summarises, retrieved from the heading. */
async function knownItems(retriever: ArticleRetriever, file: string, now: string) {
  const items = JSON.parse(readFileSync(file, "utf8")) as { id: string; heading: string }[];
  let recall1 = 0;
  let recall10 = 0;
  for (const { id, heading } of items) {
    const ids = (await retriever.retrieve({ question: heading, now }, 10)).map((h) => h.article.id);
    if (ids[0] === id) recall1++;
    if (ids.includes(id)) recall10++;
  }
  return { n: items.length, recall1, recall10 };
}

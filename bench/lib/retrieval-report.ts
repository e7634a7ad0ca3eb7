// The retrieval benchmark's figures as markdown (bench/results/retrieval.md).
import type { EngineReport } from "./retrieval-engine.ts";

export interface RetrievalReport {
  readonly articles: number;
  readonly insertS: number;
  readonly tableBytes: number;
  readonly searchIndexBytes: number;
  /** PgArticleSearchOptions.rankBudget as run ("default" when not given). */
  readonly rankBudget: string;
  readonly memory: EngineReport;
  readonly postgres: EngineReport;
  readonly slopes: readonly { articles: number; memory: EngineReport; postgres: EngineReport }[];
}

const pct = (x: number, n: number) => (n === 0 ? "-" : `${((100 * x) / n).toFixed(1)} %`);
const count = (x: number, n: number) => `${x} (${pct(x, n)})`;
const mib = (x: number) => `${x.toFixed(1)} MiB`;
const ms = ([p50, p99]: readonly [number, number]) => `${p50.toFixed(1)} / ${p99.toFixed(1)} ms`;

function rows(m: EngineReport, p: EngineReport): string[][] {
  const mq = m.questions;
  const pq = p.questions;
  const both = (label: string, f: (r: EngineReport) => string) => [label, f(m), f(p)];
  const q = (label: string, f: (x: NonNullable<EngineReport["questions"]>) => string) => [
    label,
    mq ? f(mq) : "-",
    pq ? f(pq) : "-",
  ];
  return [
    both("start (load + index / stream + count statistics)", (r) => `${r.startS.toFixed(1)} s`),
    both("RSS after start (forced GC)", (r) => mib(r.rssMiB)),
    both("heapUsed / external+arrayBuffers", (r) => `${mib(r.heapMiB)} / ${mib(r.externalMiB)}`),
    both("RSS after all questions", (r) => (r.rssAfterMiB === undefined ? "-" : mib(r.rssAfterMiB))),
    q("news questions: recall@1 of the gold articles", (x) => pct(x.recall1, x.answerable)),
    q("news questions: recall@10", (x) => pct(x.recall10, x.answerable)),
    both("headings (known item): recall@1 / @10", (r) =>
      r.headings
        ? `${pct(r.headings.recall1, r.headings.n)} / ${pct(r.headings.recall10, r.headings.n)}`
        : "-",
    ),
    q("retrieval p50 / p99 (texts included)", (x) => ms(x.retrievalMs)),
    q("article text fetched per question", (x) =>
      x.fetchedKiB === 0 ? "0 (in memory)" : `${x.fetchedKiB.toFixed(0)} KiB`,
    ),
    q("answer p50 / p99 (end to end)", (x) => ms(x.answerMs)),
    q("answerable: right", (x) => count(x.right, x.answerable)),
    q("answerable: wrong with a citation", (x) => count(x.wrong, x.answerable)),
    q("answerable: abstained", (x) => count(x.abstained, x.answerable)),
    q("answered citing a gold article", (x) => count(x.citedGold, x.right + x.wrong)),
    q("unanswerable: abstained", (x) => `${x.unanswerableAbstained}/${x.unanswerable}`),
  ];
}

export function renderRetrievalReport(r: RetrievalReport): string {
  const table = (head: string[], body: string[][]) =>
    [
      `| ${head.join(" | ")} |`,
      `| ${head.map(() => "---").join(" | ")} |`,
      ...body.map((b) => `| ${b.join(" | ")} |`),
    ].join("\n");
  const answerable = r.memory.questions?.answerable ?? 0;
  const total = answerable + (r.memory.questions?.unanswerable ?? 0);
  return `# Retrieval benchmark: in-memory index vs Postgres full-text search

${r.articles.toLocaleString("en-US")} OrangeSum articles; ${total} news questions (${answerable} answerable, each listing the articles that state its answer); 200 known-item headings. Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, a shared 2-core machine.

${table(["", "in-memory index (default)", "Postgres full-text search"], rows(r.memory, r.postgres))}

Postgres: ${r.articles.toLocaleString("en-US")} articles ${Number.isNaN(r.insertS) ? "already held by the given database (insert not timed)" : `inserted through the shared-articles store in ${r.insertS.toFixed(1)} s (tsvector generated on insert)`}; table with its indexes ${(r.tableBytes / 1024 / 1024).toFixed(0)} MiB, of which the GIN index ${(r.searchIndexBytes / 1024 / 1024).toFixed(0)} MiB. Rank budget (articles common words may bring into the ranking): ${r.rankBudget}.

## Memory by corpus size (after start, forced GC)

${table(
  [
    "articles",
    "in-memory: RSS",
    "in-memory: heapUsed + external",
    "Postgres (statistics only): RSS",
    "Postgres: heapUsed + external",
  ],
  r.slopes.map((s) => [
    s.articles.toLocaleString("en-US"),
    mib(s.memory.rssMiB),
    mib(s.memory.heapMiB + s.memory.externalMiB),
    mib(s.postgres.rssMiB),
    mib(s.postgres.heapMiB + s.postgres.externalMiB),
  ]),
)}

What stays in memory. In-memory index: every article (texts included), the postings and the sentence cache. Postgres: the analyzer's vocabulary and one document frequency per term (\`TermStats\`), the ids counted; each question's retrieved articles (texts included) are fetched from Postgres with the ranking query and analysed into a window index for the same sentence scoring, then dropped.

Protocol: each engine runs in its own node process (\`--expose-gc\`); RSS, heapUsed and external after a forced GC once started, before any question. Retrieval = the port's \`retrieve\` (question text → ranked articles with texts, as of the question's day; with a time frame the best articles inside it are added, as the pipeline does). Recall@k: one of the question's gold articles among the first k retrieved. End to end = \`createRetrievingAnswerer\` (retrieval + sentence scoring + decision), graded as \`npm run eval:news\` does (the answer contains an accepted string). The first 20 questions are asked once before timing (warm-up). Reproduce: \`npm run bench:retrieval\`.
`;
}

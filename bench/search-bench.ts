// Search benchmark on OrangeSum: our analyzer + inverted index against MiniSearch (default
// options, fields title + text) in the same run, at several corpus sizes.
//
//   npm run bench                          # 1k, 10k and all articles, 200 queries
//   npm run bench -- --sizes 1000,10000 --queries 50
//
// Protocol: index `title` + `article` (never the heading); queries are the `heading` of sampled
// articles (see SAMPLE_RULE); known-item recall@k = the article the heading came from is in the
// top k. Heap is `heapUsed` after a forced GC (run node with --expose-gc), absolute and as the
// growth over the loaded corpus (= the index itself); rss and external are printed too.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import { createInvertedIndex } from "../src/core/search/inverted-index.ts";
import { createAnalyzer } from "../src/core/text/analyzer.ts";
import { loadOrangeSum, type OrangeSumDoc, SAMPLE_RULE, sampleQueries } from "./lib/orangesum.ts";

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg("sizes") ?? "1000,10000,all").split(",").map((s) => (s === "all" ? Infinity : Number(s)));
const queryCount = Number(arg("queries") ?? 200);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn("warning: run with node --expose-gc for honest heap numbers (npm run bench does)");

const MiB = 1024 * 1024;
function memory() {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed / MiB, rss: m.rss / MiB, external: (m.external + m.arrayBuffers) / MiB };
}
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

interface Result {
  build: number;
  heap: number;
  indexHeap: number;
  rss: number;
  external: number;
  p50: number;
  p99: number;
  r1: number;
  r10: number;
}

interface Engine {
  search(query: string): number[];
}

function measure(
  docs: readonly OrangeSumDoc[],
  queries: readonly number[],
  build: () => Engine,
  base: { heap: number; external: number },
): Result {
  const t0 = performance.now();
  let engine: Engine | undefined = build();
  const buildMs = performance.now() - t0;
  const mem = memory();
  const latencies: number[] = [];
  let r1 = 0;
  let r10 = 0;
  for (const q of queries) {
    const t = performance.now();
    const ranked = engine.search((docs[q] as OrangeSumDoc).heading);
    latencies.push(performance.now() - t);
    const rank = ranked.indexOf(q);
    if (rank === 0) r1++;
    if (rank >= 0 && rank < 10) r10++;
  }
  engine = undefined;
  latencies.sort((a, b) => a - b);
  return {
    build: buildMs,
    heap: mem.heap,
    indexHeap: mem.heap - base.heap + (mem.external - base.external),
    rss: mem.rss,
    external: mem.external,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    r1: (100 * r1) / queries.length,
    r10: (100 * r10) / queries.length,
  };
}

const ours = (docs: readonly OrangeSumDoc[]) => () => {
  const analyzer = createAnalyzer();
  const index = createInvertedIndex(analyzer);
  index.add(docs.map((d) => ({ title: d.title, body: d.article })));
  return {
    search: (query: string) =>
      index
        .search(
          analyzer.terms(query).map((t) => [t]),
          { limit: 10 },
        )
        .map((h) => h.doc),
  };
};

const minisearch = (docs: readonly OrangeSumDoc[]) => () => {
  const ms = new MiniSearch<{ id: number; title: string; text: string }>({ fields: ["title", "text"] });
  ms.addAll(docs.map((d, id) => ({ id, title: d.title, text: d.article })));
  return {
    search: (query: string) =>
      ms
        .search(query)
        .slice(0, 10)
        .map((r) => r.id as number),
  };
};

const rows: string[][] = [];
const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "n/a");
const ratio = (a: number, b: number) => (b > 0 && a > 0 ? `${fmt(b / a, 1)}×` : "n/a");

console.log(`sample rule: ${SAMPLE_RULE}; ${queryCount} queries per size`);
for (const size of sizes) {
  const t0 = performance.now();
  const docs = loadOrangeSum(size);
  const loadMs = performance.now() - t0;
  const queries = sampleQueries(docs, queryCount);
  const base = memory();
  const label = `${docs.length.toLocaleString("en")} articles`;
  console.log(
    `\n${label}: loaded in ${fmt(loadMs / 1000, 2)} s, corpus heap ${fmt(base.heap)} MiB, ${queries.length} queries`,
  );
  const a = measure(docs, queries, ours(docs), base);
  console.log(
    "  ours      ",
    JSON.stringify(a, (_k, v) => (typeof v === "number" ? Number(v.toFixed(2)) : v)),
  );
  const b = measure(docs, queries, minisearch(docs), base);
  console.log(
    "  minisearch",
    JSON.stringify(b, (_k, v) => (typeof v === "number" ? Number(v.toFixed(2)) : v)),
  );
  // ratio column: how many times better ours is (MiniSearch / ours; recall: ours / MiniSearch)
  const line = (name: string, x: number, y: number, unit: string, better: "lower" | "higher", digits = 1) =>
    rows.push([
      label,
      name,
      `${fmt(x, digits)}${unit}`,
      `${fmt(y, digits)}${unit}`,
      better === "lower" ? ratio(x, y) : ratio(y, x),
    ]);
  rows.push([label, "load (gunzip + parse)", `${fmt(loadMs / 1000, 2)} s`, "(same)", ""]);
  line("index build", a.build / 1000, b.build / 1000, " s", "lower", 2);
  line("heap after build (heapUsed)", a.heap, b.heap, " MiB", "lower");
  line("index size (Δ heap + Δ typed arrays)", a.indexHeap, b.indexHeap, " MiB", "lower");
  rows.push([
    label,
    "rss / external+arrayBuffers",
    `${fmt(a.rss)} / ${fmt(a.external)} MiB`,
    `${fmt(b.rss)} / ${fmt(b.external)} MiB`,
    "",
  ]);
  line("query p50", a.p50, b.p50, " ms", "lower", 2);
  line("query p99", a.p99, b.p99, " ms", "lower", 2);
  line("recall@1", a.r1, b.r1, " %", "higher");
  line("recall@10", a.r10, b.r10, " %", "higher");
}

const header = ["corpus", "metric", "ours", "MiniSearch 7.2", "ours vs MiniSearch"];
const table = [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
const note =
  `Queries: ${queryCount} OrangeSum headings per size, ${SAMPLE_RULE}. ` +
  "Known-item recall: the article the heading came from ranks first / in the top 10. " +
  "Both engines index title + article (never the heading); MiniSearch with default options. " +
  "Heap: heapUsed after a forced GC, including the loaded corpus; typed arrays live outside the JS heap, " +
  "so index size = growth of heapUsed + external/arrayBuffers over the loaded corpus. " +
  `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`;
console.log(`\n${table}\n\n${note}`);
const out = resolve(dirname(fileURLToPath(import.meta.url)), "results/search.md");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `# Search benchmark\n\n${table}\n\n${note}\n`);
console.log(`\nwritten to ${out}`);
console.log(
  "Retrieval over the answer pipeline, in-memory index vs Postgres full-text search (recall, p50/p99, memory): " +
    "npm run bench:retrieval → results/retrieval.md",
);

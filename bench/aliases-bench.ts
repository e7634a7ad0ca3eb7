// Time to learn the corpus aliases (acronyms, surnames) on the OrangeSum archive, and a fixed
// sample of 20 of them to check by eye. Usage: node bin/run-ts.mjs bench/aliases-bench.ts [limit]
import { learnAliases } from "../src/core/corpus/aliases.ts";
import { loadOrangeSum } from "./lib/orangesum.ts";

const limit = process.argv[2] ? Number(process.argv[2]) : Number.POSITIVE_INFINITY;
const docs = loadOrangeSum(limit).map((d) => ({ title: d.title, body: d.article }));
const runs: number[] = [];
let table = learnAliases(docs);
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  table = learnAliases(docs);
  runs.push(performance.now() - t);
}
runs.sort((a, b) => a - b);
console.log(
  `learnAliases on ${docs.length} articles: median ${runs[1]?.toFixed(0)} ms (runs ${runs.map((r) => r.toFixed(0)).join(", ")}), ${table.size} terms with an alias`,
);
const all = [...table.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const picked = new Set<number>();
while (picked.size < Math.min(20, all.length)) picked.add(Math.floor(rnd() * all.length));
console.log("sample:");
for (const k of [...picked].sort((a, b) => a - b)) {
  const [term, alias] = all[k] as [string, readonly string[]];
  console.log(`  ${term} → ${alias.join(" ")}`);
}
const probes = ["bce", "oms", "fmi", "macron", "philippe", "le pen", "merkel", "trump", "johnson", "martin"];
console.log("probes:");
for (const p of probes) console.log(`  ${p} → ${table.expand(p).join(" ") || "(none)"}`);

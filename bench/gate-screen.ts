// The answer gate refitted offline from a `npm run train -- --dump FILE` (every held-out top answer
// with its gate inputs), without some of its inputs: the ranker's held-out tops stay the dump's, only
// the confidence model changes, so gate-only inputs are compared in seconds instead of one training
// run each. It replicates bench/train-scorer.ts's `calibrate()` (the same sets' shares, L2, folds:
// each fold's probabilities from a fit on the other folds) and its `settled` threshold rule.
//
//   node bin/run-ts.mjs bench/gate-screen.ts --dump FILE [--drop a,b]… [--at 0.6] [--diff]
//
// Each `--drop LIST` is one variant (`--drop ""`: every input of the dump); the dump's columns are
// the gate's inputs of the code that wrote it ([...GATE_INPUTS, ...GATE_FEATURES]) unless `--columns
// a,b,…` names them. `--diff` lists the news questions whose outcome at the threshold differs
// from the first variant's; `--save FILE` writes the first variant's probabilities by question.
import { writeFileSync } from "node:fs";
import { GATE_FEATURES } from "../src/core/answer/answer-gate.ts";
import { CONFIDENCE_INPUTS } from "../src/core/answer/scorer.ts";
import { type GateDumpRow, readGateDump } from "./lib/gate-dump.ts";
import { fitLogistic, predict } from "./lib/logistic.ts";
import { chooseThreshold, outcome, type ScoredQuestion } from "./lib/threshold-rules.ts";

type Dumped = GateDumpRow;

const args = process.argv.slice(2);
const flagValue = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const dumpFile = flagValue("dump");
if (!dumpFile) throw new Error("--dump FILE");
const columns = flagValue("columns")?.split(",") ?? [...CONFIDENCE_INPUTS, ...GATE_FEATURES];
const rows = readGateDump(dumpFile, columns);
const variants = args.flatMap((a, i) => (a === "--drop" ? [args[i + 1] ?? ""] : []));
if (variants.length === 0) variants.push("");
const fixedAt = flagValue("at") === undefined ? undefined : Number(flagValue("at"));
const SHARES: Record<string, number> = { piaf: 1, news: 2, seeds: 1 };

/** Held-out probabilities of the gate over the kept columns: each fold's from a fit on the others. */
function probabilities(keep: readonly number[]): Map<Dumped, number> {
  const scored = rows.filter((r) => !r.bypass && r.p !== undefined);
  const input = (r: Dumped) => keep.map((j) => r.x[j] as number);
  const out = new Map<Dumped, number>();
  for (const fold of new Set(scored.map((r) => r.fold))) {
    const train = scored.filter((r) => r.fold !== fold);
    const count = new Map<string, number>();
    for (const r of train) count.set(r.set, (count.get(r.set) ?? 0) + 1);
    const piaf = count.get("piaf") ?? 1;
    const fit = fitLogistic(
      train.map(input),
      train.map((r) => (r.right ? 1 : 0)),
      {
        l2: 1,
        sampleWeights: train.map((r) => ((SHARES[r.set] ?? 1) * piaf) / (count.get(r.set) ?? 1)),
      },
    );
    for (const r of scored) if (r.fold === fold) out.set(r, 1 / (1 + Math.exp(-predict(fit, input(r)))));
  }
  return out;
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}`;
let first: Map<string, string> | undefined;
for (const v of variants) {
  const drop = new Set(v.split(",").filter((x) => x !== ""));
  for (const d of drop) if (!columns.includes(d)) throw new Error(`--drop: no column ${d}`);
  const keep = columns.flatMap((c, j) => (drop.has(c) ? [] : [j]));
  const p = probabilities(keep);
  const items: (ScoredQuestion & { id: string })[] = rows.map((r) => ({
    id: r.id,
    set: r.set,
    fold: r.fold,
    answerable: r.answerable,
    bypass: r.bypass || !p.has(r),
    right: r.right,
    ...(p.has(r) ? { p: p.get(r) as number } : {}),
  }));
  const t = fixedAt ?? chooseThreshold(items, "settled", { cost: 1.5 });
  const of = (set: string) =>
    outcome(
      items.filter((q) => q.set === set),
      t,
    );
  const news = of("news");
  const piaf = of("piaf");
  const seeds = of("seeds");
  console.log(
    `drop [${[...drop].join(",")}] t=${t}: news ${pct(news.right, news.answerable)} / ${pct(news.wrong, news.answerable)} / ${pct(news.kept, news.unanswerable)} % (${news.right}, ${news.wrong}, ${news.kept}/${news.unanswerable}); PIAF ${pct(piaf.right, piaf.answerable)} / ${pct(piaf.wrong, piaf.answerable)} % (${piaf.right}, ${piaf.wrong}); seeds ${seeds.right}/${seeds.wrong}/${seeds.kept} of ${seeds.answerable}+${seeds.unanswerable}`,
  );
  const batches = [...new Set(items.filter((q) => q.set === "news").map((q) => q.fold))].sort(
    (a, b) => Number(a.slice(5)) - Number(b.slice(5)),
  );
  console.log(
    `  by batch: ${batches
      .map((b) => {
        const o = outcome(
          items.filter((q) => q.fold === b),
          t,
        );
        return `${b.slice(5)} ${o.right}/${o.wrong}/${o.kept}`;
      })
      .join(", ")}`,
  );
  const state = new Map(
    items
      .filter((q) => q.set === "news")
      .map((q) => {
        const answered = !q.bypass && (q.p ?? 0) >= t;
        const what = !answered ? "abstained" : !q.answerable ? "ANSWERED" : q.right ? "right" : "wrong";
        return [q.id, `${what} ${(q.p ?? 0).toFixed(2)}`];
      }),
  );
  if (first && args.includes("--diff"))
    for (const [id, s] of state) {
      const before = first.get(id) ?? "";
      if (before.split(" ")[0] !== s.split(" ")[0]) console.log(`  ${id}: ${before} → ${s}`);
    }
  first ??= state;
  const save = flagValue("save");
  if (save && v === variants[0])
    writeFileSync(save, JSON.stringify(Object.fromEntries(items.map((q) => [q.id, q.p ?? null]))));
}

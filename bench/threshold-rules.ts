// Compares the threshold rules of bench/lib/threshold-rules.ts on the held-out answers of a
// training run (`npm run train -- --no-write --dump FILE`): each rule's threshold on everything,
// and what it gives news batches it did not see — left out one at a time, and forward (each batch
// judged by the threshold chosen on the batches before it, as a blind batch's first run is).
// `node bin/run-ts.mjs bench/threshold-rules.ts FILE [--from 9]`
import { readFileSync } from "node:fs";
import { ruleTable, type ScoredQuestion } from "./lib/threshold-rules.ts";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
if (!file) throw new Error("usage: threshold-rules.ts DUMP.json [--from K]");
const at = args.indexOf("--from");
const from = at >= 0 ? Number(args[at + 1]) : 9;
// a `--from` that is no batch number would judge no batch forward, silently
if (!Number.isInteger(from) || from < 1) throw new Error(`--from: a batch number, not ${args[at + 1]}`);
const items = (JSON.parse(readFileSync(file, "utf8")) as ScoredQuestion[]).map((q) => ({
  ...q,
  bypass: q.bypass || q.p === undefined || q.p === null,
}));
console.log(
  ruleTable(
    items,
    [
      { name: "point (the trainer's rule until now)", rule: "point" },
      { name: "bound (Wilson, 90 %)", rule: "bound" },
      { name: "smoothed (kernel 0.025)", rule: "smoothed" },
      { name: "cost 1.5", rule: "cost", options: { cost: 1.5 } },
      { name: "settled 1.5 (break-even unless clearly beaten)", rule: "settled", options: { cost: 1.5 } },
      { name: "cost 2", rule: "cost", options: { cost: 2 } },
      { name: "cost 3", rule: "cost", options: { cost: 3 } },
      // an answered unanswerable question costing more than a wrong cited answer
      ...[2, 3, 4, 6, 8].map((u) => ({
        name: `cost 1.5, unanswerable ${u}`,
        rule: "cost" as const,
        options: { cost: 1.5, unanswerableCost: u },
      })),
    ],
    from,
  ),
);

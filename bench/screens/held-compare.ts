// Screen (round 19, stories22): a tuner's held-out figures with and without the refusal of apart
// title actors, from `npm run tune:stories -- --held FILE`: pooled P / R / F1 and days meeting the
// floor (P ≥ 0.9 and F1 ≥ 0.8) per method, the days won and lost, and a 90 % day bootstrap of the
// pooled F1 difference (2,000 resamples, seeded as bench/screens/cluster-structure.ts's).
//   node bin/run-ts.mjs bench/screens/held-compare.ts FILE [FAMILY_A FAMILY_B]
import { readFileSync } from "node:fs";
import { meets } from "../lib/nested-choice.ts";
import { addCounts, NO_PAIRS, type PairCounts, prf } from "../lib/story-labels.ts";

type Held = Record<string, Record<string, Record<string, PairCounts & { setting: string }>>>;
const file = process.argv[2];
if (!file) throw new Error("usage: held-compare.ts FILE [FAMILY_A FAMILY_B]");
const held = JSON.parse(readFileSync(file, "utf8")) as Held;
const a = process.argv[3] ?? "whole grid";
const b = process.argv[4] ?? "no refusal of apart actors";
const fmt = (cs: readonly PairCounts[]) => {
  const m = prf(cs.reduce(addCounts, NO_PAIRS));
  return `P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f1.toFixed(3)}, days ${cs.filter((c) => meets(c, 0.9)).length} of ${cs.length}`;
};
for (const [method, fams] of Object.entries(held)) {
  const x = fams[a];
  const y = fams[b];
  if (!x || !y) continue;
  const dates = Object.keys(x).sort();
  const cx = dates.map((d) => x[d] as PairCounts);
  const cy = dates.map((d) => y[d] as PairCounts);
  console.log(`\n${method}\n  ${a}: ${fmt(cx)}\n  ${b}: ${fmt(cy)}`);
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const f1 = (cs: readonly PairCounts[], pick: readonly number[]) =>
    prf(pick.reduce((s, i) => addCounts(s, cs[i] as PairCounts), NO_PAIRS)).f1;
  const diffs: number[] = [];
  for (let r = 0; r < 2000; r++) {
    const pick = dates.map(() => Math.floor(rand() * dates.length));
    diffs.push(f1(cx, pick) - f1(cy, pick));
  }
  diffs.sort((p, q) => p - q);
  console.log(
    `  F1 ${a} − ${b}, 90 % day bootstrap: ${diffs[100]?.toFixed(3)} to ${diffs[1899]?.toFixed(3)}`,
  );
  for (const [i, d] of dates.entries()) {
    const mx = prf(cx[i] as PairCounts);
    const my = prf(cy[i] as PairCounts);
    if (Math.abs(mx.f1 - my.f1) < 1e-9 && Math.abs(mx.p - my.p) < 1e-9) continue;
    const won = meets(cx[i] as PairCounts, 0.9);
    const was = meets(cy[i] as PairCounts, 0.9);
    const tag = won && !was ? " WON" : !won && was ? " LOST" : "";
    console.log(
      `  ${d}: ${my.p.toFixed(2)}/${my.r.toFixed(2)} → ${mx.p.toFixed(2)}/${mx.r.toFixed(2)}${tag}  (${(x[d] as { setting: string }).setting})`,
    );
  }
}

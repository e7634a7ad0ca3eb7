// Counts why the right sentence loses, over the list bench/rank-losses.ts writes (each question whose
// right sentence is a candidate but not first, with the top and the best-ranked right one): the
// table of bench/results/ranker-comparison.md (answers21, answers24). Causes overlap.
// Usage: node bin/run-ts.mjs bench/rank-causes.ts --losses FILE
import { readFileSync } from "node:fs";
import { createFlags } from "./lib/flags.ts";

interface Side {
  doc: number;
  index: number;
  text: string;
  f: Record<string, number>;
}
interface Loss {
  set: string;
  rightRank: number;
  top?: Side;
  right?: Side;
}

const file = createFlags(process.argv.slice(2)).value("losses");
if (!file) throw new Error("--losses FILE (from bench/rank-losses.ts)");
const losses = JSON.parse(readFileSync(file, "utf8")) as Loss[];

/** Each cause and whether it holds of a loss (top = the wrong sentence ranked first). */
const CAUSES: readonly [string, (t: Side, r: Side, rank: number) => boolean][] = [
  ["the right one is second", (_t, _r, rank) => rank === 1],
  ["top from another article", (t, r) => t.doc !== r.doc],
  [
    "… the right one's article retrieved lower",
    (t, r) => t.doc !== r.doc && (r.f.docRank ?? 0) < (t.f.docRank ?? 0),
  ],
  [
    "top from the same article, the sentence beside",
    (t, r) => t.doc === r.doc && Math.abs(t.index - r.index) === 1,
  ],
  ["top from the same article, further away", (t, r) => t.doc === r.doc && Math.abs(t.index - r.index) !== 1],
  ["top covers more of the question (by > 0.05)", (t, r) => (t.f.coverage ?? 0) - (r.f.coverage ?? 0) > 0.05],
  ["coverage within 0.05", (t, r) => Math.abs((t.f.coverage ?? 0) - (r.f.coverage ?? 0)) <= 0.05],
  ["top 30 % longer", (t, r) => t.text.length > 1.3 * r.text.length],
  [
    "top covers more and is 30 % longer",
    (t, r) => (t.f.coverage ?? 0) - (r.f.coverage ?? 0) > 0.05 && t.text.length > 1.3 * r.text.length,
  ],
  ["both give the asked kind", (t, r) => t.f.kindFound === 1 && r.f.kindFound === 1],
  ["asked kind other", (t) => t.f.kindOther === 1],
  ["top's answer the best voted", (t, r) => t.f.voteTop === 1 && r.f.voteTop !== 1],
  [
    "right's neighbours hold more of the question",
    (_t, r) => (r.f.neighbourCoverage ?? 0) > (r.f.coverage ?? 0) && (r.f.neighbourCoverage ?? 0) > 0.2,
  ],
  [
    "more of the question beside the right one's answer",
    (t, r) => (r.f.besideAnswer ?? 0) > (t.f.besideAnswer ?? 0),
  ],
  ["the right one gives the asked kind, the top none", (t, r) => r.f.kindFound === 1 && t.f.kindFound === 0],
  ["top is a title", (t) => t.f.isTitle === 1],
];

for (const set of [...new Set(losses.map((l) => l.set))]) {
  const mine = losses.filter((l) => l.set === set && l.top && l.right);
  console.log(`## ${set}: ${mine.length} questions`);
  for (const [name, holds] of CAUSES) {
    const n = mine.filter((l) => holds(l.top as Side, l.right as Side, l.rightRank)).length;
    console.log(`| ${name} | ${n} | ${((100 * n) / Math.max(1, mine.length)).toFixed(1)} % |`);
  }
}

// Counts the held-out news answers given at a threshold that answer an unanswerable question or are
// wrong (answerable, a cited sentence holding no accepted answer), by cause, read from the top
// sentence's gate inputs in a `npm run train -- --dump FILE`: each answer counts under the first
// cause whose input fires, in the order below. `--probabilities FILE` (gate-screen's `--save`) judges
// them by another gate's probabilities (a variant refitted offline) instead of the dump's own.
//
//   node bin/run-ts.mjs bench/abstain-causes.ts --dump FILE [--probabilities FILE] [--at 0.6] [--columns a,b,…]
import { readFileSync } from "node:fs";
import { GATE_FEATURES } from "../src/core/answer/answer-gate.ts";
import { CONFIDENCE_INPUTS } from "../src/core/answer/scorer.ts";
import { createFlags } from "./lib/flags.ts";
import { type GateDumpRow, readGateDump } from "./lib/gate-dump.ts";

type Dumped = GateDumpRow;

const flags = createFlags(process.argv.slice(2));
const dumpFile = flags.value("dump");
if (!dumpFile) throw new Error("--dump FILE");
const columns = flags.value("columns")?.split(",") ?? [...CONFIDENCE_INPUTS, ...GATE_FEATURES];
const rows = readGateDump(dumpFile, columns);
const probabilitiesFile = flags.value("probabilities");
const saved = probabilitiesFile
  ? (JSON.parse(readFileSync(probabilitiesFile, "utf8")) as Record<string, number | null>)
  : undefined;
const at = flags.number("at") ?? 0.6;
const col = (r: Dumped, name: string) => {
  const j = columns.indexOf(name);
  return j < 0 ? 0 : (r.x[j] ?? 0);
};

// The causes in the order they are tried; each names the inputs that say it.
const CAUSES: readonly { readonly name: string; readonly fires: (r: Dumped) => boolean }[] = [
  {
    name: "a name of the question away from the sentence (another person or thing)",
    fires: (r) => col(r, "namesAwayNearby") > 0,
  },
  {
    name: "other occasion: the asked event's word away from the sentence and its neighbours",
    fires: (r) => col(r, "eventAwayNearby") > 0,
  },
  {
    name: "the asked time: out of the question's frame, or a year ahead of the article",
    fires: (r) => col(r, "outOfFrame") > 0 || col(r, "yearAhead") > 0,
  },
  {
    name: "the asked detail, cause, kind or span absent (role, name, figure of another noun…)",
    fires: (r) =>
      [
        "detailMissing",
        "causeMissing",
        "kindMissing",
        "spanMissing",
        "amountMissing",
        "countsOther",
        "nameWithoutPerson",
        "unnamedPerson",
        "periodOther",
        "askedSlotEmpty",
      ].some((c) => col(r, c) > 0),
  },
  { name: "told as before (a pluperfect, `déjà`)", fires: (r) => col(r, "toldAsBefore") > 0 },
  { name: "another place", fires: (r) => col(r, "placeAway") > 0 || col(r, "placeReplaced") > 0 },
  { name: "none of these inputs fires", fires: () => true },
];

const pOf = (r: Dumped) => (saved ? (saved[r.id] ?? undefined) : r.p);
const answered = rows.filter((r) => {
  const p = pOf(r);
  return r.set === "news" && !r.bypass && p !== undefined && p !== null && p >= at && !r.right;
});
for (const [label, group] of [
  ["unanswerable answered", answered.filter((r) => !r.answerable)],
  ["wrong (answerable)", answered.filter((r) => r.answerable)],
] as const) {
  console.log(`\n${label} at ${at}: ${group.length}`);
  const counts = new Map<string, number>();
  for (const r of group) {
    const cause = CAUSES.find((c) => c.fires(r))?.name ?? "";
    counts.set(cause, (counts.get(cause) ?? 0) + 1);
  }
  for (const c of CAUSES) console.log(`  ${counts.get(c.name) ?? 0}  ${c.name}`);
  if (label === "wrong (answerable)")
    console.log(
      `  (of the wrong: a right candidate ranked lower ${group.filter((r) => r.rightRank !== undefined).length})`,
    );
  // each input alone, whatever the order
  const alone = [
    "namesAwayNearby",
    "eventAwayNearby",
    "outOfFrame",
    "detailMissing",
    "kindMissing",
    "toldAsBefore",
    "placeAway",
  ];
  console.log(
    `  inputs firing: ${alone.map((c) => `${c} ${group.filter((r) => col(r, c) > 0).length}`).join(", ")}`,
  );
}

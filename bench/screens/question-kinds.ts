// How the question reader reads the kind of answer asked, against the kind the question's writer
// labelled: a confusion table reader-kind × writer-kind over the news batches (answerable
// questions carry a label; unanswerable ones do not, and PIAF has none: their reader kinds are
// counted), with every misread question listed. A question read with the wrong kind loses the
// kind features and the gate's person and quantity checks (answers25).
//
//   node bin/run-ts.mjs bench/screens/question-kinds.ts [--batches 1,…,21] [--list] [--piaf]
//
// `--list` prints the misread questions; `--piaf` adds PIAF's reader-kind distribution;
// `--unanswerable` lists the unanswerable questions read as `other`; `--dump FILE` writes every
// question's reader kind (news and PIAF), to diff two versions of the reader.

import { writeFileSync } from "node:fs";
import { parseQuestion } from "../../src/core/answer/question.ts";
import { createAnalyzer } from "../../src/core/text/analyzer.ts";
import { createFlags } from "../lib/flags.ts";
import { batchesOf, listBatches, loadNewsQuestions } from "../lib/news-questions.ts";
import { loadPiaf } from "../lib/piaf.ts";

/** The writers' labels as the reader's kinds (`howmany` and `number` both ask a figure). */
const WRITER: Record<string, string> = {
  howmany: "number",
  number: "number",
  who: "person",
  person: "person",
  when: "date",
  date: "date",
  where: "place",
  place: "place",
  what: "other",
  which: "other",
  other: "other",
};
const KINDS = ["person", "date", "number", "place", "rank", "other"] as const;

const flags = createFlags();
const has = (name: string) => process.argv.includes(`--${name}`);
const analyzer = createAnalyzer();
const readKind = (q: string) => parseQuestion(q, analyzer).kind;

const batches = flags.value("batches") === undefined ? listBatches() : batchesOf(flags.value("batches"));
const questions = loadNewsQuestions(batches);

const pad = (s: string | number, n: number) => String(s).padStart(n);
function table(title: string, rows: readonly { writer: string; reader: string }[]) {
  const count = new Map<string, number>();
  for (const r of rows) count.set(`${r.writer}|${r.reader}`, (count.get(`${r.writer}|${r.reader}`) ?? 0) + 1);
  const right = rows.filter((r) => r.writer === r.reader).length;
  console.log(`\n${title}: ${right}/${rows.length} read as labelled (rows: writer, columns: reader)`);
  console.log(`${pad("", 8)}${KINDS.map((k) => pad(k, 8)).join("")}`);
  for (const w of KINDS.filter((k) => k !== "rank"))
    console.log(`${pad(w, 8)}${KINDS.map((k) => pad(count.get(`${w}|${k}`) ?? 0, 8)).join("")}`);
}

const labelled = questions.flatMap((q) => {
  const writer = q.kind === undefined ? undefined : WRITER[q.kind];
  return writer ? [{ q, writer, reader: readKind(q.question) }] : [];
});
table(`news batches ${batches[0]}–${batches.at(-1)}, answerable`, labelled);
// per batch: misread count
console.log(
  `\nmisread per batch: ${batches
    .map((b) => {
      const rows = labelled.filter((r) => r.q.batch === b);
      return `${b}:${rows.filter((r) => r.writer !== r.reader).length}/${rows.length}`;
    })
    .join(" ")}`,
);
if (has("list"))
  for (const r of labelled.filter((x) => x.writer !== x.reader))
    console.log(`  ${r.q.id}\t${r.writer}→${r.reader}\t${r.q.question}`);

const unlabelled = questions.filter((q) => !q.answerable);
const dist = (kinds: readonly string[]) => {
  const c = new Map<string, number>();
  for (const k of kinds) c.set(k, (c.get(k) ?? 0) + 1);
  return KINDS.map((k) => `${k} ${c.get(k) ?? 0}`).join(", ");
};
const unansKinds = unlabelled.map((q) => ({ q, reader: readKind(q.question) }));
console.log(`\nunanswerable (no label), ${unlabelled.length}: ${dist(unansKinds.map((x) => x.reader))}`);
if (has("unanswerable"))
  for (const x of unansKinds.filter((y) => y.reader === "other")) console.log(`  ${x.q.id}\t${x.q.question}`);

if (has("piaf")) {
  const piaf = loadPiaf();
  console.log(`\nPIAF, ${piaf.questions.length}: ${dist(piaf.questions.map((q) => readKind(q.question)))}`);
}

const dump = flags.value("dump");
if (dump) {
  const lines = questions.map((q) => `${q.id}\t${readKind(q.question)}\t${q.question}`);
  for (const [i, q] of loadPiaf().questions.entries())
    lines.push(`piaf-${i}\t${readKind(q.question)}\t${q.question}`);
  writeFileSync(dump, `${lines.join("\n")}\n`);
}

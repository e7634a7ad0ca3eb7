// How the draft verification behaves on real news text (`npm run bench:verify`), without a model:
// for a seeded sample of OrangeSum articles, the passage is what a writer would be sent (title,
// date, the opening sentences) and the drafts are made from it —
//   grounded:  one of its sentences, verbatim, citing [1]        → should be verified
//   figure:    the same sentence with one number changed         → should be rejected
//   name:      a mid-sentence name swapped for another article's → should be rejected
//   date:      a day of the month moved by one                   → should be rejected
//   citation:  the sentence citing [2] when one passage was sent → should be rejected
// It prints how many of each are verified / rejected (by reason), so the cost of the check (grounded
// drafts refused) and what it catches are both visible. Flags: `--articles N` (default 1000).
import { findDates, findNumbers } from "../src/core/grounded/claims.ts";
import { isCommonWord } from "../src/core/grounded/common-words.ts";
import { passageText } from "../src/core/grounded/prompts.ts";
import { verifyDraft } from "../src/core/grounded/verify-draft.ts";
import { splitSentences } from "../src/core/text/sentences.ts";
import { loadOrangeSum, rng } from "./lib/orangesum.ts";

const args = process.argv.slice(2);
const at = args.indexOf("--articles");
const wanted = at >= 0 ? Number(args[at + 1]) : 1000;
const random = rng(18);
const docs = loadOrangeSum(8000);
const sample = Array.from({ length: wanted }, () => docs[Math.floor(random() * docs.length)]).filter(
  (d) => d !== undefined,
);

type Kind = "grounded" | "figure" | "name" | "date" | "citation";
const tally = new Map<Kind, Map<string, number>>();
const count = (kind: Kind, outcome: string) => {
  const t = tally.get(kind) ?? new Map<string, number>();
  t.set(outcome, (t.get(outcome) ?? 0) + 1);
  tally.set(kind, t);
};
const examples: string[] = [];

function opening(body: string): string[] {
  const out: string[] = [];
  let length = 0;
  for (const s of splitSentences(body)) {
    const text = body.slice(s.start, s.end).trim();
    if (length + text.length > 700) break;
    out.push(text);
    length += text.length;
  }
  return out;
}

const capitalised = (s: string) =>
  [...s.matchAll(/(?<=[\p{Ll},;] )\p{Lu}\p{Ll}{3,}/gu)].map((m) => ({ text: m[0], at: m.index }));
const allNames = sample.flatMap((d) => capitalised(d.article.slice(0, 600)).map((c) => c.text));

function check(kind: Kind, draft: string, passages: string[]) {
  const v = verifyDraft(draft, passages);
  const outcome = v.status === "rejected" ? `rejected:${v.reason}` : v.status;
  count(kind, outcome);
  if (kind === "grounded" && v.status === "rejected" && examples.length < 8)
    examples.push(`  ${v.reason} (${v.detail}): ${draft.slice(0, 160)}`);
}

for (const d of sample) {
  const sentences = opening(d.article);
  if (sentences.length === 0) continue;
  const passage = passageText(d.title, d.date, sentences.join(" "));
  const words = passage.toLowerCase();
  const sentence = sentences[Math.floor(random() * sentences.length)] as string;
  check("grounded", `${sentence} [1]`, [passage]);
  check("citation", `${sentence} [2]`, [passage]);
  const number = findNumbers(sentence).find((n) => /\d/.test(n.text));
  if (number) {
    const digits = number.text.match(/\d+/)?.[0] ?? "";
    check("figure", `${sentence.replace(digits, String(Number(digits) + 7))} [1]`, [passage]);
  }
  const name = capitalised(sentence)[0];
  const other = allNames.find((n) => !words.includes(n.toLowerCase()) && !isCommonWord(n.toLowerCase()));
  if (name && other && !isCommonWord(name.text.toLowerCase())) {
    const swapped = `${sentence.slice(0, name.at)}${other}${sentence.slice((name.at ?? 0) + name.text.length)}`;
    check("name", `${swapped} [1]`, [passage]);
    allNames.push(allNames.shift() as string); // another name next time
  }
  const date = findDates(sentence).find((x) => x.day !== undefined && /^\d/.test(x.text));
  if (date?.day !== undefined) {
    const moved = date.day >= 28 ? date.day - 1 : date.day + 1;
    check("date", `${sentence.replace(date.text, date.text.replace(String(date.day), String(moved)))} [1]`, [
      passage,
    ]);
  }
}

console.log(`${sample.length} articles of the first 8,000 of OrangeSum (seed 18)`);
for (const kind of ["grounded", "figure", "name", "date", "citation"] as Kind[]) {
  const t = tally.get(kind) ?? new Map<string, number>();
  const total = [...t.values()].reduce((a, b) => a + b, 0);
  const verified = t.get("verified") ?? 0;
  const parts = [...t]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  console.log(
    `${kind.padEnd(9)} ${String(total).padStart(5)} drafts: verified ${((100 * verified) / Math.max(1, total)).toFixed(1)} %  (${parts})`,
  );
}
if (examples.length) console.log(`grounded drafts refused, first ones:\n${examples.join("\n")}`);

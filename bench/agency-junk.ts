// How many archive articles lose agency junk at load (desk signatures, closing credits and
// captions), and a fixed sample of 30 removals to check by eye for false removals.
// Usage: node bin/run-ts.mjs bench/agency-junk.ts [corpus.jsonl.gz]
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { dumpParagraphs } from "../src/core/corpus/text-repair.ts";

const file = process.argv[2] ?? "../shared/datasets/orangesum-dedup.jsonl.gz";
const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()) });
const squeeze = (s: string) => s.normalize("NFC").replace(/\s+/g, "");
let articles = 0;
const removals: string[] = [];
for await (const line of lines) {
  if (!line.trim()) continue;
  articles++;
  const d = JSON.parse(line) as { id: string; article: string };
  const before = squeeze(d.article);
  const after = squeeze(dumpParagraphs(d.article).join(""));
  if (before === after) continue;
  let i = 0;
  while (i < after.length && before[i] === after[i]) i++;
  let j = 0;
  while (j < after.length - i && before[before.length - 1 - j] === after[after.length - 1 - j]) j++;
  removals.push(`${d.id}: …${before.slice(Math.max(0, i - 40), i)}⟦${before.slice(i, before.length - j)}⟧`);
}
console.log(`articles: ${articles}, with junk removed: ${removals.length}`);
let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const picked = new Set<number>();
while (picked.size < Math.min(30, removals.length)) picked.add(Math.floor(rnd() * removals.length));
for (const k of [...picked].sort((a, b) => a - b)) console.log(removals[k]);

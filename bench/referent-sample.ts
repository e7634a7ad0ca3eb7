// How often a sentence opening on a pronoun gets its referent named, on archive articles as the
// loader cleans them, and every 4th naming printed with the sentences before it, to check by eye.
// Usage: node bin/run-ts.mjs bench/referent-sample.ts [from=3000] [to=6000]
import { nameReferent } from "../src/core/answer/referent.ts";
import { dumpParagraphs } from "../src/core/corpus/text-repair.ts";
import { sentences } from "../src/core/text/index.ts";
import { loadOrangeSum } from "./lib/orangesum.ts";

const from = Number(process.argv[2] ?? 3000);
const to = Number(process.argv[3] ?? 6000);
let tried = 0;
let named = 0;
const shown: string[] = [];
for (const d of loadOrangeSum(to).slice(from)) {
  const sents = dumpParagraphs(d.article).flatMap((p) => sentences(p));
  sents.forEach((s, i) => {
    if (!/^(?:Il|Elle|Ils|Elles|He|She|They) /.test(s)) return;
    tried++;
    const r = nameReferent(s, sents.slice(0, i), d.title);
    if (!r.referent) return;
    named++;
    if (named % 4 === 0 && shown.length < 30)
      shown.push(
        `${sents
          .slice(Math.max(0, i - 2), i)
          .join(" ")
          .slice(-200)}\n  => ${r.text.slice(0, 120)}`,
      );
  });
}
console.log(`articles ${from}-${to}: ${tried} sentences open on a pronoun, ${named} named`);
console.log(shown.join("\n\n"));

// Screen (gloss33): which of the archive's frequent French words no value of the English → French
// glossary covers yet (src/core/answer/glossary-en-fr.ts, all three files), compared as index terms
// of the French analyzer, so that a new glossary file is chosen by what the archive talks about and
// not by any question. Reads the output of frequent-words.ts; prints `word<TAB>document frequency`
// for each uncovered word, most frequent first, and the count on stderr. Names, function words and
// cognates are among them: the glossary's writer leaves those out.
//   node bin/run-ts.mjs bench/screens/frequent-words.ts --top 8000 > F
//   node bin/run-ts.mjs bench/screens/uncovered-words.ts --words F
import { existsSync, readFileSync } from "node:fs";
import { EN_FR } from "../../src/core/answer/glossary-en-fr.ts";
import { createAnalyzer } from "../../src/core/text/analyzer.ts";
import { createFlags } from "../lib/flags.ts";

const file = createFlags().value("words");
if (file === undefined || !existsSync(file)) {
  console.error(
    `--words FILE: the output of bench/screens/frequent-words.ts${file ? ` (no file ${file})` : ""}`,
  );
  process.exit(1);
}
const analyzer = createAnalyzer();
const covered = new Set<string>();
for (const values of Object.values(EN_FR))
  for (const v of values) for (const t of analyzer.terms(v, "fr")) covered.add(t);
const words = readFileSync(file, "utf8")
  .trim()
  .split("\n")
  .map((line) => line.split("\t"));
const uncovered = words.filter(([word]) => {
  const terms = analyzer.terms(word ?? "", "fr");
  return terms.length > 0 && !terms.every((t) => covered.has(t));
});
console.log(uncovered.map((w) => w.join("\t")).join("\n"));
console.error(`${uncovered.length} of ${words.length} frequent words uncovered`);

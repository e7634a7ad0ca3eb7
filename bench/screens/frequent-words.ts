// Screen (gloss32): the most frequent French content words of the archive, by document frequency
// (an article counts once per word, title and body together), to choose the English → French
// glossary's entries (src/core/answer/glossary-en-fr-common.ts) by what the archive talks about.
// Words are lower-cased letter runs (apostrophes and hyphens split words, so `l'enquête` gives
// `enquête`); words of 3 letters or fewer, numbers and French stopwords (the project's list plus a
// few frequent function words below) are skipped. Prints `word<TAB>document frequency`, most frequent first.
//   node bin/run-ts.mjs bench/screens/frequent-words.ts [--top N, default 4000]
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { STOPWORDS_EXACT } from "../../src/core/text/stopwords.ts";
import { ORANGESUM_PATH } from "../lib/orangesum.ts";

const at = process.argv.indexOf("--top");
const top = at >= 0 ? Number(process.argv[at + 1]) : 4000;
if (!(Number.isInteger(top) && top > 0))
  throw new Error(`--top: a positive whole number, not ${process.argv[at + 1]}`);

// Function words and fillers the stopword list misses (only words of 4+ letters matter here).
const EXTRA_STOPWORDS = new Set([
  "avoir",
  "être",
  "fait",
  "faire",
  "entre",
  "depuis",
  "encore",
  "déjà",
  "chez",
  "contre",
  "vers",
  "sans",
  "sous",
  "dans",
  "pour",
  "avec",
  "mais",
  "donc",
  "comme",
  "cette",
  "leur",
  "leurs",
  "elle",
  "elles",
  "nous",
  "vous",
  "même",
  "mêmes",
  "peut",
  "doit",
  "était",
  "étaient",
  "sont",
  "sera",
  "seront",
  "aurait",
  "avait",
  "avaient",
  "cela",
  "ceci",
  "ici",
  "puis",
  "lors",
  "dont",
  "quelque",
  "quelques",
  "plusieurs",
  "chaque",
  "aucun",
  "aucune",
  "tant",
  "trop",
  "bien",
  "beaucoup",
  "jusqu",
  "lorsqu",
  "puisqu",
  "quoique",
  "parce",
  "pendant",
  "durant",
  "auprès",
  "cependant",
  "toutefois",
  "pourtant",
  "notamment",
]);

const { articles } = await loadCorpus(ORANGESUM_PATH);
const WORD = /\p{L}+/gu;
const df = new Map<string, number>();
for (const a of articles) {
  const seen = new Set<string>();
  for (const m of `${a.title}\n${a.body}`.toLowerCase().normalize("NFC").matchAll(WORD)) {
    const w = m[0];
    if (w.length <= 3 || STOPWORDS_EXACT.has(w) || EXTRA_STOPWORDS.has(w)) continue;
    seen.add(w);
  }
  for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
}
const ranked = [...df].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, top);
console.error(`${articles.length} articles, ${df.size} distinct words; top ${ranked.length}`);
for (const [w, n] of ranked) console.log(`${w}\t${n}`);
